"""Ledger lines from exact cents: each (area, row, period) amount spread over cost centers, accounts, months
and documents the way catalogue.py describes, summing to the cent."""

from __future__ import annotations

import calendar
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from fractions import Fraction
from math import floor

from catalogue import ZERO_PAIRS, Item, items_for
from chart import AREA_BY_CODE

# The periods a printed figure covers: Jan-Mar 2023 (TOT 2023), Apr-Dec 2023 (TP 2023 minus TOT 2023),
# Jan-Mar 2024 (TOT 2024). No line falls after 31.3.2024: the export was taken at the period end.
Q1 = (1, 2, 3)
REST = tuple(range(4, 13))


@dataclass(frozen=True)
class Line:
    posted: date
    series: str  # document series: osto, myynti, palkka, muistio, sisainen
    doc_key: tuple[object, ...]  # lines with the same key share a document number
    account: int
    cost_center: str
    cents: int  # bookkeeping sign, debit +
    text: str
    project: str = ""


@dataclass(frozen=True)
class Template:
    """A line before its amount is known: the amount comes from splitting the period total by weight."""

    line: Line
    weight: int
    movable: bool = False  # an area-wide item: a correction may move it to another of the area's centers


def split(total: int, weights: Sequence[int]) -> list[int]:
    """Integer parts proportional to weights that add up to total exactly (largest remainder)."""
    whole = sum(weights)
    raw = [Fraction(total * weight, whole) for weight in weights]
    parts = [floor(value) for value in raw]
    order = sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


# Finnish public holidays on weekdays in 2023 and January-March 2024: no postings on them.
HOLIDAYS = {
    date(2023, 1, 6), date(2023, 4, 7), date(2023, 4, 10), date(2023, 5, 1), date(2023, 5, 18),
    date(2023, 6, 23), date(2023, 12, 6), date(2023, 12, 25), date(2023, 12, 26),
    date(2024, 1, 1), date(2024, 3, 29),
}  # fmt: skip


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in HOLIDAYS


def business_day(rng: random.Random, year: int, month: int) -> date:
    last = calendar.monthrange(year, month)[1]
    days = [d for d in range(1, last + 1) if is_working_day(date(year, month, d))]
    return date(year, month, rng.choice(days))


def weekday_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _posting_date(item: Item, rng: random.Random, year: int, month: int) -> date:
    if item.mode == "monthly" and item.doc == "palkka":
        return weekday_on_or_before(date(year, month, 15))
    if item.mode == "monthly" and item.doc in ("sisainen", "muistio"):
        return weekday_on_or_before(date(year, month, calendar.monthrange(year, month)[1]))
    return business_day(rng, year, month)


class RowBuilder:
    """Templates for one area, row and period; `lines` turns them into amounts."""

    def __init__(self, area: str, row: str, year: int, months: tuple[int, ...], rng: random.Random) -> None:
        self.area, self.row, self.year, self.months, self.rng = area, row, year, months, rng
        self.centers = {code: (name, share) for code, name, share in AREA_BY_CODE[area].cost_centers}
        self.serial = 0

    def _text(self, item: Item, month: int, center: str) -> str:
        number = str(self.rng.randint(100000, 999999))
        return item.text.format(kk=f"{month}/{self.year}", no=number, kp=self.centers[center][0])

    def _template(
        self, item: Item, month: int, center: str, weight: float, key: tuple[object, ...]
    ) -> Template:
        posted = _posting_date(item, self.rng, self.year, month)
        line = Line(posted, item.doc, key, item.account, center, 0, self._text(item, month, center))
        return Template(line, max(1, round(abs(weight) * 10**6)) * (1 if weight > 0 else -1))

    def _unique_key(self, item: Item) -> tuple[object, ...]:
        self.serial += 1
        return (item.doc, self.area, self.row, self.year, self.months[0], self.serial)

    def expand(self, item: Item) -> list[Template]:
        months = [m for m in self.months if not item.months or m in item.months]
        centers = list(item.ccs or self.centers)
        if not months or (item.years and self.year not in item.years):
            return []
        if item.mode == "monthly":
            return self._monthly(item, months, centers)
        count = 1 if item.mode == "once" else floor(item.per_month * len(months) + self.rng.random())
        found: list[Template] = []
        for _ in range(count):
            found.extend(self._invoice(item, self.rng.choice(months), centers, item.share / max(count, 1)))
        return found

    def _monthly(self, item: Item, months: list[int], centers: list[str]) -> list[Template]:
        total_share = sum(self.centers[c][1] for c in centers)
        found = []
        for month in months:
            shared = item.doc in ("palkka", "sisainen")
            for center in centers:
                key = (
                    (item.doc, self.year, month)
                    if shared
                    else (item.doc, self.year, month, item.account, center)
                )
                weight = item.share / len(months) * self.centers[center][1] / total_share
                found.append(self._template(item, month, center, weight * self.rng.uniform(0.92, 1.08), key))
        return found

    def _invoice(self, item: Item, month: int, centers: list[str], share: float) -> list[Template]:
        """One invoice; now and then split over two cost centers, as an invoice for shared work is."""
        weights = [self.centers[c][1] for c in centers]
        center = self.rng.choices(centers, weights)[0]
        key = self._unique_key(item)
        weight = share * self.rng.lognormvariate(0, 0.5)
        first = replace(self._template(item, month, center, weight, key), movable=not item.ccs)
        if len(centers) < 2 or self.rng.random() > 0.15:
            return [first]
        other = self.rng.choice([c for c in centers if c != center])
        second = replace(first.line, cost_center=other)
        return [first, Template(second, max(1, abs(first.weight) // 3) * (1 if weight > 0 else -1))]

    def lines(self, total: int) -> list[Line]:
        if total == 0:
            return []
        side = 1 if total > 0 else -1
        items = [item for item in items_for(self.area, self.row) if item.sign == side]
        templates = [t for item in items for t in self.expand(item)]
        if sum(t.weight for t in templates) <= 0:  # credit notes alone cannot carry a period
            templates = [t for t in templates if t.weight > 0] or self._fallback(items)
        amounts = split(total, [t.weight for t in templates])
        found = [(t, replace(t.line, cents=a)) for t, a in zip(templates, amounts, strict=True) if a != 0]
        movable = [line for t, line in found if t.movable and line.series == "osto" and line.cents > 0]
        return [line for _t, line in found] + self._corrections(movable)

    def _fallback(self, items: list[Item]) -> list[Template]:
        """A period against the row's usual direction, or one whose items all fall elsewhere: one line."""
        base = [i for i in items if i.share > 0] or [i for i in items_for(self.area, self.row) if i.share > 0]
        item = replace(base[0], mode="once", months=(), years=(), doc="muistio")
        text = item.text if items else "Oikaisu: " + item.text
        center = (item.ccs or tuple(self.centers))[0]
        return [
            self._template(replace(item, text=text), self.months[-1], center, 1.0, self._unique_key(item))
        ]

    def _corrections(self, candidates: list[Line]) -> list[Line]:
        """Now and then an invoice line moves to the right cost center by a memo voucher (nets to zero)."""
        if len(self.centers) < 2 or not candidates or self.rng.random() > 0.45:
            return []
        line = self.rng.choice(candidates)
        target = self.rng.choice([c for c in self.centers if c != line.cost_center])
        last = date(
            line.posted.year, line.posted.month, calendar.monthrange(line.posted.year, line.posted.month)[1]
        )
        posted = weekday_on_or_before(min(last, line.posted + timedelta(days=self.rng.randint(3, 12))))
        posted = max(posted, line.posted)
        text = f"Oikaisu: kp {line.cost_center} -> {target}, {line.text}"
        key = self._unique_key(Item(line.account, text, doc="muistio"))
        moved = Line(posted, "muistio", key, line.account, line.cost_center, -line.cents, text)
        return [moved, replace(moved, cost_center=target, cents=line.cents)]


def segments(
    cents: dict[tuple[str, str, str], int], area: str, row: str
) -> list[tuple[int, tuple[int, ...], int]]:
    """(year, months, ledger-sign total) of each period; report sign turns into bookkeeping sign here."""
    tp, q1, tot = (cents[area, row, column] for column in ("tp_prev", "tot_prev", "tot"))
    return [(2023, Q1, -q1), (2023, REST, -(tp - q1)), (2024, Q1, -tot)]


def row_lines(cents: dict[tuple[str, str, str], int], area: str, row: str) -> list[Line]:
    found: list[Line] = []
    for year, months, total in segments(cents, area, row):
        rng = random.Random(f"{area}-{row}-{year}-{months[0]}")
        found.extend(RowBuilder(area, row, year, months, rng).lines(total))
    return found


def zero_pairs() -> list[Line]:
    """A line and its reversal, for rows that print only zeros and still show (they had postings)."""
    found = []
    for area, _row, year, month, center, account, text, cents in ZERO_PAIRS:
        rng = random.Random(f"{area}-zero")
        posted = business_day(rng, year, month)
        label = text.format(no=rng.randint(100000, 999999))
        first = Line(posted, "muistio", ("zero", area, 1), account, center, cents, label)
        undo = weekday_on_or_before(
            min(posted + timedelta(days=6), date(year, month, calendar.monthrange(year, month)[1]))
        )
        second = Line(
            max(undo, posted),
            "muistio",
            ("zero", area, 2),
            account,
            center,
            -cents,
            "Oikaisu: peruttu, " + label,
        )
        found += [first, second]
    return found
