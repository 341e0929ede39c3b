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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db import DatabaseError

import toteuma
from toteuma import storage
from toteuma.core.forecast import Forecast, Method, ProfileSource
from toteuma.core.org import OrgTree
from toteuma.core.periods import Period
from toteuma.services import alerts as alert_rules
from toteuma.services.common import default_structure
from toteuma.services.forecasts import settings, unit_forecasts
from toteuma.services.measures import Reader
from toteuma.storage import workflow
from toteuma.storage.workflow import AlertRecord, LineRecord

log = logging.getLogger("toteuma.forecasts")

FORMAT = 1  # what a run holds and how it is made: raise it when either changes


def stored_lines() -> tuple[str, ...]:
    """The lines a run keeps for every unit: income, costs and the net (the overview's)."""
    summary = default_structure().summary
    return (summary.tulot, summary.menot, summary.netto)


@dataclass(frozen=True)
class Stored:
    """A run of the organisation's forecasts and alerts at a period: kept (`run`) or, where it could not
    be kept, held here."""

    period: Period
    tree: OrgTree
    run: int | None
    held_alerts: tuple[AlertRecord, ...] = ()
    held_lines: Mapping[tuple[str, str], LineRecord] = field(default_factory=dict)

    def alerts(self, under: str | None = None) -> list[AlertRecord]:
        """The alerts (of `under`'s subtree), most important rule first, in the organisation's order."""
        if self.run is not None:
            return workflow.run_alerts(self.run, under)
        if under is None:
            return list(self.held_alerts)
        inside = {under, *(unit.code for unit in self.tree.descendants(under))}
        return [item for item in self.held_alerts if item.unit_code in inside]

    def alert_units(self, under: str | None = None) -> list[tuple[str, str]]:
        """(unit, rule) of the alerts (of `under`'s subtree), without their figures."""
        if self.run is not None and under is None:
            return workflow.run_alert_units(self.run)
        return [(item.unit_code, item.rule) for item in self.alerts(under)]

    def lines(self, units: Iterable[str], line: str) -> dict[str, Forecast]:
        """The forecast of one line of each of these units that has one."""
        asked = list(units)
        if self.run is not None:
            found = workflow.run_lines(self.run, asked, [line])
        else:
            found = [self.held_lines[(code, line)] for code in asked if (code, line) in self.held_lines]
        return {item.unit_code: _forecast(item) for item in found}


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
    tree = tuple(
        (unit.code, unit.parent, unit.kind.value, unit.binding_level, unit.binding.value)
        for unit in reader.tree
    )
    mapping = reader.rows.mapping
    parts = (FORMAT, toteuma.__version__, workflow.forecast_inputs(), tree, mapping.ranges, settings())
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def current(period: Period, reader: Reader | None = None) -> Stored:
    """The run of the data as it is now at `period`: read if kept, else computed and kept."""
    storage.setup()
    chosen = reader or Reader.read()
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
    lines: dict[tuple[str, str], LineRecord] = {}
    for code in found.read.units:
        for line in stored_lines():
            value = found.line(code, line)
            if value is not None:
                lines[(code, line)] = _line(code, line, value)
    milliseconds = round((time.perf_counter() - started) * 1000)
    try:
        run = workflow.save_forecast_run(key, str(period), alerts, lines.values(), milliseconds)
    except DatabaseError:  # read-only, full or busy: the forecasts are right, only not kept
        log.warning("forecasts of %s computed but not kept", period, exc_info=True)
        return Stored(period, reader.tree, None, alerts, lines)
    log.info("forecasts of %s: %d alerts, computed in %d ms", period, len(alerts), milliseconds)
    return Stored(period, reader.tree, run)


def _record(alert: alert_rules.Alert) -> AlertRecord:
    return AlertRecord(
        alert.unit,
        alert.row,
        alert.rule.value,
        alert.level,
        (alert.method or Method.MIXED).value,
        tuple(alert.figures.items()),
    )


def _line(code: str, line: str, value: Forecast) -> LineRecord:
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
    )


def refresh(periods: Sequence[Period] | None = None) -> list[Stored]:
    """Compute and keep the runs of these periods (default: the newest month-end with ledger lines),
    after an import, a rollback or an approved own forecast; never fails the change that asked."""
    try:
        storage.setup()
        chosen = list(periods) if periods is not None else _newest()
        reader = Reader.read()
        return [current(period, reader) for period in chosen]
    except Exception:  # the change itself stands; the next reader computes the run instead
        log.warning("forecasts not refreshed", exc_info=True)
        return []


def _newest() -> list[Period]:
    found = workflow.balance_periods()
    return [Period.parse(found[0])] if found else []
