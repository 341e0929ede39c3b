"""Every setting of a layout, declared once as data (core/data/layout-settings.toml) and looked up here.

The loader checks files against these declarations and docs/layouts.md is written from them. A path
names where a setting lives: `tables.*.scale` is `scale` under any table kind, `columns.*[]` an item of
any column set, `structure.lines[].key` the key of any item of that array.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).parents[1] / "data" / "layout-settings.toml"
TABLE_KINDS: tuple[str, ...] = ("statement", "areas", "council", "summary", "investments", "amendments")
TABLE_KINDS += ("metrics", "investment-projects")
LANGUAGES = ("fi", "sv", "en")


@dataclass(frozen=True)
class Setting:
    path: str
    type: str  # string, integer, boolean, labels, array, table, expression, column, column-set, accounts
    default: Any
    help: str
    choices: tuple[Any, ...] = ()
    group: str = "layout"  # the heading it is documented under
    table: bool = False  # given at the top level for every table, and under tables.KIND for one


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(_DATA.read_text(encoding="utf-8"))


def section_help() -> tuple[tuple[str, str], ...]:
    """Each section a layout may list, with what it holds."""
    return tuple((str(item["name"]), str(item["help"])) for item in _data()["sections"])


def placeholders() -> tuple[tuple[str, str], ...]:
    """Each placeholder a label template may use, with an example."""
    return tuple((str(item["name"]), str(item["help"])) for item in _data()["placeholders"])


@cache
def settings() -> tuple[Setting, ...]:
    data = _data()
    return tuple(
        Setting(
            str(item["path"]),
            str(item["type"]),
            item.get("default"),
            str(item["help"]),
            tuple(item.get("choices", ())),
            str(item.get("group", "layout")),
            bool(item.get("table", False)),
        )
        for item in data["settings"]
    )


def setting(path: str) -> Setting:
    """The declaration of a setting by its declared path (`scale`, `tables.*.depth`)."""
    return next(item for item in settings() if item.path == path)


def table_settings() -> frozenset[str]:
    return frozenset(item.path for item in settings() if item.table)


SECTIONS: tuple[str, ...] = setting("sections").choices
REFERENCE_SECTIONS: tuple[str, ...] = tuple(setting("sections").default)
TABLE_SETTINGS = table_settings()


def declared(path: str) -> Setting | None:
    """The declaration of a concrete path (`tables.areas.scale`), table settings under any kind too."""
    pattern = _pattern(path)
    for item in settings():
        if item.path == pattern:
            return item
    prefix = "tables.*."
    if pattern.startswith(prefix) and pattern[len(prefix) :] in TABLE_SETTINGS:
        return setting(pattern[len(prefix) :])
    return None


_NAMED_UNDER = {"columns", "measures", "figures", "tables", "wording", "wording.*", "wording.*.*"}


def _pattern(path: str) -> str:
    """`columns.short[2].figure` -> `columns.*[].figure`; the names of named tables become `*`."""
    found: list[str] = []
    for index, part in enumerate(path.split(".")):
        name, bracket, _ = part.partition("[")
        named = index > 0 and ".".join(found) in _NAMED_UNDER
        found.append(("*" if named else name) + ("[]" if bracket else ""))
    return ".".join(found)


def children_of(pattern: str) -> list[str]:
    """The setting names declared directly under a pattern (for "known are …" hints)."""
    prefix = f"{pattern}." if pattern else ""
    names = {item.path[len(prefix) :].split(".")[0] for item in settings() if item.path.startswith(prefix)}
    if pattern.startswith("tables.*"):
        names |= TABLE_SETTINGS
    return sorted(name for name in names if name and name != "*" and not name.startswith("["))
