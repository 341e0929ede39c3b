"""Plain records that importers produce and storage keeps: the exchange format between the layers.

Amounts are integer cents. Ledger and budget amounts are in bookkeeping sign (debit +, credit -):
costs are positive, income negative. Reports turn them into report sign (income +, costs -).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from toteuma.core.org import Binding, UnitKind


@dataclass(frozen=True)
class UnitRecord:
    code: str
    name: str
    kind: UnitKind
    parent: str | None
    binding_level: bool = False
    binding: Binding = Binding.NET
    responsible: str = ""
    order: int = 0
    name_sv: str = ""  # the unit's name in Swedish and English documents ("" keeps the Finnish name)
    name_en: str = ""


@dataclass(frozen=True)
class AccountRecord:
    number: int
    name: str


@dataclass(frozen=True)
class RangeRecord:
    """Accounts first..last (inclusive) feed the income-statement row `row` (a structure key)."""

    first: int
    last: int
    row: str


@dataclass(frozen=True)
class LedgerRecord:
    posted: date
    document: str
    account: int
    unit: str  # cost center code
    amount_cents: int  # debit +
    text: str = ""
    project: str = ""


class BudgetKind(StrEnum):
    ORIGINAL = "TA"
    AMENDMENT = "muutos"


@dataclass(frozen=True)
class BudgetRecord:
    year: int
    unit: str
    account: int
    amount_cents: int  # debit +, like the ledger
    kind: BudgetKind = BudgetKind.ORIGINAL
    decision: str = ""  # e.g. "Kv 11.12.2023 § 95"
    decided: date | None = None
    project: str = ""
    text: str = ""


@dataclass(frozen=True)
class MonthlyBudgetRecord:
    """One month of a monthly budget (periodisointi) of a cost center and account."""

    year: int
    month: int
    unit: str
    account: int
    amount_cents: int  # debit +, like the ledger


@dataclass(frozen=True)
class InvestmentRecord:
    project: str
    name: str
    group: str  # e.g. "Irtain omaisuus"
    unit: str
    period: str = ""  # YYYY-MM of the progress comment, "" when the row carries none
    progress: str = ""  # how the project stands at `period`


class ProjectKind(StrEnum):
    PROJECT = "hanke"  # a project, often with external funding
    SAVINGS = "sopeutustoimenpide"  # a measure of the savings programme, followed by target and realised €


@dataclass(frozen=True)
class ProjectRecord:
    """A code of the ledger's project column with what the ledger does not say (docs/file-formats.md)."""

    code: str
    name: str
    kind: ProjectKind = ProjectKind.PROJECT
    funder: str = ""  # e.g. "Euroopan sosiaalirahasto"
    starts: date | None = None
    ends: date | None = None
    external_share: Decimal | None = None  # percent of the costs funded from outside
    target_cents: int | None = None  # a savings measure's target, euros as cents (a saving is positive)
    realised_cents: int | None = None  # a savings measure's realised saving at `period`
    period: str = ""  # YYYY-MM the realised saving was measured at
    unit: str = ""  # the unit that answers for it, "" when none


class GoalLevel(StrEnum):
    BINDING = "valtuusto"  # the council's binding goals of a sector
    PLAN = "käyttösuunnitelma"  # the operating plan's goals per service area


class GoalStatus(StrEnum):
    ON_TRACK = "toteutuu"
    PARTLY = "toteutuu osittain"
    NOT_MET = "ei toteudu"


@dataclass(frozen=True)
class GoalRecord:
    level: GoalLevel
    unit: str
    year: int
    order: int
    aim: str  # strategic aim, e.g. "Kestävä talous"
    sub_aims: tuple[str, ...]
    goals: tuple[str, ...]
    metrics: tuple[str, ...] = ()
    responsible: str = ""
    period: str = ""  # YYYY-MM of the assessment, "" when the goal has none yet
    realisation: tuple[str, ...] = ()
    status: GoalStatus | None = None
    assessor: str = ""  # the unit whose responsible assesses the goal, "" for the goal's own unit


@dataclass(frozen=True)
class MetricValueRecord:
    """A metric's measured value in one period, e.g. sick-leave days per person at 2024-03."""

    unit: str
    year: int
    metric: str  # the metric's name as the goals table prints it
    period: str  # YYYY-MM
    value: Decimal
    target: Decimal | None = None  # the target level, when it is a number
    measure: str = ""  # unit of measure, e.g. "pv/hlö", "%"
    aim: str = ""  # the strategic aim of the unit's goal group the metric belongs to, "" to match by name


class TextKind(StrEnum):
    COMMENTARY = "kommentti"  # the responsible's commentary on the period
    DESCRIPTION = "kuvaus"  # what the unit does, per year
    GOALS_INTRO = "tavoitteet"  # text above the binding goals table
    INVESTMENTS = "investoinnit"  # text above the investments table
    PLAN_GOALS_INTRO = "käyttösuunnitelma"  # text above the operating plan's goals table


@dataclass(frozen=True)
class TextRecord:
    unit: str
    year: int
    period: str  # YYYY-MM, or "" for a yearly text such as a description
    kind: TextKind
    text: str  # paragraphs separated by a blank line
