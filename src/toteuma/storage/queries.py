"""Reading what the services need: the organisation, sums for statements and investments, goals, texts."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum

from toteuma.core.org import Binding, OrgTree, Unit, UnitKind
from toteuma.core.periods import Period
from toteuma.core.records import (
    AccountRecord,
    BudgetKind,
    GoalLevel,
    GoalRecord,
    GoalStatus,
    MetricValueRecord,
    RangeRecord,
    TextKind,
    UnitRecord,
)
from toteuma.storage import models
from toteuma.storage.closure import Units, unit_ids
from toteuma.storage.subtree import ledger_sums_by_unit
from toteuma.storage.types import BatchInfo, Flow, InvestmentSums, Subtree, Sums

_UNIT_FIELDS: tuple[str, ...] = ("code", "name", "kind", "parent__code", "binding_level", "binding", "order")
_UNIT_FIELDS += ("responsible", "name_sv", "name_en")


def units() -> list[UnitRecord]:
    """Every unit with all it carries (responsible and names in other languages included)."""
    return [
        UnitRecord(
            code, name, UnitKind(kind), parent, binding_level, Binding(binding), responsible, order, sv, en
        )
        for code, name, kind, parent, binding_level, binding, order, responsible, sv, en in (
            models.Unit.objects.values_list(*_UNIT_FIELDS)
        )
    ]


# The organisation this process read last, per database, with the version token it was read at.
_TREES: dict[tuple[str, ...], tuple[str, OrgTree]] = {}
_TREES_LOCK = threading.Lock()


def org_tree() -> OrgTree:
    """The organisation: kept by this process while the database's organisation token stands (one
    small query; decision 65), else read anew. The token changes in the same transaction as any write
    of a unit (triggers), so a kept tree is never older than its token."""
    where = connection.settings_dict
    database = (connection.vendor, str(where["NAME"]), str(where.get("HOST", "")), str(where.get("PORT", "")))
    token = models.OrganisationVersion.objects.filter(id=1).values_list("token", flat=True).first()
    kept = _TREES.get(database)
    if token is not None and kept is not None and kept[0] == token:
        return kept[1]
    tree = _read_tree()
    if token is not None:
        with _TREES_LOCK:
            _TREES[database] = (token, tree)
    return tree


def _read_tree() -> OrgTree:
    """The organisation, read straight into its units (no records in between)."""
    kinds, bindings = {kind.value: kind for kind in UnitKind}, {binding.value: binding for binding in Binding}
    fields = (
        "code",
        "name",
        "kind",
        "parent__code",
        "binding_level",
        "binding",
        "order",
        "name_sv",
        "name_en",
    )
    return OrgTree(
        Unit(
            code,
            name,
            kinds[kind],
            parent,
            binding_level,
            bindings[binding],
            order,
            tuple((lang, text) for lang, text in (("sv", sv), ("en", en)) if text),
        )
        for code, name, kind, parent, binding_level, binding, order, sv, en in (
            models.Unit.objects.values_list(*fields)
        )
    )


def responsible(unit_code: str) -> str:
    """The responsible person's title of a unit, "" when none is set or the unit is unknown."""
    found = models.Unit.objects.filter(code=unit_code).values_list("responsible", flat=True).first()
    return found or ""


def accounts() -> list[AccountRecord]:
    return [AccountRecord(n, name) for n, name in models.Account.objects.values_list("number", "name")]


def mapping_ranges() -> list[RangeRecord]:
    """The imported account-to-row mapping, empty when none was imported (the default applies)."""
    rows = models.AccountRange.objects.values_list("first", "last", "row")
    return [RangeRecord(first, last, row) for first, last, row in rows]


def metric_values(unit_code: str, year: int) -> list[MetricValueRecord]:
    """The measured values of a unit's metrics in a year, by metric and period."""
    rows = models.MetricValue.objects.filter(unit__code=unit_code, year=year).values_list(
        "metric", "period", "value", "target", "measure"
    )
    return [MetricValueRecord(unit_code, year, *row) for row in rows]


def ledger_accounts() -> frozenset[int]:
    """Every account that ledger lines have been posted on (from the monthly balances)."""
    return frozenset(models.MonthlyBalance.objects.values_list("account", flat=True).distinct())


def known_accounts() -> frozenset[int]:
    return frozenset(models.Account.objects.values_list("number", flat=True))


def _unit_ids(unit_codes: Units) -> QuerySet[Any, int]:
    """A subquery of the units' ids (a Subtree through the closure), so the sums below need no join."""
    return unit_ids(unit_codes)


def account_sums(unit_codes: Units, year: int, month_from: int, month_to: int) -> dict[int, tuple[int, int]]:
    """Per account: (cents debit +, ledger line count) of the units over the months, from the balances."""
    if not 1 <= month_from <= month_to <= 12:
        raise ValueError(f"months must satisfy 1 <= from <= to <= 12, got {month_from}..{month_to}")
    if isinstance(unit_codes, Subtree):  # a whole subtree: its root's own and descendant balances
        found = ledger_sums_by_unit([unit_codes.root], year, month_from, month_to)
        return {account: sums for (_, account), sums in sorted(found.items())}
    rows = (
        models.MonthlyBalance.objects.filter(
            unit_id__in=_unit_ids(unit_codes), year=year, month__gte=month_from, month__lte=month_to
        )
        .values_list("account")
        .annotate(cents=Sum("amount_cents"), count=Sum("line_count"))
        .order_by("account")
    )
    return {account: (cents, count) for account, cents, count in rows}


def recorded_sums(unit_codes: Units, year: int, month_to: int) -> dict[int, tuple[int, int]]:
    """Per account: (cents debit +, line count) added up from the ledger batches' recorded sums.

    The report's tie-out compares these with the figures built from the monthly balances. They are
    the batches' own sums kept beside each batch (storage.balances.record_batch), not the balances,
    and a few thousand rows however long the ledger is.
    """
    rows = (
        models.BatchBalance.objects.filter(unit_id__in=_unit_ids(unit_codes), year=year, month__lte=month_to)
        .values_list("account")
        .annotate(cents=Sum("amount_cents"), count=Sum("line_count"))
        .order_by("account")
    )
    return {account: (cents, count) for account, cents, count in rows}


def _budget_in_force(decided_by: date) -> Q:
    """The original budget, and the amendments decided on or before `decided_by`."""
    return Q(kind=BudgetKind.ORIGINAL.value) | Q(kind=BudgetKind.AMENDMENT.value, decided__lte=decided_by)


def budget_sums(
    unit_codes: Units, year: int, decided_by: date
) -> dict[tuple[int, BudgetKind], tuple[int, int]]:
    """Per (account, kind): (cents debit +, line count) of the units' budget for the year."""
    rows = (
        models.BudgetLine.objects.filter(
            _budget_in_force(decided_by), unit_id__in=_unit_ids(unit_codes), year=year
        )
        .values_list("account", "kind")
        .annotate(cents=Sum("amount_cents"), count=Count("id"))
        .order_by("account", "kind")
    )
    return {(account, BudgetKind(kind)): (cents, count) for account, kind, cents, count in rows}


def _flows(lines: QuerySet[models.LedgerLine] | QuerySet[models.BudgetLine]) -> dict[str, Flow]:
    """Per project: its lines split into debit (expenses) and credit (income) sides."""
    debit, credit = Q(amount_cents__gte=0), Q(amount_cents__lt=0)
    rows = (
        lines.values_list("project")
        .annotate(
            exp=Sum("amount_cents", filter=debit),
            exp_n=Count("id", filter=debit),
            inc=Sum("amount_cents", filter=credit),
            inc_n=Count("id", filter=credit),
        )
        .order_by("project")
    )
    return {
        project: Flow(Sums(exp or 0, exp_n), Sums(inc or 0, inc_n))
        for project, exp, exp_n, inc, inc_n in rows
    }


def _total(flows: dict[str, Flow], projects: Iterable[str]) -> Flow:
    return sum((flows[code] for code in projects if code in flows), Flow())


def investment_sums(unit_codes: Units, year: int, month_to: int) -> dict[str, InvestmentSums]:
    """Per investment group (sorted by name) of the projects the units own: actuals from January to
    `month_to`, the original budget, and the amendments decided by the end of `month_to`.

    A project belongs to the unit named in the investments file; its lines count wherever they were posted.
    """
    projects = dict(
        models.InvestmentProject.objects.filter(unit_id__in=_unit_ids(unit_codes)).values_list(
            "code", "group"
        )
    )
    ledger = models.LedgerLine.objects.exclude(project="").filter(
        project__in=list(projects), year=year, month__lte=month_to
    )
    budget = models.BudgetLine.objects.filter(project__in=list(projects), year=year)
    actual = _flows(ledger)
    original = _flows(budget.filter(kind=BudgetKind.ORIGINAL.value))
    amendments = _flows(
        budget.filter(_budget_in_force(Period(year, month_to).end), kind=BudgetKind.AMENDMENT.value)
    )
    result: dict[str, InvestmentSums] = {}
    for group in sorted(set(projects.values())):
        members = [code for code, owner in projects.items() if owner == group]
        result[group] = InvestmentSums(
            group, _total(actual, members), _total(original, members), _total(amendments, members)
        )
    return result


def goals(unit_code: str, level: GoalLevel, year: int, period: Period | str = "") -> list[GoalRecord]:
    """The unit's goals of the level and year in order, each with its latest approved assessment of the
    year at or before `period`: a status stands until it is reassessed, and the record's `period` says
    when it was given, so a carried status is shown with its period (docs/decisions.md, 45)."""
    at = str(period)
    rows = models.Goal.objects.filter(unit__code=unit_code, level=level.value, year=year)
    assessed = _assessments(rows, at) if at else {}
    ordered = rows.select_related("assessor").order_by("order", "id")
    return [_goal_record(goal, unit_code, assessed.get(goal.id)) for goal in ordered]


def goals_with_ids(unit_code: str, year: int, period: Period | str) -> list[tuple[int, GoalRecord]]:
    """The unit's own goals of the year (binding first) and the goals of other units it assesses, each
    with its id and latest approved assessment at `period` (three queries)."""
    at = str(period)
    rows = models.Goal.objects.filter(Q(unit__code=unit_code) | Q(assessor__code=unit_code), year=year)
    assessed = _assessments(rows, at)
    ordered = sorted(
        rows.select_related("unit", "assessor"),
        key=lambda g: (g.unit.code != unit_code, g.level != GoalLevel.BINDING.value, g.order, g.id),
    )
    return [(goal.id, _goal_record(goal, goal.unit.code, assessed.get(goal.id))) for goal in ordered]


def _assessments(goals: QuerySet[models.Goal], period: str) -> dict[int, tuple[str, list[str], str]]:
    rows = (
        models.GoalAssessment.objects.filter(goal__in=goals, period__lte=period)
        .order_by("goal_id", "period")
        .values_list("goal_id", "period", "realisation", "status")
    )
    return {goal: (at, realisation, status) for goal, at, realisation, status in rows}  # the latest wins


def _goal_record(
    goal: models.Goal, unit_code: str, assessment: tuple[str, list[str], str] | None
) -> GoalRecord:
    at, realisation, status = assessment or ("", [], "")
    return GoalRecord(
        level=GoalLevel(goal.level),
        unit=unit_code,
        year=goal.year,
        order=goal.order,
        aim=goal.aim,
        sub_aims=tuple(goal.sub_aims),
        goals=tuple(goal.goals),
        metrics=tuple(goal.metrics),
        responsible=goal.responsible,
        period=at,
        realisation=tuple(realisation),
        status=GoalStatus(status) if status else None,
        assessor=goal.assessor.code if goal.assessor else "",
    )


def text(unit_code: str, kind: TextKind, year: int, period: Period | str = "") -> str:
    """The unit's text of the kind for the period; else its yearly text of that kind; else ""."""
    wanted = [str(period), ""] if str(period) else [""]
    found = dict(
        models.UnitText.objects.filter(
            unit__code=unit_code, kind=kind.value, year=year, period__in=wanted
        ).values_list("period", "text")
    )
    return next((found[key] for key in wanted if key in found), "")


def texts(unit_codes: Iterable[str], kind: TextKind, year: int, period: Period | str = "") -> dict[str, str]:
    """Each unit's text of the kind for the period, else its yearly text, in one query; units
    without either are left out. The same choice as `text`, for many units at once."""
    wanted = [str(period), ""] if str(period) else [""]
    rows = models.UnitText.objects.filter(
        unit__code__in=list(unit_codes), kind=kind.value, year=year, period__in=wanted
    ).values_list("unit__code", "period", "text")
    found: dict[str, dict[str, str]] = {}
    for code, at, body in rows:
        found.setdefault(code, {})[at] = body
    return {code: next(by[key] for key in wanted if key in by) for code, by in found.items()}


def batches() -> list[BatchInfo]:
    """Every import batch, newest first."""
    return [
        BatchInfo(
            id=b.id,
            kind=b.kind,
            file_name=b.file_name,
            sha256=b.sha256,
            imported_by=b.imported_by,
            imported_at=b.imported_at,
            lines=b.line_count,
            total_cents=b.total_cents,
            first_date=b.first_date,
            last_date=b.last_date,
            years=tuple(b.years),
        )
        for b in models.ImportBatch.objects.order_by("-imported_at", "-id")
    ]


def batch_exists(kind: str, sha256: str) -> bool:
    """Whether a file with this SHA-256 was already imported as `kind` ("ledger" or "budget")."""
    return models.ImportBatch.objects.filter(kind=kind, sha256=sha256).exists()
