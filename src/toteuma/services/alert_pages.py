"""The dashboard's alerts: every alert across units with its rule, figures and drill-down, filtered by rule
and unit; and the counts by rule that the overview links to. Read through services.alerts only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from toteuma import storage
from toteuma.core.forecast import Method, Rule
from toteuma.core.messages import t, use_language
from toteuma.core.org import OrgTree
from toteuma.core.periods import Period
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.services import alerts as alert_service
from toteuma.services import forecast_store
from toteuma.services.common import ServiceError, default_structure
from toteuma.services.figure_cache import cached
from toteuma.storage.workflow import AlertRecord

# The figures an alert may carry, in the order the page shows them.
FIGURES = ("budget", "profile_to_date", "actual", "forecast", "deviation", "shortfall", "excess")


@dataclass(frozen=True)
class AlertItem:
    """One alert as the page shows it: words in the page's language, figures in report sign cents."""

    unit: str
    unit_name: str
    row: str
    row_label: str
    rule: str
    rule_name: str
    figures: tuple[tuple[str, int], ...]  # (figure name, cents) in FIGURES order
    message: str
    drill: tuple[str, str, str] | None  # (unit, row, column) of the drill-down


@dataclass(frozen=True)
class AlertsPage:
    period: Period
    items: tuple[AlertItem, ...]  # those the filter lets through
    rules: tuple[tuple[str, str, int], ...]  # every rule: (code, name, how many alerts of all units)
    units: tuple[tuple[str, str], ...]  # units with an alert: (code, "code name")
    rule: str = ""  # the filter's rule ("" all)
    unit: str = ""  # the filter's unit ("" all)
    total: int = 0  # alerts before filtering


def rule_names() -> list[tuple[str, str]]:
    """(code, name in the current language) of every rule, the most important first."""
    return [(rule.value, t(f"forecast.rule.{rule.value}")) for rule in Rule]


def _item(record: AlertRecord, tree: OrgTree, lang: str) -> AlertItem:
    structure, cat = default_structure(), catalogue(lang)
    line = structure.line(record.row)
    label = cat.row(record.row, line.label)
    unit = tree[record.unit_code]
    rule = Rule(record.rule)
    figures = dict(record.figures)
    message = alert_service.message_of(
        rule,
        unit.name_in(lang),
        line.label_in(lang) or label,
        Method(record.method),
        figures,
        record.level,
    )
    column = "budget" if rule is Rule.NO_BUDGET else "tot"
    return AlertItem(
        record.unit_code,
        unit.name_in(lang),
        record.row,
        label,
        rule.value,
        t(f"forecast.rule.{rule.value}"),
        tuple((name, figures[name]) for name in FIGURES if name in figures),
        message,
        (record.unit_code, record.row, column),
    )


def all_alerts(period: Period, lang: str = "fi", under: str | None = None) -> tuple[AlertItem, ...]:
    """Every alert of every unit at the period (or of the units in `under`'s subtree), the most
    important rule first: from the kept forecast run (services.forecast_store; cached until data change)."""
    storage.setup()
    lang = lang if lang in LANGUAGES else "fi"

    def compute() -> tuple[AlertItem, ...]:
        stored = forecast_store.current(period)
        with use_language(lang):
            return tuple(_item(record, stored.tree, lang) for record in stored.alerts(under))

    return cached(("alerts", period, lang, under), compute)


def alerts_page(period: Period, rule: str = "", unit: str = "", lang: str = "fi") -> AlertsPage:
    """The alerts of the period, filtered by rule and unit ("" for all); an unknown rule is refused."""
    if rule and rule not in {item.value for item in Rule}:
        raise ServiceError("forecastweb.unknown_rule", rule=rule[:40])
    found = all_alerts(period, lang)
    counts = {code: sum(1 for item in found if item.rule == code) for code, _ in rule_names()}
    units = {item.unit: f"{item.unit} {item.unit_name}" for item in found}
    chosen = tuple(
        item for item in found if (not rule or item.rule == rule) and (not unit or item.unit == unit)
    )
    return AlertsPage(
        period,
        chosen,
        tuple((code, name, counts[code]) for code, name in rule_names()),
        tuple(sorted(units.items())),
        rule,
        unit,
        len(found),
    )


def rule_counts(counted: Mapping[str, int]) -> list[tuple[str, str, int]]:
    """(rule code, name, count) of the rules that have any alerts (counts by rule code), the most
    important first."""
    return [(code, name, counted[code]) for code, name in rule_names() if counted.get(code)]
