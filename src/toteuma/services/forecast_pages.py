"""The dashboard's forecast page of a unit: each line's actual, budget, forecast with its method, profile
source and band, the approved own forecast, and (for those who see drafts) the own forecast's draft."""

from __future__ import annotations

from dataclasses import dataclass

from toteuma import storage
from toteuma.core.org import Unit
from toteuma.core.periods import Period
from toteuma.core.statement import Column
from toteuma.core.structure import LineKind
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.services import own_forecasts
from toteuma.services.access import Actor
from toteuma.services.reporting import find_unit, unit_statement
from toteuma.storage.workflow import DraftInfo, OwnForecastInfo


@dataclass(frozen=True)
class ForecastLine:
    """One printed line of the unit's statement; money in report sign cents (income +, costs −)."""

    key: str
    label: str
    kind: str  # "row" or "subtotal"
    costs: bool
    actual: int
    budget: int
    forecast: int | None = None  # the year-end forecast; None where none is made
    low: int | None = None  # its band (from the method's backtest error at this month)
    high: int | None = None
    method: str = ""  # "seasonal", "run-rate", "budget", "own", "mixed"
    profile: str = ""  # "history", "monthly-budget", "even", "mixed"
    own: OwnForecastInfo | None = None  # the approved own forecast in force
    draft: DraftInfo | None = None  # the own forecast's draft (none for readers)

    @property
    def deviation(self) -> int | None:
        """Budget − forecast (Poikkeama)."""
        return None if self.forecast is None else self.budget - self.forecast

    @property
    def forecastable(self) -> bool:
        """An own forecast is made for a row; a subtotal adds its rows up."""
        return self.kind == LineKind.ROW.value


@dataclass(frozen=True)
class ForecastPage:
    unit: Unit
    period: Period
    path: tuple[Unit, ...]
    lines: tuple[ForecastLine, ...]

    @property
    def waiting(self) -> int:
        """Own forecasts sent for review."""
        return sum(1 for line in self.lines if line.draft is not None and line.draft.state == "ready")


def _path(unit: Unit) -> tuple[Unit, ...]:
    tree = storage.org_tree()
    found: list[Unit] = []
    parent = unit.parent
    while parent is not None:
        found.insert(0, tree[parent])
        parent = tree[parent].parent
    return tuple(found)


def forecast_page(who: Actor, unit_code: str, period: Period, lang: str = "fi") -> ForecastPage:
    """The unit's lines with activity, each with its forecast and own forecast (drafts for non-readers)."""
    storage.setup()
    tree = storage.org_tree()
    unit = find_unit(tree, unit_code)
    cat = catalogue(lang if lang in LANGUAGES else "fi")
    own = own_forecasts.approved([unit.code], period)
    drafts = own_forecasts.forecast_drafts(who, unit.code, period)
    lines = []
    for line in unit_statement(tree, unit, period).visible_lines:
        if line.kind is LineKind.HEADING or not line.printed:
            continue
        money = line.money
        lines.append(
            ForecastLine(
                line.key,
                cat.row(line.key, line.label),
                line.kind.value,
                line.costs,
                money[Column.TOT],
                money[Column.BUDGET],
                own=own.get((unit.code, line.key)),
                draft=drafts.get(line.key),
            )
        )
    return ForecastPage(unit, period, _path(unit), tuple(lines))
