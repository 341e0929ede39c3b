"""A report's layout as data: columns, labels, signs, rounding, rows and sections (docs/layouts.md)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from toteuma.core.statement import REFERENCE_COLUMNS, Column, RowRule, Visibility

LAYOUT_DIR = Path(__file__).parent / "data" / "layouts"
DEFAULT_LAYOUT = "reference"
OVERRUN = "overrun"  # max(0, budget - actual) in report sign: costs over budget, or income short of it


class Scale(StrEnum):
    EUROS = "euros"
    THOUSANDS = "thousands"


# Cents per printed unit.
SCALE_DIVISORS = {Scale.EUROS: 100, Scale.THOUSANDS: 100_000}


class SectionKind(StrEnum):
    """The report's sections, in the reference's order."""

    BINDING_GOALS = "binding-goals"
    DESCRIPTIONS = "descriptions"
    COUNCIL = "council"
    STATEMENT = "statement"
    AREAS = "areas"
    CHARTS = "charts"  # not a section of its own: the charts inside the statement and area sections
    INVESTMENTS = "investments"
    PLAN_GOALS = "plan-goals"
    # Data appendix: tables in the JSON only (docs/decisions.md, 44), for layouts that name them.
    METRICS = "metrics"
    INVESTMENT_PROJECTS = "investment-projects"
    AMENDMENTS = "amendments"


ALL_SECTIONS = tuple(SectionKind)
APPENDIX_SECTIONS = (SectionKind.METRICS, SectionKind.INVESTMENT_PROJECTS, SectionKind.AMENDMENTS)
# A layout without `sections` prints what the reference prints; the appendix is asked for by name.
DEFAULT_SECTIONS = tuple(kind for kind in SectionKind if kind not in APPENDIX_SECTIONS)
COUNCIL_ROWS = ("tulot", "menot", "netto")
FIGURES = frozenset({*(column.value for column in Column), OVERRUN})


class LayoutError(ValueError):
    """A layout file that cannot be used; the message names the file and the setting."""


@dataclass(frozen=True)
class LayoutColumn:
    """One printed column: the figure it shows and, optionally, its own label per language."""

    figure: str  # a Column value or OVERRUN
    labels: Mapping[str, str] = field(default_factory=dict)  # language -> label template

    @property
    def key(self) -> str:
        return self.figure


@dataclass(frozen=True)
class Layout:
    name: str
    description: str = ""
    columns: tuple[LayoutColumn, ...] = tuple(LayoutColumn(column.value) for column in REFERENCE_COLUMNS)
    remaining_sign: int = 1  # +1 prints budget - actual; -1 prints actual - budget
    percent_decimals: int = 2
    scale: Scale = Scale.EUROS
    rows: RowRule = RowRule.ACTIVITY
    council_rows: tuple[str, ...] = COUNCIL_ROWS
    sections: tuple[SectionKind, ...] = DEFAULT_SECTIONS

    @property
    def visibility(self) -> Visibility:
        return Visibility(rows=self.rows)

    def has(self, section: SectionKind) -> bool:
        return section in self.sections

    def with_sections(self, names: list[str]) -> Layout:
        """The same layout with these sections, in this order; an unknown name is a LayoutError."""
        bad = [name for name in names if name not in {kind.value for kind in ALL_SECTIONS}]
        if bad:
            raise LayoutError(f"unknown section {bad[0]!r}; known are {', '.join(ALL_SECTIONS)}")
        return replace(self, sections=tuple(SectionKind(name) for name in names))


def figure_cents(money: Mapping[Column, int], figure: str, remaining_sign: int = 1) -> int:
    """A money figure of a line in cents, report sign; the remaining column follows the layout's sign."""
    if figure == OVERRUN:
        return max(0, money[Column.BUDGET] - money[Column.TOT])
    column = Column(figure)
    if column is Column.REMAINING:
        return remaining_sign * money[column]
    return money[column]


def scaled(cents: int, scale: Scale) -> int:
    """Whole euros or whole thousands, half away from zero, from the exact cents."""
    value = Decimal(cents) / SCALE_DIVISORS[scale]
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_places(part: int, whole: int, places: int) -> Decimal:
    """part / whole x 100 rounded once from the exact cents to `places` decimals; 0 when whole is 0."""
    quantum = Decimal(1).scaleb(-places)
    if whole == 0:
        return Decimal(0).quantize(quantum)
    ratio = Decimal(part) * 100 / Decimal(whole)
    return ratio.quantize(quantum, rounding=ROUND_HALF_UP) + 0  # + 0 turns -0.0 into 0.0


def _choice(data: Mapping[str, Any], name: str, allowed: tuple[Any, ...], default: Any, where: str) -> Any:
    value = data.get(name, default)
    if value not in allowed:
        raise LayoutError(f"{where}: {name} = {value!r}; choose one of {', '.join(map(str, allowed))}")
    return value


def _column(item: Any, where: str) -> LayoutColumn:
    if isinstance(item, str):
        item = {"figure": item}
    figure = item.get("figure")
    if figure not in FIGURES:
        raise LayoutError(f"{where}: column figure {figure!r}; choose one of {', '.join(sorted(FIGURES))}")
    return LayoutColumn(figure, dict(item.get("label", {})))


KNOWN_SETTINGS = {"name", "description", "columns", "remaining_sign", "percent_decimals", "scale", "rows"}
KNOWN_SETTINGS |= {"council_rows", "sections"}


def layout_from_data(data: Mapping[str, Any], where: str = "layout") -> Layout:
    """A layout from a parsed TOML table; an unknown or bad setting is a LayoutError naming it."""
    unknown = sorted(set(data) - KNOWN_SETTINGS)
    if unknown:
        raise LayoutError(
            f"{where}: unknown setting {unknown[0]!r}; known are {', '.join(sorted(KNOWN_SETTINGS))}"
        )
    columns = tuple(_column(item, where) for item in data.get("columns", ()))
    council = tuple(data.get("council_rows", COUNCIL_ROWS))
    if not set(council) <= set(COUNCIL_ROWS) or not council:
        raise LayoutError(f"{where}: council_rows {list(council)}; use some of {', '.join(COUNCIL_ROWS)}")
    sections = tuple(data.get("sections", [kind.value for kind in DEFAULT_SECTIONS]))
    bad = [name for name in sections if name not in {kind.value for kind in ALL_SECTIONS}]
    if bad:
        raise LayoutError(f"{where}: unknown section {bad[0]!r}; known are {', '.join(ALL_SECTIONS)}")
    layout = Layout(
        name=str(data.get("name", where)),
        description=str(data.get("description", "")),
        remaining_sign=_choice(data, "remaining_sign", (1, -1), 1, where),
        percent_decimals=_choice(data, "percent_decimals", (0, 1, 2), 2, where),
        scale=Scale(_choice(data, "scale", tuple(Scale), Scale.EUROS.value, where)),
        rows=RowRule(_choice(data, "rows", tuple(RowRule), RowRule.ACTIVITY.value, where)),
        council_rows=council,
        sections=tuple(SectionKind(name) for name in sections),
    )
    if columns:
        layout = Layout(**{**layout.__dict__, "columns": columns})
    return layout


def load_layout(name_or_path: str | Path = DEFAULT_LAYOUT) -> Layout:
    """A shipped layout by name ("reference", "year-end", "gross-binding") or a TOML file by path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = LAYOUT_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        shipped = ", ".join(shipped_layouts())
        raise LayoutError(f"no layout file {str(path)!r}; shipped layouts are {shipped}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(f"{path}: not valid TOML: {exc}") from exc
    return layout_from_data(data, str(path.name))


def shipped_layouts() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in LAYOUT_DIR.glob("*.toml")))
