"""Column sets and table settings of a layout, each name checked against figures and lines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from toteuma.core.definition.figures import Figures
from toteuma.core.definition.model import ColumnDef, Labels, LinePick, Scale, Sign, TableDef
from toteuma.core.definition.placeholders import template_problems
from toteuma.core.definition.settings import TABLE_KINDS, TABLE_SETTINGS, setting
from toteuma.core.problems import Problem, problem
from toteuma.core.statement import REFERENCE_COLUMNS, RowRule
from toteuma.core.structure import LineKind, Structure

DEFAULT_SET = "default"
COUNCIL_ALIASES = ("tulot", "menot", "netto")


def labels(raw: Any) -> Labels:
    """A text (every language) or a table of texts by language."""
    if isinstance(raw, dict):
        return tuple((str(lang), str(text)) for lang, text in raw.items())
    return (("fi", str(raw)),) if raw else ()


def _column(raw: Any) -> ColumnDef:
    if isinstance(raw, str):
        return ColumnDef(raw, raw)
    figure = str(raw.get("figure", ""))
    decimals = raw.get("decimals")
    return ColumnDef(
        figure=figure,
        key=str(raw.get("key", figure)),
        labels=labels(raw.get("label", "")),
        year_end_labels=labels(raw.get("year_end_label", "")),
        group=labels(raw.get("group", "")),
        line=str(raw.get("line", "")),
        decimals=int(decimals) if decimals is not None else None,
    )


def _columns(
    raw: Any, path: str, figures: Figures, structure: Structure, where: str, problems: list[Problem]
) -> tuple[ColumnDef, ...]:
    found = []
    for index, item in enumerate(raw):
        column = _column(item)
        at = f"{path}[{index}]"
        for name, texts in (("label", column.labels), ("year_end_label", column.year_end_labels)):
            problems += template_problems(texts, f"{at}.{name}", where)
        problems += template_problems(column.group, f"{at}.group", where)
        if column.figure not in figures and column.figure not in figures.broken:
            params = {"number": index + 1, "figure": column.figure}
            problems.append(problem("layout.unknown-name", "message", file=where, column=at, **params))
        if column.line and not structure.has(column.line):
            params = {"number": index + 1, "line": column.line}
            problems.append(
                problem("layout.unknown-line", "column", file=where, column=f"{at}.line", **params)
            )
        found.append(column)
    return tuple(found)


def column_sets(
    raw: Any, figures: Figures, structure: Structure, where: str, problems: list[Problem]
) -> dict[str, tuple[ColumnDef, ...]]:
    """Every named column set; `default` is the reference's six columns unless the layout gives it."""
    sets = {DEFAULT_SET: tuple(ColumnDef(c.value, c.value) for c in REFERENCE_COLUMNS)}
    given = {DEFAULT_SET: raw} if isinstance(raw, list) else dict(raw)
    for name, items in given.items():
        sets[name] = _columns(items, f"columns.{name}", figures, structure, where, problems)
    return sets


def table_defs(
    values: Mapping[str, Any],
    sets: Mapping[str, tuple[ColumnDef, ...]],
    figures: Figures,
    structure: Structure,
    where: str,
    problems: list[Problem],
) -> dict[str, TableDef]:
    """Every table kind's settings: the layout's defaults with the kind's own on top."""
    defaults = {key: value for key, value in values.items() if key in TABLE_SETTINGS}
    tables = values.get("tables", {})
    found = {}
    for kind in TABLE_KINDS:
        raw = {**defaults, **tables.get(kind, {})}
        columns = _chosen_columns(
            raw.get("columns", DEFAULT_SET), f"tables.{kind}", sets, figures, structure, where, problems
        )
        found[kind] = _table(kind, raw, columns, structure, where, problems)
    return found


def _table(
    kind: str,
    raw: Mapping[str, Any],
    columns: tuple[ColumnDef, ...],
    structure: Structure,
    where: str,
    problems: list[Problem],
) -> TableDef:
    path = f"tables.{kind}"

    def get(name: str) -> Any:
        declared = setting(name if name in TABLE_SETTINGS else f"tables.*.{name}")
        return raw.get(name, declared.default)

    scale = Scale(get("scale"))
    decimals = get("decimals")
    return TableDef(
        kind=kind,
        columns=columns,
        scale=scale,
        decimals=int(decimals) if decimals is not None else (2 if scale is Scale.CENTS else 0),
        percent_decimals=int(get("percent_decimals")),
        sign=Sign(get("sign")),
        rows=RowRule(get("rows")),
        headings_always=get("headings") == "always",
        blank_zero=get("empty") == "blank",
        empty_mark=str(get("empty_mark")),
        lines=_lines(kind, raw.get("lines"), structure, f"{path}.lines", where, problems),
        title=_title(raw, path, where, problems),
        depth=int(get("depth")),
        units=str(get("units")),
        total=str(get("total")),
        cost_centers=bool(get("cost_centers")),
        printed=bool(get("printed")),
    )


def _title(raw: Mapping[str, Any], path: str, where: str, problems: list[Problem]) -> Labels:
    found = labels(raw.get("title", ""))
    problems += template_problems(found, f"{path}.title", where, title=True)
    return found


def _chosen_columns(
    raw: Any,
    path: str,
    sets: Mapping[str, tuple[ColumnDef, ...]],
    figures: Figures,
    structure: Structure,
    where: str,
    problems: list[Problem],
) -> tuple[ColumnDef, ...]:
    if isinstance(raw, list):
        return _columns(raw, f"{path}.columns", figures, structure, where, problems)
    if raw not in sets:
        params = {"name": str(raw), "sets": tuple(sets)}
        problems.append(
            problem("layout.unknown-name", "column_set", file=where, column=f"{path}.columns", **params)
        )
        return sets[DEFAULT_SET]
    return sets[raw]


def _lines(
    kind: str, raw: Any, structure: Structure, path: str, where: str, problems: list[Problem]
) -> tuple[LinePick, ...]:
    if raw is None:
        return _council_default(structure) if kind == "council" else ()
    found = []
    for index, item in enumerate(raw):
        pick = _pick(item, structure)
        if not structure.has(pick.line):
            at = f"{path}[{index}]"
            problems.append(problem("layout.unknown-line", "message", file=where, column=at, line=pick.line))
        found.append(pick)
    return tuple(found)


def _pick(item: Any, structure: Structure) -> LinePick:
    aliases = dict(
        zip(
            COUNCIL_ALIASES,
            (structure.summary.tulot, structure.summary.menot, structure.summary.netto),
            strict=True,
        )
    )
    if isinstance(item, str):
        return LinePick(aliases.get(item, item), item, bold=(item == "netto") if item in aliases else None)
    line = str(item.get("line", item.get("key", "")))
    bold = item.get("bold")
    return LinePick(aliases.get(line, line), str(item.get("key", line)), labels(item.get("label", "")), bold)


def _council_default(structure: Structure) -> tuple[LinePick, ...]:
    summary = structure.summary
    return (
        LinePick(summary.tulot, "tulot", bold=False),
        LinePick(summary.menot, "menot", bold=False),
        LinePick(summary.netto, "netto", bold=True),
    )


def line_is_bold(pick: LinePick, structure: Structure) -> bool:
    if pick.bold is not None:
        return pick.bold
    return structure.line(pick.line).kind is LineKind.SUBTOTAL
