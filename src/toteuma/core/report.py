"""The content of one report: everything computed, nothing formatted. Renderers turn it into documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from toteuma.core.org import Binding
from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus, ProjectRecord
from toteuma.core.statement import Statement
from toteuma.core.structure import Structure, Summary


@dataclass(frozen=True)
class UnitRef:
    code: str
    name: str
    names: tuple[tuple[str, str], ...] = ()  # (language, name): what Swedish and English documents print

    def in_language(self, lang: str) -> UnitRef:
        """The reference with the unit's name in `lang` (the Finnish name when it has none)."""
        name = dict(self.names).get(lang) or self.name
        return UnitRef(self.code, name, self.names)


@dataclass(frozen=True)
class UnitStatement:
    """The statement of one unit, with the commentary its responsible wrote for the period."""

    unit: UnitRef
    statement: Statement
    commentary: str = ""  # paragraphs separated by a blank line
    depth: int = 1  # levels under the report's unit: 1 its areas, 2 the areas' own areas


@dataclass(frozen=True)
class InvestmentFigures:
    """One line of the investments table, report sign, exact cents."""

    key: str  # "tulot", "menot" or "netto": the line's stable key; its label comes from the catalogue
    tp_prev: int
    budget: int
    tot: int

    @property
    def deviation(self) -> int:
        return self.budget - self.tot


@dataclass(frozen=True)
class InvestmentGroup:
    name: str  # e.g. "Irtain omaisuus"
    lines: tuple[InvestmentFigures, ...]


@dataclass(frozen=True)
class GoalEntry:
    aim: str
    sub_aims: tuple[str, ...]
    goals: tuple[str, ...]
    metrics: tuple[str, ...] = ()
    responsible: str = ""
    realisation: tuple[str, ...] = ()
    status: GoalStatus | None = None
    assessed: str = ""  # YYYY-MM of the assessment shown; earlier than the report's period when carried


@dataclass(frozen=True)
class MetricPoint:
    period: str  # YYYY-MM
    value: Decimal
    target: Decimal | None = None


@dataclass(frozen=True)
class MetricSeries:
    """One metric of a unit through the year's periods, beside the goal group it measures."""

    unit: UnitRef
    aim: str  # the goal group's strategic aim, "" when the metric matches no goal
    metric: str
    measure: str  # unit of measure, e.g. "seuraajaa", "%"
    points: tuple[MetricPoint, ...]  # by period, oldest first

    @property
    def target(self) -> Decimal | None:
        """The latest target level given."""
        return next((p.target for p in reversed(self.points) if p.target is not None), None)


@dataclass(frozen=True)
class ProjectFigures:
    """An investment project (or any project) at a period: report sign, exact cents."""

    code: str
    name: str
    group: str  # the investment group, "" for a project outside the investments
    unit: UnitRef
    budget: int  # the year's budget in force at the period end
    tot: int  # January to the period end
    lines: int  # ledger lines behind `tot`
    comment: str = ""  # the approved progress comment
    commented: str = ""  # YYYY-MM of that comment

    @property
    def deviation(self) -> int:
        return self.budget - self.tot


@dataclass(frozen=True)
class ProjectUse:
    """A project's budget and actual in one service area, report sign."""

    unit: UnitRef
    budget: int
    tot: int
    lines: int


@dataclass(frozen=True)
class ProjectStanding:
    """A project of the ledger's project column across units, with what the projects file says of it."""

    record: ProjectRecord  # name "" when the projects file does not list the code
    uses: tuple[ProjectUse, ...]

    @property
    def budget(self) -> int:
        return sum(use.budget for use in self.uses)

    @property
    def tot(self) -> int:
        return sum(use.tot for use in self.uses)

    @property
    def lines(self) -> int:
        return sum(use.lines for use in self.uses)


@dataclass(frozen=True)
class AmendmentLine:
    """One budget amendment's amount on one unit and statement row, report sign."""

    unit: UnitRef
    row: str  # structure key, or "investoinnit" for balance-sheet accounts
    side: str  # "tulot", "menot" or "investoinnit"
    cents: int


@dataclass(frozen=True)
class Amendment:
    """A budget amendment decision with its amounts; `in_force` when decided by the period end."""

    decision: str  # e.g. "Kv 26.2.2024 § 14"
    decided: date | None
    lines: tuple[AmendmentLine, ...]
    in_force: bool = True

    def side(self, name: str) -> int:
        return sum(line.cents for line in self.lines if line.side == name)

    @property
    def net(self) -> int:
        """The change to the operating margin: income + costs, report sign."""
        return self.side("tulot") + self.side("menot")


@dataclass(frozen=True)
class Description:
    unit: UnitRef
    text: str


@dataclass(frozen=True)
class TieCheck:
    """One comparison of a report figure with the ledger: exact cents, report sign."""

    what: str  # the months compared, e.g. "2024-01..2024-03"
    report: int
    ledger: int
    column: str = "tot"  # the statement column compared: "tot", "tot_prev" or "tp_prev"
    # A layout's own measure: the built-in measure read the same way ("tp_prev" for a whole year),
    # whose label names it with its own year ("TP 2015").
    like: str = ""
    year: int = 0

    @property
    def ok(self) -> bool:
        return self.report == self.ledger


@dataclass(frozen=True)
class TieOut:
    checks: tuple[TieCheck, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


@dataclass(frozen=True)
class SourceBatch:
    """One imported file whose lines the report's figures may hold: what, which days, who, when, checksum."""

    kind: str  # "ledger" or "budget"
    file_name: str
    first: date | None  # the first and last posting date (ledger)
    last: date | None
    years: tuple[int, ...]  # the budget years (budget)
    lines: int
    imported_at: datetime
    imported_by: str
    sha256: str


@dataclass(frozen=True)
class ReportContent:
    title: str  # "Käyttösuunnitelman toteutuminen"
    period: Period
    unit: UnitRef
    municipality: str
    summary: Summary  # which statement lines the council table prints
    statement: UnitStatement  # the binding unit's own statement
    areas: tuple[UnitStatement, ...] = ()  # one per service area (and theirs, by depth), in tree order
    summary_units: tuple[UnitStatement, ...] = ()  # the summary table's units, in order
    responsible: str = ""
    goals_intro: str = ""
    binding_goals: tuple[GoalEntry, ...] = ()
    descriptions: tuple[Description, ...] = ()
    investments_intro: str = ""
    investments: tuple[InvestmentGroup, ...] = ()
    plan_goals: tuple[GoalEntry, ...] = ()
    plan_goals_intro: str = ""
    report_date: date | None = None
    binding: Binding = Binding.NET  # how the council's budget binds the unit: names its statement
    provenance: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # technical (what, value) pairs
    sources: tuple[SourceBatch, ...] = ()  # the imported files the figures come from
    municipality_names: tuple[tuple[str, str], ...] = ()  # (language, name), as units have
    monthly_net: tuple[int, ...] = ()  # the unit's cumulative net actual (summary.netto) at each month-end
    tie_out: TieOut | None = None
    structure: Structure | None = None  # the structure the statements were computed in
    metrics: tuple[MetricSeries, ...] = ()
    investment_projects: tuple[ProjectFigures, ...] = ()
    amendments: tuple[Amendment, ...] = ()  # decided by the period end, oldest first
