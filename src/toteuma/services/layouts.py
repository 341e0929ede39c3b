"""Checking a layout file (every problem at once) and showing a layout as it applies, bases resolved."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import tomli_w

from toteuma.core.definition import Definition, default_name, read_definition, shipped_definitions
from toteuma.core.definition.locate import locate
from toteuma.core.definition.show import as_values
from toteuma.core.messages import language, t
from toteuma.core.problems import Problem, problem
from toteuma.reports.i18n import catalogue
from toteuma.services.common import ServiceError


def check_layout(name_or_path: str | Path) -> tuple[Problem, ...]:
    """Every problem of a layout file and the files it extends, each located; () when it is usable."""
    loaded = read_definition(name_or_path)
    if loaded.definition is None:
        return tuple(sorted(loaded.problems, key=lambda item: (item.file, item.row or 0, item.column)))
    where = loaded.chain[0]
    found = [*_wording_problems(loaded.definition), *_label_problems(loaded.definition)]
    return tuple(replace(item, row=locate(where.text, item.column)) for item in found)


def _wording_problems(definition: Definition) -> list[Problem]:
    """A wording key the catalogue does not have is a typo (rows: a line; columns: a figure)."""
    found = []
    for lang, tables in definition.wording.items():
        for table, entries in tables.items():
            found += [item for key in entries if (item := _wording_problem(definition, lang, table, key))]
    return found


def _wording_problem(definition: Definition, lang: str, table: str, key: str) -> Problem | None:
    path = f"wording.{lang}.{table}.{key}"
    known = catalogue("fi").entries
    if table == "rows" and not definition.structure.has(key):
        return _p("layout.unknown-line", "message", definition, path, line=key)
    if table == "columns" and key not in definition.figures:
        return _p("layout.unknown-name", "wording_column", definition, path, setting=path, name=key)
    if table not in ("rows", "columns") and key not in known.get(table, {}):
        names = tuple(sorted(known.get(table, known)))
        return _p("layout.unknown-name", "wording_text", definition, path, setting=path, known=names)
    return None


def _label_problems(definition: Definition) -> list[Problem]:
    """A column of a figure the catalogue has no label for needs its own (in Finnish at least)."""
    found = []
    labelled = catalogue("fi").entries.get("columns", {})
    worded = definition.wording.get("fi", {}).get("columns", {})
    for kind, table in definition.tables.items():
        if kind not in definition.sections:
            continue
        for index, column in enumerate(table.columns):
            if column.figure in labelled or column.figure in worded or "fi" in dict(column.labels):
                continue
            path = f"tables.{kind}.columns[{index}].label"
            found.append(_p("layout.bad-value", "label", definition, path, figure=column.figure, table=kind))
    return found


def _p(code: str, text: str, definition: Definition, path: str, **params: object) -> Problem:
    return problem(code, text, file=definition.source, column=path, **params)


def show_layout(name_or_path: str | Path) -> str:
    """The layout as it applies, as a complete TOML layout file of its own."""
    loaded = read_definition(name_or_path)
    if loaded.definition is None:
        listed = "\n".join(f"  {item}" for item in loaded.problems)
        raise ServiceError("layouts.report.has_problems", problems=listed)
    values = as_values(loaded.definition)
    header = t("layouts.show.header", name=loaded.definition.name) + "\n"
    return header + tomli_w.dumps(values)


def layout_list() -> list[tuple[str, str]]:
    """The shipped layouts, the default first, each with its description."""
    default = default_name()
    names = [default, *(name for name in shipped_definitions() if name != default)]
    return [(name, _description(read_definition(name).values.get("description", ""))) for name in names]


def _description(raw: object) -> str:
    """A layout's description in the language in force (or Finnish, or as written)."""
    if isinstance(raw, dict):
        return str(raw.get(language()) or raw.get("fi") or next(iter(raw.values()), ""))
    return str(raw)
