"""What each exit code of ``accord`` means (also documented in docs/cli.md)."""

from __future__ import annotations

from accord.errors import (
    AccordError,
    AuthError,
    ConfigError,
    ConflictError,
    ForbiddenError,
    InputError,
    NotFoundError,
    RemoteError,
    StoreError,
)

OK = 0  # everything asked for was done
REJECTED_OBJECTS = 1  # done, but --skip-invalid left some objects out (listed in the report)
USAGE = 2  # bad command line or configuration
INPUT = 3  # an input file or bundle was refused whole; nothing from it was written
NOT_FOUND = 4  # the object or record asked for does not exist
STORE = 5  # the database could not be opened, migrated or written
DENIED = 6  # credentials refused, or the principal may not do this
CONFLICT = 7  # a name that must be unique is taken
REMOTE = 8  # a remote node could not be reached, refused, or a sync with it failed
INTERRUPTED = 130  # stopped with Ctrl-C; the interrupted write was rolled back


def code_for(error: AccordError) -> int:
    """The exit code for an error that reached the command line."""
    table: tuple[tuple[type[AccordError], int], ...] = (
        (NotFoundError, NOT_FOUND),
        (InputError, INPUT),
        (ConfigError, USAGE),
        (AuthError, DENIED),
        (ForbiddenError, DENIED),
        (ConflictError, CONFLICT),
        (RemoteError, REMOTE),
        (StoreError, STORE),
    )
    for kind, code in table:
        if isinstance(error, kind):
            return code
    return STORE
