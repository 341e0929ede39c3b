"""Forecast runs: the organisation's forecasts and alerts at a period, kept once computed (decision 61).

A run is found by its key (a digest of everything it read, made by the services) and its period; the
dashboard reads a subtree's alerts or a few units' lines from it in one query. Keeping a run deletes
the runs of any other key (stale since an import or an approval), so at most one state is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Max

from toteuma.storage.models import ImportBatch, UnitClosure
from toteuma.storage.workflow.models import (
    ForecastRun,
    OwnForecast,
    StoredAlert,
    StoredForecast,
    StoredRuleCount,
    StoredStatement,
)
from toteuma.storage.workflow.types import AlertRecord, LineRecord, StatementRows

_LINE_FIELDS = (
    "unit_code",
    "line",
    "cents",
    "method",
    "profile",
    "actual",
    "budget",
    "profile_to_date",
    "low",
    "high",
    "banded",
)


def forecast_inputs() -> tuple[object, ...]:
    """What of the database a run depends on besides the organisation and the mapping: the import
    batches and the approved own forecasts (one round trip)."""
    batches, own = ImportBatch._meta.db_table, OwnForecast._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT coalesce(max(id), 0) FROM {batches}), (SELECT count(*) FROM {batches}), "
            f"(SELECT coalesce(max(id), 0) FROM {own}), (SELECT count(*) FROM {own}), "
            f"(SELECT max(approved_at) FROM {own})"
        )
        found = cursor.fetchone()
    return tuple(str(value) for value in found)


def forecast_run(key: str, period: str) -> int | None:
    """The id of the run of this key and period, if one is kept."""
    return ForecastRun.objects.filter(key=key, period=period).values_list("id", flat=True).first()


def save_forecast_run(
    key: str,
    period: str,
    alerts: Sequence[AlertRecord],
    lines: Iterable[LineRecord],
    milliseconds: int,
    rule_counts: Mapping[str, Mapping[str, int]] | None = None,
    statements: Mapping[str, StatementRows] | None = None,
) -> int:
    """Keep a run (in one transaction) and drop the runs of other keys; where another process kept the
    same run first, its id."""
    try:
        with transaction.atomic():
            stale = ForecastRun.objects.exclude(key=key)
            StoredAlert.objects.filter(run__in=stale).delete()
            StoredRuleCount.objects.filter(run__in=stale).delete()
            StoredForecast.objects.filter(run__in=stale).delete()
            StoredStatement.objects.filter(run__in=stale).delete()
            stale.delete()
            run = ForecastRun.objects.create(key=key, period=period, milliseconds=milliseconds)
            StoredAlert.objects.bulk_create(
                (
                    StoredAlert(
                        run=run,
                        position=position,
                        unit_code=item.unit_code,
                        row=item.row,
                        rule=item.rule,
                        level=item.level,
                        method=item.method,
                        figures=dict(item.figures),
                    )
                    for position, item in enumerate(alerts)
                ),
                batch_size=2000,
            )
            StoredForecast.objects.bulk_create(
                (
                    StoredForecast(
                        run=run, path=_path(item), **{name: getattr(item, name) for name in _LINE_FIELDS}
                    )
                    for item in lines
                ),
                batch_size=2000,
            )
            StoredRuleCount.objects.bulk_create(
                (
                    StoredRuleCount(run=run, unit_code=code, rule=rule, count=count)
                    for code, counts in (rule_counts or {}).items()
                    for rule, count in counts.items()
                ),
                batch_size=2000,
            )
            StoredStatement.objects.bulk_create(
                (
                    StoredStatement(run=run, unit_code=code, rows=_json_rows(rows))
                    for code, rows in (statements or {}).items()
                ),
                batch_size=1000,
            )
            return run.id
    except IntegrityError:
        found = forecast_run(key, period)
        if found is None:
            raise
        return found


def _json_rows(rows: StatementRows) -> dict[str, list[dict[str, int]]]:
    return {row: [dict(cents), dict(lines)] for row, (cents, lines) in rows.items()}


def run_statements(run: int, units: Iterable[str]) -> dict[str, StatementRows]:
    """The run's statement rows of these units (one query): per unit, row -> (measure cents, measure
    lines); a unit without any money is absent."""
    found = StoredStatement.objects.filter(run_id=run, unit_code__in=sorted(set(units)))
    return {
        code: {row: (cents, lines) for row, (cents, lines) in rows.items()}
        for code, rows in found.values_list("unit_code", "rows")
    }


def _path(item: LineRecord) -> dict[str, list[int]] | None:
    if not item.profile_months:
        return None
    path = {"actual": list(item.actual_months), "profile": list(item.profile_months)}
    if item.previous_months:
        path["previous"] = list(item.previous_months)
    return path


def _line(values: Sequence[Any]) -> LineRecord:
    code, line, cents, method, profile, actual, budget, to_date, low, high, banded, path = values
    months = path if isinstance(path, dict) else {}
    return LineRecord(
        code,
        line,
        cents,
        method,
        profile,
        actual,
        budget,
        to_date,
        low,
        high,
        banded,
        tuple(months.get("actual", ())),
        tuple(months.get("profile", ())),
        tuple(months.get("previous", ())),
    )


def _under(under: str) -> Iterable[str]:
    return UnitClosure.objects.filter(ancestor__code=under).values_list("descendant__code", flat=True)


def run_alerts(run: int, under: str | None = None) -> list[AlertRecord]:
    """The run's alerts (of `under`'s subtree), in their order."""
    found = StoredAlert.objects.filter(run_id=run)
    if under is not None:
        found = found.filter(unit_code__in=_under(under))
    return [
        AlertRecord(code, row, rule, level, method, tuple(figures.items()))
        for code, row, rule, level, method, figures in found.order_by("position").values_list(
            "unit_code", "row", "rule", "level", "method", "figures"
        )
    ]


def run_alert_rules(run: int, units: Iterable[str]) -> dict[str, dict[str, int]]:
    """Per asked unit: how many alerts of each rule its subtree has in the run (one query)."""
    rows = StoredRuleCount.objects.filter(run_id=run, unit_code__in=sorted(set(units)))
    found: dict[str, dict[str, int]] = {}
    for code, rule, count in rows.values_list("unit_code", "rule", "count"):
        found.setdefault(code, {})[rule] = count
    return found


def run_lines(run: int, units: Iterable[str], lines: Iterable[str]) -> list[LineRecord]:
    """The run's forecasts of these lines of these units."""
    found = StoredForecast.objects.filter(
        run_id=run, unit_code__in=sorted(set(units)), line__in=sorted(set(lines))
    )
    return [_line(values) for values in found.values_list(*_LINE_FIELDS, "path")]


def forecast_run_figures() -> list[tuple[str, int, int]]:
    """(period, alerts, milliseconds) of every kept run: for operators and tests."""
    runs = ForecastRun.objects.order_by("period").annotate(last=Max("alerts__position"))
    return [(run.period, (run.last + 1) if run.last is not None else 0, run.milliseconds) for run in runs]
