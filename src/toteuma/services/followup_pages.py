"""The dashboard's follow-up pages: a goal's history, investments by project with their ledger lines,
amendments, and projects across units. Each is one service call over the follow-up builders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from toteuma import storage
from toteuma.core.money import percent, to_report_sign
from toteuma.core.org import Unit
from toteuma.core.periods import Period
from toteuma.core.records import GoalRecord
from toteuma.core.report import Amendment, MetricSeries, ProjectFigures, ProjectStanding
from toteuma.services import dashboard, followup
from toteuma.services.common import ServiceError
from toteuma.services.reporting import find_unit
from toteuma.storage.types import Assessment

PAGE_SIZE = 50


@dataclass(frozen=True)
class GoalPage:
    goal_id: int
    record: GoalRecord  # with its latest approved assessment at the period
    unit: Unit
    assessor: Unit | None
    period: Period
    history: tuple[Assessment, ...]  # every approved assessment, oldest first
    metrics: tuple[MetricSeries, ...]


def goal_page(goal_id: int, period: Period | None = None) -> GoalPage:
    storage.setup()
    at = period or dashboard.default_period()
    tree = storage.org_tree()
    owners = storage.workflow.goal_owners(at.year)
    if goal_id not in owners:
        raise ServiceError("followup.pages.no_goal", goal=goal_id, year=at.year)
    unit_code, assessor, _ = owners[goal_id]
    record = next(r for i, r in storage.goals_with_ids(unit_code, at.year, at) if i == goal_id)
    series = followup.metric_series(tree, tree[unit_code], at)
    return GoalPage(
        goal_id,
        record,
        tree[unit_code],
        tree[assessor] if assessor != unit_code else None,
        at,
        tuple(storage.goal_history(goal_id)),
        tuple(m for m in series if m.unit.code == unit_code and m.aim == record.aim),
    )


@dataclass(frozen=True)
class InvestmentsPage:
    unit: Unit
    period: Period
    projects: tuple[ProjectFigures, ...]

    @property
    def budget(self) -> int:
        return sum(p.budget for p in self.projects)

    @property
    def tot(self) -> int:
        return sum(p.tot for p in self.projects)

    @property
    def deviation(self) -> int:
        return self.budget - self.tot

    @property
    def pct(self) -> Decimal | None:
        return percent(self.tot, self.budget) if self.budget else None


def investments_page(unit_code: str, period: Period | None = None) -> InvestmentsPage:
    storage.setup()
    at = period or dashboard.default_period()
    tree = storage.org_tree()
    unit = find_unit(tree, unit_code)
    return InvestmentsPage(unit, at, followup.investment_projects(tree, unit, at))


def amendments_page(
    unit_code: str, period: Period | None = None
) -> tuple[Unit, Period, tuple[Amendment, ...]]:
    """Every amendment decision of the year on the unit's subtree; those after the period are marked."""
    storage.setup()
    at = period or dashboard.default_period()
    tree = storage.org_tree()
    unit = find_unit(tree, unit_code)
    return unit, at, followup.amendments(tree, unit, at)


def projects_page(period: Period | None = None) -> tuple[Period, tuple[ProjectStanding, ...]]:
    storage.setup()
    at = period or dashboard.default_period()
    return at, followup.project_dimension(storage.org_tree(), at)


@dataclass(frozen=True)
class ProjectLines:
    project: str
    name: str
    period: Period
    unit: Unit | None  # the unit whose subtree's lines are shown; None: every unit
    rows: tuple[
        tuple[date, str, int, str, str, int, str], ...
    ]  # posted, document, account, unit, project, cents, text
    cents: int  # report sign, of all the lines
    count: int
    page: int
    pages: int
    cell: int | None  # the figure the lines add up to, as the page that linked here shows it


def project_lines(project: str, period: Period | None, unit_code: str | None, page: int = 1) -> ProjectLines:
    """A project's ledger lines January..period (of a unit's subtree, if given), a page at a time,
    with their sum beside the cell's own figure: they must agree."""
    storage.setup()
    at = period or dashboard.default_period()
    tree = storage.org_tree()
    unit = find_unit(tree, unit_code) if unit_code else None
    codes = [u.code for u in tree.descendants(unit.code)] if unit else None
    offset = (max(page, 1) - 1) * PAGE_SIZE
    rows, cents, count = storage.project_lines(project, at.year, at.month, codes, offset, PAGE_SIZE)
    if not count and page > 1:
        raise ServiceError("followup.pages.past_last_page", page=page, project=project)
    return ProjectLines(
        project,
        _name(project),
        at,
        unit,
        tuple(rows),
        to_report_sign(cents),
        count,
        max(page, 1),
        max(1, -(-count // PAGE_SIZE)),
        _cell(project, at, codes),
    )


def _name(project: str) -> str:
    investment = storage.workflow.investment_owners().get(project)
    if investment is not None:
        return investment[1]
    return next((p.name for p in storage.projects() if p.code == project), "")


def _cell(project: str, at: Period, codes: list[str] | None) -> int | None:
    """The project's actual as the projects and investments pages compute it (from the same sums)."""
    wanted = set(codes) if codes is not None else None
    sums = storage.project_sums([project], at.year, at.month, at.end)
    found = [s for s in sums if wanted is None or s.unit in wanted]
    return to_report_sign(sum(s.actual for s in found)) if found else None
