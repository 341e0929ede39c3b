"""Checks of parsed files against what the database holds: unknown references, earlier batches."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from toteuma import storage
from toteuma.core.bulk import BalanceRow, LedgerTotals
from toteuma.core.mapping import AccountMapping
from toteuma.core.messages import Text
from toteuma.core.plausibility import Window, main_years, suspicious_months
from toteuma.core.problems import Problem, problem
from toteuma.core.records import RangeRecord, UnitRecord
from toteuma.importers.dated import dated_rows
from toteuma.importers.profiles import Profile
from toteuma.storage import BatchInfo


def _listed(found: dict[tuple[str, str], list[int]], file: str) -> list[Problem]:
    """One problem per unknown value, with the number of lines and the sum they carry."""
    return [
        problem(code, count=lines, cents=cents, file=file, value=value)
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


def implausible_dates(
    path: Path, totals: LedgerTotals, profile: Profile, encoding: str | None, years: Window | None, cap: int
) -> tuple[list[Problem], int]:
    """Lines dated in another year than the file's, in the future or outside --years: warnings naming
    each row and its date (the first `cap`), and how many more lines those months hold."""
    lines = {month: count for month, (count, _) in totals.per_month.items()}
    today = datetime.now(UTC).astimezone().date()  # the machine's own day, as the user's calendar shows
    months = suspicious_months(lines, today, years)
    if not months:
        return [], 0
    found = dated_rows(path, set(months), encoding=encoding, profile=profile, cap=cap)
    main = main_years(lines)
    problems = [
        problem(
            "ledger.implausible-date",
            months[f"{item.posted:%Y-%m}"].value,
            posted=item.posted,
            year=item.posted.year,
            years=main,
            today=today,
            first=years.first if years else "",
            last=years.last if years else "",
            file=str(path),
            row=item.row,
            column=item.column,
            value=item.text,
        )
        for item in found
    ]
    return problems, sum(lines[month] for month in months) - len(found)


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
            batch=batch.id,
            name=batch.file_name,
            lines=batch.lines,
            at=batch.imported_at,
            by=batch.imported_by or Text("problems.batch.overlap.unknown_user"),
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
            unit=record.code,
            parent=record.parent,
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
                        unit=record.code,
                        through=code,
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
        problem("mapping.bad-range", first=r.first, last=r.last, file=file, value=f"{r.first}-{r.last}")
        for r in records
        if r.first > r.last
    ]
    problems += [
        problem(
            "mapping.unknown-row",
            first=r.first,
            last=r.last,
            row_key=r.row,
            rows=row_keys,
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
        shown: object = ", ".join(map(str, left[:20]))
        if len(left) > 20:
            shown = Text("problems.mapping.leaves-unmapped.more", shown=shown, more=len(left) - 20)
        problems.append(problem("mapping.leaves-unmapped", accounts=shown, file=file))
    ordered = sorted(records, key=lambda r: r.first)
    for before, after in itertools.pairwise(ordered):
        if after.first <= before.last:
            problems.append(
                problem(
                    "mapping.overlap",
                    first=before.first,
                    last=before.last,
                    row_key=before.row,
                    other_first=after.first,
                    other_last=after.last,
                    other_row=after.row,
                    file=file,
                    value=f"{after.first}",
                )
            )
    return problems
