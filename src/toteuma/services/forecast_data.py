"""What forecasts read and how they add up: per cost center and row, this year and the earlier years.

The reading is flat in the number of units: one ledger query per (year, month) and one budget query
per year for the asked units' whole subtrees (storage's subtree functions), whatever their number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from toteuma import storage
from toteuma.core import forecast as fc
from toteuma.core.forecast import Forecast, Method, ProfileSource, RowData
from toteuma.core.mapping import RowResolver
from toteuma.core.measures import BUILT_IN_BY_NAME
from toteuma.core.money import to_report_sign
from toteuma.core.org import OrgTree
from toteuma.core.periods import Period
from toteuma.core.structure import Structure
from toteuma.services import measures

if TYPE_CHECKING:
    from toteuma.services.forecasts import OwnForecast

Key = tuple[str, str]  # (cost center code, statement row key)
Months = dict[Key, list[int]]
INCOME, COSTS, OTHER = "income", "costs", "other"


@dataclass(frozen=True)
class Read:
    """Everything one use case's forecasts read, per (cost center, row), report sign cents."""

    tree: OrgTree
    structure: Structure
    period: Period
    roots: tuple[str, ...]
    units: tuple[str, ...]  # the roots and every unit under them
    this_year: Mapping[Key, RowData]  # actual to date, budget, monthly budget and the earlier years
    years: Mapping[int, Mapping[Key, tuple[int, ...]]]  # earlier year -> key -> 12 months
    budgets: Mapping[int, Mapping[Key, int]]  # earlier year -> key -> the year's final budget
    monthly_budgets: Mapping[int, Mapping[Key, tuple[int, ...]]]  # year -> key -> 12 months
    accounts: Mapping[Key, int]  # one account of each key: where the `forecast` measure puts it
    kinds: Mapping[str, str]  # row -> "income", "costs" or "other"

    def kind(self, row: str) -> str:
        return self.kinds.get(row, OTHER)


def read(
    reader: measures.Reader, units: Sequence[str], period: Period, settings: fc.ForecastSettings
) -> Read:
    """The ledger month by month of this year and `settings.history_years` earlier ones, and each
    year's budget, of the units' subtrees."""
    roots = measures.subtree_roots(reader.tree, units)
    accounts: dict[Key, int] = {}
    earlier = range(period.year - settings.history_years, period.year)
    years = {year: _ledger(reader.rows, roots, year, 12, accounts) for year in earlier}
    current = _ledger(reader.rows, roots, period.year, period.month, accounts)
    budgets = {year: _budget(reader.rows, roots, year, date(year, 12, 31), accounts) for year in earlier}
    budget = _budget(reader.rows, roots, period.year, period.end, accounts)
    monthly = {year: _monthly_budget(reader.rows, roots, year, accounts) for year in (*earlier, period.year)}
    keys = (
        set(current)
        | set(budget)
        | set(monthly[period.year])
        | {key for year in years.values() for key in year}
    )
    this_year = {
        key: RowData(
            current.get(key, (0,) * period.month)[: period.month],
            budget.get(key, 0),
            monthly[period.year].get(key, ()),
            {year: found[key] for year, found in years.items() if key in found},
        )
        for key in keys
    }
    return Read(
        reader.tree,
        reader.structure,
        period,
        tuple(roots),
        subtree(reader.tree, roots),
        this_year,
        years,
        budgets,
        monthly,
        accounts,
        _kinds(reader.structure),
    )


def subtree(tree: OrgTree, roots: Iterable[str]) -> tuple[str, ...]:
    found: list[str] = []
    for root in roots:
        found.append(root)
        found.extend(unit.code for unit in tree.descendants(root))
    return tuple(dict.fromkeys(found))


def _kinds(structure: Structure) -> dict[str, str]:
    kinds = dict.fromkeys(structure.rows_under(structure.summary.tulot), INCOME)
    kinds.update(dict.fromkeys(structure.rows_under(structure.summary.menot), COSTS))
    return kinds


def _key(rows: RowResolver, code: str, account: int, accounts: dict[Key, int]) -> Key | None:
    """The (cost center, row) of an account; None for balance-sheet accounts and accounts of no row."""
    row = rows.row_of(account)
    if row is None:
        return None
    key = (code, row)
    accounts[key] = min(account, accounts.get(key, account))
    return key


def _ledger(
    rows: RowResolver, roots: list[str], year: int, months: int, accounts: dict[Key, int]
) -> dict[Key, tuple[int, ...]]:
    found: Months = {}
    for (code, account, month), cents in storage.subtree_ledger_months(roots, year, months).items():
        if (key := _key(rows, code, account, accounts)) is not None:
            found.setdefault(key, [0] * months)[month - 1] += to_report_sign(cents)
    return {key: tuple(values) for key, values in found.items()}


def _budget(
    rows: RowResolver, roots: list[str], year: int, cut_off: date, accounts: dict[Key, int]
) -> dict[Key, int]:
    sums = storage.subtree_budget_sums(roots, year)
    found: dict[Key, int] = {}
    for (code, account), (cents, _) in measures.budget_measure(
        BUILT_IN_BY_NAME["budget"], sums, cut_off
    ).items():
        if (key := _key(rows, code, account, accounts)) is not None:
            found[key] = found.get(key, 0) + to_report_sign(cents)
    return found


def _monthly_budget(
    rows: RowResolver, roots: list[str], year: int, accounts: dict[Key, int]
) -> dict[Key, tuple[int, ...]]:
    found: Months = {}
    for (code, account, month), cents in storage.subtree_monthly_budget_sums(roots, year).items():
        if (key := _key(rows, code, account, accounts)) is not None:
            found.setdefault(key, [0] * 12)[month - 1] += to_report_sign(cents)
    return {key: tuple(values) for key, values in found.items()}


def cases(read: Read, keys: Iterable[Key] | None = None) -> list[fc.Case]:
    """Every (cost center, row) of every earlier year with ledger lines, as a backtest replays it."""
    found = []
    for year, months in sorted(read.years.items()):
        history = {earlier: read.years[earlier] for earlier in read.years if earlier < year}
        for key in sorted(months if keys is None else set(keys) & set(months)):
            found.append(
                fc.Case(
                    read.kind(key[1]),
                    year,
                    months[key],
                    read.budgets[year].get(key, 0),
                    read.monthly_budgets.get(year, {}).get(key, ()),
                    {earlier: values[key] for earlier, values in history.items() if key in values},
                )
            )
    return found


def cost_center_forecasts(read: Read, settings: fc.ForecastSettings) -> dict[Key, Forecast]:
    """The default forecast of every (cost center, row), banded by the backtest at this month."""
    errors = fc.backtest(cases(read), settings, months=(read.period.month,))
    return {
        key: fc.forecast_row(data, settings, read.kind(key[1]), errors)
        for key, data in read.this_year.items()
    }


@dataclass
class _Rolled:
    rows: dict[str, dict[str, Forecast]]
    placed: dict[Key, int]  # cents per (cost center, row) including own forecasts' differences
    first: dict[str, dict[str, str]]  # unit -> row -> a cost center under it that has the row


def roll_up(
    read: Read, forecasts: Mapping[Key, Forecast], own: Mapping[tuple[str, str], OwnForecast]
) -> tuple[dict[str, dict[str, Forecast]], dict[Key, int]]:
    """Every unit's forecast per row (its subtree's sum; an approved own forecast in place of it),
    and the cents per (cost center, row) that add up to them."""
    by_unit: dict[str, dict[str, Forecast]] = {}
    for (code, row), value in forecasts.items():
        by_unit.setdefault(code, {})[row] = value
    rolled = _Rolled({}, {key: value.cents for key, value in forecasts.items()}, {})

    def visit(code: str) -> None:
        rows = dict(by_unit.get(code, {}))
        first = dict.fromkeys(rows, code)
        for child in read.tree.children(code):
            visit(child.code)
            for row, value in rolled.rows[child.code].items():
                rows[row] = rows[row] + value if row in rows else value
                first.setdefault(row, rolled.first[child.code][row])
        for (unit, row), item in own.items():
            if unit == code:
                _apply_own(rows, first, rolled.placed, code, row, item.cents)
        rolled.rows[code], rolled.first[code] = rows, first

    for root in read.roots:
        visit(root)
    return rolled.rows, rolled.placed


def _apply_own(
    rows: dict[str, Forecast], first: dict[str, str], placed: dict[Key, int], code: str, row: str, cents: int
) -> None:
    default = rows.get(row)
    if default is None:
        rows[row] = Forecast(cents, Method.OWN, ProfileSource.EVEN, 0, 0, 0, cents, cents, False)
        first[row] = code
        placed[(code, row)] = placed.get((code, row), 0) + cents
        return
    rows[row] = fc.with_own(default, cents)
    key = (first[row], row)
    placed[key] = placed.get(key, 0) + cents - default.cents


def measure_sums(read: Read, placed: Mapping[Key, int]) -> dict[tuple[str, int], tuple[int, int]]:
    """The `forecast` measure's sums: cents debit + per cost center and one account of each row."""
    any_account = {row: account for (_, row), account in sorted(read.accounts.items(), reverse=True)}
    found: dict[tuple[str, int], tuple[int, int]] = {}
    for (code, row), cents in placed.items():
        account = read.accounts.get((code, row), any_account.get(row))
        if account is None:
            continue
        before, lines = found.get((code, account), (0, 0))
        found[(code, account)] = (before - cents, lines + int(cents != 0))
    return found
