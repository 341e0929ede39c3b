"""Checking a layout file (every problem at once) and showing a layout as it applies, bases resolved."""

from __future__ import annotations

from pathlib import Path

import tomli_w

from toteuma.core.definition import Definition, default_name, read_definition, shipped_definitions
from toteuma.core.definition.locate import locate
from toteuma.core.definition.show import as_values
from toteuma.core.problems import Problem, problem
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.services.common import ServiceError


def check_layout(name_or_path: str | Path) -> tuple[Problem, ...]:
    """Every problem of a layout file and the files it extends, each located; () when it is usable."""
    loaded = read_definition(name_or_path)
    if loaded.definition is None:
        return tuple(sorted(loaded.problems, key=lambda item: (item.file, item.row or 0, item.column)))
    where = loaded.chain[0]
    found = [*_wording_problems(loaded.definition), *_label_problems(loaded.definition)]
    return tuple(
        Problem(
            p.code, p.message, p.hint, p.file, locate(where.text, p.column), p.column, p.value, p.severity
        )
        for p in found
    )


def _wording_problems(definition: Definition) -> list[Problem]:
    """A wording key the catalogue does not have is a typo (rows: a line; columns: a figure)."""
    found = []
    known = catalogue("fi").entries
    for lang, tables in definition.wording.items():
        for table, entries in tables.items():
            for key in entries:
                path = f"wording.{lang}.{table}.{key}"
                if table == "rows" and not definition.structure.has(key):
                    found.append(
                        _p(
                            "layout.unknown-line",
                            f"{path}: {key!r} is not a line of the structure",
                            definition,
                            path,
                        )
                    )
                elif table == "columns" and key not in definition.figures:
                    found.append(
                        _p(
                            "layout.unknown-name",
                            f"{path}: {key!r} is neither a measure nor a figure",
                            definition,
                            path,
                        )
                    )
                elif table not in ("rows", "columns") and key not in known.get(table, {}):
                    names = (
                        ", ".join(sorted(known)) if table not in known else ", ".join(sorted(known[table]))
                    )
                    found.append(
                        _p(
                            "layout.unknown-name",
                            f"{path}: not a catalogue text; known are {names}",
                            definition,
                            path,
                        )
                    )
    return found


def _label_problems(definition: Definition) -> list[Problem]:
    """A column of a figure the catalogue has no label for needs its own, in every language."""
    found = []
    fi = catalogue("fi").entries.get("columns", {})
    for kind, table in definition.tables.items():
        if kind not in definition.sections:
            continue
        for index, column in enumerate(table.columns):
            own = dict(column.labels)
            worded = {
                lang
                for lang in LANGUAGES
                if column.figure in definition.wording.get(lang, {}).get("columns", {})
            }
            if column.figure in fi or "fi" in own or "fi" in worded:
                continue
            path = f"tables.{kind}.columns[{index}].label"
            message = f"column {column.figure!r} of the {kind} table has no label: give it `label`"
            found.append(_p("layout.bad-value", message, definition, path))
    return found


def _p(code: str, message: str, definition: Definition, path: str) -> Problem:
    return problem(code, message, file=definition.source, column=path)


def show_layout(name_or_path: str | Path) -> str:
    """The layout as it applies, as a complete TOML layout file of its own."""
    loaded = read_definition(name_or_path)
    if loaded.definition is None:
        listed = "\n".join(f"  {item}" for item in loaded.problems)
        raise ServiceError(f"the layout has problems (`toteuma layout check` shows them):\n{listed}")
    values = as_values(loaded.definition)
    name = loaded.definition.name
    header = f"# The layout {name!r} as it applies, every base resolved (`toteuma layout show`).\n"
    return header + tomli_w.dumps(values)


def layout_list() -> list[tuple[str, str]]:
    """The shipped layouts, the default first, each with its description."""
    default = default_name()
    names = [default, *(name for name in shipped_definitions() if name != default)]
    return [(name, read_definition(name).values.get("description", "")) for name in names]
