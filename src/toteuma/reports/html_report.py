"""The report as one accessible, self-contained HTML page (Jinja2, autoescaped, Finnish number format)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jinja2 import Environment, PackageLoader, StrictUndefined

from toteuma.core.records import GoalStatus
from toteuma.reports.labels import STATUS_WORDS
from toteuma.reports.model import CellFormat, Document, Field, Table, Value
from toteuma.reports.numbers import format_euros, format_long_date, format_percent

_STATUS_CLASSES = {
    STATUS_WORDS[GoalStatus.ON_TRACK]: "toteutuu",
    STATUS_WORDS[GoalStatus.PARTLY]: "osittain",
    STATUS_WORDS[GoalStatus.NOT_MET]: "ei",
}
# Filled, half-filled and empty circles differ in shape, so the mark does not rely on colour either.
_STATUS_MARKS = {"toteutuu": "●", "osittain": "◐", "ei": "○"}


def format_cell(value: Value, cell_format: CellFormat) -> str:
    """A figure cell as printed; an empty cell is ""."""
    if value is None:
        return ""
    if cell_format is CellFormat.PERCENT and isinstance(value, Decimal):
        return format_percent(value)
    if cell_format is CellFormat.EUROS and isinstance(value, int):
        return format_euros(value)
    raise TypeError(f"a {cell_format.value} cell cannot print {value!r}")


def _status_class(word: str) -> str:
    return _STATUS_CLASSES.get(word, "muu")


def _short_date(value: date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("toteuma.reports", "templates"),
        autoescape=True,  # commentary and goal texts are user input: markup in them must stay inert
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(
        cell=format_cell,
        long_date=format_long_date,
        short_date=_short_date,
        status_class=_status_class,
        status_mark=lambda word: _STATUS_MARKS.get(_status_class(word), ""),
    )
    env.tests.update(
        table_block=lambda item: isinstance(item, Table),
        field_block=lambda item: isinstance(item, Field),
    )
    return env


_ENV = _environment()


def render_html(document: Document) -> bytes:
    """The UTF-8 page; the same document gives the same bytes."""
    return _ENV.get_template("report.html").render(document=document).encode("utf-8")
