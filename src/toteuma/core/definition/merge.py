"""A layout that extends another: settings merged key by key, structure lines changed line by line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from toteuma.core.definition.settings import declared
from toteuma.core.problems import Problem, problem

Origin = tuple[str, str]  # (file, key path in that file) of a structure line's last change
NOT_INHERITED = ("name", "description", "extends")
CHANGE_KEYS = ("after", "before", "drop")


@dataclass(frozen=True)
class Source:
    """One layout file as read: its label for messages, its text and its values."""

    label: str
    text: str
    raw: Mapping[str, Any]


def merge(base: Mapping[str, Any], over: Mapping[str, Any], path: str = "") -> dict[str, Any]:
    """`over` on top of `base`: tables merge key by key, anything else is replaced."""
    found = dict(base)
    for key, value in over.items():
        where = f"{path}.{key}" if path else key
        setting = declared(where)
        mergeable = setting is not None and setting.type == "table"
        if where == "structure.lines":
            found[key] = [*found.get(key, []), *value]
        elif mergeable and isinstance(value, dict) and isinstance(found.get(key), dict):
            found[key] = merge(found[key], value, where)
        else:
            found[key] = value
    return found


def merged(chain: Sequence[Source]) -> tuple[dict[str, Any], list[Origin]]:
    """The values of a chain (the file first, its bases after it) and each structure change's origin."""
    values: dict[str, Any] = {}
    origins: list[Origin] = []
    for source in reversed(chain):
        own = {key: value for key, value in source.raw.items() if key not in NOT_INHERITED}
        if "base" in source.raw.get("structure", {}):
            # Naming its base, a layout's structure starts over: the lines its bases changed go.
            values, origins = {key: value for key, value in values.items() if key != "structure"}, []
        changes = source.raw.get("structure", {}).get("lines", [])
        origins += [(source.label, f"structure.lines[{index}]") for index in range(len(changes))]
        values = merge(values, own)
    first = chain[0].raw
    for key in ("name", "description"):
        if key in first:
            values[key] = first[key]
    return values, origins


def apply_changes(
    base: Sequence[Mapping[str, Any]], changes: Sequence[Mapping[str, Any]], origins: Sequence[Origin]
) -> tuple[list[dict[str, Any]], list[Origin | None], list[Problem]]:
    """The base's lines with each change applied in order: a known key changes (or moves, or drops)
    that line; a new key is a new line, after `after`, before `before`, or at the end."""
    lines: list[dict[str, Any]] = [dict(line) for line in base]
    where: list[Origin | None] = [None] * len(lines)
    problems: list[Problem] = []
    for change, origin in zip(changes, origins, strict=True):
        key = change.get("key")
        index = next((i for i, line in enumerate(lines) if line.get("key") == key), None)
        fields = {k: v for k, v in change.items() if k not in CHANGE_KEYS}
        if change.get("drop"):
            if index is None:
                problems.append(_p("drop", origin, line=str(key)))
            else:
                del lines[index], where[index]
            continue
        line = {**lines[index], **fields} if index is not None else fields
        if index is not None and not any(name in change for name in ("after", "before")):
            lines[index], where[index] = line, origin
            continue
        if index is not None:
            del lines[index], where[index]
        at = _position(lines, change, origin, problems)
        lines.insert(at, line)
        where.insert(at, origin)
    return lines, where, problems


def _position(
    lines: list[dict[str, Any]], change: Mapping[str, Any], origin: Origin, problems: list[Problem]
) -> int:
    for name, offset in (("after", 1), ("before", 0)):
        if name in change:
            anchor = change[name]
            index = next((i for i, line in enumerate(lines) if line.get("key") == anchor), None)
            if index is not None:
                return index + offset
            problems.append(_p("anchor", (origin[0], f"{origin[1]}.{name}"), setting=name, line=str(anchor)))
    return len(lines)


def _p(text: str, origin: Origin, **params: Any) -> Problem:
    return problem("layout.unknown-line", text, file=origin[0], column=origin[1], **params)
