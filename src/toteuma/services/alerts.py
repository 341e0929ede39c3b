"""Alerts that look forward: each rule on the forecasts of the units it concerns, with its figures,
a message and where to drill down.

Where each rule looks (docs/forecasting.md):
- a binding level's binding line (Toimintakate for net binding, Toimintakulut for gross) forecast
  beyond its appropriation: the most important one, it needs a council's budget amendment before the
  year ends; and a service area's Toimintakate beyond its operating plan's appropriation (the
  käyttösuunnitelma binds those who run the area; the board changes it);
- income rows forecast short of their estimate, at service areas and binding levels;
- cost rows ahead of their budget profile, past their whole-year budget, or spent without a budget,
  at service areas; and each cost center's costs past its whole-year budget.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from toteuma.core.forecast import RULES, AlertSettings, Method, Rule
from toteuma.core.messages import t
from toteuma.core.org import Binding, Unit, UnitKind
from toteuma.core.periods import Period
from toteuma.reports.i18n import catalogue
from toteuma.services.forecast_data import COSTS, INCOME
from toteuma.services.forecasts import UnitForecasts, settings, unit_forecasts
from toteuma.services.measures import Reader

BINDING, PLAN = "binding", "operating-plan"  # whose appropriation an over-appropriation passes


@dataclass(frozen=True)
class DrillTarget:
    """Where an alert's figures come from: the dashboard's drill-down of a unit's row and column."""

    unit: str
    row: str
    column: str  # "tot" (the actual to date) or "budget"
    period: Period


@dataclass(frozen=True)
class Alert:
    unit: str
    unit_name: str
    row: str  # the statement line's key
    row_label: str
    rule: Rule
    figures: Mapping[str, int] = field(default_factory=dict)  # report sign cents (income +, costs −)
    message: str = ""
    target: DrillTarget | None = None
    level: str = ""  # of an over-appropriation: "binding" (the council's) or "operating-plan" (the board's)
    method: Method | None = None  # the forecast's method its message names

    def as_json(self) -> dict[str, object]:
        """The alert as `toteuma alerts --format json` writes it: money in cents."""
        return {
            "unit": self.unit,
            "unit_name": self.unit_name,
            "row": self.row,
            "row_label": self.row_label,
            "rule": self.rule.value,
            "level": self.level or None,
            "figures": dict(self.figures),
            "message": self.message,
            "drill": None
            if self.target is None
            else {
                "unit": self.target.unit,
                "row": self.target.row,
                "column": self.target.column,
                "period": str(self.target.period),
            },
        }


def alerts(period: Period, units: Sequence[str] | None = None, lang: str = "fi") -> list[Alert]:
    """Every alert at `period` in the units' subtrees (all units when None), most important rule first,
    then in the organisation's order."""
    reader = Reader.read()
    asked = list(units) if units else [unit.code for unit in reader.tree.children(None)]
    return of_forecasts(unit_forecasts(asked, period, reader), lang)


def of_forecasts(found: UnitForecasts, lang: str = "fi") -> list[Alert]:
    """The alerts of forecasts already made, most important rule first, then in the organisation's order."""
    _, thresholds = settings()
    items = list(_all(found, thresholds, lang))
    order = {code: index for index, code in enumerate(found.read.units)}
    rules = list(Rule)
    return sorted(items, key=lambda item: (rules.index(item.rule), order.get(item.unit, 0)))


def counts(items: Sequence[Alert]) -> dict[str, int]:
    """Alerts per unit code (for the overview)."""
    found: dict[str, int] = {}
    for item in items:
        found[item.unit] = found.get(item.unit, 0) + 1
    return found


def _all(found: UnitForecasts, thresholds: AlertSettings, lang: str) -> Iterator[Alert]:
    read = found.read
    summary = read.structure.summary
    for code in read.units:
        unit = read.tree[code]
        if unit.binding_level:
            line = summary.menot if unit.binding is Binding.GROSS else summary.netto
            yield from _check(found, unit, line, (Rule.OVER_APPROPRIATION,), thresholds, lang, BINDING)
        elif unit.kind is UnitKind.SERVICE_AREA:
            line = summary.netto
            yield from _check(found, unit, line, (Rule.OVER_APPROPRIATION,), thresholds, lang, PLAN)
        if unit.binding_level or unit.kind is UnitKind.SERVICE_AREA:
            for row in _rows(found, code, INCOME):
                yield from _check(found, unit, row, (Rule.INCOME_SHORT,), thresholds, lang)
        if unit.kind is UnitKind.SERVICE_AREA:
            rules = (Rule.AHEAD_OF_PROFILE, Rule.PAST_YEAR_BUDGET, Rule.NO_BUDGET)
            for row in _rows(found, code, COSTS):
                yield from _check(found, unit, row, rules, thresholds, lang)
        if unit.kind is UnitKind.COST_CENTER:
            yield from _check(found, unit, summary.menot, (Rule.PAST_YEAR_BUDGET,), thresholds, lang)


def _rows(found: UnitForecasts, code: str, kind: str) -> list[str]:
    order = {line.key: index for index, line in enumerate(found.read.structure.lines)}
    rows = [row for row in found.rows.get(code, {}) if found.read.kind(row) == kind]
    return sorted(rows, key=lambda row: order.get(row, 0))


def _check(
    found: UnitForecasts,
    unit: Unit,
    line: str,
    rules: Sequence[Rule],
    thresholds: AlertSettings,
    lang: str,
    level: str = "",
) -> Iterator[Alert]:
    value = found.line(unit.code, line)
    if value is None:
        return
    label = found.read.structure.line(line)
    row_label = label.label_in(lang) or catalogue(lang).row(line, label.label)
    for rule in rules:
        figures = RULES[rule](value, thresholds)
        if figures is not None:
            target = DrillTarget(
                unit.code, line, "budget" if rule is Rule.NO_BUDGET else "tot", found.read.period
            )
            message = message_of(rule, unit.name_in(lang), row_label, value.method, figures, level)
            yield Alert(
                unit.code,
                unit.name_in(lang),
                line,
                row_label,
                rule,
                figures,
                message,
                target,
                level,
                value.method,
            )


def message_of(
    rule: Rule, unit: str, row: str, method: Method, figures: Mapping[str, int], level: str
) -> str:
    """The alert in words, in the language in force; amounts as positive euros where the words say
    which way they go."""
    plain = {name: abs(cents) for name, cents in figures.items()}
    key = f"forecast.alert.{rule.value}" + ("-plan" if level == PLAN else "")
    return t(key, unit=unit, row=row, method=t(f"forecast.method.{method.value}"), **plain)
