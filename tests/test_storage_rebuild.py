"""Tests of storage/rebuild.py and the ledger's indexes: a big load's indexes come back as they were."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from toteuma import storage
from toteuma.core.records import LedgerRecord
from toteuma.storage.models import LedgerLine
from toteuma.storage.rebuild import without_indexes

pytestmark = pytest.mark.django_db

TABLE = LedgerLine._meta.db_table


def _indexes() -> dict[str, str]:
    if connection.vendor == "postgresql":
        statement = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s"
    else:
        statement = "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index' AND tbl_name = %s"
    with connection.cursor() as cursor:
        cursor.execute(statement, [TABLE])
        return dict(cursor.fetchall())


def _column_statistics() -> int:
    """Rows of PostgreSQL's planner statistics on the ledger's columns: only ANALYZE writes them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [TABLE])
        return int(cursor.fetchone()[0])


def _three_lines() -> None:
    lines = [LedgerRecord(date(2024, 1, day), "T", 4300, "110010", 100 * day, "", "") for day in (1, 2, 3)]
    storage.load_ledger(lines, file_name="l.csv", sha256="a" * 64)


def test_a_rebuilt_table_has_the_same_indexes_as_before(tiny_org: object) -> None:
    before = _indexes()
    with without_indexes(TABLE, rebuild=True):
        assert set(_indexes()) < set(before)  # the secondary ones are gone during the load
    assert _indexes() == before


def test_the_drill_index_covers_the_tie_out_sums(tiny_org: object) -> None:
    # The tie-out sums amount_cents per account from the ledger; the index must hold the amount.
    assert "amount_cents" in _indexes()["toteuma_ledger_drill"]
    if connection.vendor == "sqlite":
        # A ledger of two years over three cost centers, and the statistics a big load leaves behind:
        # the planner then reads one unit's year from the covering index, not the dashboard's date index.
        storage.load_ledger(
            [
                LedgerRecord(date(year, month, 1), f"{year}{n}", 4300 + n % 5, unit, 100 + n, "", "")
                for n, (year, month, unit) in enumerate(
                    (y, m, u)
                    for y in (2023, 2024)
                    for m in range(1, 13)
                    for u in ("110010", "110020", "120010")
                )
            ],
            file_name="plan.csv",
            sha256="plan",
        )
        unit_id = LedgerLine.objects.filter(unit__code="110010").values_list("unit_id", flat=True)[0]
        query = (
            f"SELECT account, sum(amount_cents), count(id) FROM {TABLE} "
            f"WHERE unit_id IN ({unit_id}) AND year = 2024 AND month <= 3 GROUP BY account"
        )
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit = 1000")  # as a big load leaves it (storage/rebuild.py)
            cursor.execute(f"ANALYZE {TABLE}")
            cursor.execute(f"EXPLAIN QUERY PLAN {query}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
        assert "COVERING INDEX toteuma_ledger_drill" in plan


def test_a_rebuilt_table_is_analysed_on_postgresql(tiny_org: object) -> None:
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # SQLite plans the tie-out on the covering index unasked
        return
    _three_lines()
    with without_indexes(TABLE, rebuild=True):
        pass
    assert _column_statistics() > 0
