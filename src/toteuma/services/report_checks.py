"""A report's trust block: its figures tied out to the ledger lines, and where its data came from."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from toteuma import __version__, storage
from toteuma.core.layout import Layout
from toteuma.core.mapping import AccountMapping
from toteuma.core.money import to_report_sign
from toteuma.core.periods import Period
from toteuma.core.report import SourceBatch, TieCheck, TieOut
from toteuma.core.statement import Column, Statement
from toteuma.core.structure import LineKind


def build_time() -> datetime:
    """Now, or the fixed build time of a reproducible build (SOURCE_DATE_EPOCH)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)


def _ledger_total(codes: list[str], year: int, month: int, mapping: AccountMapping) -> int:
    """Report-sign cents of the income-statement accounts, from the ledger batches' recorded sums."""
    sums = storage.recorded_sums(codes, year, month)
    return sum(to_report_sign(cents) for account, (cents, _) in sums.items() if mapping.row_of(account))


def _rows_total(statement: Statement, column: Column) -> int:
    return sum(line.money[column] for line in statement.lines if line.kind is LineKind.ROW)


def tie_out(codes: list[str], period: Period, statement: Statement, mapping: AccountMapping) -> TieOut:
    """The statement's rows against the ledger: this year to date, last year to date, last year whole."""
    checks = (
        (Column.TOT, period.year, period.month),
        (Column.TOT_PREV, period.year - 1, period.month),
        (Column.TP_PREV, period.year - 1, 12),
    )
    return TieOut(
        tuple(
            TieCheck(
                f"{year}-01..{year}-{month:02d}",
                _rows_total(statement, column),
                _ledger_total(codes, year, month, mapping),
                column.value,
            )
            for column, year, month in checks
        )
    )


def provenance(layout: Layout, made: datetime) -> tuple[tuple[str, str], ...]:
    """The technical facts: the layout, the program's version and when the report was made."""
    return (("layout", layout.name), ("version", f"toteuma {__version__}"), ("made", made.isoformat()))


def sources(period: Period) -> tuple[SourceBatch, ...]:
    """The imported files the report's figures may come from: ledgers with lines from January of the
    previous year to the period's end (not a later month's file), budgets of the report's year."""
    start = date(period.year - 1, 1, 1)
    found = []
    for batch in storage.batches():
        if batch.kind == "ledger":
            used = batch.first_date is not None and batch.last_date is not None
            if not used or batch.first_date > period.end or batch.last_date < start:  # type: ignore[operator]
                continue
        elif period.year not in batch.years:
            continue
        found.append(
            SourceBatch(batch.kind, batch.file_name, batch.first_date, batch.last_date, batch.years,
                        batch.lines, batch.imported_at, batch.imported_by, batch.sha256)
        )  # fmt: skip
    return tuple(
        sorted(found, key=lambda item: (item.kind != "ledger", item.first or date.min, item.file_name))
    )
