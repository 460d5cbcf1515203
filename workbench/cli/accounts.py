"""The `user` and `log` commands: accounts and the audit trail, kept apart from cli.py to keep both small.

A password is never a command-line argument (it would stay in the shell history and in `ps`): it comes
from $WORKBENCH_PASSWORD or the first line of standard input.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from workbench.errors import UserError

ENV_PASSWORD = "WORKBENCH_PASSWORD"
NOT_AN_ARGUMENT = ("the password is never an argument (it would stay in the shell history); "
                   f"give it on standard input or in ${ENV_PASSWORD}; the arguments are NAME --role ROLE [--as ADMIN]")


def add_account_parsers(commands) -> None:
    """Add `user add`, `user list` and `log` to the CLI's subcommands."""
    from workbench.model import ROLES

    user = commands.add_parser("user", help="local accounts: add one, list them")
    actions = user.add_subparsers(dest="user_command", metavar="add|list", required=True, parser_class=_strays_kept(type(user)))
    add = actions.add_parser("add", help="add an account (the password from standard input or $WORKBENCH_PASSWORD)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--as", dest="actor", default="", metavar="ADMIN",
                     help="the admin adding the user (not needed for the first account, which must be an admin)")
    # accepted only to refuse it without echoing the password back in an error message
    add.add_argument("--password", help=argparse.SUPPRESS)
    actions.add_parser("list", help="the accounts with their roles").set_defaults(password=None)

    log = commands.add_parser("log", help="the audit trail of a project: who changed what, when")
    log.add_argument("project")
    log.add_argument("--segment", type=int, help="only this segment's events")


def _strays_kept(parser_class):
    """A parser that keeps unrecognised words in ``stray`` instead of quoting them in an error: a password
    typed as an argument must not be printed back."""

    class StraysKept(parser_class):
        def parse_known_args(self, args=None, namespace=None):
            namespace, extras = super().parse_known_args(args, namespace)
            namespace.stray = extras
            return namespace, []

    return StraysKept


def read_password(stdin=None) -> str:
    """$WORKBENCH_PASSWORD if set, else the first line of standard input (asked for on a terminal)."""
    stdin = stdin or sys.stdin
    if os.environ.get(ENV_PASSWORD):
        return os.environ[ENV_PASSWORD]
    if stdin.isatty():
        return getpass.getpass("password: ")
    return stdin.readline().rstrip("\r\n")


def cmd_user(args) -> int:
    from workbench.store.accounts import add_user, list_users

    if args.password is not None or args.stray:
        raise UserError(NOT_AN_ARGUMENT if args.user_command == "add" else "user list takes no arguments")
    factory = store_of(args)
    if args.user_command == "list":
        users = list_users(factory)
        if not users:
            print("no accounts: single-user mode; add the first admin with: workbench user add NAME --role admin")
        for user in users:
            print(f"{user.name}\t{user.role}\tadded {user.created_at:%Y-%m-%d %H:%M} by {user.added_by}")
        return 0
    user = add_user(factory, args.name, args.role, read_password(), args.actor)
    print(f"added {user.name!r} as {user.role} (by {user.added_by})")
    return 0


def cmd_log(args) -> int:
    from workbench.store.audit import format_event, project_log

    events = project_log(store_of(args), args.project, args.segment)
    if not events:
        print(f"no events for {args.project!r}" + (f" segment {args.segment}" if args.segment else ""))
    for event in events:
        print(format_event(event))
    return 0


def store_of(args):
    from workbench.store.engine import session_factory

    return session_factory(args.db)
