"""Deleting a project: it leaves the lists and its name is free again, and nothing in it is erased."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.conftest import ON_BOTH_DATABASES, SAMPLE, old_store
from workbench.errors import RefusedError, UserError
from workbench.project.deleting import delete_project
from workbench.project.importing import ensure_sample, import_files
from workbench.store.accounts import add_user
from workbench.store.engine import session_factory
from workbench.store.models import Event, Project, SegmentRow
from workbench.store.repository import list_projects, project_status

PROJECT = "wuzheng-5g"


@ON_BOTH_DATABASES
def test_a_deleted_project_leaves_the_lists_and_keeps_everything_in_the_store(factory):
    ensure_sample(factory)
    with factory() as session:
        pairs = session.scalar(select(func.count()).select_from(SegmentRow))
    kept_as = delete_project(factory, PROJECT, "Lin", PROJECT)

    assert [p.name for p in list_projects(factory)] == []
    with pytest.raises(UserError, match="no project named 'wuzheng-5g'"):
        project_status(factory, PROJECT)
    with factory() as session:
        project = session.scalar(select(Project))
        assert (project.name, project.deleted_by) == (kept_as, "Lin") and project.deleted_at is not None
        assert session.scalar(select(func.count()).select_from(SegmentRow)) == pairs  # nothing erased
        event = session.scalar(select(Event).where(Event.action == "delete"))
        assert (event.actor, event.detail["name"]) == ("Lin", PROJECT)

    # the name is free again: the same name is a new, empty-of-history project
    import_files(factory, PROJECT, SAMPLE / "source.zh.txt", SAMPLE / "draft.en.txt")
    assert [p.name for p in list_projects(factory)] == [PROJECT]


@pytest.mark.parametrize("typed", ["", "wuzheng", "Wuzheng-5G"])
def test_deleting_needs_the_projects_name_typed_again(factory, typed):
    ensure_sample(factory)
    with pytest.raises(UserError, match="type the project's name"):
        delete_project(factory, PROJECT, "Lin", typed)
    assert [p.name for p in list_projects(factory)] == [PROJECT]


def test_once_accounts_exist_only_an_admin_deletes(factory):
    ensure_sample(factory)
    add_user(factory, "Zhao", "admin", "a long admin password")
    add_user(factory, "Lin", "translator", "a long translator password", "Zhao")
    with pytest.raises(RefusedError):
        delete_project(factory, PROJECT, "Lin", PROJECT)
    assert [p.name for p in list_projects(factory)] == [PROJECT]
    delete_project(factory, PROJECT, "Zhao", PROJECT)
    assert list_projects(factory) == []


def test_a_store_from_before_deletion_upgrades_with_its_projects_listed(tmp_path):
    url = old_store(tmp_path / "old.db", "0004", "INSERT INTO project (id, name, created_at, check_config) "
                    "VALUES (1, 'kept', '2026-01-01 00:00:00', '{}')")
    factory = session_factory(url)
    assert [p.name for p in list_projects(factory)] == ["kept"]
    delete_project(factory, "kept", "Lin", "kept")
    assert list_projects(factory) == []
