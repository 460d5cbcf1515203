"""A project's check settings (checks switched off, severities changed), changed by an admin with an audit event."""

from __future__ import annotations

from sqlalchemy.orm import sessionmaker

from workbench.store.accounts import require
from workbench.store.models import Event
from workbench.store.repository import project_by_name


def set_check_config(factory: sessionmaker, project_name: str, config: dict, actor: str = "cli") -> dict:
    """Store the project's check configuration (checks off, severity overrides), with an audit event.
    Once accounts exist the actor must be an admin."""
    with factory.begin() as session:
        project = project_by_name(session, project_name)
        require(session, actor, "check-config")
        before = dict(project.check_config or {})
        project.check_config = dict(config)
        session.add(Event(project_id=project.id, action="check-config", actor=actor,
                          detail={"before": before, "after": dict(config)}))
        return dict(config)
