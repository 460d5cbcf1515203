"""The one exception type for problems a user can act on (bad files, bad arguments)."""


class UserError(Exception):
    """A problem with the user's input; the CLI prints its message as one line and exits 2."""

    exit_code = 2


class RefusedError(UserError):
    """A request the workbench refuses on purpose (stale version, unapproved export); exit 3."""

    exit_code = 3
