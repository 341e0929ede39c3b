"""Accounts to income-statement rows by account ranges; balance-sheet accounts are known but not rows."""

from __future__ import annotations

import itertools
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any


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
