"""A statement's structure as data: lines, their parts, sub-rows, accounts and the council summary.

A line is a heading (no figures), a row (fed by accounts) or a subtotal (the sum of other lines,
anywhere in the structure). A line under a `parent` is a sub-row; a subtotal without `sum` adds its
sub-rows. Where a subtotal stands (after its parts, or first, on the group's own line) is only its
place in the list. The statutory structure (core/data/income_statement.toml) is the default; a layout
may extend it line by line (`extend_lines`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any


class LineKind(StrEnum):
    HEADING = "heading"
    ROW = "row"
    SUBTOTAL = "subtotal"


@dataclass(frozen=True)
class AccountSpan:
    first: int
    last: int

    def __contains__(self, account: object) -> bool:
        return isinstance(account, int) and self.first <= account <= self.last

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@dataclass(frozen=True)
class Line:
    key: str
    kind: LineKind
    label: str  # the Finnish label; `labels` may give others
    sum: tuple[str, ...] = ()
    shown_by: tuple[str, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()  # (language, label)
    parent: str = ""
    accounts: tuple[AccountSpan, ...] = ()  # accounts that feed this row, before the account mapping
    rest: bool = False  # the accounts the mapping gives the parent that no sibling's range takes
    costs: bool = False  # a cost line: printed turned around where a table prints costs positive
    printed: bool = True  # an unprinted subtotal still adds up and may be summed or printed elsewhere
    depth: int = 0  # sub-row level, from the parents

    def label_in(self, lang: str) -> str | None:
        return dict(self.labels).get(lang)


@dataclass(frozen=True)
class Summary:
    """Which lines the council table prints as TULOT, MENOT and NETTO (and the charts use)."""

    tulot: str
    menot: str
    netto: str


@dataclass(frozen=True)
class Structure:
    name: str
    lines: tuple[Line, ...]
    summary: Summary
    order: tuple[str, ...] = field(default=())  # the lines in an order where parts come before sums

    def line(self, key: str) -> Line:
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(f"no line {key!r} in structure {self.name!r}")

    def has(self, key: str) -> bool:
        return any(line.key == key for line in self.lines)

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(line.key for line in self.lines if line.kind is LineKind.ROW)

    def children(self, key: str) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.parent == key)

    def rows_under(self, key: str) -> frozenset[str]:
        """The rows a line adds up: itself if a row, else the rows of its parts, recursively."""
        line = self.line(key)
        if line.kind is LineKind.ROW:
            return frozenset({key})
        return frozenset().union(*(self.rows_under(part) for part in line.sum))


def parse_accounts(raw: Any) -> tuple[AccountSpan, ...]:
    """Account ranges written as ["4000-4099", "4100", 4200]; a ProblemError names a bad item."""
    from toteuma.core.problems import ProblemError  # the problems' messages need no structure

    found = []
    for item in raw if isinstance(raw, list) else [raw]:
        text = str(item).replace(" ", "")
        first, _, last = text.partition("-")
        if not (first.isdigit() and (not last or last.isdigit())):
            raise ProblemError("layout.bad-value", "accounts_form", value=str(item))
        span = AccountSpan(int(first), int(last or first))
        if span.first > span.last:
            raise ProblemError("layout.bad-value", "accounts_empty", value=str(item))
        found.append(span)
    return tuple(found)


def parse_structure(data: Mapping[str, Any]) -> Structure:
    """A structure from its TOML data; a ValueError lists every problem."""
    from toteuma.core.structure_read import read_structure  # it builds on the types above

    structure, problems = read_structure(data)
    if structure is None:
        raise ValueError("; ".join(str(item) for item in problems))
    return structure


def statutory_data() -> dict[str, Any]:
    text = resources.files("toteuma.core").joinpath("data/income_statement.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_structure(path: Path | None = None) -> Structure:
    """The structure from a TOML file, or the statutory default shipped in the package."""
    data = statutory_data() if path is None else tomllib.loads(path.read_text("utf-8"))
    return parse_structure(data)
