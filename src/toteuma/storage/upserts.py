"""Loading master data and plans by natural key: a record updates the row with its key or adds one."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from django.db.models import Model

from toteuma.core.records import (
    AccountRecord,
    GoalRecord,
    InvestmentRecord,
    MetricValueRecord,
    ProjectRecord,
    RangeRecord,
    TextRecord,
    UnitRecord,
)
from toteuma.storage import statistics
from toteuma.storage.closure import rebuild_closure
from toteuma.storage.loading import unit_ids
from toteuma.storage.locks import import_transaction
from toteuma.storage.models import (
    Account,
    AccountRange,
    DescendantBalance,
    DescendantBudget,
    Goal,
    GoalAssessment,
    InvestmentProgress,
    InvestmentProject,
    MetricValue,
    Project,
    Unit,
    UnitClosure,
    UnitText,
)
from toteuma.storage.queries import org_tree
from toteuma.storage.types import DuplicateKeyError, LoadResult, StorageError, UnknownUnitError

R = TypeVar("R")
M = TypeVar("M", bound=Model)
_BATCH = 1000


def _unique(records: Iterable[R], key: Callable[[R], Hashable], what: str) -> list[R]:
    """The records as a list; two with one key would make the result depend on their order, so refuse."""
    seen: set[Hashable] = set()
    items = list(records)
    for record in items:
        value = key(record)
        if value in seen:
            raise DuplicateKeyError(what, value)
        seen.add(value)
    return items


def _resolve(codes: Iterable[str], what: str) -> dict[str, int]:
    ids = unit_ids()
    unknown = {code for code in codes if code not in ids}
    if unknown:
        raise UnknownUnitError(unknown, what)
    return ids


def _upsert(model: type[M], rows: list[M], key: list[str], fields: list[str]) -> None:
    """INSERT ... ON CONFLICT (key) DO UPDATE the fields: one statement per batch, on both databases."""
    model._default_manager.bulk_create(
        rows, update_conflicts=True, unique_fields=key, update_fields=fields, batch_size=_BATCH
    )


def _unit_row(r: UnitRecord) -> Unit:
    return Unit(
        code=r.code,
        name=r.name,
        kind=r.kind.value,
        binding_level=r.binding_level,
        binding=r.binding.value,
        responsible=r.responsible,
        order=r.order,
        name_sv=r.name_sv,
        name_en=r.name_en,
    )


def load_units(records: Iterable[UnitRecord]) -> LoadResult:
    """Add or update units by code, then link parents; the resulting tree must be a tree."""
    items = _unique(records, lambda record: record.code, "unit_code")
    with import_transaction():
        fields = ["name", "kind", "binding_level", "binding", "responsible", "order", "name_sv", "name_en"]
        _upsert(Unit, [_unit_row(r) for r in items], ["code"], fields)
        ids = _resolve((r.parent for r in items if r.parent is not None), "parent_units")
        linked = [Unit(id=ids[r.code], parent_id=ids[r.parent] if r.parent else None) for r in items]
        Unit.objects.bulk_update(linked, ["parent"], batch_size=_BATCH)
        try:
            org_tree()
        except ValueError as exc:
            raise StorageError("storage.not_a_tree", reason=exc) from exc
        rebuild_closure()
        statistics.refresh(Unit, UnitClosure, DescendantBalance, DescendantBudget)
    return LoadResult(lines=len(items))


def load_accounts(records: Iterable[AccountRecord]) -> LoadResult:
    """Add or update accounts by number."""
    items = _unique(records, lambda record: record.number, "account_number")
    with import_transaction():
        _upsert(Account, [Account(number=r.number, name=r.name) for r in items], ["number"], ["name"])
    return LoadResult(lines=len(items))


def load_investments(records: Iterable[InvestmentRecord]) -> LoadResult:
    """Add or update investment projects by project code."""
    items = _unique(records, lambda record: record.project, "investment_project")
    with import_transaction():
        ids = _resolve((r.unit for r in items), "investment_projects")
        rows = [
            InvestmentProject(code=r.project, name=r.name, group=r.group, unit_id=ids[r.unit]) for r in items
        ]
        _upsert(InvestmentProject, rows, ["code"], ["name", "group", "unit"])
        _load_progress([r for r in items if r.progress])
    return LoadResult(lines=len(items))


def _load_progress(items: list[InvestmentRecord]) -> None:
    """A row's progress comment becomes the project's comment at its period."""
    ids = dict(
        InvestmentProject.objects.filter(code__in=[r.project for r in items]).values_list("code", "id")
    )
    rows = [InvestmentProgress(project_id=ids[r.project], period=r.period, text=r.progress) for r in items]
    _upsert(InvestmentProgress, rows, ["project", "period"], ["text"])


_PROJECT_FIELDS = ["name", "kind", "funder", "starts", "ends", "external_share", "target_cents"]
_PROJECT_FIELDS += ["realised_cents", "period", "unit"]


def load_projects(records: Iterable[ProjectRecord]) -> LoadResult:
    """Add or update projects and savings measures by code."""
    items = _unique(records, lambda record: record.code, "project")
    with import_transaction():
        ids = _resolve((r.unit for r in items if r.unit), "projects")
        rows = [
            Project(
                code=r.code,
                name=r.name,
                kind=r.kind.value,
                funder=r.funder,
                starts=r.starts,
                ends=r.ends,
                external_share=r.external_share,
                target_cents=r.target_cents,
                realised_cents=r.realised_cents,
                period=r.period,
                unit_id=ids[r.unit] if r.unit else None,
            )
            for r in items
        ]
        _upsert(Project, rows, ["code"], _PROJECT_FIELDS)
    return LoadResult(lines=len(items))


def load_texts(records: Iterable[TextRecord]) -> LoadResult:
    """Add or update texts by unit, year, period and kind."""
    items = _unique(records, lambda r: (r.unit, r.year, r.period, r.kind.value), "text_key")
    with import_transaction():
        ids = _resolve((r.unit for r in items), "texts")
        rows = [
            UnitText(unit_id=ids[r.unit], year=r.year, period=r.period, kind=r.kind.value, text=r.text)
            for r in items
        ]
        _upsert(UnitText, rows, ["unit", "year", "period", "kind"], ["text"])
    return LoadResult(lines=len(items))


def _goal_key(record: GoalRecord) -> tuple[str, str, int, str]:
    return (record.unit, record.level.value, record.year, record.aim)


def _goal_row(r: GoalRecord, ids: dict[str, int]) -> Goal:
    return Goal(
        unit_id=ids[r.unit],
        assessor_id=ids[r.assessor] if r.assessor else None,
        level=r.level.value,
        year=r.year,
        order=r.order,
        aim=r.aim,
        sub_aims=list(r.sub_aims),
        goals=list(r.goals),
        metrics=list(r.metrics),
        responsible=r.responsible,
    )


def load_goals(records: Iterable[GoalRecord]) -> LoadResult:
    """Add or update goals by unit, level, year and aim; a record with a period also sets that assessment.

    Several records may describe one goal in different periods (one file per reporting period).
    """
    items = _unique(records, lambda r: (*_goal_key(r), r.period), "goal_key")
    latest = {_goal_key(r): r for r in items}  # the goal's own fields come from its last record
    with import_transaction():
        ids = _resolve([*(r.unit for r in items), *(r.assessor for r in items if r.assessor)], "goals")
        fields = ["order", "sub_aims", "goals", "metrics", "responsible", "assessor"]
        _upsert(
            Goal,
            [_goal_row(r, ids) for r in latest.values()],
            ["unit", "level", "year", "aim"],
            fields,
        )
        _load_assessments([r for r in items if r.period], ids)
    return LoadResult(lines=len(items))


def _load_assessments(items: list[GoalRecord], unit_ids_by_code: dict[str, int]) -> None:
    codes = {unit_id: code for code, unit_id in unit_ids_by_code.items()}
    goals = Goal.objects.filter(unit_id__in={unit_ids_by_code[r.unit] for r in items})
    goal_ids = {
        (codes[unit], level, year, aim): goal_id
        for goal_id, unit, level, year, aim in goals.values_list("id", "unit_id", "level", "year", "aim")
    }
    rows = [
        GoalAssessment(
            goal_id=goal_ids[_goal_key(r)],
            period=r.period,
            realisation=list(r.realisation),
            status=r.status.value if r.status else "",
        )
        for r in items
    ]
    _upsert(GoalAssessment, rows, ["goal", "period"], ["realisation", "status"])


def load_mapping(records: Iterable[RangeRecord]) -> LoadResult:
    """Replace the imported account-to-row mapping with these ranges, all or nothing."""
    items = _unique(records, lambda record: record.first, "range_start")
    with import_transaction():
        AccountRange.objects.all().delete()
        AccountRange.objects.bulk_create(AccountRange(first=r.first, last=r.last, row=r.row) for r in items)
    return LoadResult(lines=len(items))


def load_metric_values(records: Iterable[MetricValueRecord]) -> LoadResult:
    """Add or update measured values by unit, metric and period."""
    items = _unique(records, lambda r: (r.unit, r.metric, r.period), "metric_key")
    with import_transaction():
        ids = _resolve((r.unit for r in items), "metric_values")
        rows = [
            MetricValue(
                unit_id=ids[r.unit],
                year=r.year,
                metric=r.metric,
                period=r.period,
                value=r.value,
                target=r.target,
                measure=r.measure,
                aim=r.aim,
            )
            for r in items
        ]
        fields = ["year", "value", "target", "measure", "aim"]
        _upsert(MetricValue, rows, ["unit", "metric", "period"], fields)
    return LoadResult(lines=len(items))
