"""The content of one report: everything computed, nothing formatted. Renderers turn it into documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from toteuma.core.org import Binding
from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.core.statement import Statement
from toteuma.core.structure import Summary


@dataclass(frozen=True)
class UnitRef:
    code: str
    name: str


@dataclass(frozen=True)
class UnitStatement:
    """The statement of one unit, with the commentary its responsible wrote for the period."""

    unit: UnitRef
    statement: Statement
    commentary: str = ""  # paragraphs separated by a blank line


@dataclass(frozen=True)
class InvestmentFigures:
    """One line of the investments table, report sign, exact cents."""

    label: str  # "Tulot", "Menot" or "Netto"
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
    areas: tuple[UnitStatement, ...] = ()  # one per service area, in order
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
    monthly_net: tuple[int, ...] = ()  # the unit's cumulative net actual (summary.netto) at each month-end
    tie_out: TieOut | None = None
