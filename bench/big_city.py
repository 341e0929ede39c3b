"""A big city as import files (organisation, accounts, budget, ledger) and a database loaded by the imports.

    python bench/big_city.py --lines 1000000 --backend postgresql [--binding 12 --areas 300 --centers 2000]

The organisation: one municipality (code 1), `binding` binding units (toimialat, codes 10, 11, ...),
`areas` service areas spread evenly over them (a binding unit's code and two digits: 1001) and
`centers` cost centers spread evenly over the service areas (an area's code and two digits: 100101).
Every cost center has an original budget (TA) of 2024 on 11 of the ledger's accounts, about four
times what its lines of the first quarter sum to. The ledger lines (bench/generate_ledger.py, January
to March 2024 by default) fall on the cost centers. The files are imported with
`services.import_file`, as `toteuma import` does, into a fresh database: a SQLite file or the
PostgreSQL database toteuma_bench_<name> on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from bench.generate_ledger import EXAMPLE, ledger_accounts, write  # noqa: E402 - after the path is set

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
CONTROLLER = ("talous", "talous-demo")  # the user bench/web_load.py signs in as
MUNICIPALITY = "1"


@dataclass(frozen=True)
class Size:
    binding: int = 12
    areas: int = 300
    centers: int = 2000
    lines: int = 1_000_000
    months: int = 3

    @property
    def name(self) -> str:
        """A file and database name part: city_12_300_2000_1m."""
        lines = f"{self.lines // 1_000_000}m" if self.lines % 1_000_000 == 0 else str(self.lines)
        return f"city_{self.binding}_{self.areas}_{self.centers}_{lines}"


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    parent: str
    kind: str  # the units file's Taso


def organisation(size: Size) -> list[Unit]:
    """The municipality, its binding units, service areas and cost centers, parents before children."""
    found = [Unit(MUNICIPALITY, "Suurkaupunki", "", "kunta")]
    binding = [Unit(str(10 + i), f"Toimiala {i + 1}", MUNICIPALITY, "toimiala") for i in range(size.binding)]
    areas = _children(binding, size.areas, "Palvelualue", "palvelualue")
    centers = _children(areas, size.centers, "Kustannuspaikka", "kustannuspaikka")
    return found + binding + areas + centers


def _children(parents: list[Unit], count: int, name: str, kind: str) -> list[Unit]:
    """`count` units spread round-robin over `parents`, each coded as its parent's code and two digits."""
    taken = dict.fromkeys((parent.code for parent in parents), 0)
    found = []
    for number in range(count):
        parent = parents[number % len(parents)].code
        taken[parent] += 1
        code = f"{parent}{taken[parent]:02d}"
        found.append(Unit(code, f"{name} {code}", parent, kind))
    return sorted(found, key=lambda unit: (len(unit.parent), unit.parent, unit.code))


@dataclass(frozen=True)
class CityFiles:
    units: Path
    accounts: Path
    budget: Path
    ledger: Path


def write_files(folder: Path, size: Size, seed: int = 1) -> CityFiles:
    """The city's import files in `folder`; a ledger file of the same size and seed is reused."""
    folder.mkdir(parents=True, exist_ok=True)
    units = organisation(size)
    files = CityFiles(
        folder / f"{size.name}-units.csv",
        EXAMPLE / "accounts.csv",
        folder / f"{size.name}-budget.csv",
        folder / f"{size.name}-ledger-seed{seed}.csv",
    )
    rows = [
        f"{u.code};{u.name};{u.parent};{u.kind};{'kyllä' if u.kind == 'toimiala' else 'ei'};netto"
        for u in units
    ]
    files.units.write_text(
        "Koodi;Nimi;Ylempi;Taso;Sitova;Sitovuus\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    centers = [unit.code for unit in units if unit.kind == "kustannuspaikka"]
    _write_budget(files.budget, centers, size, seed)
    if not files.ledger.exists():
        partial = files.ledger.with_suffix(".partial")
        write(partial, size.lines, seed=seed, units=centers, months=size.months)
        partial.rename(files.ledger)
    return files


def _write_budget(path: Path, centers: list[str], size: Size, seed: int) -> None:
    """A TA line per cost center on 11 accounts (a tenth), about four times its lines of the quarter."""
    rng = random.Random(seed)
    accounts = ledger_accounts()
    budgeted = accounts[:: max(1, len(accounts) // 10)]
    mean_line = 48_000  # cents: the mean of generate_ledger's amounts (lognormal 9.5, 1.6)
    per_cell = size.lines * mean_line * size.months // (len(centers) * len(accounts) * 3)
    lines = ["Vuosi;Yksikkö;Tili;Summa;Laji"]
    for center in centers:
        for account in budgeted:
            cents = int(4 * per_cell * rng.uniform(0.7, 1.3)) + 100_000
            sign = "-" if int(account) < 4000 else ""
            lines.append(f"2024;{center};{account};{sign}{cents // 100},{cents % 100:02d};TA")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load(files: CityFiles) -> dict[str, float]:
    """Import the files into the configured database as `toteuma import` does; seconds per file."""
    from toteuma import services
    from toteuma.storage import workflow

    services.init()
    seconds = {}
    for kind in ("units", "accounts", "budget", "ledger"):
        started = time.perf_counter()
        result = services.import_file(kind, getattr(files, kind), user="bench")
        if not result.imported:
            raise SystemExit(f"{kind}: " + "\n".join(str(item) for item in result.problems[:10]))
        seconds[kind] = time.perf_counter() - started
    workflow.add_user(CONTROLLER[0], "controller", CONTROLLER[1], by="bench", replace=True)
    return seconds


def database_url(backend: str, name: str, folder: Path, fresh: bool = True) -> str:
    """The URL of PostgreSQL's toteuma_bench_<name> or of <folder>/<name>.sqlite3; emptied if fresh."""
    if backend == "sqlite":
        path = folder / f"{name}.sqlite3"
        if fresh:
            for stale in folder.glob(f"{name}.sqlite3*"):
                stale.unlink()
        return f"sqlite:///{path}"
    if fresh:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS toteuma_bench_{name}")
            con.execute(f"CREATE DATABASE toteuma_bench_{name}")
    return f"{PG_SERVER}/toteuma_bench_{name}"


def build(size: Size, backend: str, folder: Path, seed: int = 1, tag: str = "") -> str:
    """A fresh database of the city (its name ends in `tag`) on `backend`, loaded in a child process."""
    write_files(folder, size, seed)
    url = database_url(backend, size.name + tag, folder)
    command = [sys.executable, __file__, "--child", str(folder), *_size_args(size), "--seed", str(seed)]
    env = {**os.environ, "TOTEUMA_DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "toteuma.settings"}
    subprocess.run(command, env=env, check=True)
    return url


def _size_args(size: Size) -> list[str]:
    return [
        *("--binding", str(size.binding), "--areas", str(size.areas), "--centers", str(size.centers)),
        *("--lines", str(size.lines), "--months", str(size.months)),
    ]


def add_options(parser: argparse.ArgumentParser) -> None:
    """The city's size (--binding, --areas, --centers, --lines, --months), --backend and --folder."""
    defaults = Size()
    for option in ("binding", "areas", "centers", "lines", "months"):
        parser.add_argument(f"--{option}", type=int, default=getattr(defaults, option))
    parser.add_argument("--backend", action="append", choices=("sqlite", "postgresql"))
    parser.add_argument("--folder", type=Path, default=Path("out/bench"), help="files and SQLite databases")


def size_of(args: argparse.Namespace) -> Size:
    return Size(args.binding, args.areas, args.centers, args.lines, args.months)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_options(parser)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = size_of(args)
    if args.child:
        import django

        django.setup()
        seconds = load(write_files(args.child, size, args.seed))
        print(" ".join(f"{kind} {value:.1f} s" for kind, value in seconds.items()))
        return
    for backend in args.backend or ["sqlite"]:
        started = time.perf_counter()
        url = build(size, backend, args.folder.resolve(), args.seed)
        print(f"{backend}: {url} loaded in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
