"""Parts of a report besides its statements: goals, investments, and the month-by-month net for the chart."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from toteuma import storage
from toteuma.core.money import to_report_sign
from toteuma.core.org import Unit
from toteuma.core.periods import Period
from toteuma.core.records import GoalLevel
from toteuma.core.report import GoalEntry, InvestmentFigures, InvestmentGroup
from toteuma.core.statement import LineValues, line_values
from toteuma.storage import Flow, InvestmentSums, Subtree, Sums

if TYPE_CHECKING:
    from toteuma.services.measures import Reader


def goals(unit: Unit, binding: bool, period: Period) -> tuple[GoalEntry, ...]:
    level = GoalLevel.BINDING if binding else GoalLevel.PLAN
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


def investment_groups(codes: Sequence[str] | Subtree, period: Period) -> tuple[InvestmentGroup, ...]:
    """Per investment group: previous year's actuals, this year's budget and actuals, report sign."""
    now = storage.investment_sums(codes, period.year, period.month)
    before = storage.investment_sums(codes, period.year - 1, 12)
    return tuple(
        _investment_group(name, now.get(name, InvestmentSums(name)), before.get(name, InvestmentSums(name)))
        for name in sorted(set(now) | set(before))
    )


def monthly_net(codes: Sequence[str] | Subtree, period: Period, reader: Reader) -> tuple[int, ...]:
    """The cumulative net (the summary's netto line) at each month-end of the year so far, a query a month."""
    structure = reader.structure
    found = []
    for month in range(1, period.month + 1):
        rows: dict[str, LineValues] = {}
        for account, (cents, _) in storage.account_sums(codes, period.year, 1, month).items():
            row = reader.rows.row_of(account)
            if row is not None:
                rows[row] = rows.get(row, LineValues()) + LineValues({"tot": to_report_sign(cents)})
        found.append(line_values(structure, rows)[structure.summary.netto].cents.get("tot", 0))
    return tuple(found)
