"""Drill-down from a statement cell to accounts, cost centers and ledger lines; each sums to the cell."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from toteuma import storage
from toteuma.core.money import to_report_sign
from toteuma.core.org import Unit
from toteuma.core.periods import Period
from toteuma.core.statement import Column
from toteuma.core.structure import LineKind
from toteuma.reports.figure_tables import statement_columns
from toteuma.reports.tables import Frame
from toteuma.services.common import ServiceError, default_mapping, default_structure
from toteuma.services.figure_cache import cached
from toteuma.services.reporting import find_unit
from toteuma.storage import workflow
from toteuma.storage.workflow.figures import SORTS, LedgerRow

# The columns that come from the ledger, and the year and months each covers.
DRILL_COLUMNS = (Column.TOT.value, Column.TOT_PREV.value, Column.TP_PREV.value)
PAGE_SIZE = 50


@dataclass(frozen=True)
class Cell:
    unit: Unit
    row: str
    label: str
    column: str
    period: Period
    year: int
    months: tuple[int, int]
    cents: int  # the statement's exact figure, report sign
    accounts: tuple[int, ...]  # the accounts that feed the row
    codes: tuple[str, ...]  # the unit and everything under it

    @property
    def subtree(self) -> storage.Subtree:
        """The unit and everything under it, as storage reads it (through the closure, not the codes)."""
        return storage.Subtree(self.unit.code)

    @property
    def column_label(self) -> str:
        """The column's heading as the statement prints it, e.g. "TOT 2024 3 kk"."""
        return next(spec.label for spec in statement_columns(Frame(self.period)) if spec.key == self.column)


@dataclass(frozen=True)
class Part:
    key: str  # account number or cost center code
    name: str
    cents: int  # report sign
    lines: int


@dataclass(frozen=True)
class LinesPage:
    rows: tuple[LedgerRow, ...]
    total_cents: int  # report sign, of all the lines (not only this page)
    count: int
    page: int
    pages: int
    sort: str


def _rows_under(key: str) -> set[str]:
    """The ROW keys a line adds up (a row itself, or the rows under a subtotal)."""
    line = default_structure().line(key)
    if line.kind is LineKind.ROW:
        return {key}
    if line.kind is LineKind.HEADING:
        raise ServiceError("services.drill.heading", label=line.label)
    return set().union(*(_rows_under(part) for part in line.sum))


def _span(column: str, period: Period) -> tuple[int, tuple[int, int]]:
    if column == Column.TOT.value:
        return period.year, (1, period.month)
    if column == Column.TOT_PREV.value:
        return period.year - 1, (1, period.month)
    if column == Column.TP_PREV.value:
        return period.year - 1, (1, 12)
    raise ServiceError("services.drill.column", column=column, columns=DRILL_COLUMNS)


def cell(unit_code: str, row: str, column: str, period: Period) -> Cell:
    storage.setup()
    return cached(("cell", unit_code, row, column, period), lambda: _cell(unit_code, row, column, period))


def _cell(unit_code: str, row: str, column: str, period: Period) -> Cell:
    tree = storage.org_tree()
    unit = find_unit(tree, unit_code)
    year, months = _span(column, period)
    try:
        rows = _rows_under(row)
        label = default_structure().line(row).label
    except KeyError as exc:
        raise ServiceError("services.drill.row", row=row) from exc
    codes = tuple(item.code for item in tree.descendants(unit.code))
    sums = storage.account_sums(storage.Subtree(unit.code), year, *months)
    mapping = default_mapping()
    feeding = tuple(sorted(account for account in sums if mapping.row_of(account) in rows))
    # The statement's figure is its feeding accounts' sums in report sign (a subtotal adds its rows).
    figure = sum(to_report_sign(sums[account][0]) for account in feeding)
    return Cell(unit, row, label, column, period, year, months, figure, feeding, codes)


def accounts(found: Cell) -> list[Part]:
    """The cell's figure per account."""
    return cached(("accounts", found), lambda: _accounts(found))


def _accounts(found: Cell) -> list[Part]:
    sums = storage.account_sums(found.subtree, found.year, *found.months)
    names = workflow.account_names(found.accounts)
    return [
        Part(str(account), names.get(account, ""), to_report_sign(sums[account][0]), sums[account][1])
        for account in found.accounts
    ]


def cost_centers(found: Cell, account: int | None = None) -> list[Part]:
    """The cell's figure (or one account's part of it) per cost center."""
    return cached(("centers", found, account), lambda: _cost_centers(found, account))


def _cost_centers(found: Cell, account: int | None) -> list[Part]:
    chosen = found.accounts if account is None else (account,)
    sums = workflow.unit_account_sums(found.subtree, found.year, *found.months, chosen)
    per_unit: dict[str, tuple[int, int]] = {}
    for (code, _), (cents, count) in sums.items():
        before = per_unit.get(code, (0, 0))
        per_unit[code] = (before[0] + cents, before[1] + count)
    tree = storage.org_tree()
    return [
        Part(code, tree[code].name, to_report_sign(cents), count)
        for code, (cents, count) in sorted(per_unit.items(), key=lambda item: (tree[item[0]].order, item[0]))
    ]


def _narrow(
    found: Cell, account: int | None, cost_center: str | None
) -> tuple[storage.Subtree | tuple[str, ...], tuple[int, ...]]:
    if account is not None and account not in found.accounts:
        raise ServiceError("services.drill.account", account=account, label=found.label)
    if cost_center is not None and cost_center not in found.codes:
        raise ServiceError("services.drill.cost_center", cost_center=cost_center, unit=found.unit.code)
    codes = found.subtree if cost_center is None else (cost_center,)
    return codes, found.accounts if account is None else (account,)


def lines(
    found: Cell, account: int | None = None, cost_center: str | None = None, page: int = 1, sort: str = "date"
) -> LinesPage:
    """One page of the ledger lines behind the cell (or one account, or one cost center of it)."""
    codes, chosen = _narrow(found, account, cost_center)
    cents, count = cached(
        ("total", found, account, cost_center),
        lambda: workflow.balance_total(codes, chosen, found.year, *found.months),
    )
    pages = max(1, -(-count // PAGE_SIZE))
    page = min(max(1, page), pages)
    order = sort if sort in SORTS else "date"
    rows = workflow.ledger_page(
        codes, chosen, found.year, found.months, order, (page - 1) * PAGE_SIZE, PAGE_SIZE
    )
    return LinesPage(tuple(rows), to_report_sign(cents), count, page, pages, order)


def all_lines(
    found: Cell, account: int | None = None, cost_center: str | None = None, sort: str = "date"
) -> Iterator[LedgerRow]:
    codes, chosen = _narrow(found, account, cost_center)
    return workflow.ledger_rows(codes, chosen, found.year, found.months, sort if sort in SORTS else "date")
