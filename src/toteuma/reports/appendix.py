"""Metrics, investment projects and budget amendments as tables (docs/decisions.md, 44 and 36).

Thin on purpose: the data are the core dataclasses the follow-up service builds; these tables only
round and label them. They are table kinds of the layout: a section the layout names prints its table
in every format, unless the kind's `printed = false` keeps it in the JSON only (the reference's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from toteuma.core.definition import SectionKind
from toteuma.core.report import Amendment, MetricSeries, ProjectFigures, ReportContent, UnitRef
from toteuma.core.structure import LineKind
from toteuma.reports.model import CellFormat, ColumnSpec, Row, Section, Table, Value
from toteuma.reports.tables import Frame


def _text(key: str, frame: Frame) -> ColumnSpec:
    return ColumnSpec(key, frame.cat.get("appendix", key), CellFormat.TEXT)


def _periods(series: Sequence[MetricSeries]) -> list[str]:
    return sorted({point.period for item in series for point in item.points})


def metrics_table(unit: UnitRef, series: Sequence[MetricSeries], frame: Frame) -> Table:
    """One row per metric: its unit, goal, measure, target, and its value at each period of the year."""
    periods = _periods(series)
    columns = [_text(key, frame) for key in ("unit", "aim", "measure")]
    columns.append(ColumnSpec("target", frame.cat.get("appendix", "target"), CellFormat.NUMBER))
    columns += [
        ColumnSpec(period, frame.cat.get("appendix", "value_at", period=_short(period)), CellFormat.NUMBER)
        for period in periods
    ]
    rows = []
    for item in series:
        values = {point.period: point.value for point in item.points}
        cells: list[Value] = [item.unit.name, item.aim or None, item.measure or None, item.target]
        cells += [values.get(period) for period in periods]
        rows.append(Row(item.metric, LineKind.ROW, tuple(cells), (None,) * len(cells)))
    title = frame.title(frame.definition.table("metrics"), frame.cat.get("sections", "metrics"), unit)
    header = frame.cat.get("appendix", "metric")
    return Table("metrics", "metrics", title, unit, tuple(columns), tuple(rows), header)


def _short(period: str) -> str:
    """ "2024-03" as "3/2024"."""
    return f"{int(period[5:])}/{period[:4]}"


def investment_projects_table(unit: UnitRef, projects: Sequence[ProjectFigures], frame: Frame) -> Table:
    """Per group a heading, then each project: budget, actual, deviation, %, and its progress comment."""
    table = frame.definition.table("investment-projects")
    columns = (
        _text("unit", frame),
        frame.money_spec(
            "budget", frame.cat.get("appendix", "budget", **frame.cat.period_values(frame.period)), table
        ),
        frame.money_spec(
            "tot", frame.cat.get("appendix", "tot", **frame.cat.period_values(frame.period)), table
        ),
        frame.money_spec("deviation", frame.cat.get("investments", "deviation"), table),
        frame.pct_spec("pct", frame.cat.get("investments", "pct"), table),
        _text("comment", frame),
    )
    rows: list[Row] = []
    for group in dict.fromkeys(project.group for project in projects):
        rows.append(Row(group, LineKind.HEADING, (None,) * len(columns), (None,) * len(columns)))
        for item in (project for project in projects if project.group == group):
            exact = (item.budget, item.tot, item.deviation)
            values: tuple[Value, ...] = (
                item.unit.name,
                *(frame.money(cents, table) for cents in exact),
                frame.pct(item.tot, item.budget, table),
                _comment(item, frame) or None,
            )
            rows.append(
                Row(f"{item.code} {item.name}", LineKind.ROW, values, (None, *exact, None, None), item.code)
            )
    title = frame.title(table, frame.cat.get("sections", "investment-projects"), unit)
    header = frame.cat.get("appendix", "project")
    return Table(
        "investment-projects",
        "investment-projects",
        title,
        unit,
        columns,
        tuple(rows),
        header,
        frame.note(table),
    )


def _comment(item: ProjectFigures, frame: Frame) -> str:
    """The progress comment; one from an earlier period says when it was written."""
    if item.comment and item.commented != str(frame.period):
        return f"{item.comment} ({frame.cat.get('appendix', 'written_at', period=_short(item.commented))})"
    return item.comment


_AMENDMENT_SIDES = ("tulot", "menot", "investoinnit")


def amendments_table(unit: UnitRef, decisions: Sequence[Amendment], frame: Frame) -> Table:
    """One line per decision: reference, date, the units it changes, income, costs, net and investments."""
    table = frame.definition.table("amendments")
    columns = (
        _text("decided", frame),
        _text("units", frame),
        *(frame.money_spec(side, frame.cat.get("appendix", side), table) for side in _AMENDMENT_SIDES),
        frame.money_spec("net", frame.cat.get("appendix", "net"), table),
    )
    rows = []
    for item in decisions:
        exact = (*(item.side(side) for side in _AMENDMENT_SIDES), item.net)
        names = tuple(dict.fromkeys(line.unit.name for line in item.lines))
        values: tuple[Value, ...] = (
            item.decided.isoformat() if item.decided else None,
            ", ".join(names),
            *(frame.money(cents, table) for cents in exact),
        )
        rows.append(Row(item.decision, LineKind.ROW, values, (None, None, *exact), item.decision))
    title = frame.title(table, frame.cat.get("sections", "amendments"), unit)
    header = frame.cat.text("decision")
    return Table("amendments", "amendments", title, unit, columns, tuple(rows), header, frame.note(table))


def _metrics(content: ReportContent, frame: Frame) -> Table | None:
    return metrics_table(content.unit, content.metrics, frame) if content.metrics else None


def _projects(content: ReportContent, frame: Frame) -> Table | None:
    found = content.investment_projects
    return investment_projects_table(content.unit, found, frame) if found else None


def _amendments(content: ReportContent, frame: Frame) -> Table | None:
    return amendments_table(content.unit, content.amendments, frame) if content.amendments else None


_BUILDERS: dict[SectionKind, Callable[[ReportContent, Frame], Table | None]] = {
    SectionKind.METRICS: _metrics,
    SectionKind.INVESTMENT_PROJECTS: _projects,
    SectionKind.AMENDMENTS: _amendments,
}
_IDS = {
    SectionKind.METRICS: "mittarit",
    SectionKind.INVESTMENT_PROJECTS: "hankkeet",
    SectionKind.AMENDMENTS: "muutokset",
}


def _printed(kind: SectionKind, frame: Frame) -> bool:
    return frame.definition.table(kind.value).printed


def appendix_tables(content: ReportContent, frame: Frame) -> tuple[Table, ...]:
    """The tables the layout names but keeps out of print, in its order: the JSON carries them."""
    chosen = (
        _BUILDERS[kind]
        for kind in frame.definition.sections
        if kind in _BUILDERS and not _printed(kind, frame)
    )
    return tuple(table for build in chosen if (table := build(content, frame)) is not None)


def appendix_sections() -> dict[SectionKind, Callable[[ReportContent, Frame], Section | None]]:
    """A printed section for each of these table kinds (None where not printed or without rows)."""

    def section(kind: SectionKind) -> Callable[[ReportContent, Frame], Section | None]:
        def build(content: ReportContent, frame: Frame) -> Section | None:
            table = _BUILDERS[kind](content, frame) if _printed(kind, frame) else None
            return Section(_IDS[kind], kind.value, table.title, (table,)) if table else None

        return build

    return {kind: section(kind) for kind in _BUILDERS}
