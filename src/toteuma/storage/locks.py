"""One import at a time per database: every load runs under one lock, taken first in its transaction.

On PostgreSQL it is a transaction-level advisory lock, taken before anything else, so a load never
holds a weaker lock on the ledger when it later drops its indexes (the deadlock of two first big
imports, issue 9 item 3). On SQLite the load's BEGIN IMMEDIATE takes the write lock of the whole
file. A second load waits up to IMPORT_WAIT seconds and is then refused with ImportBusyError; a load
re-checks what it decided on (an earlier batch over the same period) under the lock (`guard`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection, transaction

from toteuma.storage.faults import BUSY, fault_of
from toteuma.storage.types import DatabaseFaultError, ImportBusyError

LOCK_KEY = 0x746F7465756D61  # "toteuma": the advisory lock of imports, the same in every process


def wait_seconds() -> int:
    return int(getattr(settings, "IMPORT_WAIT", 20))


@contextmanager
def import_transaction() -> Iterator[None]:
    """A transaction holding the import lock; busy and disk or database faults become StorageErrors."""
    try:
        with transaction.atomic():
            _lock()
            yield
    except DatabaseError as exc:
        fault = fault_of(exc)
        if fault == BUSY:
            raise ImportBusyError(wait_seconds()) from exc
        if fault is not None:
            raise DatabaseFaultError(fault, str(exc)) from exc
        raise


def _lock() -> None:
    if connection.vendor != "postgresql":
        return  # SQLite: BEGIN IMMEDIATE already holds the write lock of the whole database
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL lock_timeout = '{wait_seconds()}s'")
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        cursor.execute("SET LOCAL lock_timeout TO DEFAULT")
