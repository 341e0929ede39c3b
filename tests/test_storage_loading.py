"""Ledger and budget batches: loading, refusing, rolling back, and the balances kept equal to the ledger."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest

from toteuma import storage
from toteuma.core.records import BudgetKind, BudgetRecord, LedgerRecord
from toteuma.storage import balances
from toteuma.storage.models import BudgetLine, ImportBatch, LedgerLine, MonthlyBalance

pytestmark = pytest.mark.django_db


def line(posted: str, unit: str, account: int, cents: int, project: str = "") -> LedgerRecord:
    return LedgerRecord(date.fromisoformat(posted), "T1", account, unit, cents, "selite", project)


JAN_FEB = [
    line("2024-01-15", "110010", 4300, 123456),
    line("2024-01-31", "110010", 4300, -456),
    line("2024-02-01", "110020", 3000, -5000),
    line("2023-12-31", "120010", 4300, 700),
]
FEB_MAR = [
    line("2024-02-10", "110010", 4300, 1000),  # same balance key as nothing above: new month row
    line("2024-01-20", "110010", 4300, 44),  # adds to the January row of the first file
    line("2024-03-05", "120010", 4000, 250099),
]


def load(records: Iterable[LedgerRecord], sha: str = "a" * 64) -> storage.LoadResult:
    return storage.load_ledger(records, file_name=f"{sha[:4]}.csv", sha256=sha, imported_by="controller")


def test_load_ledger_reports_batch_lines_and_total(tiny_org: object) -> None:
    result = load(JAN_FEB)
    assert (result.lines, result.total_cents) == (4, 123456 - 456 - 5000 + 700)
    batch = ImportBatch.objects.get(id=result.batch_id or 0)
    assert (batch.kind, batch.line_count, batch.imported_by) == ("ledger", 4, "controller")
    assert (batch.first_date, batch.last_date, batch.years) == (
        date(2023, 12, 31),
        date(2024, 2, 1),
        [2023, 2024],
    )
    assert LedgerLine.objects.filter(batch_id=result.batch_id).count() == 4


def test_ledger_line_keeps_every_field(tiny_org: object) -> None:
    awkward = "tab\there\nnew line, back\\slash, NUL-free ä € \\N"  # what COPY's text format escapes
    load([LedgerRecord(date(2024, 3, 31), "240001234", 4300, "120010", -1, awkward, "INV1")])
    stored = LedgerLine.objects.get()
    assert (stored.posted, stored.year, stored.month, stored.unit.code) == (
        date(2024, 3, 31),
        2024,
        3,
        "120010",
    )
    assert (stored.account, stored.amount_cents, stored.project, stored.document) == (
        4300,
        -1,
        "INV1",
        "240001234",
    )
    assert stored.text == awkward


def test_balances_equal_the_ledger_after_imports_and_rollback(tiny_org: object) -> None:
    first = load(JAN_FEB, "a" * 64)
    second = load(FEB_MAR, "b" * 64)
    assert balances.stored() == balances.ledger_sums() == balances.batch_sums()
    assert balances.batch_sums(second.batch_id) == balances.ledger_sums(second.batch_id)
    january = MonthlyBalance.objects.get(unit__code="110010", year=2024, month=1, account=4300)
    assert (january.amount_cents, january.line_count) == (123456 - 456 + 44, 3)
    storage.rollback_batch(first.batch_id or 0)
    assert balances.stored() == balances.ledger_sums() == balances.batch_sums()
    january.refresh_from_db()
    assert (january.amount_cents, january.line_count) == (44, 1)
    storage.rollback_batch(second.batch_id or 0)
    assert MonthlyBalance.objects.count() == 0
    assert LedgerLine.objects.count() == 0


def test_rollback_removes_only_its_batch(tiny_org: object) -> None:
    load(JAN_FEB, "a" * 64)
    second = load(FEB_MAR, "b" * 64)
    result = storage.rollback_batch(second.batch_id or 0)
    assert (result.lines, result.total_cents) == (3, 1000 + 44 + 250099)
    assert [batch.sha256[0] for batch in storage.batches()] == ["a"]
    assert LedgerLine.objects.count() == 4


def test_same_file_twice_is_refused_and_changes_nothing(tiny_org: object) -> None:
    first = load(JAN_FEB, "c" * 64)
    before = balances.stored()
    with pytest.raises(storage.DuplicateImportError, match=f"eräksi {first.batch_id}") as caught:
        load(FEB_MAR, "c" * 64)
    assert caught.value.batch_id == first.batch_id
    assert balances.stored() == before
    assert (ImportBatch.objects.count(), LedgerLine.objects.count()) == (1, 4)


def test_same_file_as_ledger_and_as_budget_are_different_imports(tiny_org: object) -> None:
    load(JAN_FEB, "d" * 64)
    storage.load_budget([BudgetRecord(2024, "1100", 4300, 100)], file_name="b.csv", sha256="d" * 64)
    assert ImportBatch.objects.count() == 2


def test_unknown_cost_centers_are_all_named_and_nothing_is_loaded(tiny_org: object) -> None:
    records = [*JAN_FEB, line("2024-01-01", "999999", 4300, 1), line("2024-01-02", "888888", 4300, 1)]
    with pytest.raises(storage.UnknownUnitError, match="”888888”, ”999999”"):
        load(records)
    assert (ImportBatch.objects.count(), LedgerLine.objects.count(), MonthlyBalance.objects.count()) == (
        0,
        0,
        0,
    )


def test_load_ledger_reads_a_generator_in_chunks(tiny_org: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from toteuma.storage import loading

    monkeypatch.setattr(loading, "CHUNK", 2)
    result = load(record for record in JAN_FEB + FEB_MAR)
    assert result.lines == 7
    assert balances.stored() == balances.ledger_sums()


def test_load_budget_keeps_kind_and_decision(tiny_org: object) -> None:
    amendment = BudgetRecord(
        2024, "1000", 4300, 5000, BudgetKind.AMENDMENT, "Kv 26.2.2024 § 12", date(2024, 2, 26)
    )
    result = storage.load_budget(
        [BudgetRecord(2024, "1100", 4300, 10000), amendment], file_name="ta.csv", sha256="e" * 64
    )
    assert (result.lines, result.total_cents) == (2, 15000)
    stored = BudgetLine.objects.get(kind="muutos")
    assert (stored.unit.code, stored.decision, stored.decided) == (
        "1000",
        "Kv 26.2.2024 § 12",
        date(2024, 2, 26),
    )
    assert ImportBatch.objects.get(id=result.batch_id or 0).years == [2024]


def test_budget_amendment_without_decision_date_is_refused(tiny_org: object) -> None:
    records = [
        BudgetRecord(2024, "1100", 4300, 10000),
        BudgetRecord(2024, "1100", 4300, 1, BudgetKind.AMENDMENT),
    ]
    with pytest.raises(storage.StorageError, match="puuttuu päätöspäivä"):
        storage.load_budget(records, file_name="ta.csv", sha256="f" * 64)
    assert (ImportBatch.objects.count(), BudgetLine.objects.count()) == (0, 0)


def test_rollback_of_a_budget_batch(tiny_org: object) -> None:
    result = storage.load_budget(
        [BudgetRecord(2024, "1100", 4300, 10000)], file_name="ta.csv", sha256="1" * 64
    )
    storage.rollback_batch(result.batch_id or 0)
    assert (ImportBatch.objects.count(), BudgetLine.objects.count()) == (0, 0)


def test_rollback_of_an_unknown_batch_is_refused() -> None:
    with pytest.raises(storage.BatchNotFoundError, match="tuontierää 404 ei ole"):
        storage.rollback_batch(404)
