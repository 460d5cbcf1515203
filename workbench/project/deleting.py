"""Deleting a project: it leaves the lists, and nothing is erased (the trace the store keeps of every change)."""

from __future__ import annotations

from sqlalchemy.orm import sessionmaker

from workbench.errors import UserError
from workbench.store.accounts import require
from workbench.store.models import Event, now
from workbench.store.repository import project_by_name


def delete_project(factory: sessionmaker, name: str, actor: str, typed_name: str) -> str:
    """Delete ``name`` once its name is typed again (``typed_name``): the project, its documents, revisions,
    decisions and events stay in the store, marked deleted by ``actor`` and renamed "NAME (deleted <UTC
    time>)" so the name can be used again; a "delete" event records it. Returns the name it is kept under.
    Once accounts exist only an admin may delete."""
    if not actor.strip():
        raise UserError("say who deletes the project: enter your name")
    if typed_name.strip() != name:
        raise UserError(f"type the project's name, {name!r}, to delete it")
    with factory.begin() as session:
        require(session, actor, "delete-project")
        project = project_by_name(session, name)
        moment = now()
        kept_as = f"{name} (deleted {moment:%Y-%m-%d %H:%M:%S} UTC)"
        project.name, project.deleted_at, project.deleted_by = kept_as, moment, actor.strip()
        session.add(Event(project_id=project.id, action="delete", actor=actor.strip(),
                          detail={"name": name, "kept_as": kept_as}))
    return kept_as
