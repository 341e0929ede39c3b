"""Measures of many units at once: a fixed number of queries per source and year, rolled up the tree once.

The one way reports (and the dashboard and forecasts) read money for units: `read_rows` gives every
asked unit's whole subtree per statement row and measure, `statements` the units' statements. The
storage is asked once per (source, year, months) whatever the number of units, and adds each asked
unit's subtree up itself through the organisation's closure table (storage.ledger_sums_by_unit); the
account mapping is read once per use case (`Reader`); each (unit, account) sum is placed on its row
once. A forecast method gives cost centers' sums, which are added up the organisation in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from toteuma import storage
from toteuma.core.mapping import AccountMapping, RowResolver, UnplacedAccountError
from toteuma.core.measures import BUILT_IN_BY_NAME, BudgetPart, Measure, Source
from toteuma.core.money import to_report_sign
from toteuma.core.org import OrgTree
from toteuma.core.periods import Period
from toteuma.core.records import BudgetKind
from toteuma.core.statement import LineValues, Statement, compute_statement
from toteuma.core.structure import Structure
from toteuma.services.common import ServiceError, default_mapping, default_structure
from toteuma.services.figure_cache import per_request
from toteuma.storage import BudgetSum

# (cost center code, account) -> (cents debit +, lines): what storage and forecast methods give.
Sums = Mapping[tuple[str, int], tuple[int, int]]
ForecastMethod = Callable[[Sequence[str], Period], Sums]
_FORECASTS: list[ForecastMethod] = []


def register_forecast(method: ForecastMethod) -> None:
    """Make `method(roots, period)` the source of the `forecast` measure: expected year-end cents
    (debit +) per cost center and account of the subtrees under `roots`. The latest one counts."""
    _FORECASTS.append(method)


REQUEST_READER = "reader"  # the web request's default reader, under this key (figure_cache.per_request)


@dataclass(frozen=True)
class Reader:
    """What a use case reads once: the organisation, and accounts resolved to the structure's rows."""

    tree: OrgTree
    structure: Structure
    rows: RowResolver

    @classmethod
    def read(
        cls, structure: Structure | None = None, mapping: AccountMapping | None = None, fresh: bool = False
    ) -> Reader:
        """The organisation and the mapping in force (the default structure's reader once per web
        request: the page and its blocks share it; `fresh` reads anew, e.g. after an import)."""
        storage.setup()
        if structure is None and mapping is None and not fresh:
            return per_request(REQUEST_READER, lambda: cls._read(default_structure(), default_mapping()))
        chosen = structure or default_structure()
        return cls._read(chosen, mapping or default_mapping())

    @classmethod
    def _read(cls, structure: Structure, mapping: AccountMapping) -> Reader:
        return cls(storage.org_tree(), structure, RowResolver(structure, mapping))


def measures_named(names: Iterable[str], own: Iterable[Measure] = ()) -> tuple[Measure, ...]:
    """The declared measures of these names (built in, or a layout's own)."""
    known = {**BUILT_IN_BY_NAME, **{measure.name: measure for measure in own}}
    return tuple(known[name] for name in sorted(set(names)) if name in known)


def read_rows(
    reader: Reader, units: Sequence[str], period: Period, measures: Iterable[Measure]
) -> dict[str, dict[str, LineValues]]:
    """Per asked unit (its whole subtree): per row, each measure's report-sign cents and line count."""
    asked = list(dict.fromkeys(units))
    roots = subtree_roots(reader.tree, asked)
    totals: dict[str, dict[str, dict[str, list[int]]]] = {}  # asked unit -> row -> measure -> [cents, lines]
    own: dict[str, dict[str, dict[str, list[int]]]] = {}  # cost center -> ... (forecasts only)
    for measure, sums, by_unit in _read(asked, roots, period, tuple(measures)):
        _place(reader.rows, measure.name, sums, totals if by_unit else own)
    if own:
        rolled = _roll_up(reader.tree, roots, own)
        for code in asked:
            _merge(totals.setdefault(code, {}), rolled.get(code, {}))
    return {code: _frozen(totals.get(code, {})) for code in units}


def statements(
    reader: Reader, units: Sequence[str], period: Period, measures: Iterable[Measure]
) -> dict[str, Statement]:
    """The statement of each asked unit (its whole subtree), from one read of the measures."""
    rows = read_rows(reader, units, period, measures)
    return {code: compute_statement(reader.structure, rows[code]) for code in units}


def subtree_roots(tree: OrgTree, units: Sequence[str]) -> list[str]:
    """The asked units that are not under another asked unit: their subtrees cover all of them."""
    for code in units:
        if code not in tree:
            raise ServiceError("services.report.unknown_unit", unit=code)
    asked = set(units)
    found = []
    for code in dict.fromkeys(units):
        parent = tree[code].parent
        while parent is not None and parent not in asked:
            parent = tree[parent].parent
        if parent is None:
            found.append(code)
    return found


def _read(
    asked: list[str], roots: list[str], period: Period, measures: tuple[Measure, ...]
) -> list[tuple[Measure, Sums, bool]]:
    """Each measure's sums, and whether they are per asked unit (True) or per cost center (forecasts).

    Storage is asked once per ledger (year, months) and once per budget year; it adds each asked
    unit's subtree up itself (storage.ledger_sums_by_unit), so nothing here grows with the cost centers.
    """
    ledger: dict[tuple[int, int, int], Sums] = {}
    budget: dict[int, list[BudgetSum]] = {}
    found: list[tuple[Measure, Sums, bool]] = []
    for measure in measures:
        year = measure.year_of(period)
        if measure.source is Source.LEDGER:
            months = measure.months(period)
            if (year, *months) not in ledger:
                ledger[(year, *months)] = storage.ledger_sums_by_unit(asked, year, *months)
            found.append((measure, ledger[(year, *months)], True))
        elif measure.source is Source.BUDGET:
            if year not in budget:
                budget[year] = storage.budget_sums_by_unit(asked, year)
            found.append((measure, budget_measure(measure, budget[year], _cut_off(measure, period)), True))
        else:
            found.append((measure, _forecast(roots, period), False))
    return found


def _forecast(roots: list[str], period: Period) -> Sums:
    if not _FORECASTS:
        raise ServiceError("layouts.report.no_forecast")
    return _FORECASTS[-1](roots, period)


def _cut_off(measure: Measure, period: Period) -> date:
    """Decisions count when decided by the period end in its own year, by the year's end before it."""
    return period.end if measure.year == 0 else date(measure.year_of(period), 12, 31)


def decisions(sums: Iterable[BudgetSum], cut_off: date) -> list[tuple[date, str]]:
    """The amendment decisions decided by the cut-off, in date order: (date, reference)."""
    found = {(item.decided, item.decision) for item in sums if _amendment_in_force(item, cut_off)}
    return sorted((decided, decision) for decided, decision in found if decided is not None)


def _amendment_in_force(item: BudgetSum, cut_off: date) -> bool:
    return item.kind is BudgetKind.AMENDMENT and item.decided is not None and item.decided <= cut_off


def budget_measure(
    measure: Measure, sums: Sequence[BudgetSum], cut_off: date
) -> dict[tuple[str, int], tuple[int, int]]:
    """The budget lines a budget measure adds up, per cost center and account."""
    wanted = _chosen_decision(measure, sums, cut_off)
    found: dict[tuple[str, int], tuple[int, int]] = {}
    for item in sums:
        original = item.kind is BudgetKind.ORIGINAL
        amended = _amendment_in_force(item, cut_off)
        take = {
            BudgetPart.ORIGINAL: original,
            BudgetPart.AMENDMENTS: amended,
            BudgetPart.IN_FORCE: original or amended,
            BudgetPart.AMENDMENT: amended and (item.decided, item.decision) == wanted,
        }[measure.budget]
        if take:
            cents, lines = found.get((item.unit, item.account), (0, 0))
            found[(item.unit, item.account)] = (cents + item.cents, lines + item.lines)
    return found


def _chosen_decision(measure: Measure, sums: Sequence[BudgetSum], cut_off: date) -> tuple[date, str] | None:
    if measure.budget is not BudgetPart.AMENDMENT:
        return None
    found = decisions(sums, cut_off)
    if measure.decision:
        return next((item for item in found if item[1] == measure.decision), None)
    return found[measure.number - 1] if 0 < measure.number <= len(found) else None


def _place(rows: RowResolver, name: str, sums: Sums, own: dict[str, dict[str, dict[str, list[int]]]]) -> None:
    """Each (unit, account) sum added to its row, in report sign (the resolver caches each account)."""
    for (code, account), (cents, lines) in sums.items():
        try:
            row = rows.row_of(account)
        except UnplacedAccountError as exc:
            raise _first_problem(rows, sums, exc.account) from None
        if row is None:
            if rows.is_balance_sheet(account):
                continue
            raise _first_problem(rows, sums, account)
        cell = own.setdefault(code, {}).setdefault(row, {}).setdefault(name, [0, 0])
        cell[0] += to_report_sign(cents)
        cell[1] += lines


def _first_problem(rows: RowResolver, sums: Sums, met: int) -> ServiceError:
    """The error of the lowest account no row takes (the same whatever order the database gave the
    sums in); `met` is one such account."""
    for account in sorted({account for _, account in sums if account <= met}):
        try:
            if rows.row_of(account) is None and not rows.is_balance_sheet(account):
                return ServiceError("services.report.unmapped_account", account=account)
        except UnplacedAccountError as exc:
            return ServiceError("layouts.report.unplaced_account", account=exc.account, row=exc.row)
    return ServiceError("services.report.unmapped_account", account=met)


def _roll_up(
    tree: OrgTree, roots: list[str], own: Mapping[str, dict[str, dict[str, list[int]]]]
) -> dict[str, dict[str, dict[str, list[int]]]]:
    """Every unit under the roots: its own sums and those of everything under it, in one pass."""
    totals: dict[str, dict[str, dict[str, list[int]]]] = {}

    def visit(code: str) -> dict[str, dict[str, list[int]]]:
        found = {
            row: {name: list(cell) for name, cell in cells.items()}
            for row, cells in own.get(code, {}).items()
        }
        for child in tree.children(code):
            for row, cells in visit(child.code).items():
                target = found.setdefault(row, {})
                for name, (cents, lines) in cells.items():
                    cell = target.setdefault(name, [0, 0])
                    cell[0] += cents
                    cell[1] += lines
        totals[code] = found
        return found

    for root in roots:
        visit(root)
    return totals


def _merge(target: dict[str, dict[str, list[int]]], more: Mapping[str, dict[str, list[int]]]) -> None:
    for row, cells in more.items():
        for name, (cents, lines) in cells.items():
            cell = target.setdefault(row, {}).setdefault(name, [0, 0])
            cell[0] += cents
            cell[1] += lines


def _frozen(rows: Mapping[str, Mapping[str, list[int]]]) -> dict[str, LineValues]:
    return {
        row: LineValues(
            {name: cell[0] for name, cell in cells.items()}, {name: cell[1] for name, cell in cells.items()}
        )
        for row, cells in rows.items()
    }
