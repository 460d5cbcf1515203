"""Hostile and clumsy input through the real command line: handled correctly, or one line and exit 2.

Each case makes its file(s) in a fresh folder, runs `python -m workbench.cli.main` in a subprocess with an address-space
limit and a timeout, against a copy of a store that already holds the sample project, and checks: the outcome
(correct handling, or one clear stderr line and exit 2), no traceback, nothing fetched from the network, and every
row that was in the store before still there unchanged (exactly the same rows after a refusal).
The table and what each case gets are in docs/hostile.md.
"""

from __future__ import annotations

import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import pytest

from tests import hostile_files as make
from tests import hostile_checks as check
from tests.conftest import SAMPLE, SAMPLE_GLOSSARY

PROJECT = "wuzheng-5g"  # the sample, imported once into the template store
TEXTS = "hostile-text"  # a second project whose draft carries script, formulas and bidi controls
MEMORY_LIMIT = 2 * 1024**3  # address space of each command; numba and lxml fit in well under it
TIME_LIMIT = 90.0  # seconds, hard (the subprocess is killed); each case states its own expected bound too
WORKERS = 2  # the machines have two cores


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    maker: Callable[[Path, str], object]  # writes the hostile file(s) into the folder; gets the canary URL
    args: tuple[str, ...]  # {dir}: the folder; {source}, {draft}, {glossary}: the sample's files
    refusal: str | None = None  # a phrase of the one stderr line (exit 2); None: the command must succeed
    verify: Callable[[check.Ran], None] | None = None  # what correct handling is, for a command that succeeds
    exit_codes: tuple[int, ...] = (0,)
    store: bool = True
    seconds: float = 30.0  # generous: the bound is there to catch a hang or a blow-up, on a busy machine
    unchanged: tuple[str, ...] = field(default=())  # files that must not appear after the command


def refused(case_id, maker, args, phrase, **options) -> Case:
    return Case(case_id, maker, tuple(args), refusal=phrase, **options)


def handled(case_id, maker, args, verify, **options) -> Case:
    return Case(case_id, maker, tuple(args), verify=verify, **options)


IMPORT = ("import", PROJECT, "--name", "hostile")  # refusals go against the existing project
IMPORT_NEW = ("import", "other", "--name", "hostile")  # accepted files go into a new one
SAMPLE_PAIR = ("--source", "{source}", "--draft", "{draft}")


def nothing(folder, url):
    """The case needs no file of its own."""


def export_case(fmt: str, suffix: str, reader) -> Case:
    return handled(f"export-{fmt}-script-formulas-bidi", nothing,
                   ("export", TEXTS, "--format", fmt, "--output", "{dir}/out" + suffix, "--include-unapproved"),
                   check.exported(reader, suffix))


# ---------------------------------------------------------------- the cases

XXE_ENTITY = make.XXE.replace("{root}", "w:document").encode()
LAUGHS_DOCX = make.LAUGHS.replace("{root}", "w:document").encode()
EXTERNAL_DOCX = make.EXTERNAL_DTD.replace("{root}", "w:document").encode()
BAD_GLOSSARY = ["五征集团,Wuzheng Group,organization,,", ",Orphan,term,,", "五征集团,,term,,", ",,,,",
                "五征集团,Wuzheng Corp,organization,,", "蒋卫东,Jiang Weidong,person,,\"" + "长" * 200_000 + "\"",
                "蒋卫东,Jiang Weidong,person,,"]
FORMULA_GLOSSARY = [f"术语{i},\"{f.replace(chr(34), chr(34) * 2)}\",term,," for i, f in enumerate(make.FORMULAS)]

CASES = [
    # .docx: damaged, bombs, and parts that point outside
    refused("docx-truncated", make.truncated_docx, (*IMPORT, "--source", "{dir}/source.docx", "--draft", "{draft}"),
            "corrupt or truncated zip"),
    refused("docx-not-a-zip", make.text_file("source.docx", "五征集团签约。".encode()),
            (*IMPORT, "--source", "{dir}/source.docx", "--draft", "{draft}"), "not a Word .docx"),
    refused("docx-corrupt-xml", make.docx_with_document_xml(b"<w:document " + make.WORD + b"><w:body><w:p>"),
            (*IMPORT, "--source", "{dir}/source.docx", "--draft", "{draft}"), "corrupt .docx"),
    refused("docx-without-text", make.docx_with_document_xml(make.document_xml(b"")),
            (*IMPORT, "--source", "{dir}/source.docx", "--draft", "{draft}"), "has no text"),
    refused("docx-zip-bomb", make.docx_bomb, (*IMPORT, "--source", "{dir}/source.docx", "--draft", "{draft}"),
            "zip bomb"),
    refused("docx-bilingual-zip-bomb", make.docx_bomb, (*IMPORT, "--bilingual", "{dir}/source.docx"), "zip bomb"),
    refused("docx-bilingual-truncated", make.truncated_docx, (*IMPORT, "--bilingual", "{dir}/source.docx"),
            "corrupt or truncated"),
    handled("docx-external-template-and-image", make.docx_external_relationships,
            (*IMPORT_NEW, "--source", "{dir}/source.docx", "--draft", "{draft}"), check.docx_text_imported),
    handled("docx-xxe-entity", make.docx_with_document_xml(
        make.document_xml(make.para(b"&xxe;") + make.para("五征集团签约。".encode()), XXE_ENTITY)),
        ("align", "{dir}/source.docx", "{draft}"), check.entity_never_expanded, store=False),
    handled("docx-external-dtd", make.docx_with_document_xml(
        make.document_xml(make.para("五征集团签约。".encode()), EXTERNAL_DOCX)),
        (*IMPORT_NEW, "--source", "{dir}/source.docx", "--draft", "{draft}"), check.entity_never_expanded),
    refused("docx-billion-laughs", make.docx_with_document_xml(make.document_xml(make.para(b"&j;"), LAUGHS_DOCX)),
            (*IMPORT, "--source", "{dir}/source.docx", "--draft", "{draft}"), "source.docx"),
    handled("docx-bilingual-script-in-cells", make.bilingual_docx([("五征集团签约。", make.SCRIPT)]),
            (*IMPORT_NEW, "--bilingual", "{dir}/bilingual.docx"), check.script_kept_as_text),
    # XLIFF, TMX, TBX: entities, DTDs, truncation
    refused("xliff-xxe", make.copy_hostile("xliff-xxe.xlf"), (*IMPORT, "--bilingual", "{dir}/xliff-xxe.xlf"),
            "DOCTYPE"),
    refused("xliff-billion-laughs", make.copy_hostile("xliff-billion-laughs.xlf"),
            (*IMPORT, "--bilingual", "{dir}/xliff-billion-laughs.xlf"), "DOCTYPE"),
    refused("xliff-parameter-entity", make.xml_file("in.xlf", make.xliff(make.PARAMETER)),
            (*IMPORT, "--bilingual", "{dir}/in.xlf"), "DOCTYPE"),
    refused("xliff-external-dtd", make.xml_file("in.xlf", make.xliff(make.EXTERNAL_DTD)),
            (*IMPORT, "--bilingual", "{dir}/in.xlf"), "DOCTYPE"),
    refused("xliff-truncated", make.xml_file("in.xlf", make.xliff()[:-40]), (*IMPORT, "--bilingual", "{dir}/in.xlf"),
            "not well-formed XML"),
    refused("xliff-without-units", make.xml_file("in.xlf", make.xliff().split("<unit")[0] + "</file></xliff>"),
            (*IMPORT, "--bilingual", "{dir}/in.xlf"), "no translation units"),
    refused("tmx-xxe", make.xml_file("tm.tmx", make.tmx(make.XXE, "&xxe;")), ("suggest", PROJECT, "--tm", "{dir}/tm.tmx"),
            "DOCTYPE"),
    refused("tmx-billion-laughs", make.xml_file("tm.tmx", make.tmx(make.LAUGHS, "&j;")),
            ("suggest", PROJECT, "--tm", "{dir}/tm.tmx"), "DOCTYPE"),
    refused("tmx-parameter-entity", make.xml_file("in.tmx", make.tmx(make.PARAMETER)),
            (*IMPORT, "--bilingual", "{dir}/in.tmx"), "DOCTYPE"),
    refused("tmx-external-dtd", make.xml_file("in.tmx", make.tmx(make.EXTERNAL_DTD)),
            (*IMPORT, "--bilingual", "{dir}/in.tmx"), "DOCTYPE"),
    refused("tmx-truncated", make.copy_hostile("tmx-truncated.tmx"),
            ("suggest", PROJECT, "--tm", "{dir}/tmx-truncated.tmx"), "not well-formed XML"),
    refused("tbx-xxe-passwd", make.copy_hostile("xxe-passwd.tbx"),
            (*IMPORT, *SAMPLE_PAIR, "--glossary", "{dir}/xxe-passwd.tbx"), "DOCTYPE"),
    refused("tbx-billion-laughs", make.copy_hostile("billion-laughs.tbx"),
            ("check", *SAMPLE_PAIR[1::2], "--glossary", "{dir}/billion-laughs.tbx", "--engine", "none"), "DOCTYPE",
            store=False),
    refused("tbx-parameter-entity", make.copy_hostile("xxe-parameter-entity.tbx"),
            ("align", *SAMPLE_PAIR[1::2], "--glossary", "{dir}/xxe-parameter-entity.tbx"), "DOCTYPE", store=False),
    refused("tbx-external-dtd-fix-writes-nothing", make.copy_hostile("external-dtd.tbx"),
            ("fix", *SAMPLE_PAIR[1::2], "--glossary", "{dir}/external-dtd.tbx", "-o", "{dir}/fixed.txt"), "DOCTYPE",
            store=False, unchanged=("fixed.txt",)),
    refused("tbx-truncated", make.copy_hostile("truncated.tbx"),
            (*IMPORT, *SAMPLE_PAIR, "--glossary", "{dir}/truncated.tbx"), "not well-formed XML"),
    refused("tbx-100k-entries", make.tbx_entries(100_000),
            (*IMPORT, *SAMPLE_PAIR, "--glossary", "{dir}/glossary.tbx"), "over the 10 MB size cap"),
    # plain text: encodings, binary, size, long lines, bidi and zero-width, markup
    handled("txt-utf16le-without-bom", make.encoded("source.txt", make.SOURCE_TEXT, "utf-16-le"),
            (*IMPORT_NEW, "--source", "{dir}/source.txt", "--draft", "{draft}"), check.same_texts_as_sample),
    handled("txt-utf16be-without-bom", make.encoded("draft.txt", make.DRAFT_TEXT, "utf-16-be"),
            (*IMPORT_NEW, "--source", "{source}", "--draft", "{dir}/draft.txt"), check.same_texts_as_sample),
    handled("txt-gb18030", make.encoded("source.txt", make.SOURCE_TEXT, "gb18030"),
            (*IMPORT_NEW, "--source", "{dir}/source.txt", "--draft", "{draft}"), check.same_texts_as_sample),
    refused("txt-invalid-utf8", make.invalid_utf8, (*IMPORT, "--source", "{source}", "--draft", "{dir}/draft.txt"),
            "not valid UTF-8 at byte 1381 (line 9)"),
    refused("txt-nul-bytes", make.text_file("draft.txt", make.DRAFT_TEXT.replace(" ", "\x00", 3).encode()),
            (*IMPORT, "--source", "{source}", "--draft", "{dir}/draft.txt"), "NUL"),
    refused("txt-binary", make.text_file("source.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64),
            (*IMPORT, "--source", "{dir}/source.txt", "--draft", "{draft}"), "binary file"),
    refused("txt-that-is-a-docx", lambda folder, url: make.sample_docx(folder, "source.txt"),
            (*IMPORT, "--source", "{dir}/source.txt", "--draft", "{draft}"), "source.txt"),
    refused("txt-100-mb", make.hundred_megabytes, (*IMPORT, "--source", "{dir}/source.txt", "--draft", "{draft}"),
            "over the 50 MB size cap"),
    refused("txt-empty", make.text_file("draft.txt", b""), (*IMPORT, "--source", "{source}", "--draft",
                                                            "{dir}/draft.txt"), "empty"),
    refused("txt-only-whitespace", make.text_file("draft.txt", " \n\n\t\u3000\n".encode()),
            (*IMPORT, "--source", "{source}", "--draft", "{dir}/draft.txt"), "empty"),
    handled("txt-single-1-mb-line", make.text_file("draft.txt", ("word " * 210_000).encode()),
            ("align", "{source}", "{dir}/draft.txt"), check.one_huge_segment, store=False, seconds=30),
    handled("txt-rtl-and-zero-width", make.lines_pair(["五征集团签约。", "双向文字。"],
                                                      ["Wuzheng signed.", make.RTL_AND_ZERO_WIDTH]),
            (*IMPORT_NEW, "--source", "{dir}/source.txt", "--draft", "{dir}/draft.txt"), check.bidi_kept_exactly),
    handled("txt-html-and-script", make.lines_pair(["五征集团签约。", "这是第二句。"], [make.SCRIPT, "This is two."]),
            (*IMPORT_NEW, "--source", "{dir}/source.txt", "--draft", "{dir}/draft.txt"), check.script_kept_as_text),
    # exports of text that carries script, formulas and bidi controls: inert in every format
    export_case("xliff", ".xlf", check.xml_targets),
    export_case("tmx", ".tmx", check.xml_targets),
    export_case("docx", ".docx", check.docx_targets),
    export_case("csv", ".csv", check.csv_targets),
    export_case("xlsx", ".xlsx", check.xlsx_targets),
    export_case("json", ".json", check.json_targets),
    # glossaries
    handled("glossary-empty-duplicate-huge-rows", make.glossary_rows(BAD_GLOSSARY),
            (*IMPORT_NEW, *SAMPLE_PAIR, "--glossary", "{dir}/glossary.csv"), check.glossary_problems_named),
    handled("glossary-formula-payloads", make.glossary_rows(FORMULA_GLOSSARY),
            (*IMPORT_NEW, *SAMPLE_PAIR, "--glossary", "{dir}/glossary.csv"), check.formulas_stored_as_typed),
    handled("glossary-20k-rows", make.many_glossary_rows(20_000),
            (*IMPORT_NEW, *SAMPLE_PAIR, "--glossary", "{dir}/glossary.csv"), check.terms_count(20_000), seconds=40),
    refused("glossary-empty-file", make.text_file("glossary.csv", b""),
            (*IMPORT, *SAMPLE_PAIR, "--glossary", "{dir}/glossary.csv"), "empty"),
    refused("glossary-nul-bytes", make.text_file("glossary.csv", b"source,target\n\x00\x00,\x00\n"),
            (*IMPORT, *SAMPLE_PAIR, "--glossary", "{dir}/glossary.csv"), "NUL"),
    refused("glossary-xlsx-not-a-zip", make.text_file("glossary.xlsx", "source,target\n五征,Wuzheng\n".encode()),
            (*IMPORT, *SAMPLE_PAIR, "--glossary", "{dir}/glossary.xlsx"), "not an .xlsx workbook"),
    refused("glossary-xlsx-zip-bomb", make.xlsx_bomb, (*IMPORT, *SAMPLE_PAIR, "--glossary", "{dir}/glossary.xlsx"),
            "zip bomb"),
    # paths: spaces and unicode, things that are not regular files
    handled("path-spaces-and-unicode", make.unicode_paths,
            ("import", "other", "--source", "{dir}/新 闻 稿 (final) — 草稿/五征 新闻稿.zh.txt",
             "--draft", "{dir}/新 闻 稿 (final) — 草稿/draft (v2) — final.txt"), check.named_from_unicode_path),
    refused("path-directory", make.directory, (*IMPORT, "--source", "{dir}/folder.txt", "--draft", "{draft}"),
            "not a regular file"),
    refused("path-symlink-loop", make.symlink_loop, (*IMPORT, "--source", "{dir}/a.txt", "--draft", "{draft}"),
            "cannot read"),
    refused("path-fifo", make.fifo, (*IMPORT, "--source", "{dir}/pipe.txt", "--draft", "{draft}"),
            "not a regular file"),
    refused("path-device", make.device, (*IMPORT, "--source", "{dir}/zero.txt", "--draft", "{draft}"),
            "not a regular file"),
    refused("path-name-too-long", nothing, (*IMPORT, "--source", "{dir}/" + "长" * 200 + ".txt", "--draft", "{draft}"),
            "cannot read"),
    refused("export-into-a-missing-folder", nothing,
            ("export", PROJECT, "--format", "csv", "--output", "{dir}/no/such/folder/out.csv", "--include-unapproved"),
            "out.csv"),
    refused("export-onto-a-directory", make.directory,
            ("export", PROJECT, "--format", "csv", "--output", "{dir}/folder.txt", "--include-unapproved"),
            "folder.txt"),
    refused("replace-broken-regex", nothing, ("replace", PROJECT, "([", "x", "--regex", "--apply", "--as", "Lin"),
            "not a regular expression"),
    refused("replace-empty-match", nothing, ("replace", PROJECT, "(?=W)", "x", "--regex", "--apply", "--as", "Lin"),
            "matches the empty string"),
    refused("quality-report-unknown-format", nothing, ("quality", PROJECT, "--report", "{dir}/q.pdf"), "q.pdf"),
    refused("mark-unknown-category", nothing,
            ("mark", PROJECT, "1", "--category", "accurracy", "--severity", "major", "--as", "Chen"), "categories:"),
    refused("comment-too-long", nothing, ("comment", PROJECT, "1", "--text", "x" * 6000, "--as", "Chen"), "5000"),
]


# ---------------------------------------------------------------- the runner


class _Canary(BaseHTTPRequestHandler):
    hits: list[str] = []  # request paths; each case's URLs start with /<case id>/

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def canary():
    """A local HTTP server that external DTDs and relationships point at: any request to it is a failure."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Canary.hits
    server.shutdown()


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cli(args, env, timeout=TIME_LIMIT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbench.cli.main", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, preexec_fn=_limit_memory)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A store holding the sample project and a project whose draft carries script, formulas and bidi controls."""
    folder = tmp_path_factory.mktemp("template")
    db = folder / "store.db"
    env = _env(db, tmp_path_factory)
    make.lines_pair(["五征集团签约。", "公式一。", "公式二。", "公式三。", "公式四。", "双向文字。"],
                    [make.SCRIPT, *make.FORMULAS, make.RTL_AND_ZERO_WIDTH])(folder, "")
    for args in (("import", PROJECT, *SAMPLE_PAIR, "--glossary", str(SAMPLE_GLOSSARY)),
                 ("import", TEXTS, "--source", str(folder / "source.txt"), "--draft", str(folder / "draft.txt"))):
        args = [a.format(source=SAMPLE / "source.zh.txt", draft=SAMPLE / "draft.en.txt") for a in args]
        result = cli(args, env)
        assert result.returncode == 0, result.stderr
    return db


def _env(db: Path | None, tmp_path_factory) -> dict:
    import os

    env = dict(os.environ, WORKBENCH_CACHE=str(tmp_path_factory.getbasetemp() / "cache"))
    env["WORKBENCH_DB"] = f"sqlite:///{db}" if db else "sqlite:////nonexistent/no-store-for-this-command.db"
    return env


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: what "the project's existing data" is."""
    with sqlite3.connect(db) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in tables}


@dataclass(frozen=True, slots=True)
class Outcome:
    ran: check.Ran
    seconds: float
    fetched: list[str]
    before: dict | None
    after: dict | None


def run_case(case: Case, folder: Path, template: Path, canary, tmp_path_factory) -> Outcome:
    url, hits = canary
    inputs = folder / "in"
    inputs.mkdir()
    case.maker(inputs, f"{url}/{case.id}")
    db = before = after = None
    if case.store:
        db = folder / "store.db"
        shutil.copyfile(template, db)
        before = snapshot(db)
    args = [a.format(dir=inputs, source=SAMPLE / "source.zh.txt", draft=SAMPLE / "draft.en.txt") for a in case.args]
    started = time.perf_counter()
    result = cli(args, _env(db, tmp_path_factory))
    seconds = time.perf_counter() - started
    if db is not None:
        after = snapshot(db)
    return Outcome(check.Ran(result, inputs, db), seconds, [hit for hit in hits if hit.startswith(f"/{case.id}/")],
                   before, after)


NO_CALLSPEC = type("NoCallspec", (), {"params": {}})


@pytest.fixture(scope="module")
def outcomes(request, template, canary, tmp_path_factory):
    """Run the selected cases two at a time (the commands are single-threaded); each test then judges its own."""
    selected = {item.callspec.params["case"].id for item in request.session.items
                if item.module is sys.modules[__name__] and "case" in getattr(item, "callspec", NO_CALLSPEC).params}
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        yield {case.id: pool.submit(run_case, case, tmp_path_factory.mktemp(case.id), template, canary,
                                    tmp_path_factory)
               for case in CASES if case.id in selected}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case, outcomes):
    outcome = outcomes[case.id].result()
    result = outcome.ran.result
    assert "Traceback" not in result.stderr, result.stderr
    assert outcome.seconds < case.seconds, f"took {outcome.seconds:.1f} s"
    assert outcome.fetched == [], f"fetched {outcome.fetched} from the network"
    for name in case.unchanged:
        assert not (outcome.ran.folder / name).exists()
    if case.refusal is not None:
        assert result.returncode == 2, result.stdout + result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("workbench: "), result.stderr
        assert case.refusal in lines[0], lines[0]
    else:
        assert result.returncode in case.exit_codes, result.stderr
        case.verify(outcome.ran)
    if outcome.before is not None:
        if case.refusal is not None:
            assert outcome.after == outcome.before
        else:
            for table, rows in outcome.before.items():
                missing = [row for row in rows if row not in outcome.after[table]]
                assert missing == [], f"{table}: rows changed or lost"


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40 and len({case.id for case in CASES}) == len(CASES)
