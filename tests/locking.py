"""A test helper: the load's lock fails as it does when another import holds it too long."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def import_lock_held(monkeypatch: Any) -> Iterator[None]:
    """Inside the block, taking the import lock fails with the database's own "busy" error.

    Within a test's transaction no second session can hold the lock against it: the test's own
    connection already holds SQLite's write lock, or on PostgreSQL the advisory lock (taken when the
    fixture loaded its batch). Real second processes are in tests/test_concurrency.py.
    """
    from django.db import OperationalError, connection

    from toteuma.storage import locks

    if connection.vendor == "postgresql":
        from psycopg import errors

        cause: Exception = errors.LockNotAvailable("canceling statement due to lock timeout")
    else:
        import sqlite3

        cause = sqlite3.OperationalError("database is locked")

    def busy() -> None:
        raise OperationalError(str(cause)) from cause

    monkeypatch.setattr(locks, "_lock", busy)
    yield
