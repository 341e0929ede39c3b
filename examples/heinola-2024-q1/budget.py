"""The 2024 budget by cost center and account: the council's original budget, the amendments decided by
31.3.2024 (which the Q1 report includes) and one decided after it (which the Q1 report must leave out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from catalogue import items_for
from chart import AREA_BY_CODE, PROJECTS
from ledger import split

ORIGINAL = ("TA", "Kv 11.12.2023 § 95", date(2023, 12, 11), "Talousarvio 2024")
PERIOD_END = date(2024, 3, 31)


@dataclass(frozen=True)
class BudgetLine:
    unit: str
    account: int
    euros: int  # bookkeeping sign: costs +, income -
    kind: str = ORIGINAL[0]
    decision: str = ORIGINAL[1]
    decided: date = ORIGINAL[2]
    text: str = ORIGINAL[3]
    project: str = ""


def _amendment(decision: str, decided: date, text: str, *parts: tuple[str, int, int]) -> list[BudgetLine]:
    return [
        BudgetLine(unit, account, euros, "muutos", decision, decided, text) for unit, account, euros in parts
    ]


AMENDMENTS = [
    *_amendment(
        "Kv 26.2.2024 § 14",
        date(2024, 2, 26),
        "Presidentinvaalien toinen kierros",
        ("110010", 3300, -35_000),
        ("110010", 4410, 25_000),
        ("110010", 4350, 15_000),
        ("110010", 4420, 10_000),
    ),
    *_amendment(
        "Kv 25.3.2024 § 27",
        date(2024, 3, 25),
        "Osaamisen kehittämisen hanke, ulkopuolinen rahoitus",
        ("170040", 3300, -38_000),
        ("170040", 4440, 38_000),
    ),
    # Decided after the period: the Q1 report must not include it (the decision-date rule).
    *_amendment(
        "Kv 22.4.2024 § 41",
        date(2024, 4, 22),
        "Edelliseltä vuodelta siirtyvät lisenssikulut",
        ("140020", 4342, 150_000),
    ),
]

# Where the generic spread would not do: the elections budget by election, before the second round.
EXPLICIT = {
    ("1100", "tuet_ja_avustukset"): [("110010", 3300, -20_000), ("110020", 3300, -15_000)],
    ("1100", "palvelujen_ostot"): [
        ("110010", 4410, 12_000),
        ("110010", 4350, 8_000),
        ("110010", 4420, 5_000),
        ("110020", 4410, 10_000),
        ("110020", 4350, 8_000),
        ("110020", 4420, 7_000),
    ],
}


def _candidates(area: str, row: str, side: int) -> list[tuple[str, int, int]]:
    """(cost center, account, weight) of the row's items that run in 2024: those above 3 % of the row."""
    shares = {code: share for code, _name, share in AREA_BY_CODE[area].cost_centers}
    weights: dict[tuple[str, int], float] = {}
    for item in items_for(area, row):
        if item.sign != side or item.share <= 0 or (item.years and 2024 not in item.years):
            continue
        for center in item.ccs or tuple(shares):
            weights[center, item.account] = (
                weights.get((center, item.account), 0) + item.share * shares[center]
            )
    total = sum(weights.values())
    ranked = [
        pair
        for pair in sorted(weights.items(), key=lambda pair: (-pair[1], pair[0]))
        if pair[1] > total * 0.03
    ]
    return [(center, account, round(weight * 1000)) for (center, account), weight in ranked]


def _original(area: str, row: str, euros: int) -> list[BudgetLine]:
    """The original budget of one row: what the printed TA leaves after the amendments, in hundreds."""
    if (area, row) in EXPLICIT:
        return [BudgetLine(u, a, e) for u, a, e in EXPLICIT[area, row]]
    candidates = _candidates(area, row, 1 if euros > 0 else -1)
    hundreds = split(euros // 100, [weight for _c, _a, weight in candidates])
    return [BudgetLine(c, a, h * 100) for (c, a, _w), h in zip(candidates, hundreds, strict=True) if h]


def budget_lines(printed: dict[tuple[str, str], int], accounts_row: dict[int, str]) -> list[BudgetLine]:
    """printed: (area, row) -> the printed TA 2024 +muutos in report-sign cents. Checks every row adds up."""
    found: list[BudgetLine] = []
    for (area, row), cents in printed.items():
        if cents == 0:
            continue  # a zero budget line would make a hidden row show
        amended = sum(
            a.euros for a in AMENDMENTS if _row_of(a, accounts_row) == (area, row) and a.decided <= PERIOD_END
        )
        original = _original(area, row, -cents // 100 - amended)
        if sum(line.euros for line in original) + amended != -cents // 100:
            raise AssertionError(f"budget of {area} {row} does not add up to the printed figure")
        found.extend(original)
    found.extend(AMENDMENTS)
    found.extend(BudgetLine(p.unit, p.account, p.budget_2024, project=p.code, text=p.name) for p in PROJECTS)
    return sorted(found, key=lambda line: (line.kind != "TA", line.unit, line.account, line.project))


def _row_of(line: BudgetLine, accounts_row: dict[int, str]) -> tuple[str, str]:
    return line.unit[:2] + "00", accounts_row[line.account]
