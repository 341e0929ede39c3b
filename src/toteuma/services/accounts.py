"""Which income-statement row each account falls on: the mapping in force, a chart's accounts, the docs.

The reports find an account's row by the account ranges (core/mapping.py); these are the same
lookups said to a person: `toteuma accounts`, what `import accounts` tells of each new account, and
the default table in docs/file-formats.md (kept true by a test).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from toteuma import storage
from toteuma.core.mapping import AccountMapping
from toteuma.core.messages import Text, language
from toteuma.core.records import AccountRecord
from toteuma.reports.i18n import catalogue
from toteuma.services.common import default_mapping, default_structure, shipped_mapping


@dataclass(frozen=True)
class MappedRange:
    first: int
    last: int
    row: str  # the structure's key, as a mapping file names it
    label: str  # the row as the report prints it, in the language asked for


@dataclass(frozen=True)
class Placement:
    """Where one account of the chart falls: a row, the balance sheet, or nowhere."""

    account: int
    name: str
    row: str = ""
    label: str = ""
    balance_sheet: bool = False

    @property
    def where(self) -> str:
        if self.row:
            return str(Text("services.accounts.on_row", label=self.label, row=self.row))
        if self.balance_sheet:
            return str(Text("services.accounts.balance_sheet"))
        return str(Text("services.accounts.no_row"))


def _label(row: str, lang: str) -> str:
    return catalogue(lang).row(row, default_structure().line(row).label)


def ranges(mapping: AccountMapping | None = None, lang: str | None = None) -> list[MappedRange]:
    """The mapping's ranges in account order (the one in force by default)."""
    mapping = mapping or default_mapping()
    lang = lang or language()
    ordered = sorted(mapping.ranges, key=lambda item: item.first)
    return [MappedRange(r.first, r.last, r.row, _label(r.row, lang)) for r in ordered]


def mapping_in_force() -> tuple[AccountMapping, bool]:
    """The mapping the reports use, and whether it was imported (else it is the shipped default)."""
    storage.setup()
    return default_mapping(), bool(storage.mapping_ranges())


def place(accounts: Iterable[AccountRecord], lang: str | None = None) -> list[Placement]:
    """Each account's row under the mapping in force."""
    mapping, lang = default_mapping(), lang or language()
    found = []
    for account in sorted(accounts, key=lambda item: item.number):
        row = mapping.row_of(account.number) or ""
        label = _label(row, lang) if row else ""
        found.append(
            Placement(account.number, account.name, row, label, mapping.is_balance_sheet(account.number))
        )
    return found


def chart() -> list[Placement]:
    """Every account of the imported chart with its row."""
    storage.setup()
    return place(storage.accounts())


def default_table_markdown() -> str:
    """The shipped mapping as the Markdown table of docs/file-formats.md, with the gaps between ranges."""
    mapping = shipped_mapping()
    lines = [
        "| accounts | row key (`Rivi` in a mapping file) | row in Finnish | in Swedish | in English |",
        "|---|---|---|---|---|",
    ]
    for first, last in mapping.balance_sheet:
        lines.append(f"| {first}–{last} | – | tase (balance sheet: investments, financing) | | |")
    for item in ranges(mapping, "fi"):
        sv, en = _label(item.row, "sv"), _label(item.row, "en")
        lines.append(f"| {item.first}–{item.last} | `{item.row}` | {item.label} | {sv} | {en} |")
    gaps = _gaps(mapping)
    if gaps:
        shown = ", ".join(f"{first}–{last}" for first, last in gaps)
        lines += [
            "",
            f"No row covers accounts {shown}: ledger lines on them are refused (`ledger.unmapped-account`).",
        ]
    return "\n".join(lines) + "\n"


def _gaps(mapping: AccountMapping) -> list[tuple[int, int]]:
    """Four-digit accounts that neither a range nor the balance sheet covers."""
    covered = sorted([(r.first, r.last) for r in mapping.ranges] + list(mapping.balance_sheet))
    gaps, start = [], 1000
    for first, last in covered:
        if first > start:
            gaps.append((start, first - 1))
        start = max(start, last + 1)
    if start <= 9999:
        gaps.append((start, 9999))
    return gaps
