"""A layout file's values against the declared settings: unknown keys, wrong types, values outside choices."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from typing import Any

from toteuma.core.definition.settings import LANGUAGES, Setting, children_of, declared
from toteuma.core.problems import Problem, problem

_LEAF_TYPES = {"labels", "expression", "accounts", "column-set"}


def check_values(raw: Mapping[str, Any], where: str) -> list[Problem]:
    """Every problem of the file's own values, each located by its key path."""
    found: list[Problem] = []
    _walk(raw, "", where, found)
    return found


def without(raw: Mapping[str, Any], paths: list[str]) -> dict[str, Any]:
    """A copy of the values without the settings at `paths` (`tables.areas.scale`, `sections[2]`)."""
    found: dict[str, Any] = copy.deepcopy(dict(raw))
    for path in sorted(paths, reverse=True):  # later items first, so indices stay right
        keys = re.findall(r"[^.\[\]]+|\[\d+\]", path)
        target: Any = found
        for key in keys[:-1]:
            target = target[int(key[1:-1])] if key.startswith("[") else target.get(key, {})
        last = keys[-1] if keys else ""
        if last.startswith("[") and isinstance(target, list):
            del target[int(last[1:-1])]
        elif isinstance(target, dict):
            target.pop(last, None)
    return found


def _walk(table: Mapping[str, Any], path: str, where: str, found: list[Problem]) -> None:
    for key, value in table.items():
        sub = f"{path}.{key}" if path else str(key)
        setting = declared(sub)
        if setting is None:
            found.append(_unknown(key, path, where, sub))
            continue
        message = _type_problem(setting, value)
        if message:
            found.append(problem("layout.bad-value", f"{sub}: {message}", file=where, column=sub))
            continue
        _descend(setting, value, sub, where, found)


def _descend(setting: Setting, value: Any, path: str, where: str, found: list[Problem]) -> None:
    if setting.type in _LEAF_TYPES:
        return
    if isinstance(value, dict):
        _walk(value, path, where, found)
    elif isinstance(value, list) and (item := declared(f"{path}[0]")) is not None:
        for index, element in enumerate(value):
            sub = f"{path}[{index}]"
            message = _type_problem(item, element)
            if message:
                found.append(problem("layout.bad-value", f"{sub}: {message}", file=where, column=sub))
            elif isinstance(element, dict):
                _walk(element, sub, where, found)


def _unknown(key: str, path: str, where: str, sub: str) -> Problem:
    pattern = path
    parent = declared(path) if path else None
    known = ", ".join(children_of(parent.path if parent else pattern)) or "none"
    place = f"under {path}" if path else "at the top level"
    return problem(
        "layout.unknown-setting",
        f"unknown setting {key!r} {place}; known are {known}",
        file=where,
        column=sub,
    )


def _type_problem(setting: Setting, value: Any) -> str:
    """What is wrong with the value for the setting's type and choices, or ""."""
    check = _CHECKS.get(setting.type)
    message = check(value) if check else ""
    if message:
        return message
    if setting.choices and setting.type in ("string", "integer") and value not in setting.choices:
        return f"{value!r} is not one of {', '.join(map(str, setting.choices))}"
    if setting.choices and setting.type == "array":
        bad = [item for item in value if item not in setting.choices]
        if bad:
            return f"{bad[0]!r} is not one of {', '.join(map(str, setting.choices))}"
    if setting.choices and setting.type == "table":
        bad = [key for key in value if key not in setting.choices]
        if bad:
            return f"{bad[0]!r} is not one of {', '.join(map(str, setting.choices))}"
    return ""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _labels(value: Any) -> str:
    if isinstance(value, str):
        return ""
    if isinstance(value, dict) and all(k in LANGUAGES and isinstance(v, str) for k, v in value.items()):
        return ""
    return f'write a text or {{ fi = "…", sv = "…", en = "…" }}, not {value!r}'


def _expression(value: Any) -> str:
    if isinstance(value, str):
        return ""
    if isinstance(value, dict) and isinstance(value.get("expr"), str) and set(value) <= {"expr", "turn"}:
        return "" if isinstance(value.get("turn", True), bool) else "turn is true or false"
    return 'write "expression" or { expr = "expression", turn = false }'


def _accounts(value: Any) -> str:
    if value == "rest" or (isinstance(value, list) and all(isinstance(v, str | int) for v in value)):
        return ""
    return 'write ["4000-4099", "4100"] or "rest"'


_CHECKS: dict[str, Callable[[Any], str]] = {
    "string": lambda v: "" if isinstance(v, str) else f"write a text in quotes, not {v!r}",
    "integer": lambda v: "" if _is_int(v) else f"write a whole number, not {v!r}",
    "boolean": lambda v: "" if isinstance(v, bool) else f"write true or false, not {v!r}",
    "array": lambda v: "" if isinstance(v, list) else f"write an array [ … ], not {v!r}",
    "table": lambda v: "" if isinstance(v, dict) else f"write a table, not {v!r}",
    "labels": _labels,
    "expression": _expression,
    "accounts": _accounts,
    "column": lambda v: "" if isinstance(v, str | dict) else "write a figure's name or a table",
    "column-set": lambda v: "" if isinstance(v, str | list) else "write a column set's name or an array",
}
