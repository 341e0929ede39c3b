"""Bulk writes for the two big paths (ledger lines, balances): COPY on PostgreSQL, multi-row INSERT else."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import Any

from django.db import connection

MAX_ROWS = 1000  # rows per statement where the backend sets no parameter limit (PostgreSQL)


def rows_per_statement(columns: int) -> int:
    """As many rows as the backend's parameter limit allows (Django assumes SQLite's old 999)."""
    limit = connection.features.max_query_params
    return MAX_ROWS if limit is None else max(1, min(MAX_ROWS, limit // columns))


def insert(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], suffix: str = "") -> None:
    """INSERT the rows into the table, several per statement; `suffix` follows VALUES (ON CONFLICT ...).

    Plain rows on PostgreSQL go through COPY: Django's client-side parameter binding makes a
    statement of thousands of parameters slow to build, and COPY is the server's own bulk path.
    """
    if connection.vendor == "postgresql" and not suffix:
        _copy(table, columns, rows)
        return
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        # COPY into a scratch table, then one INSERT ... SELECT with the suffix: Django's client-side
        # binding of statements with thousands of parameters costs more than the server's work.
        names = ", ".join(quote(column) for column in columns)
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE toteuma_staging ON COMMIT DROP AS "
                f"SELECT {names} FROM {quote(table)} LIMIT 0"
            )
            _copy("toteuma_staging", columns, rows)
            cursor.execute(
                f"INSERT INTO {quote(table)} ({names}) SELECT {names} FROM toteuma_staging{suffix}"
            )
            cursor.execute("DROP TABLE toteuma_staging")
        return
    head = f"INSERT INTO {quote(table)} ({', '.join(quote(column) for column in columns)}) VALUES "
    one = f"({', '.join(['%s'] * len(columns))})"
    size = rows_per_statement(len(columns))
    remaining = iter(rows)
    with connection.cursor() as cursor:
        while block := list(islice(remaining, size)):
            params = [value for row in block for value in row]
            cursor.execute(head + ", ".join([one] * len(block)) + suffix, params)


def _copy(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(quote(column) for column in columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
