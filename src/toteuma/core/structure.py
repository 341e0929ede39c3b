"""The income-statement structure as data: lines, their kinds, subtotal formulas and the council summary."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any


class LineKind(StrEnum):
    HEADING = "heading"
    ROW = "row"
    SUBTOTAL = "subtotal"


@dataclass(frozen=True)
class Line:
    key: str
    kind: LineKind
    label: str
    sum: tuple[str, ...] = ()
    shown_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    """Which subtotals the council table prints as TULOT, MENOT and NETTO."""

    tulot: str
    menot: str
    netto: str


@dataclass(frozen=True)
class Structure:
    name: str
    lines: tuple[Line, ...]
    summary: Summary

    def line(self, key: str) -> Line:
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(f"no line {key!r} in structure {self.name!r}")

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(line.key for line in self.lines if line.kind is LineKind.ROW)


def _line(raw: dict[str, Any]) -> Line:
    kind = LineKind(raw["kind"])
    total = tuple(raw.get("sum", ()))
    return Line(
        key=raw["key"],
        kind=kind,
        label=raw["label"],
        sum=total,
        shown_by=tuple(raw.get("shown_by", total)),
    )


def parse_structure(data: dict[str, Any]) -> Structure:
    """Build and validate a structure from its TOML data; a subtotal may only add lines above it."""
    lines = tuple(_line(raw) for raw in data["lines"])
    seen: set[str] = set()
    for line in lines:
        if line.key in seen:
            raise ValueError(f"line {line.key!r} appears twice in the structure")
        for part in (*line.sum, *line.shown_by):
            if part not in seen:
                raise ValueError(f"subtotal {line.key!r} refers to {part!r}, which is not a line above it")
        if line.kind is LineKind.SUBTOTAL and not line.sum:
            raise ValueError(f"subtotal {line.key!r} has an empty `sum`")
        seen.add(line.key)
    summary = Summary(**data["summary"])
    for key in (summary.tulot, summary.menot, summary.netto):
        if key not in seen:
            raise ValueError(f"summary refers to {key!r}, which is not a line of the structure")
    return Structure(name=data.get("name", ""), lines=lines, summary=summary)


def load_structure(path: Path | None = None) -> Structure:
    """The structure from a TOML file, or the statutory default shipped in the package."""
    if path is None:
        text = resources.files("toteuma.core").joinpath("data/income_statement.toml").read_text("utf-8")
    else:
        text = path.read_text("utf-8")
    return parse_structure(tomllib.loads(text))
