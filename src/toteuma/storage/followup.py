"""Reading what the report follows besides the statements: metrics, projects, their ledger, goal history.

Each function is a fixed number of queries, whatever the number of units, projects or periods asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from toteuma.core.records import BudgetKind, ProjectKind, ProjectRecord
from toteuma.storage import models
from toteuma.storage.closure import Units, unit_ids
from toteuma.storage.types import Assessment, InvestmentInfo, MetricRow, ProjectSums


def _unit_ids(codes: Units) -> QuerySet[Any, int]:
    """A subquery of the units' ids (a Subtree through the closure), so the sums below need no join."""
    return unit_ids(codes)


def metric_rows(unit_codes: Units, year: int, period: str) -> list[MetricRow]:
    """The units' measured values of the year up to `period`, by unit, metric and period (one query)."""
    rows = (
        models.MetricValue.objects.filter(unit_id__in=_unit_ids(unit_codes), year=year, period__lte=period)
        .order_by("unit__code", "metric", "period")
        .values_list("unit__code", "aim", "metric", "measure", "period", "value", "target")
    )
    return [MetricRow(*row) for row in rows]


def investment_projects(unit_codes: Units) -> list[InvestmentInfo]:
    """The investment projects the units own, by group and code."""
    rows = models.InvestmentProject.objects.filter(unit_id__in=_unit_ids(unit_codes)).order_by(
        "group", "code"
    )
    return [InvestmentInfo(*row) for row in rows.values_list("code", "name", "group", "unit__code")]


def _in_force(decided_by: date) -> Q:
    return Q(kind=BudgetKind.ORIGINAL.value) | Q(kind=BudgetKind.AMENDMENT.value, decided__lte=decided_by)


def project_sums(
    projects: Iterable[str] | None, year: int, month_to: int, decided_by: date
) -> list[ProjectSums]:
    """Per (project, cost center): actuals January..month_to and budget in force (two queries).

    `projects` None reads every project code the ledger or budget carries.
    """
    ledger = models.LedgerLine.objects.exclude(project="").filter(year=year, month__lte=month_to)
    budget = models.BudgetLine.objects.exclude(project="").filter(_in_force(decided_by), year=year)
    if projects is not None:
        codes = list(projects)
        ledger, budget = ledger.filter(project__in=codes), budget.filter(project__in=codes)
    actual = ledger.values_list("project", "unit__code").annotate(c=Sum("amount_cents"), n=Count("id"))
    planned = budget.values_list("project", "unit__code").annotate(c=Sum("amount_cents"))
    found: dict[tuple[str, str], list[int]] = {}
    for project, unit, cents, count in actual.order_by():
        found[(project, unit)] = [cents, count, 0]
    for project, unit, cents in planned.order_by():
        found.setdefault((project, unit), [0, 0, 0])[2] = cents
    return [ProjectSums(p, u, *found[(p, u)]) for p, u in sorted(found)]


def progress(projects: Iterable[str], period: str) -> dict[str, tuple[str, str]]:
    """Per investment project: (period, text) of its latest progress comment at or before `period`."""
    rows = (
        models.InvestmentProgress.objects.filter(
            project__code__in=list(projects), period__lte=period, period__gte=period[:4]
        )
        .order_by("project__code", "period")
        .values_list("project__code", "period", "text")
    )
    return {code: (at, text) for code, at, text in rows}  # the last one of each project wins


def save_progress(project: str, period: str, text: str) -> None:
    """The approved progress comment of an investment project at a period."""
    found = models.InvestmentProject.objects.get(code=project)
    models.InvestmentProgress.objects.update_or_create(project=found, period=period, defaults={"text": text})


def projects() -> list[ProjectRecord]:
    """Every project and savings measure from the projects file, by code."""
    rows = models.Project.objects.order_by("code").values_list(
        "code", "name", "kind", "funder", "starts", "ends", "external_share", "target_cents"
    )
    extra = {
        code: (realised, at, unit or "")
        for code, realised, at, unit in models.Project.objects.values_list(
            "code", "realised_cents", "period", "unit__code"
        )
    }
    return [
        ProjectRecord(code, name, ProjectKind(kind), funder, starts, ends, share, target, *extra[code])
        for code, name, kind, funder, starts, ends, share, target in rows
    ]


_LINE_FIELDS = ("posted", "document", "account", "unit__code", "project", "amount_cents", "text")


def _project_lines(project: str, year: int, month_to: int, unit_codes: Iterable[str] | None):  # type: ignore[no-untyped-def]
    lines = models.LedgerLine.objects.exclude(project="").filter(
        project=project, year=year, month__lte=month_to
    )
    return lines if unit_codes is None else lines.filter(unit_id__in=list(_unit_ids(unit_codes)))


def project_lines(
    project: str, year: int, month_to: int, unit_codes: Iterable[str] | None, offset: int, limit: int
) -> tuple[list[tuple[date, str, int, str, str, int, str]], int, int]:
    """A page of a project's ledger lines in date order, and the sum and count of them all."""
    lines = _project_lines(project, year, month_to, unit_codes)
    total = lines.aggregate(c=Sum("amount_cents"), n=Count("id"))
    page = lines.order_by("posted", "id").values_list(*_LINE_FIELDS)[offset : offset + limit]
    return list(page), total["c"] or 0, total["n"]


def all_project_lines(
    project: str, year: int, month_to: int, unit_codes: Iterable[str] | None
) -> Iterator[tuple[date, str, int, str, str, int, str]]:
    lines = _project_lines(project, year, month_to, unit_codes).order_by("posted", "id")
    yield from lines.values_list(*_LINE_FIELDS).iterator(chunk_size=5000)


def goal_history(goal_id: int) -> list[Assessment]:
    """Every approved assessment of a goal, oldest first."""
    rows = models.GoalAssessment.objects.filter(goal_id=goal_id).order_by("period")
    return [Assessment(p, tuple(r), s) for p, r, s in rows.values_list("period", "realisation", "status")]


def goal_metric_names(unit_codes: Units, year: int) -> dict[tuple[str, str], str]:
    """(unit, metric line) -> aim of the goal group that lists it, for the units' goals of the year."""
    rows = models.Goal.objects.filter(unit_id__in=_unit_ids(unit_codes), year=year).order_by("order", "id")
    found: dict[tuple[str, str], str] = {}
    for code, aim, metrics in rows.values_list("unit__code", "aim", "metrics"):
        for metric in metrics:
            found.setdefault((code, metric.strip()), aim)
    return found
