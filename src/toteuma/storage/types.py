"""What the storage API returns and raises; plain Python, importable before Django is set up."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from toteuma.core.records import BudgetKind


class StorageError(Exception):
    """A load or query the database refuses; the message says what and how to fix it."""


class DuplicateImportError(StorageError):
    """The same file (same SHA-256) was already imported as the same kind."""

    def __init__(self, kind: str, sha256: str, batch_id: int, file_name: str) -> None:
        super().__init__(
            f"this {kind} file was already imported as batch {batch_id} ({file_name!r}, "
            f"sha256 {sha256[:12]}…); importing it again would count its lines twice. "
            f"Roll batch {batch_id} back first if the file is to replace it."
        )
        self.kind = kind
        self.sha256 = sha256
        self.batch_id = batch_id
        self.file_name = file_name


class UnknownUnitError(StorageError):
    """Records name unit codes the database does not hold."""

    def __init__(self, codes: set[str], what: str) -> None:
        listed = ", ".join(repr(code) for code in sorted(codes)[:20])
        more = f" and {len(codes) - 20} more" if len(codes) > 20 else ""
        super().__init__(f"{what} name unknown unit codes {listed}{more}; import the units first")
        self.codes = frozenset(codes)


class DuplicateKeyError(StorageError):
    """One load names the same natural key twice, so it is unclear which record should win."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"{what} {key!r} appears twice in the same load; keep one of them")
        self.key = key


class ImportBusyError(StorageError):
    """Another import (or a change) holds the database; nothing was loaded."""

    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"another import is running in this database (waited {seconds} s); nothing was imported. "
            "Import the file again when it has finished"
        )
        self.seconds = seconds


class DatabaseFaultError(StorageError):
    """The database refused the load for a reason of its own: read-only, disk full, unreachable."""

    def __init__(self, fault: str, detail: str) -> None:
        words = {
            "read-only": "the database is read-only",
            "disk-full": "the disk of the database or of the temporary folder is full",
            "unavailable": "the database cannot be reached",
        }
        super().__init__(f"{words.get(fault, fault)}; nothing was imported ({detail.strip()[:200]})")
        self.fault = fault


class BatchNotFoundError(StorageError):
    def __init__(self, batch_id: int) -> None:
        super().__init__(f"there is no import batch {batch_id}; `batches()` lists them")
        self.batch_id = batch_id


@dataclass(frozen=True)
class LedgerCheck:
    """A recount of the ledger: each batch's lines against its recorded sums, the balances against both.

    `differences` names each (batch or balance, cost center id, year, month, account) that disagrees,
    with both figures; empty when everything agrees.
    """

    batches: int
    lines: int
    differences: tuple[str, ...] = ()

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
class BudgetSum:
    """The budget lines of one cost center, account and decision: cents debit +, and how many lines."""

    unit: str
    account: int
    kind: BudgetKind
    decision: str  # "" for the original budget; the amendment's reference, e.g. "Kv 26.2.2024 § 14"
    decided: date | None
    cents: int
    lines: int
