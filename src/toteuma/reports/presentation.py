"""The one presentation model of a report: sections in the layout's order, built from ReportContent."""

from __future__ import annotations

import re

from toteuma.core.layout import Layout, Scale, SectionKind, load_layout
from toteuma.core.report import ReportContent, UnitStatement
from toteuma.reports import labels
from toteuma.reports.appendix import appendix
from toteuma.reports.figures import area_chart, sector_chart, tie_out_sentences
from toteuma.reports.i18n import DEFAULT_LANGUAGE, catalogue
from toteuma.reports.model import (
    Block,
    CellFormat,
    Chart,
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
from toteuma.reports.names import in_language
from toteuma.reports.sources import source_rows, technical_rows
from toteuma.reports.tables import Frame, council_table, goals_table, investments_table, statement_table

__all__ = [
    "Block",
    "CellFormat",
    "Chart",
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


def build_document(
    content: ReportContent, layout: Layout | None = None, lang: str = DEFAULT_LANGUAGE
) -> Document:
    """Title page facts and the sections the layout names; a section with nothing to show is left out."""
    content = in_language(content, lang)  # units' own names in the report's language
    frame = Frame(content.period, layout or load_layout(), catalogue(lang))
    chosen = [_BUILDERS[kind] for kind in frame.layout.sections if kind in _BUILDERS]
    sections = tuple(section for build in chosen if (section := build(content, frame)) is not None)
    tie_ok, tie_text = tie_out_sentences(content.tie_out, frame.cat, content.period)
    return Document(
        title=labels.document_title(content.title, content.period, frame.cat),
        period=content.period,
        unit=content.unit,
        municipality=content.municipality,
        sections=sections,
        report_date=content.report_date,
        provenance=technical_rows(content, frame.cat),
        sources=source_rows(content, frame.cat),
        lang=frame.cat.lang,
        layout=frame.layout.name,
        tie_out=tie_text,
        tie_out_ok=tie_ok,
        units_note=frame.cat.text(
            "figures_in_thousands" if frame.layout.scale is Scale.THOUSANDS else "figures_in"
        ),
        appendix=appendix(content, frame),
    )


def _binding_goals(content: ReportContent, frame: Frame) -> Section | None:
    if not (content.binding_goals or content.goals_intro.strip()):
        return None
    blocks: list[Block] = []
    if content.responsible:
        blocks.append(Field(frame.cat.text("responsible"), content.responsible))
    blocks.extend(_text(content.goals_intro))
    if content.binding_goals:
        blocks.append(goals_table(content.unit, content.binding_goals, frame, binding=True))
    return Section("tavoitteet", "goals-binding", frame.cat.get("sections", "binding-goals"), tuple(blocks))


def _descriptions(content: ReportContent, frame: Frame) -> Section | None:
    subsections = tuple(
        Section(
            f"kuvaus-{item.unit.code}",
            "description",
            _area_heading(content, item.unit.code, item.unit.name, frame),
            _text(item.text),
        )
        for item in content.descriptions
        if item.text.strip()
    )
    if not subsections:
        return None
    title = frame.cat.get("sections", "descriptions")
    return Section("kuvaukset", "descriptions", title, subsections=subsections)


def _area_heading(content: ReportContent, code: str, name: str, frame: Frame) -> str:
    """A service area is headed "X -palvelualue"; the reported unit itself by its own name."""
    return name if code == content.unit.code else labels.area_title(name, frame.cat)


def _council(content: ReportContent, frame: Frame) -> Section:
    table = council_table(content.unit, content.statement.statement.lines, content.summary, frame)
    return Section("talousarvio", "council", frame.cat.get("sections", "council"), (table,))


def _statement(item: UnitStatement, title: str, frame: Frame) -> Table:
    return statement_table(f"statement-{item.unit.code}", title, item.unit, item.statement.lines, frame)


def _charts(frame: Frame, chart: Chart | None) -> tuple[Block, ...]:
    return (chart,) if chart is not None and frame.layout.has(SectionKind.CHARTS) else ()


def _sector_statement(content: ReportContent, frame: Frame) -> Section:
    title = labels.sector_statement_title(content.binding, frame.cat)
    table = _statement(content.statement, title, frame)
    blocks = (*_text(content.statement.commentary), table, *_charts(frame, sector_chart(content, frame)))
    return Section("tuloslaskelma", "statement", title, blocks)


def _areas(content: ReportContent, frame: Frame) -> Section | None:
    subsections = tuple(
        Section(
            f"palvelualue-{area.unit.code}",
            "area",
            labels.area_title(area.unit.name, frame.cat),
            (*_text(area.commentary), _statement(area, frame.cat.get("sections", "area-statement"), frame)),
        )
        for area in content.areas
    )
    if not subsections:
        return None
    title = frame.cat.get("sections", "areas")
    return Section("palvelualueet", "areas", title, _charts(frame, area_chart(content, frame)), subsections)


def _investments(content: ReportContent, frame: Frame) -> Section | None:
    if not (content.investments or content.investments_intro.strip()):
        return None
    blocks = list(_text(content.investments_intro))
    if content.investments:
        blocks.append(investments_table(content.unit, content.investments, frame))
    return Section("investoinnit", "investments", frame.cat.get("sections", "investments"), tuple(blocks))


def _plan_goals(content: ReportContent, frame: Frame) -> Section | None:
    if not (content.plan_goals or content.plan_goals_intro.strip()):
        return None
    blocks = list(_text(content.plan_goals_intro))
    if content.plan_goals:
        blocks.append(goals_table(content.unit, content.plan_goals, frame, binding=False))
    title = frame.cat.get("sections", "plan-goals")
    return Section("kayttosuunnitelman-tavoitteet", "goals-plan", title, tuple(blocks))


_BUILDERS = {
    SectionKind.BINDING_GOALS: _binding_goals,
    SectionKind.DESCRIPTIONS: _descriptions,
    SectionKind.COUNCIL: _council,
    SectionKind.STATEMENT: _sector_statement,
    SectionKind.AREAS: _areas,
    SectionKind.INVESTMENTS: _investments,
    SectionKind.PLAN_GOALS: _plan_goals,
}
