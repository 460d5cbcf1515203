"""Killing the workbench (SIGKILL) in the middle of an import, an export or a restore leaves the store as it
was before the command and no partial or temporary file. The process is stopped at a named point inside
the work (WORKBENCH_TEST_PAUSE, workbench/infra/pause.py) and killed exactly there."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from tests.conftest import ON_BOTH_DATABASES, SAMPLE, SAMPLE_GLOSSARY, run_cli as run, store_rows

SOURCE, DRAFT = str(SAMPLE / "source.zh.txt"), str(SAMPLE / "draft.en.txt")


def kill_at(point: str, args, env) -> None:
    """Start the command, wait until it says it is paused at POINT, and SIGKILL it there."""
    process = subprocess.Popen([sys.executable, "-m", "workbench.cli.main", *args], env={**env, "WORKBENCH_TEST_PAUSE": point},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        said = []
        for line in process.stderr:
            said.append(line)
            if line == f"workbench: paused at {point}\n":
                break
        else:
            pytest.fail(f"the command ended before reaching {point}: {''.join(said)}")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def what_a_user_sees(env, project: str):
    """What `list` and `status` print, read through the same core functions."""
    from workbench.store.engine import session_factory
    from workbench.store.repository import list_projects, project_status

    factory = session_factory(env["WORKBENCH_DB"])
    return list_projects(factory), project_status(factory, project)


@pytest.fixture
def imported(cli_env):
    result = run(["import", "kept", "--source", SOURCE, "--draft", DRAFT, "--glossary", str(SAMPLE_GLOSSARY)], cli_env)
    assert result.returncode == 0, result.stderr
    return "kept"


IMPORTS = [
    ("into a new project", ["import", "new", "--source", SOURCE, "--draft", DRAFT]),
    ("a second document", ["import", "kept", "--name", "second", "--source", SOURCE, "--draft", DRAFT,
                           "--glossary", str(SAMPLE_GLOSSARY)]),
]


@ON_BOTH_DATABASES
@pytest.mark.parametrize("args", [i[1] for i in IMPORTS], ids=[i[0] for i in IMPORTS])
def test_an_import_killed_before_its_commit_changes_nothing(db_url, cli_env, imported, args):
    rows, seen = store_rows(db_url), what_a_user_sees(cli_env, imported)
    kill_at("import-before-commit", args, cli_env)
    assert store_rows(db_url) == rows
    assert what_a_user_sees(cli_env, imported) == seen
    again = run(args, cli_env)  # nothing half-done (or locked) stands in the way of running it again
    assert again.returncode == 0, again.stderr


@ON_BOTH_DATABASES
@pytest.mark.parametrize("earlier", [None, b"an earlier export\n"], ids=["fresh", "over-an-earlier-export"])
def test_an_export_killed_while_writing_leaves_no_partial_file(tmp_path, db_url, cli_env, imported, earlier):
    assert run(["approve", imported, "--all", "--as", "Zhao Min"], cli_env).returncode == 0
    folder = tmp_path / "release"
    folder.mkdir()
    output = folder / "release.docx"
    if earlier:
        output.write_bytes(earlier)
    rows = store_rows(db_url)
    args = ["export", imported, "--format", "docx", "--output", str(output), "--as", "Zhao Min"]
    kill_at("write-before-rename", args, cli_env)
    assert sorted(p.name for p in folder.iterdir()) == ([output.name] if earlier else [])  # no temporary file
    if earlier:
        assert output.read_bytes() == earlier
    assert store_rows(db_url) == rows  # no export event for an export that did not happen
    done = run(args, cli_env)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["release.docx", "release.docx.manifest.json"]
    assert output.read_bytes().startswith(b"PK")


@ON_BOTH_DATABASES
def test_a_restore_killed_before_its_commit_keeps_the_store(tmp_path, db_url, cli_env, imported):
    backup = tmp_path / "backup.json"
    assert run(["backup", str(backup), "--format", "json"], cli_env).returncode == 0
    assert run(["edit", imported, "2", "--text", "Saved after the backup.", "--as", "Lin Fang"],
               cli_env).returncode == 0
    rows, seen = store_rows(db_url), what_a_user_sees(cli_env, imported)
    kill_at("restore-before-commit", ["restore", str(backup), "--force"], cli_env)
    assert store_rows(db_url) == rows
    assert what_a_user_sees(cli_env, imported) == seen
    assert "Saved after the backup." in [r["text"] for r in rows["revision"]]
