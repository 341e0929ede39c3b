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
        wrong = _type_problem(setting, value)
        if wrong:
            found.append(_bad(wrong, where, sub))
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
            wrong = _type_problem(item, element)
            if wrong:
                found.append(_bad(wrong, where, sub))
            elif isinstance(element, dict):
                _walk(element, sub, where, found)


def _bad(wrong: tuple[str, dict[str, Any]], where: str, path: str) -> Problem:
    text, params = wrong
    return problem("layout.bad-value", text, file=where, column=path, setting=path, **params)


def _unknown(key: str, path: str, where: str, sub: str) -> Problem:
    parent = declared(path) if path else None
    known = tuple(children_of(parent.path if parent else path))
    text, params = ("under", {"parent": path}) if path else ("message", {})
    return problem("layout.unknown-setting", text, file=where, column=sub, key=key, known=known, **params)


Wrong = tuple[str, dict[str, Any]] | None  # one of layout.bad-value's messages and its values


def _type_problem(setting: Setting, value: Any) -> Wrong:
    """What is wrong with the value for the setting's type and choices, or None."""
    check = _CHECKS.get(setting.type)
    if check is not None and not check(value):
        return setting.type.replace("-", "_"), {"value": repr(value)}
    bad: list[Any] = []
    if setting.choices and setting.type in ("string", "integer") and value not in setting.choices:
        bad = [value]
    elif setting.choices and setting.type in ("array", "table"):
        bad = [item for item in value if item not in setting.choices]
    if bad:
        return "message", {"value": str(bad[0]), "choices": tuple(map(str, setting.choices))}
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _labels(value: Any) -> bool:
    text = isinstance(value, dict) and all(k in LANGUAGES and isinstance(v, str) for k, v in value.items())
    return isinstance(value, str) or text


def _expression(value: Any) -> bool:
    if isinstance(value, str):
        return True
    table = isinstance(value, dict) and isinstance(value.get("expr"), str) and set(value) <= {"expr", "turn"}
    return table and isinstance(value.get("turn", True), bool)


def _accounts(value: Any) -> bool:
    return value == "rest" or (isinstance(value, list) and all(isinstance(v, str | int) for v in value))


_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": _is_int,
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "table": lambda v: isinstance(v, dict),
    "labels": _labels,
    "expression": _expression,
    "accounts": _accounts,
    "column": lambda v: isinstance(v, str | dict),
    "column-set": lambda v: isinstance(v, str | list),
}
