"""The approval gate and the release export from the command line, with the manifest beside it."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.conftest import ON_BOTH_DATABASES, SAMPLE, SAMPLE_GLOSSARY, run_cli as run


@pytest.fixture
def project(cli_env):
    result = run(["import", "release", "--source", str(SAMPLE / "source.zh.txt"), "--draft",
                  str(SAMPLE / "draft.en.txt"), "--glossary", str(SAMPLE_GLOSSARY)], cli_env)
    assert result.returncode == 0, result.stderr
    return "release"


@ON_BOTH_DATABASES
def test_export_is_refused_until_everything_is_approved(tmp_path, cli_env, project):
    output = tmp_path / "release.txt"
    assert run(["approve", project, "--segments", "1-3,5", "--as", "Lin Fang"], cli_env).returncode == 0
    refused = run(["export", project, "--format", "txt", "--output", str(output)], cli_env)
    assert refused.returncode == 3
    assert "11 of 15 segment(s)" in refused.stderr and "4, 6-15" in refused.stderr
    assert not output.exists() and not (tmp_path / "release.txt.manifest.json").exists()
    marked = run(["export", project, "--format", "csv", "--output", str(tmp_path / "all.csv"),
                  "--include-unapproved"], cli_env)
    assert marked.returncode == 0, marked.stderr
    rows = (tmp_path / "all.csv").read_text("utf-8-sig").splitlines()
    assert ",approved," in rows[1] and ",draft," in rows[4]


@ON_BOTH_DATABASES
def test_manifest_records_approvals_hash_and_editing_effort(tmp_path, cli_env, project):
    assert run(["reject", project, "--segments", "7", "--as", "Lin Fang", "--comment", "grammar"],
               cli_env).returncode == 0
    assert run(["approve", project, "--all", "--as", "Zhao Min", "--comment", "final read"], cli_env).returncode == 0
    output = tmp_path / "release.json"
    result = run(["export", project, "--format", "json", "--output", str(output), "--as", "Zhao Min"], cli_env)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "release.json.manifest.json").read_text("utf-8"))
    assert manifest["output"]["sha256"] == hashlib.sha256(output.read_bytes()).hexdigest()
    assert manifest["segments_by_status"] == {"approved": 15}
    assert {a["by"] for a in manifest["approvals"]} == {"Zhao Min"}
    assert manifest["editing_effort"]["bleu"] == 100.0  # nothing was edited: the draft is the final text
    assert manifest["editing_effort"]["ter"] == 0.0
    assert manifest["project"] == "release" and manifest["workbench_version"]
    units = json.loads(output.read_text("utf-8"))["units"]
    assert "grammar" in units[6]["comments"] and units[6]["approver"] == "Zhao Min"


def test_unknown_segments_and_missing_reviewer(cli_env, project):
    bad = run(["approve", project, "--segments", "3,40-41", "--as", "Lin"], cli_env)
    assert bad.returncode == 2 and "no segment 40-41" in bad.stderr
    assert run(["approve", project, "--segments", "9-3", "--as", "Lin"], cli_env).returncode == 2
    assert run(["approve", project, "--all"], cli_env).returncode == 2
    status = run(["status", project], cli_env).stdout
    assert "approved  0" in status


def test_glossary_export_as_tbx(tmp_path, cli_env, project):
    output = tmp_path / "glossary.tbx"
    result = run(["export", project, "--format", "tbx", "--output", str(output)], cli_env)
    assert result.returncode == 0, result.stderr
    from workbench.formats import tbx

    terms = tbx.read(output).terms
    assert {t.source: t.target for t in terms}["蒋卫东"] == "Jiang Weidong"


@ON_BOTH_DATABASES
def test_edits_are_revisions_and_a_stale_save_is_refused(cli_env, project):
    first = run(["edit", project, "3", "--text", "The signing ceremony was held on December 12.", "--as", "Lin",
                 "--expect-version", "1"], cli_env)
    assert first.returncode == 0 and "version 2" in first.stdout
    stale = run(["edit", project, "3", "--text", "Another text.", "--as", "Wang", "--expect-version", "1"], cli_env)
    assert stale.returncode == 3
    assert "The signing ceremony was held on December 12." in stale.stderr  # the other person's text is shown
    from workbench.store.editing import history, segment_id_for
    from workbench.store.engine import session_factory

    factory = session_factory(cli_env["WORKBENCH_DB"])
    revisions = history(factory, segment_id_for(factory, project, 3))
    assert [(r.version, r.author) for r in revisions] == [(1, "import"), (2, "Lin")]
    assert "edited    1" in run(["status", project], cli_env).stdout


@pytest.mark.parametrize("fmt,suffix", [("xliff", "xlf"), ("xliff12", "xlf"), ("tmx", "tmx"),
                                        ("docx-bilingual", "docx")])
def test_exported_bilingual_files_import_without_alignment(tmp_path, cli_env, project, fmt, suffix):
    output = tmp_path / f"release.{suffix}"
    assert run(["export", project, "--format", fmt, "--output", str(output), "--include-unapproved"],
               cli_env).returncode == 0
    result = run(["import", "again", "--bilingual", str(output)], cli_env)
    assert result.returncode == 0, result.stderr
    assert "15 segments" in result.stdout and "no alignment needed" in result.stdout
    original = json.loads(run(["export", project, "--format", "json", "--output", str(tmp_path / "a.json"),
                               "--include-unapproved"], cli_env).returncode == 0 and
                          (tmp_path / "a.json").read_text("utf-8"))["units"]
    assert run(["export", "again", "--format", "json", "--output", str(tmp_path / "b.json"), "--include-unapproved"],
               cli_env).returncode == 0
    again = json.loads((tmp_path / "b.json").read_text("utf-8"))["units"]
    assert [(u["source"], u["target"]) for u in again] == [(u["source"], u["target"]) for u in original]


def test_suggest_offers_fuzzy_matches_from_a_tmx_memory(tmp_path, cli_env, project):
    memory = tmp_path / "memory.tmx"
    assert run(["export", project, "--format", "tmx", "--output", str(memory), "--include-unapproved"],
               cli_env).returncode == 0
    other = tmp_path / "other.zh.txt"
    other.write_text("五征集团与中国联通日照分公司签署5G战略合作协议\n\n天气很好。", encoding="utf-8")
    draft = tmp_path / "other.en.txt"
    draft.write_text("Wuzheng Group and China Unicom signed a 5G deal\n\nThe weather is fine.", encoding="utf-8")
    assert run(["import", "new", "--source", str(other), "--draft", str(draft)], cli_env).returncode == 0
    result = run(["suggest", "new", "--tm", str(memory)], cli_env)
    assert result.returncode == 0, result.stderr
    assert "China Mobile(Rizhao) signed a 5G strategic cooperation" in result.stdout
    assert "天气很好" not in result.stdout.split("[2]")[-1] or "[2]" not in result.stdout


def test_unapproved_segments_included_on_request_are_marked_in_text_and_word(tmp_path, cli_env, project):
    """"--include-unapproved" exports them marked: a format with a status field (XLIFF, CSV, ...) says it
    there, plain text and the Word document put the status before the segment's English."""
    import docx

    assert run(["approve", project, "--segments", "1", "--as", "Lin Fang"], cli_env).returncode == 0
    assert run(["reject", project, "--segments", "3", "--as", "Lin Fang", "--comment", "wrong name"],
               cli_env).returncode == 0
    for fmt, suffix in (("txt", ".txt"), ("docx", ".docx"), ("xliff", ".xlf")):
        assert run(["export", project, "--format", fmt, "--output", str(tmp_path / f"all{suffix}"),
                    "--include-unapproved"], cli_env).returncode == 0
    text = (tmp_path / "all.txt").read_text("utf-8")
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("Wuzheng Group and China Mobile") and "[" not in paragraphs[0]  # approved
    assert paragraphs[1].startswith("[draft] ")
    assert "[rejected] " in text
    word = [p.text for p in docx.Document(str(tmp_path / "all.docx")).paragraphs]
    assert [p.split(" ", 1)[0] for p in word[:2]] == ["Wuzheng", "[draft]"]
    assert "[draft]" not in (tmp_path / "all.xlf").read_text("utf-8")  # XLIFF has its state for that
    efforts = {fmt: json.loads((tmp_path / f"all{suffix}.manifest.json").read_text())["editing_effort"]["ter"]
               for fmt, suffix in (("txt", ".txt"), ("xliff", ".xlf"))}
    assert efforts["txt"] == efforts["xliff"]  # the effort is measured on the English, not on the marks
