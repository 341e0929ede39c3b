"""A report's trust block: its figures tied out to the ledger lines, and where its data came from."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from toteuma import __version__, storage
from toteuma.core.mapping import RowResolver
from toteuma.core.measures import BUILT_IN, Measure, Source, Span
from toteuma.core.money import to_report_sign
from toteuma.core.periods import Period
from toteuma.core.report import SourceBatch, TieCheck, TieOut
from toteuma.core.statement import Statement
from toteuma.core.structure import LineKind
from toteuma.storage import Subtree


def build_time() -> datetime:
    """Now, or the fixed build time of a reproducible build (SOURCE_DATE_EPOCH)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)


def _ledger_total(
    codes: Sequence[str] | Subtree, year: int, months: tuple[int, int], rows: RowResolver
) -> int:
    """Report-sign cents of the income-statement accounts, from the ledger batches' recorded sums."""
    sums = storage.recorded_sums(codes, year, months[1])
    if months[0] > 1:
        before = storage.recorded_sums(codes, year, months[0] - 1)
        sums = {a: (c - before.get(a, (0, 0))[0], n) for a, (c, n) in sums.items()}
    return sum(to_report_sign(cents) for account, (cents, _) in sums.items() if rows.row_of(account))


def _rows_total(statement: Statement, name: str) -> int:
    return sum(line.values.cents.get(name, 0) for line in statement.lines if line.kind is LineKind.ROW)


def tie_out(
    codes: Sequence[str] | Subtree,
    period: Period,
    statement: Statement,
    rows: RowResolver,
    read: Iterable[Measure],
) -> TieOut:
    """The statement's rows against the ledger, for each ledger measure the report read (the reference:
    this year to date, last year to date, last year whole)."""
    checks = [measure for measure in read if measure.source is Source.LEDGER]
    checks.sort(key=lambda measure: _ORDER.get(measure.name, len(_ORDER)))
    found = []
    for measure in checks:
        year, months = measure.year_of(period), measure.months(period)
        what = f"{year}-{months[0]:02d}..{year}-{months[1]:02d}"
        total = _ledger_total(codes, year, months, rows)
        like = "" if measure.name in _ORDER else _LIKE[measure.span]
        check = TieCheck(what, _rows_total(statement, measure.name), total, measure.name, like, year)
        found.append(check)
    return TieOut(tuple(found))


_ORDER = {measure.name: index for index, measure in enumerate(BUILT_IN)}
# The built-in ledger measure whose label a layout's own measure takes, by its months.
_LIKE = {Span.YEAR: "tp_prev", Span.TO_PERIOD_END: "tot_prev", Span.MONTH: "tot_month"}


def provenance(layout: str, made: datetime) -> tuple[tuple[str, str], ...]:
    """The technical facts: the layout, the program's version and when the report was made."""
    return (("layout", layout), ("version", f"toteuma {__version__}"), ("made", made.isoformat()))


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
