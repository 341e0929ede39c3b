"""What kind of database or disk failure an exception is, so that every edge can say what to do.

The database's own words differ: SQLite puts them in the message, PostgreSQL in an SQLSTATE code
(psycopg's error is the cause of Django's). A failure is one of FAULTS, or None for any other error.
"""

from __future__ import annotations

import errno

BUSY = "busy"  # another import or change holds the database: try again when it has finished
READ_ONLY = "read-only"  # the database (or its disk) takes no writes
DISK_FULL = "disk-full"  # no space left for the database or a temporary file
UNAVAILABLE = "unavailable"  # the database server cannot be reached or the file opened
FAULTS = (BUSY, READ_ONLY, DISK_FULL, UNAVAILABLE)

_SQLSTATES = {
    "55P03": BUSY,  # lock_not_available (lock_timeout)
    "40P01": BUSY,  # deadlock_detected
    "40001": BUSY,  # serialization_failure
    "25006": READ_ONLY,  # read_only_sql_transaction
    "53100": DISK_FULL,  # disk_full
    "53200": DISK_FULL,  # out_of_memory: the server's, said the same way
    "57P03": UNAVAILABLE,  # cannot_connect_now (starting or shutting down)
    "08000": UNAVAILABLE,
    "08001": UNAVAILABLE,
    "08006": UNAVAILABLE,
}
_WORDS = (
    ("database is locked", BUSY),
    ("database table is locked", BUSY),
    ("readonly database", READ_ONLY),
    ("read-only", READ_ONLY),
    ("database or disk is full", DISK_FULL),
    ("no space left on device", DISK_FULL),
    ("could not extend file", DISK_FULL),
    ("unable to open database file", UNAVAILABLE),
    ("connection refused", UNAVAILABLE),
    ("could not connect to server", UNAVAILABLE),
    ("connection failed", UNAVAILABLE),
)
_ERRNOS = {errno.ENOSPC: DISK_FULL, errno.EDQUOT: DISK_FULL, errno.EROFS: READ_ONLY}


def fault_of(exc: BaseException) -> str | None:
    """The kind of failure `exc` (or an exception it was raised from) is, or None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found = _own(current)
        if found:
            return found
        current = current.__cause__ or current.__context__
    return None


def _own(exc: BaseException) -> str | None:
    state = getattr(exc, "sqlstate", None)
    if isinstance(state, str) and state in _SQLSTATES:
        return _SQLSTATES[state]
    if isinstance(exc, OSError) and exc.errno in _ERRNOS:
        return _ERRNOS[exc.errno]
    if not _is_database_error(exc):
        return None
    text = str(exc).casefold()
    return next((kind for words, kind in _WORDS if words in text), None)


def _is_database_error(exc: BaseException) -> bool:
    """Django's, the drivers' and DuckDB's errors (and disk errors), not any exception with such words."""
    module = type(exc).__module__
    return isinstance(exc, OSError) or module.startswith(
        ("django.db", "sqlite3", "psycopg", "duckdb", "_duckdb")
    )
