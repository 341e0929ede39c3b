"""A report's trust block: its figures tied out to the ledger lines, and where its data came from."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime

from toteuma import __version__, storage
from toteuma.core.mapping import RowResolver
from toteuma.core.measures import BUILT_IN, Measure, Source, Span
from toteuma.core.money import to_report_sign
from toteuma.core.periods import Period
from toteuma.core.report import TieCheck, TieOut
from toteuma.core.statement import Statement
from toteuma.core.structure import LineKind


def build_time() -> datetime:
    """Now, or the fixed build time of a reproducible build (SOURCE_DATE_EPOCH)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)


def _ledger_total(codes: list[str], year: int, months: tuple[int, int], rows: RowResolver) -> int:
    """Report-sign cents of the income-statement accounts, from the ledger batches' recorded sums."""
    sums = storage.recorded_sums(codes, year, months[1])
    if months[0] > 1:
        before = storage.recorded_sums(codes, year, months[0] - 1)
        sums = {a: (c - before.get(a, (0, 0))[0], n) for a, (c, n) in sums.items()}
    return sum(to_report_sign(cents) for account, (cents, _) in sums.items() if rows.row_of(account))


def _rows_total(statement: Statement, name: str) -> int:
    return sum(line.values.cents.get(name, 0) for line in statement.lines if line.kind is LineKind.ROW)


def tie_out(
    codes: list[str], period: Period, statement: Statement, rows: RowResolver, read: Iterable[Measure]
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
    """Each imported data batch with its SHA-256, the layout, the program's version and the build time."""
    found: list[tuple[str, str]] = [
        ("batch", f"{batch.file_name} ({batch.kind}, {batch.lines}) sha256:{batch.sha256}")
        for batch in sorted(storage.batches(), key=lambda item: (item.kind, item.file_name, item.sha256))
    ]
    found += [("layout", layout), ("version", f"toteuma {__version__}"), ("made", made.isoformat())]
    return tuple(found)
