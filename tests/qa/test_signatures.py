"""Every set of findings is signed with what it depends on: check ids and settings, the engine and its
version, the glossary and the aligner, in `check --format json`, in the app and in the export manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ON_BOTH_DATABASES, SAMPLE, SAMPLE_GLOSSARY, old_store, run_cli as run
from workbench.model import Term
from workbench.qa.config import CheckConfig
from workbench.qa.driver import Checker

TERMS = (Term("姜卫东", "Jiang Weidong", "person"),)


def signature(**settings):
    return Checker(lexicon=None, **settings).signature("banded-dp/2")


# (settings, which signature fields differ from the default checker's)
CHANGES = [
    ({}, set()),
    ({"terms": TERMS}, {"glossary"}),
    ({"config": CheckConfig(severity={"number_mismatch": "info"})}, {"config"}),
    ({"config": CheckConfig(disabled=frozenset({"number_mismatch"}))}, {"config", "checks"}),
    ({"only": frozenset({"number_mismatch"})}, {"checks"}),
]


@pytest.mark.parametrize("settings,differs", CHANGES, ids=["default", "glossary", "severity", "disabled", "only"])
def test_the_signature_changes_exactly_where_the_settings_do(settings, differs):
    default, changed = signature().to_dict(), signature(**settings).to_dict()
    fields = {"checks", "config", "engine", "glossary", "aligner", "workbench"}
    assert {f for f in fields if default[f] != changed[f]} == differs
    assert (default["text"] == changed["text"]) == (not differs)


def test_an_equal_checker_signs_alike_and_names_its_parts():
    first, second = signature(terms=TERMS), signature(terms=TERMS)
    assert first == second
    assert first.text().startswith(f"checks:{len(first.checks)}@")
    assert "|engine:none|glossary:1 terms@" in first.text() and "|aligner:banded-dp/2|" in first.text()
    assert "number_mismatch" in first.checks and "grammar" not in first.checks


def test_check_json_carries_the_signature_of_the_run(cli_env):
    args = ["check", str(SAMPLE / "source.zh.txt"), str(SAMPLE / "draft.en.txt"), "--glossary",
            str(SAMPLE_GLOSSARY), "--format", "json"]
    plain = json.loads(run(args + ["--engine", "none"], cli_env).stdout)["signature"]
    assert plain["engine"] == "none" and plain["aligner"] == "banded-dp/2"
    assert plain["glossary"].startswith(f"{len(SAMPLE_GLOSSARY.read_text('utf-8').splitlines()) - 1} terms@")
    only = json.loads(run(args + ["--engine", "none", "--checks", "number_mismatch"], cli_env).stdout)["signature"]
    assert only["checks"] == ["number_mismatch"] and only["text"] != plain["text"]
    harper = json.loads(run(args + ["--engine", "harper"], cli_env).stdout)["signature"]
    assert harper["engine"].startswith("harper-") and harper["engine"].endswith("/american")
    assert "grammar" in harper["checks"]


@ON_BOTH_DATABASES
def test_the_manifest_names_each_documents_signature(tmp_path, factory):
    """In process, through the use cases `workbench import` and `workbench export` call."""
    from workbench.project.exporting import export_release
    from workbench.project.importing import import_bilingual, import_files
    from workbench.project.review import decide

    import_files(factory, "signed", SAMPLE / "source.zh.txt", SAMPLE / "draft.en.txt", SAMPLE_GLOSSARY)
    bilingual = tmp_path / "pairs.tmx"
    export_release(factory, "signed", "tmx", bilingual, "cli", include_unapproved=True)
    import_bilingual(factory, "signed", bilingual, name="memory")
    decide(factory, "signed", "approve", "Zhao Min", None)
    output = tmp_path / "release.txt"
    export_release(factory, "signed", "txt", output, "cli")
    signatures = json.loads(Path(str(output) + ".manifest.json").read_text("utf-8"))["check_signatures"]
    assert set(signatures) == {"source", "memory"}
    assert "|aligner:banded-dp/2|" in signatures["source"] and "|aligner:as-imported|" in signatures["memory"]
    assert "|engine:none|" in signatures["source"]


def test_a_document_imported_before_aligners_were_kept_is_signed_unknown(tmp_path, sample):
    from workbench.project.release import open_findings
    from workbench.store import repository
    from workbench.store.engine import session_factory

    url = old_store(tmp_path / "old.db", "0003",
                    "INSERT INTO project (id, name, created_at, check_config) "
                    "VALUES (1, 'archive', '2025-01-02 03:04:05', '{}')",
                    "INSERT INTO document (id, project_id, name, source_file, draft_file, source_text, draft_text, "
                    "length_ratio, created_at) VALUES (1, 1, 'old', 'a', 'b', '五征。', 'Wuzheng.', 3.0, "
                    "'2025-01-02 03:04:05')")
    factory = session_factory(url)  # brings the store up to the newest schema
    assert "|aligner:unknown|" in open_findings(factory, "archive").signatures["old"]
    repository.import_document(factory, "archive", "new", "s", "d", sample.source.text, sample.draft.text,
                               sample.alignment)
    assert "|aligner:banded-dp/2|" in open_findings(factory, "archive").signatures["new"]
