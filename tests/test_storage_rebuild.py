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
        during = set(_indexes())
        assert during < set(before)  # the secondary ones are gone during the load
        if connection.vendor == "postgresql":
            # COPY also goes without the primary key's index (nothing references the lines).
            assert "toteuma_ledgerline_pkey" in before
            assert "toteuma_ledgerline_pkey" not in during
    assert _indexes() == before


def test_the_ledger_keeps_only_the_indexes_its_pages_need(tiny_org: object) -> None:
    # Each is rebuilt after a big load (seconds per ten million lines): decision 24 lists why each is here.
    found = {name for name in _indexes() if not name.endswith("_pkey") and "autoindex" not in name}
    assert {name for name in found if "batch_id" not in name} == {
        "toteuma_ledger_drill",
        "toteuma_ledger_project",
        "workflow_ledger_posted",
    }
    assert len(found) == 4  # and the batch's foreign key index, for rollbacks
    assert "amount_cents" not in _indexes()["toteuma_ledger_drill"]
    assert "WHERE" in _indexes()["toteuma_ledger_project"].upper()  # only lines with a project


def test_investments_read_the_partial_project_index(tiny_org: object) -> None:
    storage.load_ledger(
        [
            LedgerRecord(
                date(2024, 1, 1 + n % 28), str(n), 4300, "110010", 100 + n, "", "P1" if n % 50 == 0 else ""
            )
            for n in range(500)
        ],
        file_name="p.csv",
        sha256="p" * 64,
    )
    query = LedgerLine.objects.exclude(project="").filter(project__in=["P1"], year=2024, month__lte=3)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}")
    plan = query.explain()
    assert "toteuma_ledger_project" in plan
    assert query.count() == 10


def test_a_rebuilt_table_is_analysed_on_postgresql(tiny_org: object) -> None:
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # SQLite needs no statistics to pick its indexes
        return
    _three_lines()
    with without_indexes(TABLE, rebuild=True):
        pass
    assert _column_statistics() > 0


def test_a_leafs_page_of_lines_reads_in_date_order_from_an_index(tiny_org: object) -> None:
    from toteuma.storage.workflow.figures import SORTS

    storage.load_ledger(
        [
            LedgerRecord(date(2024, 1 + n % 12, 1 + n % 28), str(n), 4300 + n % 5, unit, n)
            for n in range(2000)
            for unit in ("110010", "110020", "120010")
        ],
        file_name="leaf.csv",
        sha256="l" * 64,
    )
    unit_id = LedgerLine.objects.filter(unit__code="110010").values_list("unit_id", flat=True)[0]
    page = LedgerLine.objects.filter(
        unit_id__in=[unit_id], account__in=[4300], year=2024, month__gte=1, month__lte=3
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}")
        if connection.vendor == "postgresql":
            # For a hundred lines a sort is cheaper and PostgreSQL rightly picks it; at a big city's
            # size it reads the index in order. Forbid the sort to see that the index can give it.
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
    plan = page.order_by(*SORTS["date"])[:50].explain()
    if connection.vendor == "sqlite":  # PostgreSQL may read this small table by the date index instead
        assert "toteuma_ledger_drill" in plan
    # No sort step (PostgreSQL's Sort, SQLite's temporary B-tree): the index gives the order.
    assert "sort" not in plan.lower().replace("toteuma", "")
    assert "temp b-tree" not in plan.lower()
    posted = list(page.order_by(*SORTS["date"]).values_list("posted", flat=True))
    assert posted == sorted(posted)
