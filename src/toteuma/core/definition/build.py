"""A layout's merged values made into a Definition, with every problem of names and references."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from toteuma.core.definition.columns import column_sets, labels, table_defs
from toteuma.core.definition.figures import DEFAULT_FIGURES, Figures, compile_figures
from toteuma.core.definition.merge import Origin, apply_changes
from toteuma.core.definition.model import Definition, SectionKind
from toteuma.core.definition.settings import REFERENCE_SECTIONS
from toteuma.core.measures import BUILT_IN, BudgetPart, Measure, Source, Span
from toteuma.core.problems import Problem, problem
from toteuma.core.structure import Line, LineKind, Structure, Summary, statutory_data
from toteuma.core.structure_read import read_structure

ReadStructure = Callable[[str], Mapping[str, Any]]


def build(
    values: Mapping[str, Any], origins: Sequence[Origin], where: str, folder: Path | None = None
) -> tuple[Definition | None, list[Problem]]:
    """The definition, or None, and every problem found (all of them, not the first)."""
    problems: list[Problem] = []
    structure = _structure(values.get("structure", {}), origins, where, folder, problems)
    figures, found = compile_figures(
        {**DEFAULT_FIGURES, **values.get("figures", {})}, _measures(values, where, problems), where
    )
    problems += found
    if structure is None:
        # The names are still checked, against the lines the structure would have had.
        structure = Structure(
            "",
            tuple(Line(key, LineKind.HEADING, key) for key in _line_keys(values, origins)),
            Summary("", "", ""),
        )
    sets = column_sets(values.get("columns", {}), figures, structure, where, problems)
    tables = table_defs(values, sets, figures, structure, where, problems)
    if problems:
        return None, problems
    definition = Definition(
        name=str(values.get("name", where)),
        structure=structure,
        figures=figures,
        tables=tables,
        sections=tuple(SectionKind(name) for name in values.get("sections", REFERENCE_SECTIONS)),
        description=labels(values.get("description", "")),
        wording=values.get("wording", {}),
        source=where,
    )
    return definition, []


def _line_keys(values: Mapping[str, Any], origins: Sequence[Origin]) -> list[str]:
    raw = values.get("structure", {})
    base = statutory_data() if raw.get("base", "statutory") == "statutory" else {"lines": []}
    lines, _, _ = apply_changes(base.get("lines", []), raw.get("lines", []), origins)
    return [str(line.get("key")) for line in lines]


def _measures(values: Mapping[str, Any], where: str, problems: list[Problem]) -> tuple[Measure, ...]:
    own = []
    built_in = {measure.name for measure in BUILT_IN}
    for name, raw in values.get("measures", {}).items():
        if name in built_in:
            at = f"measures.{name}"
            problems.append(problem("layout.duplicate-name", "measure", file=where, column=at, name=name))
            continue
        own.append(
            Measure(
                name,
                Source(raw.get("source", "ledger")),
                int(raw.get("year", 0)),
                Span(raw.get("span", "to-period-end")),
                BudgetPart(raw.get("budget", "in-force")),
                int(raw.get("number", 0)),
                str(raw.get("decision", "")),
            )
        )
    return (*BUILT_IN, *own)


def _structure(
    raw: Mapping[str, Any],
    origins: Sequence[Origin],
    where: str,
    folder: Path | None,
    problems: list[Problem],
) -> Structure | None:
    base_name = str(raw.get("base", "statutory"))
    base = _base_structure(base_name, folder, where, problems)
    if base is None:
        return None
    lines, line_origins, found = apply_changes(base.get("lines", []), raw.get("lines", []), origins)
    problems += found
    data = {
        "name": base.get("name", base_name),
        "summary": {**base.get("summary", {}), **raw.get("summary", {})},
    }
    structure, found = read_structure({**data, "lines": lines}, where)
    problems += [_relocate(item, line_origins, where) for item in found]
    return structure


def _base_structure(
    name: str, folder: Path | None, where: str, problems: list[Problem]
) -> dict[str, Any] | None:
    if name == "statutory":
        return statutory_data()
    if name == "none":
        return {"lines": [], "summary": {}}
    path = (folder or Path.cwd()) / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        params = {"name": name, "reason": str(exc)}
        problems.append(
            problem("layout.not-found", "structure_base", file=where, column="structure.base", **params)
        )
        return None


def _relocate(found: Problem, origins: Sequence[Origin | None], where: str) -> Problem:
    """A problem of the resolved line i told where line i was last changed (a file and its key), or,
    for a line the base structure has unchanged, as a problem of `structure.base`."""
    column, file = found.column, where
    if column.startswith("lines["):
        index = int(column[len("lines[") : column.index("]")])
        origin = origins[index] if index < len(origins) else None
        if origin is None:
            column = f"structure.base → {column}"
        else:
            file, column = origin[0], origin[1] + column[column.index("]") + 1 :]
    else:
        column = f"structure.{column}"
    return replace(found, file=file, row=None, column=column)


__all__ = ["Figures", "build"]
