"""A loaded definition written out as layout values again: every setting as it applies, bases resolved.

`toteuma layout show NAME` prints this as TOML; a user can copy it and change what differs. Structure
lines are written whole (`structure.base = "none"`), so the output is a complete layout on its own.
"""

from __future__ import annotations

from typing import Any

from toteuma.core.definition.model import ColumnDef, Definition, Labels, LinePick, TableDef
from toteuma.core.measures import BUILT_IN_BY_NAME, Measure
from toteuma.core.structure import Line, LineKind


def _labels(labels: Labels) -> str | dict[str, str]:
    found = dict(labels)
    return found["fi"] if set(found) == {"fi"} else found


def _column(column: ColumnDef) -> str | dict[str, Any]:
    if column == ColumnDef(column.figure, column.figure):
        return column.figure
    found: dict[str, Any] = {"figure": column.figure}
    if column.key != column.figure:
        found["key"] = column.key
    for name, labels in (
        ("label", column.labels),
        ("year_end_label", column.year_end_labels),
        ("group", column.group),
    ):
        if labels:
            found[name] = _labels(labels)
    if column.line:
        found["line"] = column.line
    if column.decimals is not None:
        found["decimals"] = column.decimals
    return found


def _pick(pick: LinePick) -> dict[str, Any]:
    found: dict[str, Any] = {"key": pick.key, "line": pick.line}
    if pick.labels:
        found["label"] = _labels(pick.labels)
    if pick.bold is not None:
        found["bold"] = pick.bold
    return found


def _table(table: TableDef) -> dict[str, Any]:
    found: dict[str, Any] = {
        "columns": [_column(column) for column in table.columns],
        "scale": table.scale.value,
        "decimals": table.decimals,
        "percent_decimals": table.percent_decimals,
        "sign": table.sign.value,
        "rows": table.rows.value,
        "headings": "always" if table.headings_always else "with-rows",
        "empty": "blank" if table.blank_zero else "zero",
    }
    if table.lines:
        found["lines"] = [_pick(pick) for pick in table.lines]
    if table.title:
        found["title"] = _labels(table.title)
    if not table.printed:
        found["printed"] = False
    if table.kind == "areas":
        found.update(depth=table.depth, cost_centers=table.cost_centers)
    if table.kind == "summary":
        found.update(units=table.units, total=table.total, cost_centers=table.cost_centers)
    return found


def _line(line: Line) -> dict[str, Any]:
    found: dict[str, Any] = {
        "key": line.key,
        "kind": line.kind.value,
        "label": _labels(line.labels) if line.labels else line.label,
    }
    if line.parent:
        found["parent"] = line.parent
    if line.kind is LineKind.SUBTOTAL:
        found["sum"] = list(line.sum)
        if line.shown_by != line.sum:
            found["shown_by"] = list(line.shown_by)
    if line.accounts or line.rest:
        found["accounts"] = "rest" if line.rest else [str(span) for span in line.accounts]
    if line.costs:
        found["costs"] = True
    if not line.printed:
        found["print"] = False
    return found


def _measure(measure: Measure) -> dict[str, Any]:
    found: dict[str, Any] = {"source": measure.source.value, "year": measure.year}
    if measure.source.value == "ledger":
        found["span"] = measure.span.value
    elif measure.source.value == "budget":
        found["budget"] = measure.budget.value
        if measure.number:
            found["number"] = measure.number
        if measure.decision:
            found["decision"] = measure.decision
    return found


def as_values(definition: Definition) -> dict[str, Any]:
    """The definition as the values of a layout file that needs no other."""
    summary = definition.structure.summary
    return {
        "name": definition.name,
        "description": _labels(definition.description) if definition.description else "",
        "sections": [section.value for section in definition.sections],
        "measures": {
            m.name: _measure(m) for m in definition.figures.measures if m.name not in BUILT_IN_BY_NAME
        },
        "figures": {
            f.name: {"expr": f.text, "turn": f.turn} if not f.turn else f.text
            for f in definition.figures.formulas
        },
        "tables": {kind: _table(table) for kind, table in definition.tables.items()},
        "structure": {
            "base": "none",
            "summary": {"tulot": summary.tulot, "menot": summary.menot, "netto": summary.netto},
            "lines": [_line(line) for line in definition.structure.lines],
        },
        "wording": {lang: dict(tables) for lang, tables in definition.wording.items()},
    }
