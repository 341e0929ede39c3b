"""Write a realistic ledger of N lines in the example's export format (semicolon, decimal comma, d.m.yyyy).

    python bench/generate_ledger.py 1000000 out/ledger-1m.csv [--year 2024] [--seed 1]

Cost centers and accounts are the example's own (examples/heinola-2024-q1), so the file imports into
a database that holds the example's units and accounts. Costs are positive, income negative, a few
amounts have thousands spaces or a trailing minus, as ledger systems write them.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Sequence
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "heinola-2024-q1"
TEXTS = ("Toimistotarvikkeet", "Asiantuntijapalvelut", "Palkat", "Vuokra", "Matkakulut", "Myyntitulot")


def _column(name: str, column: str, keep: str = "") -> list[str]:
    with (EXAMPLE / name).open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.DictReader(handle, delimiter=";")
        return [row[column] for row in rows if not keep or row["Taso"] == keep]


def _amount(rng: random.Random, income: bool) -> str:
    cents = int(rng.lognormvariate(9.5, 1.6)) + 1
    euros, rest = divmod(cents, 100)
    whole = f"{euros:,}".replace(",", " ") if rng.random() < 0.1 else str(euros)
    text = f"{whole},{rest:02d}"
    if not income:
        return text
    return f"{text}-" if rng.random() < 0.2 else f"-{text}"


def ledger_accounts() -> list[str]:
    """The example's income-statement accounts (3000-8999): the accounts the generated lines use."""
    return [a for a in _column("accounts.csv", "Tili") if 3000 <= int(a) <= 8999]


def write(
    path: Path, count: int, year: int = 2024, seed: int = 1, units: Sequence[str] = (), months: int = 12
) -> int:
    """Write `count` lines to `path`; returns the sum of the amounts in cents (for checks).

    The lines fall on the cost centers `units` (the example's by default), in months 1 to `months`.
    """
    rng = random.Random(seed)
    units = list(units) or _column("units.csv", "Koodi", keep="kustannuspaikka")
    accounts = ledger_accounts()
    days = [f"{day}.{month}.{year}" for month in range(1, months + 1) for day in range(1, 29)]
    total = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Kirjauspvm;Tosite;Tili;Kustannuspaikka;Projekti;Summa;Selite\n")
        block = []
        for number in range(count):
            account = rng.choice(accounts)
            amount = _amount(rng, income=int(account) < 4000)
            total += _cents(amount)
            day = days[(number * len(days)) // count]  # in date order, as exports come
            text = f"{rng.choice(TEXTS)} {number % 997}"
            block.append(f"{day};{year % 100}{number:08d};{account};{rng.choice(units)};;{amount};{text}\n")
            if len(block) == 10000:
                handle.writelines(block)
                block.clear()
        handle.writelines(block)
    return total


def _cents(amount: str) -> int:
    negative = amount.startswith("-") or amount.endswith("-")
    digits = amount.strip("-").replace(" ", "").replace(",", "")
    return -int(digits) if negative else int(digits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    total = write(args.path, args.count, args.year, args.seed)
    print(f"wrote {args.count} lines to {args.path}, total {total} cents")


if __name__ == "__main__":
    main()
