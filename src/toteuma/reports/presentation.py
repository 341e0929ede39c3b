"""The one presentation model of a report: sections in the reference's order, built from ReportContent."""

from __future__ import annotations

import re

from toteuma.core.report import ReportContent, UnitStatement
from toteuma.reports import labels
from toteuma.reports.model import (
    Block,
    CellFormat,
    ColumnSpec,
    Document,
    Field,
    Row,
    RowKind,
    Section,
    Table,
    Text,
    Value,
)
from toteuma.reports.tables import council_table, goals_table, investments_table, statement_table

__all__ = [
    "Block",
    "CellFormat",
    "ColumnSpec",
    "Document",
    "Field",
    "Row",
    "RowKind",
    "Section",
    "Table",
    "Text",
    "Value",
    "build_document",
    "paragraphs",
]

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraphs(text: str) -> tuple[str, ...]:
    """The paragraphs of a free text: split on blank lines, trimmed, empty ones dropped."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return tuple(part.strip() for part in _BLANK_LINE.split(normalised) if part.strip())


def _text(text: str) -> tuple[Block, ...]:
    found = paragraphs(text)
    return (Text(found),) if found else ()


def build_document(content: ReportContent) -> Document:
    """Title page facts and the sections; a section with nothing to show is left out."""
    builders = (_binding_goals, _descriptions, _council, _sector_statement, _areas, _investments, _plan_goals)
    sections = tuple(section for build in builders if (section := build(content)) is not None)
    return Document(
        title=labels.document_title(content.title, content.period),
        period=content.period,
        unit=content.unit,
        municipality=content.municipality,
        sections=sections,
        report_date=content.report_date,
        provenance=content.provenance,
    )


def _binding_goals(content: ReportContent) -> Section | None:
    if not (content.binding_goals or content.goals_intro.strip()):
        return None
    blocks: list[Block] = []
    if content.responsible:
        blocks.append(Field(labels.RESPONSIBLE, content.responsible))
    blocks.extend(_text(content.goals_intro))
    if content.binding_goals:
        blocks.append(goals_table(content.unit, content.binding_goals, content.period, binding=True))
    return Section("tavoitteet", "goals-binding", labels.SECTION_BINDING_GOALS, tuple(blocks))


def _descriptions(content: ReportContent) -> Section | None:
    subsections = tuple(
        Section(
            f"kuvaus-{item.unit.code}",
            "description",
            _area_heading(content, item.unit.code, item.unit.name),
            _text(item.text),
        )
        for item in content.descriptions
        if item.text.strip()
    )
    if not subsections:
        return None
    return Section("kuvaukset", "descriptions", labels.SECTION_DESCRIPTIONS, subsections=subsections)


def _area_heading(content: ReportContent, code: str, name: str) -> str:
    """A service area is headed "X -palvelualue"; the reported unit itself by its own name."""
    return name if code == content.unit.code else labels.area_title(name)


def _council(content: ReportContent) -> Section:
    table = council_table(content.unit, content.statement.statement.lines, content.summary, content.period)
    return Section("talousarvio", "council", labels.SECTION_COUNCIL, (table,))


def _statement(content: ReportContent, item: UnitStatement, title: str) -> Table:
    return statement_table(
        f"statement-{item.unit.code}", title, item.unit, item.statement.lines, content.period
    )


def _sector_statement(content: ReportContent) -> Section:
    title = labels.sector_statement_title(content.binding)
    table = _statement(content, content.statement, title)
    return Section("tuloslaskelma", "statement", title, (*_text(content.statement.commentary), table))


def _areas(content: ReportContent) -> Section | None:
    subsections = tuple(
        Section(
            f"palvelualue-{area.unit.code}",
            "area",
            labels.area_title(area.unit.name),
            (*_text(area.commentary), _statement(content, area, labels.TABLE_AREA_STATEMENT)),
        )
        for area in content.areas
    )
    if not subsections:
        return None
    return Section("palvelualueet", "areas", labels.SECTION_AREAS, subsections=subsections)


def _investments(content: ReportContent) -> Section | None:
    if not (content.investments or content.investments_intro.strip()):
        return None
    blocks = list(_text(content.investments_intro))
    if content.investments:
        blocks.append(investments_table(content.unit, content.investments, content.period))
    return Section("investoinnit", "investments", labels.SECTION_INVESTMENTS, tuple(blocks))


def _plan_goals(content: ReportContent) -> Section | None:
    if not content.plan_goals:
        return None
    table = goals_table(content.unit, content.plan_goals, content.period, binding=False)
    return Section("kayttosuunnitelman-tavoitteet", "goals-plan", labels.SECTION_PLAN_GOALS, (table,))
