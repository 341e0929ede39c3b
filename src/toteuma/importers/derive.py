"""Records an export repeats on every line (units, accounts, mapping ranges), counted once each.

An export with one line per unit and account names the unit and the account again on each line. A
record repeated exactly counts once; the same key with different contents on two lines is a problem
naming both lines, never a silent choice.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import fields, replace
from typing import Any

from toteuma.core.problems import Problem, problem
from toteuma.core.records import UnitRecord

Numbered = list[tuple[int, Any]]  # (row as the user sees it, record)

KEYS: dict[str, Callable[[Any], Hashable]] = {
    "units": lambda record: record.code,
    "accounts": lambda record: record.number,
    "mapping": lambda record: (record.first, record.last),
}


def _differing(first: Any, other: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The values of the fields in which two records differ, each record's in field order."""
    names = [item.name for item in fields(first) if getattr(first, item.name) != getattr(other, item.name)]
    return tuple(str(getattr(first, n)) for n in names), tuple(str(getattr(other, n)) for n in names)


def _shown(key: Hashable) -> str:
    return "-".join(map(str, key)) if isinstance(key, tuple) else str(key)


def distinct(kind: str, numbered: Numbered, file: str, problems: list[Problem]) -> Numbered:
    """Each record once, in the order of first appearance; `kind`s without a key stay as they are."""
    if kind not in KEYS:
        return numbered
    first: dict[Hashable, tuple[int, Any]] = {}
    for line, record in numbered:
        value = KEYS[kind](record)
        if value not in first:
            first[value] = (line, record)
        elif first[value][1] != record:
            before, kept = first[value]
            ours, theirs = _differing(kept, record)
            problems.append(
                problem(
                    "value.conflict",
                    kind,
                    file=file,
                    row=line,
                    value=_shown(value),
                    before=before,
                    first=ours,
                    second=theirs,
                )
            )
    return list(first.values())


def in_file_order(units: list[UnitRecord]) -> list[UnitRecord]:
    """Units without an order of their own get their place among their siblings in the file."""
    places: dict[str | None, int] = {}
    ordered = []
    for unit in units:
        places[unit.parent] = places.get(unit.parent, 0) + 1
        ordered.append(unit if unit.order else replace(unit, order=places[unit.parent]))
    return ordered
