"""The command line as a user runs it: real processes, real files, one-line errors."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ON_BOTH_DATABASES, SAMPLE, SAMPLE_GLOSSARY, run_cli as run


def _visible(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_align_json_covers_both_documents(cli_env):
    result = run(["align", str(SAMPLE / "source.zh.txt"), str(SAMPLE / "draft.en.txt"),
                  "--glossary", str(SAMPLE_GLOSSARY)], cli_env)
    assert result.returncode == 0, result.stderr
    pairs = json.loads(result.stdout)["pairs"]
    assert set(pairs[0]) == {"source", "target", "kind", "paragraph", "confidence"}
    source = (SAMPLE / "source.zh.txt").read_text("utf-8")
    draft = (SAMPLE / "draft.en.txt").read_text("utf-8")
    assert _visible("".join(p["source"] for p in pairs)) == _visible(source)
    assert _visible("".join(p["target"] for p in pairs)) == _visible(draft)
    omitted = [p for p in pairs if p["kind"] == "1-0"]
    assert [p["source"] for p in omitted] == ["根据协议，双方将在5G网络建设、智能制造、车联网、智慧农业等领域开展全方位合作。"]
    assert [p["paragraph"] for p in pairs] == sorted(p["paragraph"] for p in pairs)


def test_align_tsv(cli_env):
    result = run(["align", str(SAMPLE / "source.zh.txt"), str(SAMPLE / "draft.en.txt"), "--format", "tsv"], cli_env)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["paragraph", "kind", "confidence", "source", "target"]
    assert all(len(line.split("\t")) == 5 for line in lines)


@ON_BOTH_DATABASES
def test_import_status_and_list(cli_env):
    result = run(["import", "wuzheng", "--source", str(SAMPLE / "source.zh.txt"), "--draft",
                  str(SAMPLE / "draft.en.txt"), "--glossary", str(SAMPLE_GLOSSARY)], cli_env)
    assert result.returncode == 0, result.stderr
    assert "imported 'source' into 'wuzheng'" in result.stdout
    status = run(["status", "wuzheng"], cli_env)
    assert status.returncode == 0
    total = int(re.search(r"(\d+) segments", status.stdout).group(1))
    assert re.search(rf"draft\s+{total}\b", status.stdout)
    listing = run(["list"], cli_env)
    assert listing.stdout.startswith("wuzheng\t1 document(s)")


def _bad_files(tmp_path):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "undecodable.txt").write_bytes(b"abc \xff\xfe\xfd\xfa " * 30)
    (tmp_path / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (tmp_path / "huge.txt").write_bytes("五征。".encode() * 200_000)
    (tmp_path / "glossary.xml").write_text("<x/>", encoding="utf-8")
    (tmp_path / "bad-header.csv").write_text("chinese,english\n五征,Wuzheng\n", encoding="utf-8")


BAD_INPUT = [
    ("binary file", ["align", "{tmp}/binary.txt", "{draft}"], "binary.txt"),
    ("empty file", ["align", "{source}", "{tmp}/empty.txt"], "empty.txt: the file is empty"),
    ("undecodable bytes", ["align", "{tmp}/undecodable.txt", "{draft}"], "undecodable.txt"),
    ("corrupt docx", ["align", "{tmp}/corrupt.docx", "{draft}"], "corrupt.docx"),
    ("over the size cap", ["--max-size", "1", "align", "{tmp}/huge.txt", "{draft}"], "huge.txt"),
    ("missing file", ["align", "{tmp}/nope.txt", "{draft}"], "nope.txt: no such file"),
    ("unknown glossary type", ["align", "{source}", "{draft}", "--glossary", "{tmp}/glossary.xml"], "glossary.xml"),
    ("glossary without the columns", ["align", "{source}", "{draft}", "--glossary", "{tmp}/bad-header.csv"],
     "lacks the column"),
    ("source and draft swapped", ["import", "p", "--source", "{draft}", "--draft", "{source}"],
     "draft.en.txt: not a Chinese source"),
    ("the Chinese as the draft", ["check", "{source}", "{source}"], "source.zh.txt: not an English draft"),
    ("serve on an address that does not exist", ["serve", "--host", "999.1.1.1", "--port", "8799"],
     "cannot listen on 999.1.1.1:8799"),
    ("serve on a port out of range", ["serve", "--port", "99999"], "a port is a number from 1 to 65535"),
    ("unknown command", ["frobnicate"], "invalid choice"),
    ("missing argument", ["import", "p", "--source", "{source}"], "--draft"),
    ("unknown project", ["status", "nothing-here"], "no project named"),
    ("bad database URL", ["--db", "nosuchdialect://x", "list"], "cannot use database"),
]


@pytest.mark.parametrize("args,expected", [b[1:] for b in BAD_INPUT], ids=[b[0] for b in BAD_INPUT])
def test_bad_input_is_one_line_and_exit_2(tmp_path, cli_env, args, expected):
    _bad_files(tmp_path)
    values = {"tmp": str(tmp_path), "source": str(SAMPLE / "source.zh.txt"), "draft": str(SAMPLE / "draft.en.txt")}
    result = run([a.format(**values) for a in args], cli_env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in result.stderr


@ON_BOTH_DATABASES
def test_a_failed_import_keeps_what_was_saved(tmp_path, cli_env):
    _bad_files(tmp_path)
    ok = run(["import", "kept", "--source", str(SAMPLE / "source.zh.txt"), "--draft", str(SAMPLE / "draft.en.txt")],
             cli_env)
    assert ok.returncode == 0
    before = run(["status", "kept"], cli_env).stdout
    bad = run(["import", "kept", "--name", "other", "--source", str(tmp_path / "binary.txt"), "--draft",
               str(SAMPLE / "draft.en.txt")], cli_env)
    assert bad.returncode == 2
    assert run(["status", "kept"], cli_env).stdout == before
    swapped = run(["import", "kept", "--name", "swapped", "--source", str(SAMPLE / "draft.en.txt"), "--draft",
                   str(SAMPLE / "source.zh.txt")], cli_env)
    assert swapped.returncode == 2 and "not a Chinese source" in swapped.stderr
    assert run(["status", "kept"], cli_env).stdout == before


def test_check_configuration_in_the_store_and_next_to_the_glossary(tmp_path, cli_env):
    assert run(["import", "cfg", "--source", str(SAMPLE / "source.zh.txt"), "--draft",
                str(SAMPLE / "draft.en.txt")], cli_env).returncode == 0
    exported = tmp_path / "glossary.checks.toml"
    result = run(["config", "cfg", "--disable", "double_space,repeated_word", "--severity", "third_person_verb=info",
                  "--export", str(exported)], cli_env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"disabled": ["double_space", "repeated_word"],
                                         "severity": {"third_person_verb": "info"}}
    assert json.loads(run(["config", "cfg", "--enable", "repeated_word", "--export", str(exported)],
                          cli_env).stdout)["disabled"] == ["double_space"]
    bad = run(["config", "cfg", "--disable", "no_such_check"], cli_env)
    assert bad.returncode == 2 and "unknown check id" in bad.stderr
    # the exported file next to a glossary is used by `check`
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(SAMPLE_GLOSSARY.read_text("utf-8"), encoding="utf-8")
    report = json.loads(run(["check", str(SAMPLE / "source.zh.txt"), str(SAMPLE / "draft.en.txt"), "--glossary",
                             str(glossary), "--engine", "none", "--format", "json"], cli_env).stdout)
    checks = {f["check"]: f["severity"] for s in report["segments"] for f in s["findings"]}
    assert "double_space" not in checks and "repeated_word" in checks
    assert checks["third_person_verb"] == "info"
