"""The report as one accessible, self-contained HTML page (Jinja2, autoescaped); WeasyPrint prints it."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from toteuma.core.records import GoalStatus
from toteuma.reports import charts
from toteuma.reports.hyphenate import hyphenate_html
from toteuma.reports.i18n import catalogue
from toteuma.reports.labels import status_words
from toteuma.reports.model import CellFormat, Chart, Document, Field, Table, Value
from toteuma.reports.numbers import format_euros, format_long_date, format_number, format_percent

_CLASSES = {GoalStatus.ON_TRACK: "toteutuu", GoalStatus.PARTLY: "osittain", GoalStatus.NOT_MET: "ei"}
# Filled, half-filled and empty circles differ in shape, so the mark does not rely on colour either.
_STATUS_MARKS = {"toteutuu": "●", "osittain": "◐", "ei": "○"}


def format_cell(
    value: Value, cell_format: CellFormat, locale: str = "fi", decimals: int = 2, blank: str = ""
) -> str:
    """A figure cell as printed; an empty cell is `blank` (the table's empty mark, or "")."""
    if value is None:
        return blank
    if cell_format is CellFormat.PERCENT and isinstance(value, Decimal):
        return format_percent(value, locale, decimals)
    if cell_format is CellFormat.EUROS and isinstance(value, int):
        return format_euros(value, locale)
    if cell_format is CellFormat.EUROS and isinstance(value, Decimal):
        return format_euros(value, locale, decimals)
    if cell_format is CellFormat.NUMBER and isinstance(value, Decimal | int):
        return format_number(value, locale)
    if cell_format is CellFormat.TEXT and isinstance(value, str):
        return value
    raise TypeError(f"a {cell_format.value} cell cannot print {value!r}")


def _short_date(value: date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def _chart_svg(chart: Chart, lang: str) -> Markup:
    """The chart's SVG, named by its text alternative for assistive technology."""
    svg = charts.to_svg(chart.spec, lang, chart.id)
    label = f'<svg role="img" aria-labelledby="{chart.id}-alt" focusable="false" '
    # vl-convert writes the markup and escapes the spec's texts in it.
    return Markup(svg.replace("<svg ", label, 1))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("toteuma.reports", "templates"),
        autoescape=True,  # commentary and goal texts are user input: markup in them must stay inert
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(
        cell=format_cell, long_date=format_long_date, short_date=_short_date, chart_svg=_chart_svg
    )
    env.tests.update(
        table_block=lambda item: isinstance(item, Table),
        field_block=lambda item: isinstance(item, Field),
        chart_block=lambda item: isinstance(item, Chart),
    )
    return env


_ENV = _environment()


def _status_classes(lang: str) -> dict[str, str]:
    return {word: _CLASSES[status] for status, word in status_words(catalogue(lang)).items()}


def render_page(document: Document, *, for_print: bool = False, print_css: str = "") -> str:
    """The page's text; `for_print` adds the paged-media rules that WeasyPrint follows."""
    cat = catalogue(document.lang)
    classes = _status_classes(document.lang)
    return _ENV.get_template("report.html").render(
        document=document,
        t=cat.text,
        s=lambda key, **values: cat.get("sources", key, **values),
        lang=document.lang,
        for_print=for_print,
        print_css=Markup(print_css),  # our own stylesheet, not user input
        # A carried status reads "Toteutuu (arvioitu 3/2024)": its word is before the parenthesis.
        status_class=lambda word: classes.get(word.split(" (")[0], "muu"),
        status_mark=lambda word: _STATUS_MARKS.get(classes.get(word.split(" (")[0], ""), ""),
    )


_GOAL_TABLES = re.compile(r'<table class="goals.*?</table>', re.S)


def render_html(document: Document) -> bytes:
    """The UTF-8 page; the same document gives the same bytes. Finnish goal tables get Voikko's soft
    hyphens, as in the PDF: browsers have no Finnish hyphenation, and their columns are narrow."""
    page = render_page(document)
    if document.lang == "fi":
        page = _GOAL_TABLES.sub(lambda found: hyphenate_html(found.group(0)), page)
    return page.encode("utf-8")
