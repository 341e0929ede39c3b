"""The monthly balance table: additive upserts in the database, removal of emptied rows, rebuild."""

from __future__ import annotations

from datetime import date

import pytest

from toteuma import storage
from toteuma.core.records import LedgerRecord
from toteuma.storage import balances, sql
from toteuma.storage.models import BatchBalance, LedgerLine, MonthlyBalance, Unit

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
    LedgerLine.objects.filter(amount_cents=3).update(amount_cents=4)  # a line changed behind our back
    MonthlyBalance.objects.update(amount_cents=0)  # and the balances damaged
    assert storage.rebuild_balances() == 1
    assert balances.stored() == {(unit_id, 2024, 1, 4300): (124, 2)}
    assert balances.batch_sums() == balances.stored()
    assert storage.verify_ledger().ok


def _two_batches() -> None:
    for month, sha in ((1, "a"), (2, "b")):
        storage.load_ledger(
            [LedgerRecord(date(2024, month, 2), "T", 4300, "110010", 100 * month)] * 2,
            file_name=f"{sha}.csv",
            sha256=sha * 64,
        )


def test_verify_finds_the_ledger_in_agreement(unit_id: int) -> None:
    _two_batches()
    check = storage.verify_ledger()
    assert (check.ok, check.batches, check.lines, check.differences) == (True, 2, 4, ())


def test_verify_names_a_line_changed_behind_toteumas_back(unit_id: int) -> None:
    _two_batches()
    line = LedgerLine.objects.filter(month=2).first()
    assert line is not None
    LedgerLine.objects.filter(id=line.id).update(amount_cents=150)
    check = storage.verify_ledger()
    assert not check.ok
    assert tuple(map(str, check.differences)) == (
        f"erä {line.batch_id}: kustannuspaikka 110010 2024-02 tili 4300: kirjattu (400, 2), löytyi (350, 2) "
        "(senttiä, rivejä)",
    )


def test_verify_names_a_balance_that_drifted_from_the_batches(unit_id: int) -> None:
    _two_batches()
    MonthlyBalance.objects.filter(month=1).update(amount_cents=1)
    assert tuple(map(str, storage.verify_ledger().differences)) == (
        "saldo: kustannuspaikka 110010 2024-01 tili 4300: kirjattu (200, 2), löytyi (1, 2) (senttiä, rivejä)",
    )


def test_a_batchs_sums_go_with_it(unit_id: int) -> None:
    _two_batches()
    first = BatchBalance.objects.filter(month=1).get()
    assert (first.amount_cents, first.line_count) == (200, 2)
    storage.rollback_batch(first.batch_id)
    assert list(BatchBalance.objects.values_list("month", "amount_cents")) == [(2, 400)]
    assert balances.stored() == {(unit_id, 2024, 2, 4300): (400, 2)}
