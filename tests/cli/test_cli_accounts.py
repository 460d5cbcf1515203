"""`user`, `log` and `--as` on the command line, as a team runs them: real processes on a real store."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE, SAMPLE_GLOSSARY
from tests.cli.test_cli import run
from workbench.ingest.pipeline import align_files
from workbench.store.accounts import add_user, verify_login
from workbench.store.repository import import_document, project_status

PROJECT = "wuzheng"


@pytest.fixture
def project(factory):
    aligned = align_files(SAMPLE / "source.zh.txt", SAMPLE / "draft.en.txt", SAMPLE_GLOSSARY)
    import_document(factory, PROJECT, "doc", "source.zh.txt", "draft.en.txt", aligned.source.text,
                    aligned.draft.text, aligned.alignment, aligned.glossary)
    return PROJECT


def _add(cli_env, name, role, password, *extra):
    return run(["user", "add", name, "--role", role, *extra], cli_env, stdin=f"{password}\n")


@pytest.fixture
def team(cli_env, factory, project):
    """Three accounts, added in-process (`user add` itself is tested through the CLI below; three
    command starts per test would double this module's time)."""
    for name, role, actor in (("ada", "admin", ""), ("tom", "translator", "ada"), ("rita", "reviewer", "ada")):
        add_user(factory, name, role, f"{name}-secret", actor)
    return factory


def test_a_translator_who_approves_is_refused_and_nothing_changes(cli_env, team):
    result = run(["approve", PROJECT, "--segments", "2", "--as", "tom"], cli_env)
    assert result.returncode == 3
    assert result.stderr == "workbench: 'tom' is a translator; approving needs the reviewer or admin role\n"
    assert project_status(team, PROJECT).by_status["approved"] == 0
    approved = run(["approve", PROJECT, "--segments", "2", "--as", "rita"], cli_env)
    assert approved.returncode == 0, approved.stderr
    assert project_status(team, PROJECT).by_status["approved"] == 1


@pytest.mark.parametrize("args", [
    ["approve", PROJECT, "--all", "--as", "nobody"],
    ["edit", PROJECT, "2", "--text", "x", "--as", "nobody"],
    ["config", PROJECT, "--disable", "double_space", "--as", "nobody"],
    ["config", PROJECT, "--disable", "double_space"],  # the single-user default "cli" is no account
], ids=["approve", "edit", "config", "config-default"])
def test_an_unknown_name_is_exit_2_once_accounts_exist(cli_env, team, args):
    result = run(args, cli_env)
    assert result.returncode == 2
    assert result.stderr.startswith("workbench: no user ") and result.stderr.count("\n") == 1
    assert project_status(team, PROJECT).by_status["draft"] == project_status(team, PROJECT).segments


@pytest.mark.parametrize("actor,code", [("tom", 3), ("rita", 3), ("nobody", 2), (None, 2)],
                         ids=["translator", "reviewer", "unknown", "default"])
def test_only_an_admin_exports_and_a_refusal_writes_no_file(tmp_path, cli_env, team, actor, code):
    output = tmp_path / "out.txt"
    args = ["export", PROJECT, "--format", "txt", "--output", str(output), "--include-unapproved"]
    result = run(args + (["--as", actor] if actor else []), cli_env)
    assert result.returncode == code, result.stderr
    assert not output.exists() and not list(tmp_path.glob("out.txt*"))
    assert run(args + ["--as", "ada"], cli_env).returncode == 0
    assert output.exists()


@pytest.mark.parametrize("args", [
    ["user", "add", "bob", "--role", "translator", "--as", "ada", "hunter2"],
    ["user", "add", "bob", "hunter2", "--role", "translator", "--as", "ada"],
    ["user", "add", "bob", "--role", "translator", "--as", "ada", "--password", "hunter2"],
    ["user", "add", "bob", "--role", "translator", "--as", "ada", "--password=hunter2"],
], ids=["trailing", "after-name", "option", "option-equals"])
def test_a_password_is_never_taken_from_the_arguments_nor_printed(cli_env, team, args):
    result = run(args, cli_env, stdin="from-stdin\n")
    assert result.returncode == 2
    assert "never an argument" in result.stderr and "hunter2" not in result.stderr + result.stdout
    assert "bob" not in run(["user", "list"], cli_env).stdout


@pytest.mark.parametrize("stdin,env,works", [
    ("s3cret pass\n", None, "s3cret pass"),
    ("first line\nsecond line\n", None, "first line"),
    ("", "from-env", "from-env"),
], ids=["stdin", "stdin-first-line", "environment"])
def test_the_password_comes_from_stdin_or_the_environment(cli_env, team, stdin, env, works):
    environment = dict(cli_env, WORKBENCH_PASSWORD=env) if env else cli_env
    result = run(["user", "add", "bob", "--role", "reviewer", "--as", "ada"], environment, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert verify_login(team, "bob", works) == "reviewer"
    assert verify_login(team, "bob", works + "x") is None
    assert "bob\treviewer\tadded " in run(["user", "list"], cli_env).stdout


@pytest.mark.parametrize("name,role,stdin,extra,message", [
    ("bob", "translator", "\n", ("--as", "ada"), "the password is empty"),
    ("bob", "translator", "pw\n", (), "needs an admin"),
    ("bob", "translator", "pw\n", ("--as", "tom"), "'tom' is a translator; adding users needs the admin role"),
    ("bob", "owner", "pw\n", ("--as", "ada"), "invalid choice: 'owner'"),
], ids=["empty-password", "no-admin", "translator-adds", "unknown-role"])
def test_adding_a_user_is_refused_with_one_line(cli_env, team, name, role, stdin, extra, message):
    result = run(["user", "add", name, "--role", role, *extra], cli_env, stdin=stdin)
    assert result.returncode in (2, 3) and message in result.stderr and result.stderr.count("\n") == 1
    assert "bob" not in run(["user", "list"], cli_env).stdout


def test_the_first_user_must_be_an_admin(cli_env, project):
    assert "single-user" in run(["user", "list"], cli_env).stdout
    refused = _add(cli_env, "tom", "translator", "pw")
    assert refused.returncode == 2 and "first user must be an admin" in refused.stderr
    assert _add(cli_env, "ada", "admin", "pw").returncode == 0
    assert run(["user", "list"], cli_env).stdout.startswith("ada\tadmin\tadded ")


def test_single_user_mode_needs_no_account(tmp_path, cli_env, project):
    assert run(["approve", PROJECT, "--all", "--as", "me"], cli_env).returncode == 0
    result = run(["export", PROJECT, "--format", "txt", "--output", str(tmp_path / "out.txt")], cli_env)
    assert result.returncode == 0, result.stderr


def test_log_lists_edits_approvals_and_exports_with_who(tmp_path, cli_env, team):
    assert run(["edit", PROJECT, "2", "--text", "Wuzheng signed.", "--as", "tom"], cli_env).returncode == 0
    assert run(["approve", PROJECT, "--segments", "2", "--as", "rita", "--comment", "good"], cli_env).returncode == 0
    export = run(["export", PROJECT, "--format", "txt", "--output", str(tmp_path / "o.txt"), "--include-unapproved",
                  "--as", "ada"], cli_env)
    assert export.returncode == 0, export.stderr
    lines = [line.split("\t") for line in run(["log", PROJECT], cli_env).stdout.splitlines()]
    assert [(actor, action, segment) for _, actor, action, segment, _ in lines[-3:]] == [
        ("tom", "edit", "#2"), ("rita", "approve", "#2"), ("ada", "export", "-")]
    assert [line[0] for line in lines] == sorted(line[0] for line in lines)
    assert "comment=good" in lines[-2][4] and "format=txt" in lines[-1][4]
    only = run(["log", PROJECT, "--segment", "2"], cli_env).stdout.splitlines()
    assert [line.split("\t")[1:3] for line in only] == [["tom", "edit"], ["rita", "approve"]]
    missing = run(["log", PROJECT, "--segment", "999"], cli_env)
    assert missing.returncode == 2 and "no segment 999" in missing.stderr


@pytest.mark.parametrize("actor, code", [("tom", 3), (None, 2), ("ada", 0)],
                         ids=["translator-refused", "no-name-refused", "admin-imports"])
def test_only_an_admin_imports_once_accounts_exist(cli_env, team, actor, code):
    before = project_status(team, PROJECT)
    args = ["import", "second", "--source", str(SAMPLE / "source.zh.txt"), "--draft", str(SAMPLE / "draft.en.txt"),
            "--glossary", str(SAMPLE_GLOSSARY)] + (["--as", actor] if actor else [])
    result = run(args, cli_env)
    assert result.returncode == code, result.stderr
    assert project_status(team, PROJECT) == before
    if code:
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert "second" not in run(["list"], cli_env).stdout
    else:
        assert "second" in run(["list"], cli_env).stdout
