"""Measure importing a generated ledger: lines per second, peak memory, reports after it, DuckDB's floor.

    python bench/import_ledger.py --lines 1000000 --backend sqlite [--backend postgresql] [--keep DIR]

For each backend a fresh database is made (a SQLite file in a temporary folder, or the PostgreSQL
database toteuma_bench on 127.0.0.1), the example's units and accounts are imported, and then the
generated ledger through `services.import_file`, in a child process so its peak memory (ru_maxrss)
is the import's own. Afterwards the report of every binding unit and service area at the year's
last month-end is built and rendered, twice: the first pass includes what a process does once
whatever its data (the chart engine's start, the templates' compilation), the second is each
report's own time. In the same run DuckDB reads and aggregates the same file with the amount as
DECIMAL(18,2): the floor we compare against; and the database alone takes in the same rows without
any index or key (`database_floor`): the floor of the load itself.

With --bad one line with an impossible date is appended: the figures are then the time to report the
problem and the peak memory of doing so (nothing is imported).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from bench.generate_ledger import EXAMPLE, write  # noqa: E402 - after the path is set

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"


def duckdb_floor(path: Path) -> float:
    """Seconds DuckDB takes to read the file and sum it per cost center, account and month."""
    import duckdb

    plain = "replace(replace(rtrim(Summa, '-'), ' ', ''), ',', '.')"
    signed = f"CASE WHEN Summa LIKE '%-' THEN '-' || {plain} ELSE {plain} END"
    started = time.perf_counter()
    duckdb.connect().execute(
        f"SELECT Kustannuspaikka, Tili, month(try_strptime(Kirjauspvm, '%d.%m.%Y')) AS m, "
        f"sum(CAST({signed} AS DECIMAL(18,2))) "
        f"FROM read_csv('{path}', delim=';', header=true, all_varchar=true) GROUP BY ALL"
    ).fetchall()
    return time.perf_counter() - started


def _rows_table(con: Any, path: Path) -> None:
    """The file's lines as the ledger table's rows (fixed ids for the units), in DuckDB."""
    plain = "replace(replace(rtrim(Summa, '-'), ' ', ''), ',', '.')"
    signed = f"CASE WHEN Summa LIKE '%-' THEN '-' || {plain} ELSE {plain} END"
    day = "strptime(Kirjauspvm, '%d.%m.%Y')"
    con.execute(
        f"CREATE TABLE rows AS SELECT 1::BIGINT AS batch_id, strftime({day}, '%Y-%m-%d') AS posted, "
        f"year({day})::SMALLINT AS year, month({day})::SMALLINT AS month, Tosite AS document, "
        "Tili::INTEGER AS account, Kustannuspaikka::BIGINT AS unit_id, coalesce(Projekti, '') AS project, "
        f"CAST(CAST({signed} AS DECIMAL(18,2)) * 100 AS BIGINT) AS amount_cents, "
        "coalesce(Selite, '') AS text "
        f"FROM read_csv('{path}', delim=';', header=true, all_varchar=true)"
    )


def database_floor(backend: str, path: Path, folder: Path) -> float:
    """Seconds the database alone takes to take in the same rows: a bare table, no index, no key.

    PostgreSQL: COPY of the rows (as CSV, written beforehand) into a table shaped like the ledger,
    without its indexes and keys, rolled back afterwards. SQLite: the rows from DuckDB into a fresh
    file through Arrow and ADBC (toteuma's own path into its scratch file).
    """
    import duckdb

    con = duckdb.connect()
    _rows_table(con, path)
    if backend == "sqlite":
        import adbc_driver_sqlite.dbapi as adbc

        target = folder / "floor.sqlite3"
        target.unlink(missing_ok=True)
        started = time.perf_counter()
        with adbc.connect(str(target), autocommit=True) as sqlite, sqlite.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode = OFF")
            cursor.adbc_ingest("lines", con.sql("SELECT * FROM rows").to_arrow_reader(100_000), mode="create")
        seconds = time.perf_counter() - started
        target.unlink()
        return seconds
    import psycopg

    rows = folder / "floor-rows.csv"
    con.execute(f"COPY rows TO '{rows}' (FORMAT csv, HEADER false)")
    con.close()
    columns = "batch_id, posted, year, month, document, account, unit_id, project, amount_cents, text"
    with psycopg.connect(f"{PG_SERVER}/toteuma_bench") as pg:
        pg.execute(
            "CREATE TABLE floor (LIKE toteuma_ledgerline INCLUDING DEFAULTS INCLUDING IDENTITY "
            "INCLUDING CONSTRAINTS)"
        )
        started = time.perf_counter()
        statement = f"COPY floor ({columns}) FROM STDIN (FORMAT csv)"
        with pg.cursor() as cursor, rows.open("rb") as data, cursor.copy(statement) as copy:
            while block := data.read(1 << 20):
                copy.write(block)
        seconds = time.perf_counter() - started
        pg.rollback()
    rows.unlink()
    return seconds


def child(ledger: Path) -> dict[str, object]:
    """In a fresh process with TOTEUMA_DATABASE_URL set: import and time the reports."""
    from toteuma import services
    from toteuma.core.org import UnitKind
    from toteuma.core.periods import Period

    services.init()
    for kind, name in (("units", "units.csv"), ("accounts", "accounts.csv")):
        assert services.import_file(kind, EXAMPLE / name).ok
    phases: list[str] = []  # what the import logs about its own phases (read, rows, indexes, commit)

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            phases.append(record.getMessage())

    logging.getLogger("toteuma").addHandler(Collect(logging.INFO))
    logging.getLogger("toteuma").setLevel(logging.INFO)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = services.import_file("ledger", ledger, user="bench")
    seconds = time.perf_counter() - started
    if ledger.stem.endswith("-bad"):  # one bad line at the end: how long to say so, in how much memory
        return {
            "lines": result.records,
            "seconds_to_report_problems": seconds,
            "problems": [f"{p.code} row {p.row}" for p in result.problems],
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    if not result.imported:
        raise SystemExit("\n".join(str(item) for item in result.problems[:10]))
    units = [u for _, u in services.unit_listing() if u.binding_level or u.kind is UnitKind.SERVICE_AREA]

    def report_seconds() -> list[float]:
        timings = []
        for unit in units:
            begun = time.perf_counter()
            services.render_report(services.build_report(unit.code, Period(2024, 12)), "html")
            timings.append(time.perf_counter() - begun)
        return timings

    # The first pass includes what a process does once whatever the data: the chart engine's start
    # (vl-convert, about 0.8 s) and the templates' compilation. The second pass is each report's own.
    first_pass = report_seconds()
    timings = report_seconds()
    return {
        "lines": result.records,
        "seconds": seconds,
        "lines_per_second": result.records / seconds,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_before_import_mib": before / 1024,
        "reports": len(timings),
        "slowest_report_s": max(timings),
        "all_reports_s": sum(timings),
        "first_pass_slowest_s": max(first_pass),
        "first_pass_all_s": sum(first_pass),
        "phases": phases,
    }


def _database(backend: str, folder: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'bench.sqlite3'}"
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as con:
        con.execute("DROP DATABASE IF EXISTS toteuma_bench")
        con.execute("CREATE DATABASE toteuma_bench")
    return f"{PG_SERVER}/toteuma_bench"


def measure(backend: str, ledger: Path, folder: Path) -> dict[str, object]:
    env = {**os.environ, "TOTEUMA_DATABASE_URL": _database(backend, folder)}
    command = [sys.executable, __file__, "--child", str(ledger)]
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{backend}: {out.stderr[-3000:]}")
    return {"backend": backend, **json.loads(out.stdout.strip().splitlines()[-1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--backend", action="append", choices=("sqlite", "postgresql"))
    parser.add_argument("--keep", type=Path, help="folder for the generated file (default: temporary)")
    parser.add_argument("--bad", action="store_true", help="append one bad line: measure the problem report")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    with tempfile.TemporaryDirectory(prefix="toteuma-bench-") as temporary:
        folder = args.keep or Path(temporary)
        ledger = folder / f"ledger-{args.lines}.csv"
        if not ledger.exists():
            write(ledger, args.lines)
        if args.bad:
            bad = folder / f"ledger-{args.lines}-bad.csv"
            shutil.copyfile(ledger, bad)
            with bad.open("a", encoding="utf-8") as handle:
                handle.write("31.2.2024;1;4300;110010;;1,00;a date that does not exist\n")
            ledger = bad
        results = [measure(backend, ledger, Path(temporary)) for backend in args.backend or ["sqlite"]]
        floor = duckdb_floor(ledger)
        # The database floors after every import: DuckDB's table of the rows makes this process big,
        # and a child forked from a big process inherits its peak memory figure (ru_maxrss).
        for figures in results:
            figures["duckdb_floor_s"] = floor
            if "seconds" in figures:
                figures["database_floor_s"] = database_floor(str(figures["backend"]), ledger, Path(temporary))
            print(json.dumps(figures))


if __name__ == "__main__":
    main()
