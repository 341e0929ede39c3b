"""Checks of parsed files against what the database holds: unknown references, earlier batches."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import date

from toteuma import storage
from toteuma.core.bulk import BalanceRow
from toteuma.core.mapping import AccountMapping
from toteuma.core.money import euros
from toteuma.core.problems import Problem, problem
from toteuma.core.records import RangeRecord, UnitRecord
from toteuma.storage import BatchInfo

# Problem code -> what the value names, for the message.
_WHAT = {
    "ledger.unknown-account": "an unknown account",
    "ledger.unmapped-account": "no income-statement row covers this account",
    "ledger.unknown-unit": "an unknown cost center",
    "ref.unknown-unit": "an unknown unit",
}


def _listed(found: dict[tuple[str, str], list[int]], file: str) -> list[Problem]:
    """One problem per unknown value, with the number of lines and the sum they carry."""
    return [
        problem(
            code,
            f"{lines} line(s) carrying {euros(cents):.2f} EUR on {value} ({_WHAT[code]})",
            file=file,
            value=value,
        )
        for (code, value), (lines, cents) in sorted(found.items())
    ]


def _count(found: dict[tuple[str, str], list[int]], key: tuple[str, str], lines: int, cents: int) -> None:
    entry = found.setdefault(key, [0, 0])
    entry[0] += lines
    entry[1] += cents


def ledger_references(balances: Iterable[BalanceRow], file: str, mapping: AccountMapping) -> list[Problem]:
    """Unknown accounts and cost centers, and accounts no row covers: each once, with lines and sum."""
    units = storage.org_tree()
    accounts = storage.known_accounts()
    found: dict[tuple[str, str], list[int]] = {}
    for row in balances:
        if row.unit not in units:
            _count(found, ("ledger.unknown-unit", row.unit), row.lines, row.cents)
        if row.account not in accounts:
            _count(found, ("ledger.unknown-account", str(row.account)), row.lines, row.cents)
        elif mapping.row_of(row.account) is None and not mapping.is_balance_sheet(row.account):
            _count(found, ("ledger.unmapped-account", str(row.account)), row.lines, row.cents)
    return _listed(found, file)


def unit_references(units: Iterable[tuple[str, int]], file: str) -> list[Problem]:
    """Unknown unit codes among (unit, cents) pairs of budget lines, goals, texts or projects."""
    tree = storage.org_tree()
    found: dict[tuple[str, str], list[int]] = {}
    for code, cents in units:
        if code not in tree:
            _count(found, ("ref.unknown-unit", code), 1, cents)
    return _listed(found, file)


def _months(first: date, last: date) -> set[str]:
    months, year, month = set(), first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.add(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def overlapping(kind: str, months: set[str], years: set[int]) -> list[BatchInfo]:
    """Earlier batches of the kind that cover any of the months (ledger) or years (budget)."""
    found = []
    for batch in storage.batches():
        if batch.kind != kind:
            continue
        if kind == "ledger" and batch.first_date and batch.last_date:
            if months & _months(batch.first_date, batch.last_date):
                found.append(batch)
        elif kind != "ledger" and years & set(batch.years):
            found.append(batch)
    return found


def overlap_warnings(batches: list[BatchInfo], file: str) -> list[Problem]:
    return [
        problem(
            "batch.overlap",
            f"batch {batch.id} ({batch.file_name!r}, {batch.lines} lines, imported "
            f"{batch.imported_at:%Y-%m-%d %H:%M} by {batch.imported_by or 'unknown'}) covers the same "
            "period",
            file=file,
            value=str(batch.id),
        )
        for batch in batches
    ]


def unit_tree(records: Iterable[UnitRecord], file: str) -> list[Problem]:
    """Parents that are neither in the file nor in the database, and parents that form a cycle."""
    parents = {record.code: record.parent for record in storage.units()}
    items = list(records)
    parents.update({record.code: record.parent for record in items})
    problems = [
        problem(
            "units.unknown-parent",
            f"unit {record.code!r} names parent {record.parent!r}, which is neither in the file nor known",
            file=file,
            column="Ylempi",
            value=record.parent,
        )
        for record in items
        if record.parent is not None and record.parent not in parents
    ]
    for record in items:
        seen, code = {record.code}, parents.get(record.code)
        while code is not None and code in parents:
            if code in seen:
                problems.append(
                    problem(
                        "units.cycle",
                        f"unit {record.code!r} is its own ancestor through {code!r}",
                        file=file,
                        value=record.code,
                    )
                )
                break
            seen.add(code)
            code = parents[code]
    return problems


def mapping_ranges(
    records: list[RangeRecord], file: str, row_keys: tuple[str, ...], balance_sheet: Callable[[int], bool]
) -> list[Problem]:
    """Ranges that are empty, name a row the structure lacks, or overlap another range."""
    problems = [
        problem(
            "mapping.bad-range", f"range {r.first}-{r.last} is empty", file=file, value=f"{r.first}-{r.last}"
        )
        for r in records
        if r.first > r.last
    ]
    problems += [
        problem(
            "mapping.unknown-row",
            f"range {r.first}-{r.last} names row {r.row!r}; rows: {', '.join(row_keys)}",
            file=file,
            column="Rivi",
            value=r.row,
        )
        for r in records
        if r.row not in row_keys
    ]
    left = sorted(
        account
        for account in storage.ledger_accounts()
        if not any(r.first <= account <= r.last for r in records) and not balance_sheet(account)
    )
    if left:
        shown = ", ".join(map(str, left[:20])) + (f" and {len(left) - 20} more" if len(left) > 20 else "")
        problems.append(
            problem(
                "mapping.leaves-unmapped", f"no range covers accounts with ledger lines: {shown}", file=file
            )
        )
    ordered = sorted(records, key=lambda r: r.first)
    for before, after in itertools.pairwise(ordered):
        if after.first <= before.last:
            problems.append(
                problem(
                    "mapping.overlap",
                    f"ranges {before.first}-{before.last} ({before.row}) and {after.first}-{after.last} "
                    f"({after.row}) overlap",
                    file=file,
                    value=f"{after.first}",
                )
            )
    return problems
