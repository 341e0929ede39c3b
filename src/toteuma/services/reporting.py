"""Building a report's content from the database and rendering it in a format.

A report reads its units' measures through the measures service in a fixed number of queries, and
the texts of all its areas in one query each: its query count does not grow with the organisation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from toteuma import reports, storage
from toteuma.core.definition import (
    Definition,
    DefinitionError,
    SectionKind,
    default_name,
    load_definition,
    shipped_definitions,
)
from toteuma.core.definition.settings import SECTIONS
from toteuma.core.mapping import RowResolver
from toteuma.core.measures import Measure
from toteuma.core.org import OrgTree, Unit, UnitKind
from toteuma.core.periods import Period
from toteuma.core.records import TextKind
from toteuma.core.report import Description, ReportContent, UnitRef, UnitStatement
from toteuma.core.statement import RowFigures, Statement, Visibility, compute_statement
from toteuma.services import followup, measures
from toteuma.services.common import ServiceError, default_mapping, default_structure
from toteuma.services.report_checks import build_time, provenance, sources, tie_out
from toteuma.services.report_parts import goals, investment_groups, monthly_net

FORMATS = reports.FORMATS
LANGUAGES = reports.LANGUAGES
TITLE = ""  # the catalogue's title in the report's language

__all__ = [
    "FORMATS",
    "LANGUAGES",
    "RowFigures",
    "build_report",
    "default_layout",
    "find_unit",
    "get_layout",
    "render_report",
    "shipped_layouts",
]


def unit_statement(
    tree: OrgTree, unit: Unit, period: Period, visibility: Visibility | None = None
) -> Statement:
    """One unit's statement with the reference's measures (the dashboard's unit page, drill-down)."""
    reader = measures.Reader(tree, default_structure(), RowResolver(default_structure(), default_mapping()))
    names = measures.measures_named(("tp_prev", "tot_prev", "budget_original", "amendments", "budget", "tot"))
    rows = measures.read_rows(reader, [unit.code], period, names)[unit.code]
    return compute_statement(reader.structure, rows, visibility)


def default_layout() -> str:
    return default_name()


def shipped_layouts() -> tuple[str, ...]:
    """The shipped layouts' names, the default first."""
    default = default_name()
    return (default, *(name for name in shipped_definitions() if name != default))


def get_layout(name_or_path: str | Path | None, sections: list[str] | None = None) -> Definition:
    """A shipped layout or a layout file, optionally with its sections chosen; errors say what to fix."""
    try:
        definition = load_definition(name_or_path)
    except DefinitionError as exc:
        listed = "\n".join(f"  {item}" for item in exc.problems)
        raise ServiceError("layouts.report.has_problems", problems=listed) from exc
    if not sections:
        return definition
    bad = [name for name in sections if name not in SECTIONS]
    if bad:
        raise ServiceError("layouts.report.unknown_section", section=bad[0], sections=SECTIONS)
    return replace(definition, sections=tuple(SectionKind(name) for name in sections))


def unit_listing() -> list[tuple[int, Unit]]:
    """Every unit with its depth, in tree order."""
    storage.setup()
    tree = storage.org_tree()
    found: list[tuple[int, Unit]] = []

    def walk(parent: str | None, depth: int) -> None:
        for child in tree.children(parent):
            found.append((depth, child))
            walk(child.code, depth + 1)

    walk(None, 0)
    return found


def find_unit(tree: OrgTree, code_or_name: str) -> Unit:
    unit = tree.find(code_or_name)
    if unit is None:
        raise ServiceError("services.report.unknown_unit", unit=code_or_name)
    return unit


def _areas(tree: OrgTree, unit: Unit, depth: int, cost_centers: bool = False) -> list[tuple[Unit, int]]:
    """The units under `unit` (cost centers only when asked), `depth` levels down, depth first."""
    found: list[tuple[Unit, int]] = []

    def walk(code: str, level: int) -> None:
        for child in tree.children(code):
            if cost_centers or child.kind is not UnitKind.COST_CENTER:
                found.append((child, level))
                if level < depth:
                    walk(child.code, level + 1)

    walk(unit.code, 1)
    return found


def _summary_units(tree: OrgTree, unit: Unit, which: str, cost_centers: bool = False) -> list[Unit]:
    if which == "binding":
        return [item for item in tree.descendants(unit.code)[1:] if item.binding_level]
    return [
        child for child in tree.children(unit.code) if cost_centers or child.kind is not UnitKind.COST_CENTER
    ]


def _followup(plan: _Plan) -> dict[str, Any]:
    """The data of metrics, investment projects and amendments, read only when the layout names
    their sections (docs/decisions.md, 44): each in a fixed number of queries."""
    tree, unit, period = plan.reader.tree, plan.unit, plan.period
    found: dict[str, Any] = {}
    if plan.definition.has(SectionKind.METRICS):
        found["metrics"] = followup.metric_series(tree, unit, period)
    if plan.definition.has(SectionKind.INVESTMENT_PROJECTS):
        found["investment_projects"] = followup.investment_projects(tree, unit, period)
    if plan.definition.has(SectionKind.AMENDMENTS):
        found["amendments"] = tuple(item for item in followup.amendments(tree, unit, period) if item.in_force)
    return found


@dataclass(frozen=True)
class _Plan:
    """What one report reads: its units, measures and their statements, each read once."""

    definition: Definition
    reader: measures.Reader
    unit: Unit
    period: Period
    areas: list[tuple[Unit, int]]  # (unit, depth under the report's unit)
    summary: list[Unit]
    read: tuple[Measure, ...]
    statements: dict[str, Statement]

    def statement(self, unit: Unit, commentary: str = "", depth: int = 1) -> UnitStatement:
        ref = UnitRef(unit.code, unit.name, unit.names)
        return UnitStatement(ref, self.statements[unit.code], commentary, depth)


def _plan(definition: Definition, unit_ref: str, period: Period) -> _Plan:
    reader = measures.Reader.read(definition.structure)  # the organisation and the mapping, once
    unit = find_unit(reader.tree, unit_ref)
    areas, summary = [], []
    if definition.has(SectionKind.AREAS):
        table = definition.table("areas")
        areas = _areas(reader.tree, unit, table.depth, table.cost_centers)
    if definition.has(SectionKind.SUMMARY):
        table = definition.table("summary")
        summary = _summary_units(reader.tree, unit, table.units, table.cost_centers)
    read = measures.measures_named(_read_measures(definition), definition.figures.measures)
    codes = list(dict.fromkeys([unit.code, *(a.code for a, _ in areas), *(s.code for s in summary)]))
    rows = measures.read_rows(reader, codes, period, read)
    statements = {code: compute_statement(reader.structure, rows[code]) for code in codes}
    return _Plan(definition, reader, unit, period, areas, summary, read, statements)


def build_report(
    unit_ref: str, period: Period, layout: Definition | None = None, report_date: date | None = None
) -> ReportContent:
    """The whole report of a binding unit (or any unit) at a month-end, tied out to the ledger.

    `report_date` is the date the report bears ("8. toukokuuta 2024"); by default the day it is made.
    """
    plan = _plan(layout or get_layout(None), unit_ref, period)
    area_codes = [area.code for area, _ in plan.areas]
    texts = storage.texts(area_codes, TextKind.COMMENTARY, period.year, period)
    first = [area for area, depth in plan.areas if depth == 1]
    described = storage.texts([area.code for area in first], TextKind.DESCRIPTION, period.year)
    content = _content(
        plan,
        tuple(plan.statement(area, texts.get(area.code, ""), depth) for area, depth in plan.areas),
        tuple(
            Description(UnitRef(a.code, a.name, a.names), described[a.code])
            for a in first
            if described.get(a.code)
        ),
    )
    return replace(content, report_date=report_date or content.report_date)


def _read_measures(definition: Definition) -> frozenset[str]:
    """What the layout prints, and what the charts and the tie-out use."""
    return definition.measures_needed() | {"tot", "budget", "tot_prev", "tp_prev"}


def _content(
    plan: _Plan, areas: tuple[UnitStatement, ...], descriptions: tuple[Description, ...]
) -> ReportContent:
    unit, period, tree = plan.unit, plan.period, plan.reader.tree
    codes = storage.Subtree(unit.code)  # read through the closure, not as a list of every code
    year, month = period.year, str(period)

    def text(kind: TextKind, at: str = "") -> str:
        return storage.text(unit.code, kind, year, at)

    root = tree.children(None)
    own = plan.statements[unit.code]
    return ReportContent(
        title=TITLE,
        period=period,
        unit=UnitRef(unit.code, unit.name, unit.names),
        municipality=root[0].name if root else "",
        municipality_names=root[0].names if root else (),
        summary=plan.reader.structure.summary,
        binding=unit.binding,
        statement=plan.statement(unit, depth=0),
        areas=areas,
        summary_units=tuple(plan.statement(item) for item in plan.summary),
        responsible=storage.responsible(unit.code),
        goals_intro=text(TextKind.GOALS_INTRO, month),
        binding_goals=goals(unit, True, period),
        descriptions=descriptions,
        investments_intro=text(TextKind.INVESTMENTS, month),
        investments=investment_groups(codes, period),
        plan_goals=goals(unit, False, period),
        plan_goals_intro=text(TextKind.PLAN_GOALS_INTRO, month),
        report_date=build_time().date(),
        provenance=provenance(plan.definition.name, build_time()),
        sources=sources(period),
        monthly_net=monthly_net(codes, period, plan.reader),
        tie_out=tie_out(codes, period, own, plan.reader.rows, plan.read),
        structure=plan.reader.structure,
        **_followup(plan),
    )


def render_report(
    content: ReportContent,
    fmt: str,
    layout: Definition | None = None,
    lang: str = "fi",
    template: Path | None = None,
) -> bytes:
    """The report in a format and language, laid out as `layout` says (the default layout's otherwise)."""
    if fmt not in FORMATS:
        raise ServiceError("services.report.unknown_format", format=fmt, formats=FORMATS)
    if lang not in LANGUAGES:
        raise ServiceError("services.report.unknown_language", lang=lang, languages=LANGUAGES)
    if template is not None and not template.is_file():
        raise ServiceError("services.report.no_template", path=template)
    chosen = layout or get_layout(None)
    if content.structure is not None and content.structure != chosen.structure:
        raise ServiceError("layouts.report.other_structure", layout=chosen.name)
    document = reports.build_document(content, chosen, lang)
    return reports.render(document, fmt, template=template)
