"""Planner statistics kept fresh: ANALYZE of the tables an import touched, inside its transaction.

PostgreSQL's ANALYZE reads a fixed sample (300 rows per unit of `default_statistics_target`, 30 000 by
default) whatever the table's size, so it is cheap after any import; without it the planner keeps
the row counts of before the import until autovacuum comes by (docs/decisions.md, 38). SQLite's is
limited to a sample as well (`analysis_limit`).
"""

from __future__ import annotations

from django.db import connection, models

SQLITE_SAMPLE = 1000  # rows per index SQLite's ANALYZE reads


def refresh(*tables: type[models.Model]) -> None:
    """ANALYZE each table (its statistics, not its data: nothing is locked for readers)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit = {SQLITE_SAMPLE}")
        for table in tables:
            cursor.execute(f"ANALYZE {quote(table._meta.db_table)}")
