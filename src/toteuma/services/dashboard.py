"""The management dashboard's figures: every binding unit at a glance, and one unit's page."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from toteuma import storage
from toteuma.core.forecast import Rule
from toteuma.core.messages import language
from toteuma.core.money import percent
from toteuma.core.org import OrgTree, Unit, UnitKind
from toteuma.core.periods import Period
from toteuma.core.records import GoalRecord, TextKind
from toteuma.core.report import MetricSeries, ProjectFigures, UnitRef
from toteuma.core.statement import Column, Statement
from toteuma.reports.figure_tables import statement_table
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.reports.model import Table
from toteuma.reports.tables import Frame
from toteuma.services import alert_pages, followup, forecast_store, measures
from toteuma.services import dashboard_charts as charts
from toteuma.services.common import ServiceError, default_structure
from toteuma.services.figure_cache import cached
from toteuma.services.reporting import find_unit
from toteuma.storage import workflow


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
    alerts: tuple[
        str, ...
    ] = ()  # the forward-looking alert rules found in the unit's subtree (services.alerts)
    netto_month: int = 0  # the net of the period's month alone: the change since the previous month-end
    netto_prev: int = 0  # the net of the same months last year
    netto_forecast: int | None = None  # the net's year-end forecast (the overview's; decision 60)
    forecast_method: str = ""  # its method: "seasonal", "run-rate", "budget", "own", "mixed"

    @property
    def netto_deviation(self) -> int | None:
        """Budget − forecast of the net (Poikkeama), as the documents print it."""
        return None if self.netto_forecast is None else self.netto_budget - self.netto_forecast

    @property
    def netto_change_year(self) -> int:
        """The net against the same period last year."""
        return self.netto_tot - self.netto_prev


# The overview's orders (the `jarjestys` parameter): organisation order first.
SORTS = ("", "nimi", "kaytetty", "menot", "halytykset")


# A city with at most this many service areas under its binding units sees them all at first.
OPEN_ALL_UP_TO = 30


@dataclass(frozen=True)
class OverviewAsk:
    """What the reader asked of the overview: units opened to show their areas (None: the default,
    all of them in a small city, none in a big one), a filter, an order."""

    opened: tuple[str, ...] | None = None
    query: str = ""
    sort: str = ""

    @classmethod
    def of(cls, opened: Sequence[str] | None, query: str, sort: str) -> OverviewAsk:
        """Cleaned: opened codes sorted and unique, the filter trimmed, an unknown order ignored."""
        codes = None if opened is None else tuple(sorted({code for code in opened if code}))
        return cls(codes, query.strip()[:100], sort if sort in SORTS else "")


@dataclass(frozen=True)
class Overview:
    period: Period
    periods: tuple[str, ...]
    year_share: Decimal  # percent of the year gone at the period end
    units: tuple[Glance, ...]  # binding units (depth 0), each followed by its areas shown (depth 1)
    chart: dict[str, object]
    ask: OverviewAsk = OverviewAsk()
    areas: dict[str, int] = field(default_factory=dict)  # binding unit code -> its number of areas
    opened: tuple[str, ...] = ()  # the binding units whose areas are shown (the default resolved)
    alert_counts: tuple[tuple[str, str, int], ...] = ()  # (rule, its name, alerts) of the rules with any


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


def _with_alerts(glances: Sequence[Glance], rules_of: Mapping[str, set[str]]) -> list[Glance]:
    """Each glance with the rules of the forward-looking alerts (decision 50) raised anywhere in its
    unit's subtree, the most important first: the same alerts as the alerts page."""
    rules = [rule.value for rule in Rule]
    return [
        replace(glance, alerts=tuple(sorted(rules_of.get(glance.unit.code, ()), key=rules.index)))
        for glance in glances
    ]


# What the overview and the unit page read for each unit: this year's actuals and budget in force,
# the period's month alone and the same months last year (the overview's changes); both are among the
# measures a forecast run keeps (forecast_store.KEPT_MEASURES, decision 64).
_GLANCE_MEASURES = ("tot", "budget", "tot_month", "tot_prev")
# The unit page's statement: the reference's columns.
_PAGE_MEASURES = ("tp_prev", "tot_prev", "budget_original", "amendments", "budget", "tot")


Statements = dict[str, Statement]


def _glance(unit: Unit, depth: int, statement: Statement, goals: dict[str, int]) -> Glance:
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
        goals=goals,
        netto_month=netto.money.get("tot_month", 0),
        netto_prev=netto.money["tot_prev"],
    )


def _glances(
    reader: measures.Reader,
    shown: Sequence[tuple[Unit, int]],
    at: Period,
    stored: forecast_store.Stored,
    read: Statements | None = None,
) -> list[Glance]:
    """A glance of each shown (unit, depth), from one read of the measures, of the goals and of the
    kept alerts' rules of the shown units' subtrees."""
    codes = [unit.code for unit, _ in shown]
    summary = default_structure().summary
    found = read or stored.statements(reader, codes, _GLANCE_MEASURES, (summary.menot, summary.netto))
    goals = workflow.goal_statuses(at.year, str(at))
    glances = [_glance(unit, depth, found[unit.code], goals.get(unit.code, {})) for unit, depth in shown]
    return _with_alerts(glances, stored.alert_rules(codes))


def binding_units(tree: OrgTree) -> list[Unit]:
    """The binding units, in the organisation's order."""
    return [item for item in tree if item.binding_level]


def areas_of(tree: OrgTree, code: str) -> list[Unit]:
    """The units just below a unit that are not cost centers (its service areas)."""
    return [child for child in tree.children(code) if child.kind is not UnitKind.COST_CENTER]


def round_units() -> list[tuple[Unit, int]]:
    """Every binding unit (depth 0) followed by its service areas (depth 1), from the tree alone."""
    storage.setup()
    tree = storage.org_tree()
    return [(item, depth) for unit in binding_units(tree) for item, depth in _with_areas(tree, unit)]


def _with_areas(tree: OrgTree, unit: Unit) -> list[tuple[Unit, int]]:
    return [(unit, 0), *((area, 1) for area in areas_of(tree, unit.code))]


def _matches(unit: Unit, query: str) -> bool:
    wanted = query.casefold()
    texts = (unit.code, unit.name, *(name for _, name in unit.names))
    return any(wanted in text.casefold() for text in texts)


def opened(tree: OrgTree, ask: OverviewAsk) -> tuple[str, ...]:
    """The binding units opened: as asked, else all of them in a small city and none in a big one."""
    if ask.opened is not None:
        return ask.opened
    binding = binding_units(tree)
    small = sum(len(areas_of(tree, unit.code)) for unit in binding) <= OPEN_ALL_UP_TO
    return tuple(sorted(unit.code for unit in binding)) if small else ()


def overview_rows(tree: OrgTree, ask: OverviewAsk) -> list[tuple[Unit, int]]:
    """The overview's rows: each binding unit the filter keeps, followed by its areas when it is
    opened (all of them) or when the filter found some of them (those)."""
    found: list[tuple[Unit, int]] = []
    shown = opened(tree, ask)
    for unit in binding_units(tree):
        areas = areas_of(tree, unit.code)
        hits = [area for area in areas if ask.query and _matches(area, ask.query)]
        if ask.query and not hits and not _matches(unit, ask.query):
            continue
        found.append((unit, 0))
        found += [(area, 1) for area in (areas if unit.code in shown else hits)]
    return found


def _sort_key(sort: str) -> Callable[[Glance], tuple[Any, ...]]:
    if sort == "nimi":
        return lambda g: (g.unit.name.casefold(), g.unit.code)
    if sort == "kaytetty":  # the most used share of the budget first; no budget last
        return lambda g: (g.pct is None, -(g.pct or 0))
    if sort == "menot":  # the biggest costs first (costs are negative in report sign)
        return lambda g: (g.menot_tot,)
    if sort == "halytykset":
        return lambda g: (-len(g.alerts),)
    return lambda g: ()


def sort_glances(glances: Sequence[Glance], sort: str) -> list[Glance]:
    """Binding units in the order asked, each keeping its areas below it, also in that order
    (a stable sort: equal units stay in the organisation's order)."""
    key = _sort_key(sort)
    groups: list[list[Glance]] = []
    for glance in glances:
        if glance.depth == 0 or not groups:
            groups.append([glance])
        else:
            groups[-1].append(glance)
    ordered = sorted(groups, key=lambda group: key(group[0]))
    return [item for group in ordered for item in (group[0], *sorted(group[1:], key=key))]


def overview(period: Period | None = None, ask: OverviewAsk | None = None) -> Overview:
    """The binding units, each with its service areas when asked (opened, or found by the filter)."""
    storage.setup()
    at = period or default_period()
    chosen = ask or OverviewAsk()
    return cached(("overview", at, chosen, language()), lambda: _overview(at, chosen))


def _overview(at: Period, ask: OverviewAsk) -> Overview:
    reader = measures.Reader.read()
    shown = overview_rows(reader.tree, ask)
    stored = forecast_store.current(at, reader)
    glances = _with_forecasts(stored, _glances(reader, shown, at, stored))
    top = [glance for glance in glances if glance.depth == 0]
    share = year_share(at)
    return Overview(
        at,
        tuple(periods()),
        share,
        tuple(sort_glances(glances, ask.sort)),
        charts.overview_chart(sort_glances(top, ask.sort), share),
        ask,
        {unit.code: len(areas_of(reader.tree, unit.code)) for unit, depth in shown if depth == 0},
        opened(reader.tree, ask),
        tuple(alert_pages.rule_counts(stored.rule_counts())),
    )


def _with_forecasts(stored: forecast_store.Stored, glances: list[Glance]) -> list[Glance]:
    """Each glance with its net's year-end forecast and method, from the kept forecasts (one read)."""
    if not glances:
        return glances
    found = stored.lines([glance.unit.code for glance in glances], default_structure().summary.netto)
    with_forecasts = []
    for glance in glances:
        value = found.get(glance.unit.code)
        if value is not None:
            glance = replace(glance, netto_forecast=value.cents, forecast_method=value.method.value)
        with_forecasts.append(glance)
    return with_forecasts


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
    reader = measures.Reader.read()
    tree = reader.tree
    unit = find_unit(tree, unit_code)
    below = areas_of(tree, unit.code) or tree.children(unit.code)
    # The statements and the sub-units' alerts come from the kept run (decisions 61 and 64).
    stored = forecast_store.current(at, reader)
    stored.prefetch([unit.code, *(child.code for child in below)])
    statement = stored.statements(reader, [unit.code], _PAGE_MEASURES)[unit.code]
    summary = default_structure().summary
    found = stored.statements(
        reader, [child.code for child in below], _PAGE_MEASURES, (summary.menot, summary.netto)
    )
    ref = UnitRef(unit.code, unit.name)
    children = tuple(_glances(reader, [(child, 1) for child in below], at, stored, found))
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
        chart=charts.cumulative_chart(unit, at, reader.rows, stored.cost_months(unit.code)),
        row_keys={line.label: line.key for line in default_structure().lines},
        metrics=followup.metric_series(tree, unit, at),
        investments=followup.investment_projects(tree, unit, at),
    )


def budget_share(glance: Glance) -> Decimal | None:
    """Costs used of the budget, percent, from exact cents."""
    return percent(glance.menot_tot, glance.menot_budget) if glance.menot_budget else None
