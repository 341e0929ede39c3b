"""The one presentation model of a report: sections in the layout's order, built from ReportContent."""

from __future__ import annotations

import re
from collections.abc import Sequence

from toteuma.core.definition import Definition, SectionKind
from toteuma.core.definition.model import label_in
from toteuma.core.report import ReportContent, UnitStatement
from toteuma.core.structure import Line
from toteuma.reports import labels
from toteuma.reports.appendix import appendix_sections, appendix_tables
from toteuma.reports.figure_tables import council_table, statement_table, summary_table
from toteuma.reports.figures import area_chart, sector_chart, tie_out_sentences
from toteuma.reports.i18n import DEFAULT_LANGUAGE, Catalogue, catalogue
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
from toteuma.reports.tables import UNITS_NOTES, Frame, default_definition, goals_table, investments_table

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
    "layout_catalogue",
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


def layout_catalogue(definition: Definition, lang: str = DEFAULT_LANGUAGE) -> Catalogue:
    """The language's catalogue with the layout's words over it: its structure's own row labels and
    its wording; what the language lacks comes from Finnish, overlaid the same way."""

    def overlay(one: str, fallback: Catalogue | None) -> Catalogue:
        rows = {
            line.key: text
            for line in definition.structure.lines
            if (text := _own_label(line, one)) is not None
        }
        wording = definition.wording.get(one, {})
        extra = {**wording, "rows": {**rows, **wording.get("rows", {})}}
        return catalogue(one).overlaid(extra, fallback)

    finnish = overlay(DEFAULT_LANGUAGE, None)
    return finnish if lang == DEFAULT_LANGUAGE else overlay(lang, finnish)


def _own_label(line: Line, lang: str) -> str | None:
    """The layout's own label of a line in the language, or None. A label given as "" is empty in
    every language (a group's total printed without a label), not a Finnish text to translate."""
    text = line.label_in(lang)
    return "" if text is None and not line.label else text


def build_document(
    content: ReportContent, layout: Definition | None = None, lang: str = DEFAULT_LANGUAGE
) -> Document:
    """Title page facts and the sections the layout names; a section with nothing to show is left out."""
    content = in_language(content, lang)  # units' own names in the report's language
    definition = layout or default_definition()
    catalogue(lang)  # an unknown language fails here, with the languages known
    frame = Frame(content.period, definition, layout_catalogue(definition, lang))
    chosen = [_BUILDERS[kind] for kind in definition.sections if kind in _BUILDERS]
    sections = tuple(section for build in chosen if (section := build(content, frame)) is not None)
    tie_ok, tie_text = tie_out_sentences(content.tie_out, frame.cat, content.period)
    values = frame.cat.period_values(content.period)
    return Document(
        title=labels.document_title(content.title, content.period, frame.cat),
        period=content.period,
        unit=content.unit,
        municipality=content.municipality,
        sections=sections,
        report_date=content.report_date,
        provenance=technical_rows(content, frame.cat, label_in(definition.description, lang) or ""),
        sources=source_rows(content, frame.cat),
        lang=frame.cat.lang,
        layout=definition.name,
        tie_out=tie_text,
        tie_out_ok=tie_ok,
        units_note=frame.cat.text(UNITS_NOTES[definition.table("statement").scale]),
        subtitle=frame.cat.text("subtitle", **values),
        appendix=appendix_tables(content, frame),
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
    table = council_table(content.unit, content.statement.statement, frame)
    return Section("talousarvio", "council", frame.cat.get("sections", "council"), (table,))


def _charts(frame: Frame, chart: Chart | None) -> tuple[Block, ...]:
    return (chart,) if chart is not None and frame.definition.has(SectionKind.CHARTS) else ()


def _sector_statement(content: ReportContent, frame: Frame) -> Section:
    title = labels.sector_statement_title(content.binding, frame.cat)
    item = content.statement
    table = statement_table(f"statement-{item.unit.code}", title, item.unit, item.statement, frame)
    blocks = (*_text(item.commentary), table, *_charts(frame, sector_chart(content, frame)))
    return Section("tuloslaskelma", "statement", table.title, blocks)


def _summary(content: ReportContent, frame: Frame) -> Section | None:
    if not content.summary_units:
        return None
    table = summary_table(content.unit, content.summary_units, content.statement.statement, frame)
    return Section("yhteenveto", "summary", table.title, (table,))


def _area_sections(areas: Sequence[UnitStatement], depth: int, frame: Frame) -> tuple[Section, ...]:
    """The areas at `depth`, each followed (nested) by its own areas one level deeper."""
    found = []
    for index, area in enumerate(areas):
        if area.depth != depth:
            continue
        own: list[UnitStatement] = []
        for later in areas[index + 1 :]:
            if later.depth <= depth:
                break
            own.append(later)
        title = frame.cat.get("sections", "area-statement")
        table = statement_table(
            f"statement-{area.unit.code}", title, area.unit, area.statement, frame, "areas"
        )
        blocks = (*_text(area.commentary), table)
        sub = _area_sections(own, depth + 1, frame)
        found.append(
            Section(
                f"palvelualue-{area.unit.code}",
                "area",
                labels.area_title(area.unit.name, frame.cat),
                blocks,
                sub,
            )
        )
    return tuple(found)


def _areas(content: ReportContent, frame: Frame) -> Section | None:
    subsections = _area_sections(content.areas, 1, frame)
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
    SectionKind.SUMMARY: _summary,
    SectionKind.AREAS: _areas,
    SectionKind.INVESTMENTS: _investments,
    SectionKind.PLAN_GOALS: _plan_goals,
    **appendix_sections(),
}
