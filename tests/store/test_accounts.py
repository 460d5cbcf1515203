"""Accounts and roles on the real store (SQLite and PostgreSQL): who may do what, and what a refusal keeps."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from tests.conftest import DATABASES, ON_BOTH_DATABASES, store_url
from tests.store.test_store import _import
from workbench.errors import RefusedError, UserError
from workbench.model import Glossary, Term
from workbench.store import accounts
from workbench.store.audit import project_log
from workbench.store.editing import segment_id_for
from workbench.project.editing import save_edit
from workbench.project.glossary_edit import current_glossary, import_terms, save_terms
from workbench.store.models import Account, Event, SegmentRow
from workbench.store.repository import check_config
from workbench.project.settings import set_check_config
from workbench.store.review import authorize_export, record_export
from workbench.project.review import decide

from workbench.store.engine import session_factory

PROJECT = "p"
# what the issue asks for, written out by hand rather than read from PERMISSIONS
ALLOWED = {
    "translator": {"edit", "fix", "ignore", "merge-split"},
    "reviewer": {"edit", "fix", "ignore", "merge-split", "approve", "reject"},
    "admin": {"edit", "fix", "ignore", "merge-split", "approve", "reject", "users", "glossary", "check-config",
              "export", "restore", "import"},
}
PERMISSIONS = sorted(ALLOWED["admin"])
MATRIX = [(role, permission) for role in ALLOWED for permission in PERMISSIONS]


def _team(factory) -> None:
    """An admin first (the only account that needs no admin), then one of each other role."""
    accounts.add_user(factory, "ada", "admin", "ada-pw")
    accounts.add_user(factory, "tom", "translator", "tom-pw", actor="ada")
    accounts.add_user(factory, "rita", "reviewer", "rita-pw", actor="ada")


NAMES = {"translator": "tom", "reviewer": "rita", "admin": "ada"}


@pytest.fixture(scope="module", params=DATABASES)
def team(request, tmp_path_factory, sample):
    """One store per database for the whole module (argon2 is slow on purpose): tests that change it
    compare before and after, so they do not depend on each other's order."""
    for url in store_url(request.param, tmp_path_factory.mktemp("team")):
        factory = session_factory(url)
        _import(factory, sample, project=PROJECT)
        _team(factory)
        yield factory


@pytest.mark.parametrize("role,permission", MATRIX, ids=[f"{r}-{p}" for r, p in MATRIX])
def test_role_matrix(team, role, permission):
    with team() as session:
        if permission in ALLOWED[role]:
            assert accounts.require(session, NAMES[role], permission) == role
        else:
            with pytest.raises(RefusedError, match=rf"^'{NAMES[role]}' is a {role}; \w.* needs the .*admin role$"):
                accounts.require(session, NAMES[role], permission)


def test_refusal_names_the_roles_that_may():
    """The wording the CLI prints, spelled out once."""
    rule = accounts.PERMISSIONS["approve"]
    assert (rule.doing, rule.roles) == ("approving", ("reviewer", "admin"))


def _segment(factory, number=2) -> SegmentRow:
    with factory() as session:
        return session.scalars(select(SegmentRow).order_by(SegmentRow.id)).all()[number - 1]


def _events(factory) -> list[tuple[str, str]]:
    with factory() as session:
        return [(e.action, e.actor) for e in session.scalars(select(Event).order_by(Event.id))]


def _edit(factory, actor):
    save_edit(factory, _segment(factory).id, f"A new text by {actor}.", actor)


def _fix(factory, actor):
    save_edit(factory, _segment(factory).id, f"A fixed text by {actor}.", actor, reason="fix: double_space")


def _approve(factory, actor):
    decide(factory, PROJECT, "approve", actor, [2])


def _reject(factory, actor):
    decide(factory, PROJECT, "reject", actor, [2])


def _glossary(factory, actor):
    save_terms(factory, PROJECT, [{"source": "五征", "target": f"Wuzheng {actor}"}], actor)


def _glossary_import(factory, actor):
    import_terms(factory, PROJECT, Glossary((Term("移动", "Mobile"),), "file"), actor)


def _check_config(factory, actor):
    set_check_config(factory, PROJECT, {"disabled": ["double_space"]}, actor)


def _export(factory, actor):
    authorize_export(factory, PROJECT, actor)
    record_export(factory, PROJECT, actor, {"format": "txt"})


def _state(factory):
    """Everything a refused change must leave as it was."""
    segment = _segment(factory)
    return (segment.target_text, segment.status, segment.version, current_glossary(factory, PROJECT),
            check_config(factory, PROJECT), _events(factory))


CHANGES = [("edit", _edit), ("fix", _fix), ("approve", _approve), ("reject", _reject), ("glossary", _glossary),
           ("glossary", _glossary_import), ("check-config", _check_config), ("export", _export)]
CORE = [(role, permission, change) for role in ALLOWED for permission, change in CHANGES]


@pytest.mark.parametrize("role,permission,change", CORE,
                         ids=[f"{r}-{c.__name__.strip('_')}" for r, _, c in CORE])
def test_the_core_enforces_roles_and_a_refusal_changes_nothing(team, role, permission, change):
    before = _state(team)
    if permission in ALLOWED[role]:
        change(team, NAMES[role])
        assert _state(team) != before
        assert _events(team)[-1][1] == NAMES[role]  # the audit event names who did it
    else:
        with pytest.raises(RefusedError, match=f"is a {role}"):
            change(team, NAMES[role])
        assert _state(team) == before


@ON_BOTH_DATABASES
def test_single_user_mode_allows_any_name_but_not_an_empty_one(factory, sample):
    _import(factory, sample, project=PROJECT)
    _approve(factory, "anyone")
    assert _segment(factory).status == "approved"
    _export(factory, "cli")
    with pytest.raises(UserError, match="--as NAME"):
        _approve(factory, "  ")


def test_once_accounts_exist_an_unknown_name_is_a_user_error_not_a_refusal(team):
    before = _state(team)
    with pytest.raises(UserError, match="^no user 'cli'; add one with workbench user add") as raised:
        _export(team, "cli")
    assert raised.value.exit_code == 2
    assert _state(team) == before


@ON_BOTH_DATABASES
@pytest.mark.parametrize("name,role,actor,message", [
    ("tom", "translator", "", "first user must be an admin"),
    ("", "admin", "", "user name is empty"),
    ("ada", "owner", "", "unknown role 'owner'; roles: translator, reviewer, admin"),
], ids=["first-not-admin", "empty-name", "unknown-role"])
def test_the_first_account(factory, name, role, actor, message):
    with pytest.raises(UserError, match=message):
        accounts.add_user(factory, name, role, "pw", actor)
    assert accounts.list_users(factory) == []


@pytest.mark.parametrize("name,actor,password,error,message", [
    ("bob", "", "pw", UserError, "needs an admin"),
    ("bob", "tom", "pw", RefusedError, "'tom' is a translator; adding users needs the admin role"),
    ("bob", "rita", "pw", RefusedError, "'rita' is a reviewer"),
    ("bob", "nobody", "pw", UserError, "no user 'nobody'"),
    ("tom", "ada", "pw", UserError, "user 'tom' already exists"),
    ("bob", "ada", "", UserError, "password is empty"),
], ids=["no-actor", "translator", "reviewer", "unknown-actor", "duplicate", "empty-password"])
def test_later_accounts_need_an_admin(team, name, actor, password, error, message):
    before = accounts.list_users(team)
    with pytest.raises(error, match=message):
        accounts.add_user(team, name, "translator", password, actor)
    assert accounts.list_users(team) == before


def test_passwords_are_stored_as_argon2_hashes_and_adding_is_audited(team):
    with team() as session:
        hashes = session.scalars(select(Account.password_hash)).all()
        added = session.scalars(select(Event).where(Event.action == "user-add").order_by(Event.id)).all()
    assert all(h.startswith("$argon2id$") and not any(f"{n}-pw" in h for n in NAMES.values()) for h in hashes)
    assert [(e.project_id, e.actor, e.detail) for e in added] == [
        (None, "ada", {"user": "ada", "role": "admin"}), (None, "ada", {"user": "tom", "role": "translator"}),
        (None, "ada", {"user": "rita", "role": "reviewer"})]
    assert [(u.name, u.role, u.added_by) for u in accounts.list_users(team)] == [
        ("ada", "admin", "ada"), ("rita", "reviewer", "ada"), ("tom", "translator", "ada")]


@pytest.mark.parametrize("name,password,role", [
    ("tom", "tom-pw", "translator"),
    ("rita", "rita-pw", "reviewer"),
    ("tom", "rita-pw", None),
    ("tom", "", None),
    ("nobody", "tom-pw", None),
], ids=["translator", "reviewer", "wrong-password", "empty-password", "unknown-name"])
def test_login(team, name, password, role):
    assert accounts.verify_login(team, name, password) == role


def test_an_outdated_hash_is_renewed_at_login(team):
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("tom-pw")
    with team.begin() as session:
        session.scalar(select(Account).where(Account.name == "tom")).password_hash = weak
    assert accounts.verify_login(team, "tom", "tom-pw") == "translator"
    with team() as session:
        renewed = session.scalar(select(Account.password_hash).where(Account.name == "tom"))
    assert renewed != weak and not PasswordHasher().check_needs_rehash(renewed)
    assert accounts.verify_login(team, "tom", "tom-pw") == "translator"


def test_the_log_lists_every_change_in_order_with_who(team, sample):
    _import(team, sample, project="logged")
    save_edit(team, segment_id_for(team, "logged", 2), "Logged.", "tom")
    decide(team, "logged", "approve", "rita", [2], "fine")
    record_export(team, "logged", "ada", {"format": "txt"})
    log = project_log(team, "logged")
    assert [(e.action, e.actor, e.segment) for e in log] == [
        ("glossary", "import", None), ("import", "import", None), ("edit", "tom", 2), ("approve", "rita", 2),
        ("export", "ada", None)]
    assert [e.when for e in log] == sorted(e.when for e in log)
    assert log[3].detail["comment"] == "fine"
    assert [(e.action, e.actor) for e in project_log(team, "logged", segment=2)] == [("edit", "tom"),
                                                                                    ("approve", "rita")]
    assert project_log(team, "logged", segment=3) == []
    with pytest.raises(UserError, match="no segment 999"):
        project_log(team, "logged", segment=999)
    with team() as session:  # account events belong to no project and stay out of a project's log
        assert session.scalar(select(func.count()).select_from(Event).where(Event.project_id.is_(None))) == 3
