"""Building a report's content from the database and rendering it in a format."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from toteuma import reports, storage
from toteuma.core.layout import Layout, LayoutError, SectionKind, load_layout
from toteuma.core.mapping import AccountMapping
from toteuma.core.money import to_report_sign
from toteuma.core.org import OrgTree, Unit, UnitKind
from toteuma.core.periods import Period
from toteuma.core.records import BudgetKind, GoalLevel, TextKind
from toteuma.core.report import (
    Description,
    GoalEntry,
    InvestmentFigures,
    InvestmentGroup,
    ReportContent,
    UnitRef,
    UnitStatement,
)
from toteuma.core.statement import Column, RowFigures, Statement, Visibility, compute_statement
from toteuma.services import followup
from toteuma.services.common import ServiceError, default_mapping, default_structure
from toteuma.services.report_checks import build_time, provenance, sources, tie_out
from toteuma.storage import Flow, InvestmentSums, Sums

FORMATS = reports.FORMATS
LANGUAGES = reports.LANGUAGES
TITLE = ""  # the catalogue's title in the report's language

AccountSums = Mapping[int, tuple[int, int]]


def _rows(mapping: AccountMapping, sums: AccountSums) -> dict[str, tuple[int, int]]:
    """Per row: report-sign cents and line count. An income-statement account without a row is an error."""
    rows: dict[str, tuple[int, int]] = {}
    for account, (cents, count) in sums.items():
        row = mapping.row_of(account)
        if row is None:
            if mapping.is_balance_sheet(account):
                continue
            raise ServiceError("services.report.unmapped_account", account=account)
        before = rows.get(row, (0, 0))
        rows[row] = (before[0] + to_report_sign(cents), before[1] + count)
    return rows


def row_figures(codes: list[str], period: Period, mapping: AccountMapping) -> dict[str, RowFigures]:
    """Every row's figures for the units `codes` at `period`, from the monthly balances."""
    year, month = period.year, period.month
    tot = _rows(mapping, storage.account_sums(codes, year, 1, month))
    tot_prev = _rows(mapping, storage.account_sums(codes, year - 1, 1, month))
    tp_prev = _rows(mapping, storage.account_sums(codes, year - 1, 1, 12))
    budget_raw = storage.budget_sums(codes, year, period.end)
    original = _rows(mapping, {a: v for (a, kind), v in budget_raw.items() if kind == BudgetKind.ORIGINAL})
    amended = _rows(mapping, {a: v for (a, kind), v in budget_raw.items() if kind == BudgetKind.AMENDMENT})
    keys = set(tot) | set(tot_prev) | set(tp_prev) | set(original) | set(amended)
    figures = {}
    for key in keys:
        parts = [source.get(key, (0, 0)) for source in (tp_prev, tot_prev, original, amended, tot)]
        figures[key] = RowFigures(
            tp_prev=parts[0][0],
            tot_prev=parts[1][0],
            budget_original=parts[2][0],
            amendments=parts[3][0],
            tot=parts[4][0],
            active=any(count for _, count in parts),
        )
    return figures


def unit_statement(
    tree: OrgTree, unit: Unit, period: Period, visibility: Visibility | None = None
) -> Statement:
    codes = [item.code for item in tree.descendants(unit.code)]
    return compute_statement(default_structure(), row_figures(codes, period, default_mapping()), visibility)


def monthly_net(codes: list[str], period: Period) -> tuple[int, ...]:
    """The cumulative operating margin (the summary's net line) at each month-end of the year so far."""
    structure, mapping = default_structure(), default_mapping()
    found = []
    for month in range(1, period.month + 1):
        rows = _rows(mapping, storage.account_sums(codes, period.year, 1, month))
        figures = {key: RowFigures(tot=cents) for key, (cents, _) in rows.items()}
        found.append(compute_statement(structure, figures).line(structure.summary.netto).money[Column.TOT])
    return tuple(found)


def get_layout(name_or_path: str | Path | None, sections: list[str] | None = None) -> Layout:
    """A shipped layout or a layout file, optionally with its sections chosen; errors say what to fix."""
    try:
        layout = load_layout(name_or_path or "reference")
        return layout.with_sections(sections) if sections else layout
    except LayoutError as exc:
        raise ServiceError(exc) from exc


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


def _goals(unit: Unit, level: GoalLevel, period: Period) -> tuple[GoalEntry, ...]:
    return tuple(
        GoalEntry(
            aim=record.aim,
            sub_aims=record.sub_aims,
            goals=record.goals,
            metrics=record.metrics,
            responsible=record.responsible,
            realisation=record.realisation,
            status=record.status,
            assessed=record.period,
        )
        for record in storage.goals(unit.code, level, period.year, str(period))
    )


def _investment_group(name: str, current: InvestmentSums, previous: InvestmentSums) -> InvestmentGroup:
    def line(key: str, flow: Callable[[Flow], Sums]) -> InvestmentFigures:
        parts = (flow(previous.actual), flow(current.budget), flow(current.actual))
        return InvestmentFigures(key, *(to_report_sign(part.cents) for part in parts))

    lines = [line("menot", lambda flow: flow.expenses), line("netto", lambda flow: flow.net)]
    if any(part.lines for part in (previous.actual.income, current.budget.income, current.actual.income)):
        lines.insert(0, line("tulot", lambda flow: flow.income))
    return InvestmentGroup(name, tuple(lines))


def investment_groups(codes: list[str], period: Period) -> tuple[InvestmentGroup, ...]:
    """Per investment group: previous year's actuals, this year's budget and actuals, report sign."""
    now = storage.investment_sums(codes, period.year, period.month)
    before = storage.investment_sums(codes, period.year - 1, 12)
    return tuple(
        _investment_group(name, now.get(name, InvestmentSums(name)), before.get(name, InvestmentSums(name)))
        for name in sorted(set(now) | set(before))
    )


def _area_statements(
    tree: OrgTree, areas: list[Unit], period: Period, shown: Visibility
) -> tuple[UnitStatement, ...]:
    """Each service area's statement with the commentary its responsible wrote for the period."""
    return tuple(
        UnitStatement(
            UnitRef(area.code, area.name, area.names),
            unit_statement(tree, area, period, shown),
            storage.text(area.code, TextKind.COMMENTARY, period.year, str(period)),
        )
        for area in areas
    )


def build_report(
    unit_ref: str, period: Period, layout: Layout | None = None, report_date: date | None = None
) -> ReportContent:
    """The whole report of a binding unit (or any unit) at a month-end, tied out to the ledger.

    `report_date` is the date the report bears ("8. toukokuuta 2024"); by default the day it is made.
    """
    storage.setup()
    layout = layout or get_layout(None)
    tree = storage.org_tree()
    unit = find_unit(tree, unit_ref)
    codes = [item.code for item in tree.descendants(unit.code)]
    shown = layout.visibility
    sector = unit_statement(tree, unit, period, shown)
    areas = [child for child in tree.children(unit.code) if child.kind is not UnitKind.COST_CENTER]
    year, month = period.year, str(period)

    def text(code: str, kind: TextKind, at: str = "") -> str:
        return storage.text(code, kind, year, at)

    root = tree.children(None)
    return ReportContent(
        title=TITLE,
        period=period,
        unit=UnitRef(unit.code, unit.name, unit.names),
        municipality=root[0].name if root else "",
        municipality_names=root[0].names if root else (),
        summary=default_structure().summary,
        binding=unit.binding,
        statement=UnitStatement(UnitRef(unit.code, unit.name, unit.names), sector),
        areas=_area_statements(tree, areas, period, shown),
        responsible=storage.responsible(unit.code),
        goals_intro=text(unit.code, TextKind.GOALS_INTRO, month),
        binding_goals=_goals(unit, GoalLevel.BINDING, period),
        descriptions=tuple(
            Description(UnitRef(area.code, area.name, area.names), description)
            for area in areas
            if (description := text(area.code, TextKind.DESCRIPTION))
        ),
        investments_intro=text(unit.code, TextKind.INVESTMENTS, month),
        investments=investment_groups(codes, period),
        plan_goals=_goals(unit, GoalLevel.PLAN, period),
        plan_goals_intro=text(unit.code, TextKind.PLAN_GOALS_INTRO, month),
        report_date=report_date or build_time().date(),
        provenance=provenance(layout, build_time()),
        sources=sources(period),
        monthly_net=monthly_net(codes, period),
        tie_out=tie_out(codes, period, sector, default_mapping()),
        **_followup(tree, unit, period, layout),
    )


def _followup(tree: OrgTree, unit: Unit, period: Period, layout: Layout) -> dict[str, Any]:
    """The appendix tables' data, read only when the layout asks for them (docs/decisions.md, 44)."""
    found: dict[str, Any] = {}
    if layout.has(SectionKind.METRICS):
        found["metrics"] = followup.metric_series(tree, unit, period)
    if layout.has(SectionKind.INVESTMENT_PROJECTS):
        found["investment_projects"] = followup.investment_projects(tree, unit, period)
    if layout.has(SectionKind.AMENDMENTS):
        found["amendments"] = tuple(item for item in followup.amendments(tree, unit, period) if item.in_force)
    return found


def render_report(
    content: ReportContent,
    fmt: str,
    layout: Layout | None = None,
    lang: str = "fi",
    template: Path | None = None,
) -> bytes:
    """The report in a format and language, laid out as `layout` says (the reference's by default)."""
    if fmt not in FORMATS:
        raise ServiceError("services.report.unknown_format", format=fmt, formats=FORMATS)
    if lang not in LANGUAGES:
        raise ServiceError("services.report.unknown_language", lang=lang, languages=LANGUAGES)
    if template is not None and not template.is_file():
        raise ServiceError("services.report.no_template", path=template)
    document = reports.build_document(content, layout or get_layout(None), lang)
    return reports.render(document, fmt, template=template)
