"""The monthly balance table: additive upserts in the database, removal of emptied rows, rebuild."""

from __future__ import annotations

from datetime import date

import pytest

from toteuma import storage
from toteuma.core.records import LedgerRecord
from toteuma.storage import balances, sql
from toteuma.storage.models import MonthlyBalance, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit_id(tiny_org: object) -> int:
    return Unit.objects.get(code="110010").id


def test_add_creates_then_adds_to_existing_rows(unit_id: int) -> None:
    balances.add({(unit_id, 2024, 1, 4300): (100, 1)})
    balances.add({(unit_id, 2024, 1, 4300): (-30, 2), (unit_id, 2024, 2, 4300): (5, 1)})
    assert balances.stored() == {(unit_id, 2024, 1, 4300): (70, 3), (unit_id, 2024, 2, 4300): (5, 1)}


def test_subtracting_removes_rows_left_without_lines(unit_id: int) -> None:
    balances.add({(unit_id, 2024, 1, 4300): (100, 2), (unit_id, 2024, 1, 3000): (-8, 1)})
    balances.add({(unit_id, 2024, 1, 4300): (60, 1), (unit_id, 2024, 1, 3000): (-8, 1)}, sign=-1)
    assert balances.stored() == {(unit_id, 2024, 1, 4300): (40, 1)}


def test_add_writes_more_rows_than_one_statement_holds(unit_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sql, "MAX_ROWS", 3)
    sums = {(unit_id, 2024, month, 4300): (month, 1) for month in range(1, 13)}
    balances.add(sums)
    assert balances.stored() == sums


def test_big_amounts_stay_exact(unit_id: int) -> None:
    big = 9_000_000_000_000_000  # beyond 32 bits and beyond a float's exact range of integers
    balances.add({(unit_id, 2024, 1, 4300): (big, 1)})
    balances.add({(unit_id, 2024, 1, 4300): (7, 1)})
    assert MonthlyBalance.objects.get().amount_cents == big + 7


def test_rebuild_recomputes_balances_from_the_ledger(unit_id: int) -> None:
    storage.load_ledger(
        [
            LedgerRecord(date(2024, 1, 2), "T", 4300, "110010", 120),
            LedgerRecord(date(2024, 1, 3), "T", 4300, "110010", 3),
        ],
        file_name="l.csv",
        sha256="a" * 64,
    )
    MonthlyBalance.objects.update(amount_cents=0)  # damage them
    assert storage.rebuild_balances() == 1
    assert balances.stored() == {(unit_id, 2024, 1, 4300): (123, 2)}
