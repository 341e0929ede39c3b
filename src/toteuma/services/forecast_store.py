"""Forecasts and alerts as data (decision 61): computed once for the whole organisation at a period and
kept, so that the overview and the unit pages read them instead of forecasting every cost center of
the city on every request.

A run is keyed by a digest of everything the forecasts read: the import batches (ledger, budget,
monthly budget, their rollbacks), the organisation, the account mapping, the approved own forecasts,
the forecast and alert settings and the code's version. Any change gives a new key, so a stale run is
never read; the next reader (or the import, or the approval, which compute the newest period at
once) computes the new one. Where a run cannot be kept (a read-only database, SQLite busy with an
import) the computed one is used as it is and nothing is lost but the time.
"""

from __future__ import annotations

import hashlib
import logging
import time
import weakref
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db import DatabaseError

import toteuma
from toteuma import storage
from toteuma.core.forecast import Forecast, Method, ProfileSource
from toteuma.core.org import OrgTree
from toteuma.core.periods import Period
from toteuma.core.statement import LineValues, Statement, StatementLine, added, compute_statement
from toteuma.core.structure import LineKind, Structure
from toteuma.services import alerts as alert_rules
from toteuma.services import forecast_series
from toteuma.services.common import ServiceError, default_structure
from toteuma.services.figure_cache import kept_in_request, per_request
from toteuma.services.forecasts import MonthlySeries, UnitForecasts, settings, unit_forecasts
from toteuma.services.measures import REQUEST_READER, Reader, measures_named, read_rows, statements
from toteuma.storage import workflow
from toteuma.storage.workflow import AlertRecord, LineRecord

log = logging.getLogger("toteuma.forecasts")

FORMAT = 3  # what a run holds and how it is made: raise it when either changes

# The measures a run keeps of every unit's statement (decision 64): what the overview's glances and the
# unit page's statement read. A page asking for others reads the balances.
KEPT_MEASURES = ("tp_prev", "tot_prev", "budget_original", "amendments", "budget", "tot", "tot_month")

# A unit's statement rows: row key -> its measures' values.
Rows = Mapping[str, LineValues]


def stored_lines() -> tuple[str, ...]:
    """The lines a run keeps for every unit: income, costs and the net (the overview's)."""
    summary = default_structure().summary
    return (summary.tulot, summary.menot, summary.netto)


def charted_line() -> str:
    """The line whose months a run keeps for the unit page's chart: the costs (Toimintakulut)."""
    return default_structure().summary.menot


@dataclass(frozen=True)
class Stored:
    """A run of the organisation's forecasts and alerts at a period: kept (`run`) or, where it could not
    be kept, held here."""

    period: Period
    tree: OrgTree
    run: int | None
    held_alerts: tuple[AlertRecord, ...] = ()
    held_lines: Mapping[tuple[str, str], LineRecord] = field(default_factory=dict)
    held_rows: Mapping[str, Rows] = field(default_factory=dict)
    # What this object has read of a kept run (a page asks for a unit twice: read once).
    _rows: dict[str, Rows | None] = field(default_factory=dict, compare=False, repr=False)
    _records: dict[tuple[str, str], LineRecord | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def prefetch(self, units: Iterable[str]) -> None:
        """Read the kept statements of these units at once (a page's unit and its sub-units)."""
        if self.run is not None:
            missing = [code for code in dict.fromkeys(units) if code not in self._rows]
            if missing:
                found = workflow.run_statements(self.run, missing)
                for code in missing:
                    self._rows[code] = _values(found[code]) if code in found else None

    def statements(
        self, reader: Reader, units: Sequence[str], names: Sequence[str], keys: Sequence[str] | None = None
    ) -> dict[str, Statement]:
        """The statements of these units (their whole subtrees) with these measures: from the run when it
        keeps them all and the reader is the default one, else read from the balances. With `keys`, only
        those lines, their visibility not worked out (the overview's glances)."""
        if not set(names) <= set(KEPT_MEASURES) or not _default(reader):
            return statements(reader, units, self.period, measures_named(names))
        for code in units:
            if code not in self.tree:
                raise ServiceError("services.report.unknown_unit", unit=code)
        kept: dict[str, Rows]
        if self.run is not None:
            self.prefetch(units)
            kept = {code: rows for code in units if (rows := self._rows[code]) is not None}
        else:
            kept = {code: self.held_rows[code] for code in units if code in self.held_rows}
        wanted = set(names)
        if keys is not None:  # the lines from all kept measures, then only the asked ones kept
            return {code: _lines(reader.structure, kept.get(code, {}), keys, wanted) for code in units}
        return {
            code: compute_statement(reader.structure, _only(kept.get(code, {}), wanted)) for code in units
        }

    def alerts(self, under: str | None = None) -> list[AlertRecord]:
        """The alerts (of `under`'s subtree), most important rule first, in the organisation's order."""
        if self.run is not None:
            return workflow.run_alerts(self.run, under)
        if under is None:
            return list(self.held_alerts)
        inside = {under, *(unit.code for unit in self.tree.descendants(under))}
        return [item for item in self.held_alerts if item.unit_code in inside]

    def alert_rules(self, units: Iterable[str]) -> dict[str, set[str]]:
        """Per unit: the rules of the alerts anywhere in its subtree."""
        return {code: set(counts) for code, counts in self._counts(units).items()}

    def rule_counts(self) -> dict[str, int]:
        """How many alerts of each rule the whole organisation has."""
        found: Counter[str] = Counter()
        for counts in self._counts(unit.code for unit in self.tree.children(None)).values():
            found.update(counts)
        return dict(found)

    def _counts(self, units: Iterable[str]) -> dict[str, dict[str, int]]:
        asked = set(units)
        if self.run is not None:
            return workflow.run_alert_rules(self.run, asked)
        return {
            code: counts
            for code, counts in subtree_counts(self.tree, self.held_alerts).items()
            if code in asked
        }

    def records(self, units: Iterable[str], line: str) -> dict[str, LineRecord]:
        """The kept forecast of one line of each of these units that has one."""
        asked = list(dict.fromkeys(units))
        if self.run is None:
            return {code: self.held_lines[(code, line)] for code in asked if (code, line) in self.held_lines}
        missing = [code for code in asked if (code, line) not in self._records]
        if missing:
            found = {item.unit_code: item for item in workflow.run_lines(self.run, missing, [line])}
            for code in missing:
                self._records[(code, line)] = found.get(code)
        return {code: item for code in asked if (item := self._records[(code, line)]) is not None}

    def lines(self, units: Iterable[str], line: str) -> dict[str, Forecast]:
        """The forecast of one line of each of these units that has one."""
        return {code: _forecast(item) for code, item in self.records(units, line).items()}

    def cost_months(self, unit: str) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """The charted line's (costs') actual of each month of the previous year and of this year to
        the period, of the unit's subtree, where the run keeps them (else None: read the balances)."""
        if self.run is None:
            item = self.held_lines.get((unit, charted_line()))
        else:
            item = self.records([unit], charted_line()).get(unit)
        if item is None or len(item.previous_months) != 12 or len(item.actual_months) != self.period.month:
            return None
        return item.previous_months, item.actual_months

    def series(self, unit: str) -> MonthlySeries:
        """The unit's costs month by month (actual, budget by its profile, forecast and band): the unit
        page's chart, as `forecasts.monthly_series` makes it."""
        line = charted_line()
        item = self.records([unit], line).get(unit)
        month = self.period.month
        actual = item.actual_months if item is not None and item.actual_months else (0,) * month
        profile = item.profile_months if item is not None and item.profile_months else (0,) * 12
        value = None if item is None else _forecast(item)
        return forecast_series.assemble(unit, line, True, self.period, actual, profile, value)


def _default(reader: Reader) -> bool:
    """Whether the reader places accounts on the default structure's rows (its mapping is in the key)."""
    return reader.structure is default_structure()


def _lines(structure: Structure, rows: Rows, keys: Sequence[str], names: set[str]) -> Statement:
    """A statement of only these lines, each with these measures (a subtotal adds its parts)."""
    known: dict[str, LineValues] = {}
    found = []
    for key in keys:
        line = structure.line(key)
        value = _chosen(_line_value(structure, rows, key, known), names)
        found.append(StatementLine(key, line.label, line.kind, value, True, line.depth, line.costs))
    return Statement(tuple(found))


def _line_value(structure: Structure, rows: Rows, key: str, known: dict[str, LineValues]) -> LineValues:
    """One line's measures: a row's own, a subtotal its parts' added up (as `line_values`, for one line
    and what it is made of only)."""
    if key not in known:
        line = structure.line(key)
        if line.kind is LineKind.ROW:
            known[key] = rows.get(key, LineValues())
        elif line.kind is LineKind.SUBTOTAL:
            known[key] = added(_line_value(structure, rows, part, known) for part in line.sum)
        else:
            known[key] = LineValues()
    return known[key]


def _values(rows: workflow.StatementRows) -> dict[str, LineValues]:
    return {row: LineValues(cents, lines) for row, (cents, lines) in rows.items()}


def _only(rows: Rows, names: set[str]) -> dict[str, LineValues]:
    """The rows with only the asked measures (what reading just those would give)."""
    return {row: _chosen(values, names) for row, values in rows.items()}


def _chosen(values: LineValues, names: set[str]) -> LineValues:
    return LineValues(
        {name: cents for name, cents in values.cents.items() if name in names},
        {name: count for name, count in values.lines.items() if name in names},
    )


def subtree_counts(tree: OrgTree, alerts: Iterable[AlertRecord]) -> dict[str, dict[str, int]]:
    """Per unit: how many alerts of each rule its subtree has (each alert counted at its unit and at
    every unit above it)."""
    found: dict[str, dict[str, int]] = {}
    for item in alerts:
        code: str | None = item.unit_code
        while code is not None and code in tree:
            counts = found.setdefault(code, {})
            counts[item.rule] = counts.get(item.rule, 0) + 1
            code = tree[code].parent
    return found


def _forecast(item: LineRecord) -> Forecast:
    return Forecast(
        item.cents,
        Method(item.method),
        ProfileSource(item.profile),
        item.actual,
        item.budget,
        item.profile_to_date,
        item.low,
        item.high,
        item.banded,
    )


def key_of(reader: Reader) -> str:
    """The digest of everything a run reads (one query besides what the reader holds)."""
    mapping = reader.rows.mapping
    tree = _tree_digest(reader.tree)
    parts = (FORMAT, toteuma.__version__, workflow.forecast_inputs(), tree, mapping.ranges, settings())
    return hashlib.sha256(repr(parts).encode()).hexdigest()


# Each organisation's digest, made once per tree object (a process keeps its tree: decision 65).
_TREE_DIGESTS: weakref.WeakKeyDictionary[OrgTree, str] = weakref.WeakKeyDictionary()


def _tree_digest(tree: OrgTree) -> str:
    found = _TREE_DIGESTS.get(tree)
    if found is None:
        parts = tuple(
            (unit.code, unit.parent, unit.kind.value, unit.binding_level, unit.binding.value) for unit in tree
        )
        found = _TREE_DIGESTS[tree] = hashlib.sha256(repr(parts).encode()).hexdigest()
    return found


def current(period: Period, reader: Reader | None = None) -> Stored:
    """The run of the data as it is now at `period`: read if kept, else computed and kept (found once
    per web request for the request's reader: a page and its blocks share it)."""
    storage.setup()
    if reader is None or reader is kept_in_request(REQUEST_READER):
        return per_request(("forecast-run", period), lambda: _current(period, reader or Reader.read()))
    return _current(period, reader)


def _current(period: Period, chosen: Reader) -> Stored:
    key = key_of(chosen)
    found = workflow.forecast_run(key, str(period))
    if found is not None:
        return Stored(period, chosen.tree, found)
    return compute(period, chosen, key)


def compute(period: Period, reader: Reader, key: str | None = None) -> Stored:
    """Forecast every unit of the organisation at `period`, find the alerts, and keep them."""
    key = key or key_of(reader)
    started = time.perf_counter()
    roots = [unit.code for unit in reader.tree.children(None)]
    found = unit_forecasts(roots, period, reader)
    alerts = tuple(_record(item) for item in alert_rules.of_forecasts(found))
    months = _months_by_unit(found)
    lines: dict[tuple[str, str], LineRecord] = {}
    for code in found.read.units:
        for line in stored_lines():
            value = found.line(code, line)
            if value is not None:
                chart = months.get(code) if line == charted_line() else None
                lines[(code, line)] = _line(code, line, value, chart)
    rows = _statement_rows(reader, period)
    milliseconds = round((time.perf_counter() - started) * 1000)
    try:
        counts = subtree_counts(reader.tree, alerts)
        kept = {code: _pairs(values) for code, values in rows.items()}
        run = workflow.save_forecast_run(key, str(period), alerts, lines.values(), milliseconds, counts, kept)
    except DatabaseError:  # read-only, full or busy: the forecasts are right, only not kept
        log.warning("forecasts of %s computed but not kept", period, exc_info=True)
        return Stored(period, reader.tree, None, alerts, lines, rows)
    log.info("forecasts of %s: %d alerts, computed in %d ms", period, len(alerts), milliseconds)
    return Stored(period, reader.tree, run)


def _statement_rows(reader: Reader, period: Period) -> dict[str, Rows]:
    """Every unit's statement rows of the kept measures, from one read (a unit without money left out)."""
    if not _default(reader):
        return {}
    codes = [unit.code for unit in reader.tree]
    found = read_rows(reader, codes, period, measures_named(KEPT_MEASURES))
    return {code: rows for code, rows in found.items() if rows}


def _pairs(rows: Rows) -> dict[str, tuple[Mapping[str, int], Mapping[str, int]]]:
    return {row: (values.cents, values.lines) for row, values in rows.items()}


def _record(alert: alert_rules.Alert) -> AlertRecord:
    return AlertRecord(
        alert.unit,
        alert.row,
        alert.rule.value,
        alert.level,
        (alert.method or Method.MIXED).value,
        tuple(alert.figures.items()),
    )


Months = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _months_by_unit(found: UnitForecasts) -> dict[str, Months]:
    """Per unit: the charted line's actual of each month, its cumulative profile and the previous
    year's actual of each month (the forecasts read at least one earlier year), of its subtree (each
    cost center's added to every unit above it)."""
    tree = found.read.tree
    period = found.read.period
    totals: dict[str, tuple[list[int], list[int], list[int]]] = {}

    def add(code: str, part: int, months: Sequence[int]) -> None:
        current: str | None = code
        while current is not None:
            into = totals.setdefault(current, ([0] * period.month, [0] * 12, [0] * 12))[part]
            for month, cents in enumerate(months):
                into[month] += cents
            current = tree[current].parent if current in tree else None

    for code, (actual, profile) in forecast_series.line_months(found, charted_line()).items():
        add(code, 0, actual)
        add(code, 1, profile)
    charted = set(found.read.structure.rows_under(charted_line()))
    for (code, row), months in found.read.years.get(period.year - 1, {}).items():
        if row in charted:
            add(code, 2, months)
    return {
        code: (tuple(actual), tuple(profile), tuple(previous))
        for code, (actual, profile, previous) in totals.items()
    }


def _line(code: str, line: str, value: Forecast, months: Months | None = None) -> LineRecord:
    return LineRecord(
        code,
        line,
        value.cents,
        value.method.value,
        value.profile.value,
        value.actual,
        value.budget,
        value.profile_to_date,
        value.low,
        value.high,
        value.banded,
        *(months or ((), (), ())),
    )


def refresh(periods: Sequence[Period] | None = None) -> list[Stored]:
    """Compute and keep the runs of these periods (default: the newest month-end with ledger lines),
    after an import, a rollback or an approved own forecast; never fails the change that asked."""
    try:
        storage.setup()
        chosen = list(periods) if periods is not None else _newest()
        reader = Reader.read(fresh=True)  # what the import or the approval has just changed
        return [current(period, reader) for period in chosen]
    except Exception:  # the change itself stands; the next reader computes the run instead
        log.warning("forecasts not refreshed", exc_info=True)
        return []


def _newest() -> list[Period]:
    found = workflow.balance_periods()
    return [Period.parse(found[0])] if found else []
