"""Local accounts and roles: who may do what, enforced in the core inside the transaction of the change.

Without any account (a single translator on SQLite) everything is allowed for any non-empty name, so the
workbench keeps working without logging in. The first account is created without an existing admin and
must itself be an admin: whoever can reach the database could write to it directly anyway, and an admin
is the only role that can add the others. From then on every action needs an existing name holding a
role that permits it.
"""

from __future__ import annotations

from functools import lru_cache

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import exists, select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import RefusedError, UserError
from workbench.store.models import ROLES, Account, Event


@dataclass(frozen=True, slots=True)
class Permission:
    """One thing a person may be allowed to do, the words for it in a refusal, and the roles that may."""

    name: str
    doing: str
    roles: tuple[str, ...]


EVERYONE = ("translator", "reviewer", "admin")
REVIEWERS = ("reviewer", "admin")
ADMINS = ("admin",)

PERMISSIONS: dict[str, Permission] = {p.name: p for p in (
    Permission("edit", "editing", EVERYONE),
    Permission("fix", "applying fixes", EVERYONE),
    Permission("ignore", "ignoring findings", EVERYONE),
    Permission("merge-split", "merging and splitting segments", EVERYONE),
    Permission("approve", "approving", REVIEWERS),
    Permission("reject", "rejecting", REVIEWERS),
    Permission("reopen", "taking back an approval", REVIEWERS),
    Permission("mark-error", "marking review errors", REVIEWERS),
    Permission("comment", "commenting", EVERYONE),
    Permission("quality-model", "changing how the quality score weighs errors", ADMINS),
    Permission("users", "adding users", ADMINS),
    Permission("glossary", "changing the glossary", ADMINS),
    Permission("check-config", "changing the check settings", ADMINS),
    Permission("export", "exporting", ADMINS),
    Permission("restore", "restoring a backup over the store", ADMINS),
    Permission("import", "importing documents (and their glossary)", ADMINS),
    Permission("delete-project", "deleting a project", ADMINS),
)}

USER_EVENT = "user-add"

_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to verify against when the name is unknown, so both answers take the same time; made on
    first use, not at import (argon2 is slow on purpose and every command imports this module)."""
    return _hasher.hash("no such user")


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str
    created_at: datetime
    added_by: str


def accounts_in_use(session: Session) -> bool:
    """Whether any account exists: without one the workbench is single-user and asks nobody to log in."""
    return bool(session.scalar(select(exists().where(Account.id.is_not(None)))))


def require(session: Session, actor: str, permission: str) -> str | None:
    """Refuse unless ``actor`` may do ``permission`` (a key of PERMISSIONS, e.g. "approve", "ignore").

    Call it with the session of the transaction that makes the change, before the change, so a role
    taken away meanwhile cannot slip through. Returns the actor's role, or None when no account exists
    (single-user mode: any non-empty name may do anything). Raises UserError (exit 2) for an empty or
    unknown name and RefusedError (exit 3) when the actor's role does not permit it.
    """
    rule = PERMISSIONS[permission]
    name = actor.strip()
    if not name:
        raise UserError(f"say who you are with --as NAME; {rule.doing} needs a name")
    account = session.scalar(select(Account).where(Account.name == name))
    if account is None:
        if not accounts_in_use(session):
            return None
        raise UserError(f"no user {name!r}; add one with workbench user add (or act as an existing "
                        f"user with --as NAME)")
    if account.role not in rule.roles:
        raise RefusedError(f"{name!r} is a {account.role}; {rule.doing} needs the {' or '.join(rule.roles)} role")
    return account.role


def add_user(factory: sessionmaker, name: str, role: str, password: str, actor: str = "") -> User:
    """Create an account with an argon2 hash of the password, and an audit event of who added it.

    The first account needs no ``actor`` (it is recorded as added by itself) but must be an admin;
    every later one needs an admin as ``actor``."""
    name = name.strip()
    if not name:
        raise UserError("the user name is empty")
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
    if not password:
        raise UserError("the password is empty; give one on standard input or in $WORKBENCH_PASSWORD")
    with factory.begin() as session:
        if accounts_in_use(session):
            if not actor.strip():
                raise UserError("adding a user needs an admin: give your own name with --as ADMIN")
            require(session, actor, "users")
        elif role != "admin":
            raise UserError(f"the first user must be an admin (only an admin can add the others): "
                            f"workbench user add {name} --role admin")
        if session.scalar(select(Account).where(Account.name == name)) is not None:
            raise UserError(f"user {name!r} already exists")
        # hashed after the checks (a refusal is instant) and before the first write (no lock held meanwhile)
        account = Account(name=name, role=role, password_hash=_hasher.hash(password))
        session.add(account)
        added_by = actor.strip() or name
        session.add(Event(project_id=None, action=USER_EVENT, actor=added_by, detail={"user": name, "role": role}))
        session.flush()
        return User(name, role, account.created_at, added_by)


def verify_login(factory: sessionmaker, name: str, password: str) -> str | None:
    """The role of ``name`` when ``password`` is right, else None; an outdated hash is renewed."""
    with factory.begin() as session:
        account = session.scalar(select(Account).where(Account.name == name.strip()))
        try:
            _hasher.verify(account.password_hash if account else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return None
        if account is None:
            return None
        if _hasher.check_needs_rehash(account.password_hash):
            account.password_hash = _hasher.hash(password)
        return account.role


def role_of(factory: sessionmaker, name: str) -> str | None:
    """The role of an account, or None; for a login vouched for by someone else (OIDC)."""
    with factory() as session:
        return session.scalar(select(Account.role).where(Account.name == name.strip()))


def list_users(factory: sessionmaker) -> list[User]:
    with factory() as session:
        added = {e.detail.get("user"): e.actor
                 for e in session.scalars(select(Event).where(Event.action == USER_EVENT).order_by(Event.id))}
        return [User(a.name, a.role, a.created_at, added.get(a.name, ""))
                for a in session.scalars(select(Account).order_by(Account.name))]


def using_accounts(factory: sessionmaker) -> bool:
    with factory() as session:
        return accounts_in_use(session)
