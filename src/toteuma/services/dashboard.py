"""The management dashboard's figures: every binding unit at a glance, and one unit's page."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from toteuma import storage
from toteuma.core.money import percent, to_report_sign
from toteuma.core.org import Binding, OrgTree, Unit, UnitKind
from toteuma.core.periods import Period
from toteuma.core.records import BudgetKind, GoalRecord, TextKind
from toteuma.core.report import MetricSeries, ProjectFigures, UnitRef
from toteuma.core.statement import Column, RowFigures, Statement, compute_statement
from toteuma.core.structure import LineKind
from toteuma.reports.figure_tables import statement_table
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.reports.model import Table
from toteuma.reports.tables import Frame
from toteuma.services import dashboard_charts as charts
from toteuma.services import followup
from toteuma.services.common import ServiceError, default_mapping, default_structure
from toteuma.services.figure_cache import cached
from toteuma.services.reporting import find_unit, unit_statement
from toteuma.storage import workflow

# Spending more than this many percentage points ahead of the share of the year gone raises an alert.
AHEAD_MARGIN = Decimal(10)

ALERT_AHEAD, ALERT_NO_BUDGET, ALERT_OVER = "ahead", "no-budget", "over"


@dataclass(frozen=True)
class Glance:
    """One unit on the overview; money in report sign, exact cents."""

    unit: Unit
    depth: int
    menot_budget: int
    menot_tot: int
    netto_budget: int
    netto_tot: int
    pct: Decimal | None  # TOT / TA of the costs
    goals: dict[str, int] = field(default_factory=dict)  # status (or "") -> count
    alerts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Overview:
    period: Period
    periods: tuple[str, ...]
    year_share: Decimal  # percent of the year gone at the period end
    units: tuple[Glance, ...]
    chart: dict[str, object]


def periods() -> list[str]:
    """Month-ends with ledger data, newest first."""
    storage.setup()
    return cached("periods", workflow.balance_periods)


def default_period() -> Period:
    found = periods()
    if not found:
        raise ServiceError("services.dashboard.no_ledger")
    return Period.parse(found[0])


def year_share(period: Period) -> Decimal:
    return (Decimal(period.month) * 100 / 12).quantize(Decimal("0.01"))


def _alerts(unit: Unit, statement: Statement, share: Decimal) -> tuple[str, ...]:
    summary = default_structure().summary
    menot, netto = statement.line(summary.menot), statement.line(summary.netto)
    found = []
    if menot.pct is not None and menot.money[Column.BUDGET] and menot.pct > share + AHEAD_MARGIN:
        found.append(ALERT_AHEAD)
    if any(
        line.kind is LineKind.ROW and line.money[Column.TOT] < 0 and line.money[Column.BUDGET] == 0
        for line in statement.lines
    ):
        found.append(ALERT_NO_BUDGET)
    binds = menot if unit.binding is Binding.GROSS else netto
    if unit.binding_level and binds.money[Column.TOT] < binds.money[Column.BUDGET]:
        found.append(ALERT_OVER)
    return tuple(found)


@dataclass(frozen=True)
class _AllSums:
    """The period's actuals and budget of every unit, read in two queries, and the goals' statuses."""

    tot: dict[tuple[str, int], int]
    budget: dict[tuple[str, int, str], int]
    goals: dict[str, dict[str, int]]

    @classmethod
    def read(cls, period: Period) -> _AllSums:
        return cls(
            workflow.sums_by_unit(period.year, 1, period.month),
            workflow.budget_by_unit(period.year, period.end),
            workflow.goal_statuses(period.year, str(period)),
        )

    def statement(self, codes: set[str]) -> Statement:
        """The unit's statement with this year's columns (TA, TOT); the overview shows no others."""
        rows: dict[str, list[int]] = {}
        mapping = default_mapping()
        for (code, account), cents in self.tot.items():
            if code in codes and (row := mapping.row_of(account)) is not None:
                rows.setdefault(row, [0, 0, 0])[0] += to_report_sign(cents)
        for (code, account, kind), cents in self.budget.items():
            if code in codes and (row := mapping.row_of(account)) is not None:
                rows.setdefault(row, [0, 0, 0])[1 if kind == BudgetKind.ORIGINAL else 2] += to_report_sign(
                    cents
                )
        figures = {
            key: RowFigures(tot=tot, budget_original=original, amendments=amended, active=True)
            for key, (tot, original, amended) in rows.items()
        }
        return compute_statement(default_structure(), figures)


def _glance(tree: OrgTree, unit: Unit, depth: int, period: Period, sums: _AllSums) -> Glance:
    statement = sums.statement({item.code for item in tree.descendants(unit.code)})
    summary = default_structure().summary
    menot, netto = statement.line(summary.menot), statement.line(summary.netto)
    return Glance(
        unit=unit,
        depth=depth,
        menot_budget=menot.money[Column.BUDGET],
        menot_tot=menot.money[Column.TOT],
        netto_budget=netto.money[Column.BUDGET],
        netto_tot=netto.money[Column.TOT],
        pct=menot.pct if menot.money[Column.BUDGET] else None,
        goals=sums.goals.get(unit.code, {}),
        alerts=_alerts(unit, statement, year_share(period)),
    )


def overview(period: Period | None = None) -> Overview:
    """Every binding unit, each followed by its service areas."""
    storage.setup()
    at = period or default_period()
    return cached(("overview", at), lambda: _overview(at))


def _overview(at: Period) -> Overview:
    tree = storage.org_tree()
    sums = _AllSums.read(at)
    glances: list[Glance] = []
    for unit in (item for item in tree if item.binding_level):
        glances.append(_glance(tree, unit, 0, at, sums))
        for child in tree.children(unit.code):
            if child.kind is not UnitKind.COST_CENTER:
                glances.append(_glance(tree, child, 1, at, sums))
    share = year_share(at)
    return Overview(at, tuple(periods()), share, tuple(glances), charts.overview_chart(glances, share))


@dataclass(frozen=True)
class UnitPage:
    unit: Unit
    period: Period
    path: tuple[Unit, ...]  # ancestors, root first
    statement: Table
    children: tuple[Glance, ...]
    goals: tuple[tuple[int, GoalRecord], ...]  # (goal id, goal with its latest approved assessment)
    commentary: str  # approved text
    chart: dict[str, object]
    row_keys: dict[str, str]  # printed label -> structure key, for drill-down links
    metrics: tuple[MetricSeries, ...] = ()  # the unit's and its sub-units' metrics, by goal
    investments: tuple[ProjectFigures, ...] = ()  # the investment projects the unit's subtree owns

    def metrics_of(self, record: GoalRecord) -> list[MetricSeries]:
        """The metrics measured for a goal group (same unit and aim)."""
        return [m for m in self.metrics if m.unit.code == record.unit and m.aim == record.aim]

    @property
    def other_metrics(self) -> list[MetricSeries]:
        """Metrics that belong to none of the goals on the page."""
        shown = {(record.unit, record.aim) for _, record in self.goals}
        return [m for m in self.metrics if (m.unit.code, m.aim) not in shown]


def _ancestors(tree: OrgTree, unit: Unit) -> tuple[Unit, ...]:
    found: list[Unit] = []
    parent = unit.parent
    while parent is not None:
        found.insert(0, tree[parent])
        parent = tree[parent].parent
    return tuple(found)


def _goals(unit: Unit, period: Period) -> tuple[tuple[int, GoalRecord], ...]:
    """The unit's own goals and those it assesses for another unit (decisions.md, 45)."""
    return tuple(storage.goals_with_ids(unit.code, period.year, period))


def unit_page(unit_code: str, period: Period | None = None, lang: str = "fi") -> UnitPage:
    storage.setup()
    at = period or default_period()
    return cached(("unit", unit_code, at, lang), lambda: _unit_page(unit_code, at, lang))


def _unit_page(unit_code: str, at: Period, lang: str) -> UnitPage:
    tree = storage.org_tree()
    unit = find_unit(tree, unit_code)
    statement = unit_statement(tree, unit, at)
    ref = UnitRef(unit.code, unit.name)
    sums = _AllSums.read(at)
    children = tuple(
        _glance(tree, child, 1, at, sums)
        for child in tree.children(unit.code)
        if child.kind is not UnitKind.COST_CENTER
    ) or tuple(_glance(tree, child, 1, at, sums) for child in tree.children(unit.code))
    return UnitPage(
        unit=unit,
        period=at,
        path=_ancestors(tree, unit),
        statement=statement_table(
            f"statement-{unit.code}",
            unit.name,
            ref,
            statement,
            Frame(at, cat=catalogue(lang if lang in LANGUAGES else "fi")),
        ),
        children=children,
        goals=_goals(unit, at),
        commentary=storage.text(unit.code, TextKind.COMMENTARY, at.year, at),
        chart=charts.cumulative_chart(tree, unit, at),
        row_keys={line.label: line.key for line in default_structure().lines},
        metrics=followup.metric_series(tree, unit, at),
        investments=followup.investment_projects(tree, unit, at),
    )


def budget_share(glance: Glance) -> Decimal | None:
    """Costs used of the budget, percent, from exact cents."""
    return percent(glance.menot_tot, glance.menot_budget) if glance.menot_budget else None
