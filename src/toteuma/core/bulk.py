"""A big ledger file on its way in, as the storage layer sees it: totals, balances and rows in chunks.

The importers produce a `LedgerSource` (from DuckDB for big CSV files, or from a list of records);
storage consumes it without knowing where it came from. Rows carry database ids the importer cannot
know, so storage passes them in: the batch id and the unit code -> id map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

RowsDone = Callable[[int], None]  # rows written so far

# The columns of a ledger row as sources yield them, in the order of the ledger table's bulk load.
# Sources write the rows in the order of the drill index (cost center, account, year, month, date):
# the index then builds from sorted input, and a leaf's lines sit together on disk.
LEDGER_COLUMNS = (
    "batch_id",
    "posted",
    "year",
    "month",
    "document",
    "account",
    "unit_id",
    "project",
    "amount_cents",
    "text",
)


@dataclass(frozen=True)
class BalanceRow:
    """Sum and count of a file's lines on one cost center, account and month."""

    unit: str
    year: int
    month: int
    account: int
    cents: int
    lines: int


@dataclass(frozen=True)
class LedgerTotals:
    lines: int = 0
    total_cents: int = 0
    first: date | None = None
    last: date | None = None
    per_month: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # YYYY-MM -> (lines, cents)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({int(month[:4]) for month in self.per_month}))


class LedgerSource(Protocol):
    """A parsed, valid ledger file: what it adds up to, and its rows for the bulk load."""

    def totals(self) -> LedgerTotals: ...

    def balances(self) -> list[BalanceRow]: ...

    def row_chunks(
        self, batch_id: int, unit_ids: Mapping[str, int], size: int
    ) -> Iterator[list[tuple[Any, ...]]]: ...

    def write_csv(self, path: Path, batch_id: int, unit_ids: Mapping[str, int]) -> None:
        """The rows as CSV in LEDGER_COLUMNS order: no header, empty text as "" (PostgreSQL COPY csv).

        `path` may be a pipe (/dev/fd/N) that the database reads while the rows are written.
        """
        ...

    def write_sqlite(
        self, path: Path, table: str, batch_id: int, unit_ids: Mapping[str, int], progress: RowsDone
    ) -> None:
        """The rows into a new table `table` (LEDGER_COLUMNS) of a scratch SQLite file at `path`."""
        ...
