"""A report definition (a layout) once loaded: structure, figures, tables and wording, all checked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from toteuma.core.definition.figures import Figures
from toteuma.core.statement import RowRule, Visibility
from toteuma.core.structure import Structure

Labels = tuple[tuple[str, str], ...]  # (language, text)


def label_in(labels: Labels, lang: str) -> str | None:
    """The label in the language, else the Finnish one, else None."""
    found = dict(labels)
    return found.get(lang) or found.get("fi")


class Scale(StrEnum):
    CENTS = "cents"
    EUROS = "euros"
    THOUSANDS = "thousands"
    MILLIONS = "millions"


# Cents per printed unit.
SCALE_DIVISORS = {Scale.CENTS: 100, Scale.EUROS: 100, Scale.THOUSANDS: 100_000, Scale.MILLIONS: 100_000_000}


class Sign(StrEnum):
    REPORT = "report"
    COSTS_POSITIVE = "costs-positive"


class SectionKind(StrEnum):
    """The report's sections; a layout picks and orders them."""

    BINDING_GOALS = "binding-goals"
    DESCRIPTIONS = "descriptions"
    COUNCIL = "council"
    STATEMENT = "statement"
    SUMMARY = "summary"
    AREAS = "areas"
    CHARTS = "charts"  # not a section of its own: the charts inside the statement and area sections
    INVESTMENTS = "investments"
    AMENDMENTS = "amendments"
    PLAN_GOALS = "plan-goals"
    METRICS = "metrics"
    INVESTMENT_PROJECTS = "investment-projects"


@dataclass(frozen=True)
class ColumnDef:
    figure: str
    key: str
    labels: Labels = ()
    year_end_labels: Labels = ()
    group: Labels = ()
    line: str = ""  # summary tables: the line the figure is taken from
    decimals: int | None = None


@dataclass(frozen=True)
class LinePick:
    """A line a table prints: a structure line's key, its own key and label, printed bold or not."""

    line: str
    key: str
    labels: Labels = ()
    bold: bool | None = None  # None: as the line's kind says


@dataclass(frozen=True)
class TableDef:
    kind: str
    columns: tuple[ColumnDef, ...]
    scale: Scale = Scale.EUROS
    decimals: int = 0
    percent_decimals: int = 2
    sign: Sign = Sign.REPORT
    rows: RowRule = RowRule.ACTIVITY
    headings_always: bool = True
    blank_zero: bool = False
    empty_mark: str = ""  # what a printed cell without a value shows: "", "-", "..", ...
    lines: tuple[LinePick, ...] = ()  # () prints every line of the structure
    title: Labels = ()
    depth: int = 1
    units: str = "children"
    total: str = "rows"
    cost_centers: bool = False  # areas and summary: cost centers count as units
    printed: bool = True  # False: the table is in the JSON only, not in the printed documents

    @property
    def visibility(self) -> Visibility:
        return Visibility(rows=self.rows, headings_always=self.headings_always)

    def figures(self) -> tuple[str, ...]:
        return tuple(column.figure for column in self.columns)


@dataclass(frozen=True)
class Definition:
    name: str
    structure: Structure
    figures: Figures
    tables: Mapping[str, TableDef]
    sections: tuple[SectionKind, ...]
    description: Labels = ()
    wording: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)
    source: str = ""  # the file it came from, "" for the built-in defaults

    def table(self, kind: str) -> TableDef:
        return self.tables[kind]

    def has(self, section: SectionKind) -> bool:
        return section in self.sections

    def measures_needed(self, also: tuple[str, ...] = ("tot", "budget")) -> frozenset[str]:
        """The measures every table of the report prints, and those the charts and council use."""
        wanted = {column.figure for kind in self.sections for column in self._columns(kind)}
        return self.figures.needs(wanted | set(also))

    def _columns(self, kind: str) -> tuple[ColumnDef, ...]:
        table = self.tables.get(kind)
        return table.columns if table else ()
