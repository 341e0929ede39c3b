"""A big load without the table's secondary indexes and foreign keys, rebuilt once after it.

Keeping an index current row by row, and checking a foreign key row by row, costs more than building
the index once and validating the key with one join, when the batch is bigger than what the table
already holds (a year's ledger into an empty database). All of it runs inside the load's transaction
(DDL is transactional on PostgreSQL and SQLite), so a killed import leaves indexes and keys as they
were. The statements that rebuild them are the database's own record of them, so nothing drifts
from the migrations.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

SQLITE_CACHE_KIB = 64 * 1024  # page cache while loading: index builds sort in memory, not on disk
PG_SORT_MEMORY = "1GB"  # maintenance_work_mem of this transaction, for its index builds (server memory)

_PG_INDEXES = """
    SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = %s AND indexdef NOT LIKE 'CREATE UNIQUE%%'
"""
_PG_FOREIGN_KEYS = """
    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
    WHERE conrelid = %s::regclass AND contype = 'f'
"""
# The primary key too, unless another table's foreign key needs it: COPY keeping its index current
# took 32 s for 10 M lines against 23 s without it, and the index builds again in seconds (ids ascend).
_PG_PRIMARY_KEY = """
    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
    WHERE conrelid = %s::regclass AND contype = 'p'
    AND NOT EXISTS (SELECT 1 FROM pg_constraint AS r WHERE r.confrelid = %s::regclass)
"""
_SQLITE_INDEXES = """
    SELECT name, sql FROM sqlite_master
    WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%%'
"""


def _found(statement: str, table: str) -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(statement, [table] * statement.count("%s"))
        return [(str(name), str(definition)) for name, definition in cursor.fetchall()]


@contextmanager
def without_indexes(table: str, rebuild: bool) -> Iterator[None]:
    """The block runs without the table's secondary indexes (on PostgreSQL also its keys) if `rebuild`."""
    quote = connection.ops.quote_name
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if not postgres:
            cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB}")
        if rebuild and postgres:
            # Deferred checks still pending in this transaction (units loaded just before) would
            # forbid altering the tables: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"SET LOCAL maintenance_work_mem = '{PG_SORT_MEMORY}'")
    indexes = _found(_PG_INDEXES if postgres else _SQLITE_INDEXES, table) if rebuild else []
    keys = _found(_PG_PRIMARY_KEY, table) + _found(_PG_FOREIGN_KEYS, table) if rebuild and postgres else []
    with connection.cursor() as cursor:
        for name, _ in keys:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
    yield
    with connection.cursor() as cursor:
        for _, definition in indexes:
            cursor.execute(definition)
        for name, definition in keys:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
        if keys:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        if rebuild:
            # Fresh planner statistics: without them the first reports after a big load pick a
            # bitmap scan of the whole ledger (0.58 s against 0.13 s for the tie-out at 1 M lines), and
            # SQLite may read a year's lines by the dashboard's date index instead of the covering one.
            if not postgres:
                cursor.execute("PRAGMA analysis_limit = 1000")  # sampled statistics: seconds, not minutes
            cursor.execute(f"ANALYZE {quote(table)}")
