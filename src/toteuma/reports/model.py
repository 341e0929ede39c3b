"""The presentation model: a document of sections, texts and tables whose figures are already rounded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from toteuma.core.periods import Period
from toteuma.core.report import UnitRef
from toteuma.core.structure import LineKind

# A printed cell: whole euros (int), euros with decimals or a percentage (Decimal), a text, lines of
# text, or empty.
Value = int | Decimal | str | tuple[str, ...] | None

RowKind = LineKind  # heading (no figures), row, subtotal (printed bold)


class CellFormat(StrEnum):
    """How a renderer prints the cells of a column."""

    EUROS = "euros"  # money: int when whole, Decimal with the column's decimals otherwise
    PERCENT = "percent"  # Decimal with the column's decimals
    TEXT = "text"  # str
    LIST = "list"  # tuple of short items (goals, metrics, sub-aims)
    PARAGRAPHS = "paragraphs"  # tuple of paragraphs (realisation)
    STATUS = "status"  # a status word: Toteutuu, Toteutuu osittain, Ei toteudu
    NUMBER = "number"  # Decimal as measured (a metric's value or target), or None


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str
    format: CellFormat = CellFormat.EUROS
    unit: str = ""  # of a figure column: "EUR", "1000 EUR", "1000000 EUR" or "%"
    decimals: int = 0  # of a figure column: the printed decimals
    group: str = ""  # a heading spanning this column and the adjacent ones with the same group
    line: str = ""  # summary and amendments tables: the statement line the column's figure is of
    blank: str = ""  # what a printed document shows in a cell without a value ("-", ".."); JSON: null


@dataclass(frozen=True)
class Row:
    label: str
    kind: RowKind
    values: tuple[Value, ...]  # one per column, as printed
    exact: tuple[int | None, ...]  # exact cents of money cells, None elsewhere
    key: str = ""  # the statement line's stable key ("henkilostokulut"), or "" for goal and investment rows
    depth: int = 0  # a sub-row's level, printed indented


@dataclass(frozen=True)
class Table:
    id: str  # "council", "statement-1000", ...
    kind: str  # "goals", "council", "statement", "summary", "amendments", "investments"
    title: str
    unit: UnitRef
    columns: tuple[ColumnSpec, ...]
    rows: tuple[Row, ...]
    # Header of the row-label column; goals tables print the label (the aim) in their first column instead.
    label_header: str = ""
    note: str = ""  # the table's own unit ("Luvut tuhansina euroina") where it differs from the document's

    def column_groups(self) -> tuple[tuple[str, int], ...]:
        """The spanning headings over the columns, in order: (label, columns spanned); "" spans none."""
        found: list[tuple[str, int]] = []
        for column in self.columns:
            if found and found[-1][0] == column.group:
                found[-1] = (column.group, found[-1][1] + 1)
            else:
                found.append((column.group, 1))
        return tuple(found) if any(label for label, _ in found) else ()


@dataclass(frozen=True)
class Text:
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Field:
    """A labelled line such as "Vastuuhenkilö: Hallinto- ja kehitysjohtaja"."""

    label: str
    value: str


@dataclass(frozen=True)
class Chart:
    """A chart: its Vega-Lite spec as canonical JSON (reports/charts.py) and the text that replaces it."""

    id: str
    title: str
    alt: str
    spec: str


Block = Text | Field | Table | Chart


@dataclass(frozen=True)
class Section:
    id: str  # stable anchor, e.g. "palvelualue-1100"
    kind: str  # "goals-binding", "descriptions", "description", "council", "statement", "areas", ...
    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()

    def tables(self) -> Iterator[Table]:
        for block in self.blocks:
            if isinstance(block, Table):
                yield block
        for section in self.subsections:
            yield from section.tables()


@dataclass(frozen=True)
class SourceRow:
    """One imported file the figures come from, in words: what, which days, how many lines, when, who."""

    what: str
    span: str
    lines: str
    imported: str
    by: str


@dataclass(frozen=True)
class Document:
    """The title page's facts and the report's sections in print order."""

    title: str  # "Käyttösuunnitelman toteutuminen tammi–maaliskuu"
    period: Period
    unit: UnitRef
    municipality: str
    sections: tuple[Section, ...]
    report_date: date | None = None
    provenance: tuple[tuple[str, str], ...] = ()  # the technical appendix: checksums, layout, program
    sources: tuple[SourceRow, ...] = ()
    lang: str = "fi"
    layout: str = ""  # the layout's name
    tie_out: tuple[
        str, ...
    ] = ()  # the tie-out's sentences: one when it ties, else a heading and one per miss
    tie_out_ok: bool = True
    units_note: str = ""  # "Luvut euroina" or "Luvut tuhansina euroina": the figure tables' unit
    subtitle: str = ""  # the layout's subtitle, under the title
    appendix: tuple[Table, ...] = ()  # data tables the JSON carries after the sections' (reports/appendix.py)

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table in document order."""
        return tuple(table for section in self.sections for table in section.tables())
