"""Accounts to income-statement rows by account ranges; balance-sheet accounts are known but not rows."""

from __future__ import annotations

import itertools
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from toteuma.core.structure import Structure


@dataclass(frozen=True)
class AccountRange:
    first: int
    last: int
    row: str

    def __contains__(self, account: int) -> bool:
        return self.first <= account <= self.last


@dataclass(frozen=True)
class AccountMapping:
    name: str
    ranges: tuple[AccountRange, ...]
    balance_sheet: tuple[tuple[int, int], ...] = ()

    def row_of(self, account: int) -> str | None:
        """The row an income-statement account feeds, or None when no range covers it."""
        for candidate in self.ranges:
            if account in candidate:
                return candidate.row
        return None

    def is_balance_sheet(self, account: int) -> bool:
        return any(first <= account <= last for first, last in self.balance_sheet)


def parse_mapping(data: dict[str, Any], row_keys: tuple[str, ...] | None = None) -> AccountMapping:
    """Build a mapping and check it: ranges must not overlap and must name rows of the structure."""
    ranges = tuple(AccountRange(int(raw["from"]), int(raw["to"]), str(raw["row"])) for raw in data["ranges"])
    ordered = sorted(ranges, key=lambda item: item.first)
    for before, after in itertools.pairwise(ordered):
        if after.first <= before.last:
            raise ValueError(
                f"account ranges {before.first}-{before.last} ({before.row}) and "
                f"{after.first}-{after.last} ({after.row}) overlap"
            )
    for item in ranges:
        if item.first > item.last:
            raise ValueError(f"account range {item.first}-{item.last} is empty: 'from' is above 'to'")
        if row_keys is not None and item.row not in row_keys:
            raise ValueError(f"account range {item.first}-{item.last} names unknown row {item.row!r}")
    balance = tuple((int(a), int(b)) for a, b in data.get("balance_sheet", ()))
    return AccountMapping(name=str(data.get("name", "")), ranges=ranges, balance_sheet=balance)


def load_mapping(path: Path | None = None, row_keys: tuple[str, ...] | None = None) -> AccountMapping:
    """The mapping from a TOML file, or the default shipped in the package."""
    if path is None:
        text = resources.files("toteuma.core").joinpath("data/account_rows.toml").read_text("utf-8")
    else:
        text = path.read_text("utf-8")
    return parse_mapping(tomllib.loads(text), row_keys)


class UnplacedAccountError(ValueError):
    """An account the mapping gives a line that the structure has not as a row, and no row takes."""

    def __init__(self, account: int, row: str) -> None:
        super().__init__(f"{account} -> {row}")
        self.account, self.row = account, row


class RowResolver:
    """Accounts to the rows of one structure: a row's own `accounts` first, then the mapping in force;
    an account the mapping gives a split line goes to that line's `rest` row. Answers are remembered,
    so a use case resolves each account once however many units carry it."""

    def __init__(self, structure: Structure, mapping: AccountMapping) -> None:
        self._structure, self._mapping = structure, mapping
        self._own = sorted(
            (span.first, span.last, line.key) for line in structure.lines for span in line.accounts
        )
        self._rows = set(structure.row_keys)
        self._rest = {line.parent: line.key for line in structure.lines if line.rest}
        self._known: dict[int, str | None] = {}

    @property
    def mapping(self) -> AccountMapping:
        return self._mapping

    def row_of(self, account: int) -> str | None:
        """The row the account feeds, or None for an account no row takes (balance sheet, unmapped)."""
        if account not in self._known:
            self._known[account] = self._find(account)
        return self._known[account]

    def _find(self, account: int) -> str | None:
        for first, last, key in self._own:
            if first <= account <= last:
                return key
        mapped = self._mapping.row_of(account)
        if mapped is None or mapped in self._rows:
            return mapped
        rest = self._rest_under(mapped)
        if rest is None:
            raise UnplacedAccountError(account, mapped)
        return rest

    def _rest_under(self, key: str) -> str | None:
        """The `rest` row of the line or of its nearest sub-line that has one."""
        if key in self._rest:
            return self._rest[key]
        for child in (line.key for line in self._structure.lines if line.parent == key):
            found = self._rest_under(child)
            if found:
                return found
        return None

    def is_balance_sheet(self, account: int) -> bool:
        return self._mapping.is_balance_sheet(account)
