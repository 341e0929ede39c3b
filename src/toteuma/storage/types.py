"""What the storage API returns and raises; plain Python, importable before Django is set up."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from toteuma.core.messages import MessageError, Text
from toteuma.core.records import BudgetKind


class StorageError(MessageError):
    """A load or query the database refuses; the message (storage.toml) says what and how to fix it."""


class DuplicateImportError(StorageError):
    """The same file (same SHA-256) was already imported as the same kind."""

    def __init__(self, kind: str, sha256: str, batch_id: int, file_name: str) -> None:
        super().__init__(
            "storage.duplicate_import",
            kind=Text(f"kinds.{kind}"),
            batch=batch_id,
            name=file_name,
            sha256=sha256[:12],
        )
        self.kind = kind
        self.sha256 = sha256
        self.batch_id = batch_id
        self.file_name = file_name


class UnknownUnitError(StorageError):
    """Records name unit codes the database does not hold."""

    def __init__(self, codes: set[str], what: str) -> None:
        """`what` names the records: a key under storage.what (ledger_lines, goals, ...)."""
        listed = sorted(codes)[:20]
        more = Text("storage.and_more", count=len(codes) - 20) if len(codes) > 20 else ""
        super().__init__("storage.unknown_units", what=Text(f"storage.what.{what}"), codes=listed, more=more)
        self.codes = frozenset(codes)


class DuplicateKeyError(StorageError):
    """One load names the same natural key twice, so it is unclear which record should win."""

    def __init__(self, what: str, key: object) -> None:
        """`what` names the key: one under storage.what (unit_code, account_number, ...)."""
        super().__init__("storage.duplicate_key", what=Text(f"storage.what.{what}"), key=key)
        self.duplicate = key


class ImportBusyError(StorageError):
    """Another import (or a change) holds the database; nothing was loaded."""

    def __init__(self, seconds: int) -> None:
        super().__init__("security.import_busy", seconds=seconds)
        self.seconds = seconds


class DatabaseFaultError(StorageError):
    """The database refused the load for a reason of its own: read-only, disk full, unreachable."""

    def __init__(self, fault: str, detail: str) -> None:
        super().__init__(f"security.storage_fault.{fault}", detail=detail.strip()[:200])
        self.fault = fault


class BatchNotFoundError(StorageError):
    def __init__(self, batch_id: int) -> None:
        super().__init__("storage.no_batch", batch=batch_id)
        self.batch_id = batch_id


@dataclass(frozen=True)
class LedgerCheck:
    """A recount of the ledger: each batch's lines against its recorded sums, the balances against both.

    `differences` names each (batch or balance, cost center id, year, month, account) that disagrees,
    with both figures; empty when everything agrees.
    """

    batches: int
    lines: int
    differences: tuple[Text, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.differences


@dataclass(frozen=True)
class LoadResult:
    """What one load did: the batch it made (ledger, budget), how many records, and their sum."""

    lines: int
    total_cents: int = 0  # sum of the amounts, debit +; 0 for loads without money
    batch_id: int | None = None


@dataclass(frozen=True)
class BatchInfo:
    id: int
    kind: str  # "ledger" or "budget"
    file_name: str
    sha256: str
    imported_by: str
    imported_at: datetime
    lines: int
    total_cents: int
    first_date: date | None
    last_date: date | None
    years: tuple[int, ...]


@dataclass(frozen=True)
class Sums:
    """Cents in bookkeeping sign (debit +) and how many lines made them."""

    cents: int = 0
    lines: int = 0

    def __add__(self, other: Sums) -> Sums:
        return Sums(self.cents + other.cents, self.lines + other.lines)


@dataclass(frozen=True)
class Flow:
    """Lines split by their sign: debit lines are expenditure (menot), credit lines income (tulot)."""

    expenses: Sums = field(default_factory=Sums)  # amount >= 0
    income: Sums = field(default_factory=Sums)  # amount < 0, so income.cents <= 0

    @property
    def net(self) -> Sums:
        return self.expenses + self.income

    def __add__(self, other: Flow) -> Flow:
        return Flow(self.expenses + other.expenses, self.income + other.income)


@dataclass(frozen=True)
class InvestmentSums:
    """One investment group of the units' projects: ledger to the month end and the year's budget."""

    group: str
    actual: Flow = field(default_factory=Flow)  # ledger lines from January to month_to
    budget_original: Flow = field(default_factory=Flow)
    amendments: Flow = field(default_factory=Flow)  # decided by the end of month_to

    @property
    def budget(self) -> Flow:
        return self.budget_original + self.amendments


@dataclass(frozen=True)
class Subtree:
    """A unit and every unit under it, which storage reads through the organisation's closure table
    (one indexed join) where a list of codes would name each of them (docs/decisions.md, 36)."""

    root: str


@dataclass(frozen=True)
class BudgetSum:
    """The budget lines of one cost center, account and decision: cents debit +, and how many lines."""

    unit: str
    account: int
    kind: BudgetKind
    decision: str  # "" for the original budget; the amendment's reference, e.g. "Kv 26.2.2024 § 14"
    decided: date | None
    cents: int
    lines: int


@dataclass(frozen=True)
class MetricRow:
    unit: str
    aim: str
    metric: str
    measure: str
    period: str
    value: Decimal
    target: Decimal | None


@dataclass(frozen=True)
class ProjectSums:
    """One project on one cost center: ledger to the month end and the year's budget in force, debit +."""

    project: str
    unit: str  # cost center code
    actual: int
    lines: int
    budget: int


@dataclass(frozen=True)
class InvestmentInfo:
    code: str
    name: str
    group: str
    unit: str  # the owning unit's code


@dataclass(frozen=True)
class Assessment:
    period: str
    realisation: tuple[str, ...]
    status: str
