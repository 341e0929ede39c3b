"""The report's tables as JSON open data (format: docs/report-json.md)."""

from __future__ import annotations

from typing import Any

import simplejson

from toteuma.reports.model import ColumnSpec, Document, Row, Table, Value


def _value(value: Value) -> Any:
    # Decimals stay Decimal: simplejson's use_decimal prints them as they are, 19.57 and 0.00.
    if isinstance(value, tuple):
        return list(value)
    return value


def _row(row: Row) -> dict[str, Any]:
    """Label, kind, values and exact cents; a sub-row also its `depth`, a statement line its `key`."""
    found: dict[str, Any] = {
        "label": row.label,
        "kind": row.kind.value,
        "values": [_value(value) for value in row.values],
        "exact": list(row.exact),
    }
    if row.key:
        found["key"] = row.key
    if row.depth:
        found["depth"] = row.depth
    return found


def _column(column: ColumnSpec) -> dict[str, Any]:
    """Key (the figure's name) and label; a figure column also its unit ("EUR", "1000 EUR" or "%"),
    decimals where not whole, and its group's heading where it has one."""
    found: dict[str, Any] = {"key": column.key, "label": column.label}
    if column.unit:
        found["unit"] = column.unit
    if column.decimals and column.unit != "%":
        found["decimals"] = column.decimals
    if column.group:
        found["group"] = column.group
    if column.line:
        found["line"] = column.line
    return found


def _table(table: Table) -> dict[str, Any]:
    return {
        "id": table.id,
        "kind": table.kind,
        "title": table.title,
        "unit": {"code": table.unit.code, "name": table.unit.name},
        "columns": [_column(column) for column in table.columns],
        "rows": [_row(row) for row in table.rows],
    }


def document_data(document: Document) -> dict[str, Any]:
    """The JSON object of a document, keys in the documented order."""
    return {
        "title": document.title,
        "period": str(document.period),
        "unit": {"code": document.unit.code, "name": document.unit.name},
        "lang": document.lang,
        "layout": document.layout,
        "tables": [_table(table) for table in (*document.tables, *document.appendix)],
    }


def render_json(document: Document) -> bytes:
    """UTF-8 JSON, indented by two, the same bytes for the same document."""
    text: str = simplejson.dumps(document_data(document), use_decimal=True, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
