"""Earlier years for the forecasts: the 2022 ledger, the 2022 and 2023 budgets and the 2024 monthly budget.

Writes `ledger-2022.csv`, `budget-history.csv` and `monthly-budget-2024.csv` beside this file (or into
`--out DIR`). Deterministic: every run writes the same bytes (a seeded generator, no clock). It reads
the committed `ledger-2023.csv` and `budget-2024.xlsx` and changes neither, so the reference report's
634 figures stay as they are (they read 2023 and 2024 only).

How each piece is made (docs/forecasting.md uses them):
- 2022 ledger: every cost center and account that has 2023 lines gets a 2022 year about 3.5 % smaller
  (each with its own few per cent of noise), spread over the months like its 2023 months, each month's
  share moved by up to ±15 %: the same habits, not the same figures. The elections area spends in
  spring: the county elections of 23.1.2022 are booked on 110010 (the cost center of the elections held
  early in the year: the county elections of 2022, the presidential elections of 2024) from December's
  preparations to February's count, and the Ministry of Justice's compensation comes in August.
- Budgets 2022 and 2023 (original budgets, council decisions of December the year before): each cost
  center and account at its year's actual rounded to hundreds of euros, costs budgeted 1–4 % above it
  and income 2–6 % above it (what budgets of a careful municipality look like afterwards).
- Monthly budget 2024 (periodisointi) of the elections area: a presidential election happens every six
  years, so no earlier year shows its months; the finance team spread 110010's budget over January and
  February (the two rounds) and 110020's over May and June (European elections 9.6.2024), the
  compensations in the autumn.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
SEED = 20220101
GROWTH = Decimal("1.035")  # 2023 over 2022
HEADER_LEDGER = "Kirjauspvm;Tosite;Tili;Kustannuspaikka;Projekti;Summa;Selite"
HEADER_BUDGET = "Vuosi;Yksikkö;Tili;Summa;Laji;Päätös;Päätöspvm;Selite"
HEADER_MONTHLY = "Vuosi;Kuukausi;Yksikkö;Tili;Summa"
DECISIONS = {2022: ("Kv 13.12.2021 § 102", "13.12.2021"), 2023: ("Kv 12.12.2022 § 96", "12.12.2022")}
ELECTIONS_2022 = "110010"
# The county elections' months: share of the year's costs (December's preparations fall in January's
# invoices), and the compensation's month.
SPRING = (45, 40, 5, 2, 1, 1, 1, 1, 1, 1, 1, 1)
COMPENSATION_MONTH = 8
MONTHLY_2024 = {  # cost center -> the months its 2024 costs fall in (shares in per cent)
    "110010": (50, 45, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    "110020": (0, 0, 0, 5, 35, 55, 5, 0, 0, 0, 0, 0),
}
INCOME_MONTH_2024 = {"110010": 9, "110020": 10}


def cents(text: str) -> int:
    return int(Decimal(text.replace(" ", "").replace(",", ".")) * 100)


def euros(value: int) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 100},{abs(value) % 100:02d}"


def round_to(value: Decimal, step: int) -> int:
    return int((value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * step


def ledger_2023() -> dict[tuple[str, int], list[int]]:
    """Monthly cents (debit +) of each cost center and income-statement account in 2023."""
    found: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0] * 12)
    with (HERE / "ledger-2023.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            account = int(row["Tili"])
            if row["Projekti"] or account < 3000:  # investments and balance-sheet accounts
                continue
            _, month, _ = row["Kirjauspvm"].split(".")
            found[(row["Kustannuspaikka"], account)][int(month) - 1] += cents(row["Summa"])
    return {key: months for key, months in sorted(found.items()) if sum(months)}


def account_names() -> dict[int, str]:
    with (HERE / "accounts.csv").open(encoding="utf-8", newline="") as handle:
        return {int(row["Tili"]): row["Nimi"] for row in csv.DictReader(handle, delimiter=";")}


def spread(total: int, shares: list[Decimal]) -> list[int]:
    """`total` cents over the months by their shares, exactly (the last month takes the rounding)."""
    whole = sum(shares)
    found = [int((total * share / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)) for share in shares]
    last = max(index for index, share in enumerate(shares) if share)
    found[last] += total - sum(found)
    return found


def pattern_2022(key: tuple[str, int], months: list[int], rng: random.Random) -> list[Decimal]:
    if key[0].startswith("110"):
        return [Decimal(share) for share in SPRING]
    total = sum(months)
    shares = []
    for value in months:
        moved = Decimal(rng.randint(85, 115)) / 100
        share = Decimal(value) / total * moved if value * total > 0 else Decimal(0)
        shares.append(share)
    return shares if any(shares) else [Decimal(1)] * 12


def year_2022(
    history: dict[tuple[str, int], list[int]], rng: random.Random
) -> dict[tuple[str, int], list[int]]:
    found: dict[tuple[str, int], list[int]] = {}
    elections = defaultdict(int)  # account -> the county elections' cents
    for key, months in history.items():
        noise = Decimal(rng.randint(-40, 40)) / 1000
        total = int((sum(months) / GROWTH * (1 + noise)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        if key[0].startswith("110"):
            elections[key[1]] += total
            continue
        found[key] = spread(total, pattern_2022(key, months, rng))
    for account, total in sorted(elections.items()):
        if total < 0:  # the compensation, in one month
            shares = [Decimal(int(month == COMPENSATION_MONTH)) for month in range(1, 13)]
        else:
            shares = [Decimal(share) for share in SPRING]
        found[(ELECTIONS_2022, account)] = spread(total, shares)
    return dict(sorted(found.items()))


def ledger_lines(year: int, months: dict[tuple[str, int], list[int]], names: dict[int, str]) -> str:
    lines = []
    for (unit, account), values in months.items():
        for month, value in enumerate(values, start=1):
            if value:
                lines.append((date(year, month, 15), account, unit, value))
    out = io.StringIO()
    out.write(HEADER_LEDGER + "\n")
    counters: dict[int, int] = defaultdict(int)
    for posted, account, unit, value in sorted(lines):
        counters[posted.month] += 1
        document = f"{year % 100}{posted.month:02d}{counters[posted.month]:04d}"
        text = f"{names.get(account, str(account))} {posted.month}/{year}"
        out.write(
            f"{posted.day}.{posted.month}.{posted.year};{document};{account};{unit};;{euros(value)};{text}\n"
        )
    return out.getvalue()


def budget_lines(years: dict[int, dict[tuple[str, int], list[int]]], rng: random.Random) -> str:
    out = io.StringIO()
    out.write(HEADER_BUDGET + "\n")
    for year, months in sorted(years.items()):
        decision, decided = DECISIONS[year]
        for (unit, account), values in months.items():
            total = sum(values)
            margin = Decimal(rng.randint(1, 4) if total > 0 else rng.randint(2, 6)) / 100
            budget = round_to(Decimal(total) * (1 + margin), 10_000)
            if budget:
                out.write(
                    f"{year};{unit};{account};{euros(budget)};TA;{decision};{decided};Talousarvio {year}\n"
                )
    return out.getvalue()


def budget_2024() -> dict[tuple[str, int], int]:
    """The 2024 budget in force at 31.3.2024 (original and the amendments decided by then), in cents."""
    sheet = openpyxl.load_workbook(HERE / "budget-2024.xlsx", read_only=True).active
    found: dict[tuple[str, int], int] = defaultdict(int)
    for row in list(sheet.iter_rows(values_only=True))[3:]:
        _, unit, account, _, amount, _, _, decided, _ = row
        if decided is not None and decided.date() <= date(2024, 3, 31):
            found[(str(unit), int(account))] += int(Decimal(str(amount)) * 100)
    return found


def monthly_lines() -> str:
    out = io.StringIO()
    out.write(HEADER_MONTHLY + "\n")
    for (unit, account), total in sorted(budget_2024().items()):
        if unit not in MONTHLY_2024 or not total:
            continue
        if total < 0:
            shares = [Decimal(int(month == INCOME_MONTH_2024[unit])) for month in range(1, 13)]
        else:
            shares = [Decimal(share) for share in MONTHLY_2024[unit]]
        for month, value in enumerate(spread(total, shares), start=1):
            if value:
                out.write(f"2024;{month};{unit};{account};{euros(value)}\n")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    history = ledger_2023()
    earlier = year_2022(history, rng)
    names = account_names()
    (out / "ledger-2022.csv").write_text(ledger_lines(2022, earlier, names), encoding="utf-8")
    (out / "budget-history.csv").write_text(
        budget_lines({2022: earlier, 2023: history}, rng), encoding="utf-8"
    )
    (out / "monthly-budget-2024.csv").write_text(monthly_lines(), encoding="utf-8")


if __name__ == "__main__":
    main()
