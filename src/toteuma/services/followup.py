"""What a report follows besides its statements: metrics, investment projects, budget amendments, projects.

Each builder reads through a fixed number of storage queries and returns core dataclasses; the documents
(reports/appendix.py) and the dashboard present the same data.
"""

from __future__ import annotations

from decimal import Decimal

from toteuma import storage
from toteuma.core.mapping import AccountMapping
from toteuma.core.money import to_report_sign
from toteuma.core.org import OrgTree, Unit, UnitKind
from toteuma.core.periods import Period
from toteuma.core.records import BudgetKind, ProjectRecord
from toteuma.core.report import (
    Amendment,
    AmendmentLine,
    MetricPoint,
    MetricSeries,
    ProjectFigures,
    ProjectStanding,
    ProjectUse,
    UnitRef,
)
from toteuma.services.common import default_mapping, default_structure
from toteuma.storage.types import MetricRow

INVESTMENTS_ROW = "investoinnit"  # amendments on balance-sheet accounts


def _ref(tree: OrgTree, code: str) -> UnitRef:
    return UnitRef(code, tree[code].name) if code in tree else UnitRef(code, code)


def metric_series(tree: OrgTree, unit: Unit, period: Period) -> tuple[MetricSeries, ...]:
    """Every metric of the unit and the units under it, January to `period`, beside its goal."""
    codes = [item.code for item in tree.descendants(unit.code)]
    subtree = storage.Subtree(unit.code)  # through the closure, not a list of every code under it
    rows = storage.metric_rows(subtree, period.year, str(period))
    aims = storage.goal_metric_names(subtree, period.year)  # always one query, rows or not
    grouped: dict[tuple[str, str], list[MetricRow]] = {}
    for row in rows:
        grouped.setdefault((row.unit, row.metric), []).append(row)
    order = {code: index for index, code in enumerate(codes)}
    series = [
        MetricSeries(
            unit=_ref(tree, code),
            aim=found[-1].aim or aims.get((code, metric), ""),
            metric=metric,
            measure=found[-1].measure,
            points=tuple(MetricPoint(row.period, _plain(row.value), _maybe(row.target)) for row in found),
        )
        for (code, metric), found in grouped.items()
    ]
    return tuple(sorted(series, key=lambda item: (order[item.unit.code], item.aim == "", item.aim)))


def _maybe(value: Decimal | None) -> Decimal | None:
    return None if value is None else _plain(value)


def _plain(value: Decimal) -> Decimal:
    """A measured value as written: 784, not 784.0000 (the database keeps four decimals)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def investment_projects(tree: OrgTree, unit: Unit, period: Period) -> tuple[ProjectFigures, ...]:
    """Each investment project the unit's subtree owns: budget in force, actual, progress (one query,
    and three more where it owns any)."""
    owned = storage.investment_projects(storage.Subtree(unit.code))
    if not owned:
        return ()
    sums: dict[str, list[int]] = {}
    for item in storage.project_sums([p.code for p in owned], period.year, period.month, period.end):
        total = sums.setdefault(item.project, [0, 0, 0])
        total[0] += item.budget
        total[1] += item.actual
        total[2] += item.lines
    notes = storage.progress([p.code for p in owned], str(period))
    found = []
    for project in owned:
        budget, actual, lines = sums.get(project.code, [0, 0, 0])
        commented, comment = notes.get(project.code, ("", ""))
        found.append(
            ProjectFigures(
                code=project.code,
                name=project.name,
                group=project.group,
                unit=_ref(tree, project.unit),
                budget=to_report_sign(budget),
                tot=to_report_sign(actual),
                lines=lines,
                comment=comment,
                commented=commented,
            )
        )
    return tuple(found)


def _area_of(tree: OrgTree, code: str, top: str) -> str:
    """The child of `top` that `code` lies under (or `top` itself for its own lines)."""
    current = tree[code]
    while current.parent is not None and current.parent != top and current.code != top:
        current = tree[current.parent]
    return current.code


def _row_and_side(mapping: AccountMapping, account: int) -> tuple[str, str]:
    structure = default_structure()
    row = mapping.row_of(account)
    if row is None:
        return INVESTMENTS_ROW, INVESTMENTS_ROW
    income = structure.line(structure.summary.tulot).sum
    costs = structure.line(structure.summary.menot).sum
    return row, "tulot" if row in income else "menot" if row in costs else "muut"


def amendments(tree: OrgTree, unit: Unit, period: Period) -> tuple[Amendment, ...]:
    """Every amendment decision of the year on the unit's subtree, per area and row (one query);
    those decided after the period end are marked not in force."""
    decisions: dict[tuple[object, str], dict[tuple[str, str, str], int]] = {}
    mapping = default_mapping()  # one read of the mapping in force, not one per line
    for item in storage.subtree_budget_sums([unit.code], period.year, BudgetKind.AMENDMENT):
        row, side = _row_and_side(mapping, item.account)
        key = (_area_of(tree, item.unit, unit.code), row, side)
        lines = decisions.setdefault((item.decided, item.decision), {})
        lines[key] = lines.get(key, 0) + to_report_sign(item.cents)
    found = [
        Amendment(
            decision=decision,
            decided=decided,  # type: ignore[arg-type]
            lines=tuple(
                AmendmentLine(_ref(tree, area), row, side, cents)
                for (area, row, side), cents in sorted(lines.items(), key=lambda kv: _order(tree, kv[0]))
            ),
            in_force=decided is not None and decided <= period.end,  # type: ignore[operator]
        )
        for (decided, decision), lines in sorted(decisions.items(), key=lambda kv: (str(kv[0][0]), kv[0][1]))
    ]
    return tuple(found)


def _order(tree: OrgTree, key: tuple[str, str, str]) -> tuple[int, str, int]:
    area, row, _ = key
    rows = default_structure().row_keys
    return (tree[area].order if area in tree else 0, area, rows.index(row) if row in rows else len(rows))


def project_dimension(tree: OrgTree, period: Period) -> tuple[ProjectStanding, ...]:
    """Every project code of the ledger, budget or projects file: per service area its budget and
    actual (report sign) to the period end, two queries for the sums and one for the file."""
    known = {record.code: record for record in storage.projects()}
    # A code the projects file does not list is named after its investment project, if it is one.
    named = {p.code: p.name for p in storage.investment_projects([unit.code for unit in tree])}
    per_project: dict[str, dict[str, list[int]]] = {code: {} for code in known}
    for item in storage.project_sums(None, period.year, period.month, period.end):
        owner = _service_area(tree, item.unit)
        total = per_project.setdefault(item.project, {}).setdefault(owner, [0, 0, 0])
        total[0] += to_report_sign(item.budget)
        total[1] += to_report_sign(item.actual)
        total[2] += item.lines
    return tuple(
        ProjectStanding(
            known.get(code) or ProjectRecord(code, named.get(code, "")),
            tuple(ProjectUse(_ref(tree, owner), *figures) for owner, figures in sorted(uses.items())),
        )
        for code, uses in sorted(per_project.items())
    )


def _service_area(tree: OrgTree, code: str) -> str:
    """The service area (the unit just above the cost centers) that a cost center belongs to."""
    if code not in tree or tree[code].parent is None:
        return code
    unit = tree[code]
    return unit.parent if unit.kind is UnitKind.COST_CENTER and unit.parent else code
