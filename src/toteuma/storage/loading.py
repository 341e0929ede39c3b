"""Loading imported ledger and budget files as batches, each in one transaction, and rolling a batch back."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any, TypeVar

from django.db import IntegrityError, connection, transaction

from toteuma.core.bulk import LEDGER_COLUMNS
from toteuma.core.messages import Text
from toteuma.core.records import BudgetKind, BudgetRecord, LedgerRecord
from toteuma.storage import balances, descendants, sql, statistics
from toteuma.storage.locks import import_transaction
from toteuma.storage.models import (
    BatchBalance,
    BudgetLine,
    DescendantBalance,
    DescendantBudget,
    ImportBatch,
    LedgerLine,
    MonthlyBalance,
    Unit,
)
from toteuma.storage.types import (
    BatchNotFoundError,
    DuplicateImportError,
    LoadResult,
    StorageError,
    UnknownUnitError,
)

T = TypeVar("T")
# What a ledger load or rollback writes: their planner statistics are refreshed in the same transaction.
LEDGER_TABLES = (ImportBatch, LedgerLine, MonthlyBalance, BatchBalance, DescendantBalance)
CHUNK = 5000  # records per bulk INSERT: big enough to be fast, small enough to keep memory flat


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def unit_ids() -> dict[str, int]:
    return dict(Unit.objects.values_list("code", "id"))


@dataclass
class _Tally:
    """Running figures of a batch: lines, their sum, the dates and years they cover."""

    lines: int = 0
    total: int = 0
    first: date | None = None
    last: date | None = None
    years: set[int] = field(default_factory=set)

    def count(self, cents: int, year: int, posted: date | None = None) -> None:
        self.lines += 1
        self.total += cents
        self.years.add(year)
        if posted is not None:
            self.first = posted if self.first is None else min(self.first, posted)
            self.last = posted if self.last is None else max(self.last, posted)


def _new_batch(kind: str, file_name: str, sha256: str, imported_by: str) -> ImportBatch:
    """A batch row for the file, or DuplicateImportError when the same file was loaded before."""
    existing = ImportBatch.objects.filter(kind=kind, sha256=sha256).first()
    if existing is None:
        try:
            with transaction.atomic():
                return ImportBatch.objects.create(
                    kind=kind, file_name=file_name, sha256=sha256, imported_by=imported_by
                )
        except IntegrityError:
            # Another import of the same file committed between our check and our insert.
            existing = ImportBatch.objects.filter(kind=kind, sha256=sha256).first()
            if existing is None:
                raise
    raise DuplicateImportError(kind, sha256, existing.id, existing.file_name)


def _close_batch(batch: ImportBatch, tally: _Tally) -> LoadResult:
    batch.line_count = tally.lines
    batch.total_cents = tally.total
    batch.first_date, batch.last_date = tally.first, tally.last
    batch.years = sorted(tally.years)
    batch.save(update_fields=["line_count", "total_cents", "first_date", "last_date", "years"])
    return LoadResult(lines=tally.lines, total_cents=tally.total, batch_id=batch.id)


def _ledger_row(batch_id: int, r: LedgerRecord, unit: int, posted: Any) -> tuple[Any, ...]:
    """One ledger line's values in the order of LEDGER_COLUMNS."""
    year, month = r.posted.year, r.posted.month
    return (batch_id, posted, year, month, r.document, r.account, unit, r.project, r.amount_cents, r.text)


@dataclass
class _LedgerLoad:
    """One ledger file on its way in: rows for the INSERT, the batch's tally and its balance sums."""

    batch_id: int
    units: dict[str, int]
    unknown: set[str] = field(default_factory=set)
    tally: _Tally = field(default_factory=_Tally)
    sums: dict[balances.BalanceKey, list[int]] = field(default_factory=dict)

    def rows(self, records: list[LedgerRecord]) -> list[tuple[Any, ...]]:
        adapt = connection.ops.adapt_datefield_value
        rows: list[tuple[Any, ...]] = []
        for r in records:
            unit = self.units.get(r.unit)
            if unit is None:
                self.unknown.add(r.unit)
                continue
            year, month = r.posted.year, r.posted.month
            rows.append(_ledger_row(self.batch_id, r, unit, adapt(r.posted)))
            self.tally.count(r.amount_cents, year, r.posted)
            balances.accumulate(self.sums, (unit, year, month, r.account), r.amount_cents)
        return rows


def load_ledger(
    records: Iterable[LedgerRecord], *, file_name: str, sha256: str, imported_by: str = ""
) -> LoadResult:
    """Insert a ledger file's lines as one batch and add them to the monthly balances, all or nothing.

    The lines go in as plain rows (COPY on PostgreSQL, multi-row INSERT on SQLite), not as model
    instances: building a Django model per line costs several times the database's own work, and
    ledgers run to millions of lines.
    """
    with import_transaction():
        batch = _new_batch(ImportBatch.Kind.LEDGER, file_name, sha256, imported_by)
        load = _LedgerLoad(batch.id, unit_ids())
        for chunk in chunks(records, CHUNK):
            rows = load.rows(chunk)
            if not load.unknown:  # after the first unknown unit, read on only to name them all
                sql.insert(LedgerLine._meta.db_table, LEDGER_COLUMNS, rows)
        if load.unknown:
            raise UnknownUnitError(load.unknown, "ledger_lines")
        sums = balances.frozen(load.sums)
        balances.add(sums)
        balances.record_batch(batch.id, sums)
        result = _close_batch(batch, load.tally)
        statistics.refresh(*LEDGER_TABLES)
        return result


def load_budget(
    records: Iterable[BudgetRecord],
    *,
    file_name: str,
    sha256: str,
    imported_by: str = "",
    replaces: Iterable[int] = (),
    guard: Callable[[], None] | None = None,
) -> LoadResult:
    """Insert a budget file's lines (original budget and amendments) as one batch, all or nothing.

    The batches in `replaces` (an earlier export of the same budget) are rolled back first, in the
    same transaction; `guard` runs before that under the import lock and raises to refuse the load.
    """
    with import_transaction():
        if guard is not None:
            guard()
        for batch_id in replaces:
            rollback_batch(batch_id)
        batch = _new_batch(ImportBatch.Kind.BUDGET, file_name, sha256, imported_by)
        units = unit_ids()
        tally, unknown = _Tally(), set[str]()
        for chunk in chunks(records, CHUNK):
            lines = [_budget_line(batch, record, units, unknown) for record in chunk]
            if unknown:
                continue
            BudgetLine.objects.bulk_create(lines)
            for line in lines:
                tally.count(line.amount_cents, line.year)
        if unknown:
            raise UnknownUnitError(unknown, "budget_lines")
        result = _close_batch(batch, tally)
        descendants.rebuild_budget()
        statistics.refresh(ImportBatch, BudgetLine, DescendantBudget)
        return result


def _budget_line(
    batch: ImportBatch, record: BudgetRecord, units: dict[str, int], unknown: set[str]
) -> BudgetLine:
    if record.kind is BudgetKind.AMENDMENT and record.decided is None:
        # Without a date no report could tell whether the amendment is in force at its period end.
        decision = record.decision or Text("storage.no_decision")
        where = {"unit": record.unit, "account": record.account, "decision": decision}
        raise StorageError("storage.amendment_without_date", **where)
    if record.unit not in units:
        unknown.add(record.unit)
    return BudgetLine(
        batch=batch,
        year=record.year,
        unit_id=units.get(record.unit, 0),
        account=record.account,
        project=record.project,
        amount_cents=record.amount_cents,
        kind=record.kind.value,
        decision=record.decision,
        decided=record.decided,
        text=record.text,
    )


def rollback_batch(batch_id: int) -> LoadResult:
    """Remove a batch's lines (and, for a ledger, subtract them from the balances) and the batch itself."""
    with import_transaction():
        batch = ImportBatch.objects.select_for_update().filter(id=batch_id).first()
        if batch is None:
            raise BatchNotFoundError(batch_id)
        if batch.kind == ImportBatch.Kind.LEDGER:
            balances.add(balances.batch_sums(batch.id), sign=-1)  # exactly what its load added
            LedgerLine.objects.filter(batch_id=batch.id).delete()
        else:
            BudgetLine.objects.filter(batch_id=batch.id).delete()
            descendants.rebuild_budget()
        result = LoadResult(lines=batch.line_count, total_cents=batch.total_cents, batch_id=batch.id)
        batch.delete()
        statistics.refresh(
            *LEDGER_TABLES
            if batch.kind == ImportBatch.Kind.LEDGER
            else (ImportBatch, BudgetLine, DescendantBudget)
        )
        return result
