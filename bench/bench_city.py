"""The dashboard and reports of a big city against the reference example: latency, queries, load.

    python bench/bench_city.py --lines 1000000 --backend postgresql --backend sqlite \\
        [--binding 12 --areas 300 --centers 2000] [--cache off --cache on] [--seconds 10] [--reuse]

For each backend and each data set (the reference example as the baseline, and the big city of
bench/big_city.py) a database is loaded by the imports (or reused with --reuse), then:

- single requests, in a child process through Django's test client with the figure cache off: the
  median of five after a first request, and the number of queries of one more;
- the report of the municipality, of a binding unit and of a service area at 2024-03 built in that
  process (`services.build_report`, median of three after a first) and rendered as HTML once;
- unless --seconds 0: 16 clients (wrk connections, or Python threads) on each page in turn for
  --seconds (longer for a slow page with wrk) against gunicorn with 4 workers and the production
  settings, once per --cache (off: TOTEUMA_CACHE_SECONDS=0; on: 30 and the shared cache where the
  settings have one): p50 and p95.

Prints Markdown tables and appends each measurement as a JSON line to --json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from bench.big_city import CONTROLLER, MUNICIPALITY, Size, add_options, build, database_url, size_of  # noqa: E402

PERIOD = "2024-03"
ACCOUNT = 4410  # a purchase of services (palvelujen_ostot) that both data sets have lines on
# Per data set: the municipality, a binding unit, a service area of it and a cost center of that.
EXAMPLE_UNITS = ("111", "1000", "1300", "130010")
CITY_UNITS = (MUNICIPALITY, "10", "1001", "100101")
CACHE_SETTINGS = {"off": {"TOTEUMA_CACHE_SECONDS": "0"}, "on": {"TOTEUMA_CACHE_SECONDS": "30"}}


def pages(units: tuple[str, str, str, str]) -> dict[str, str]:
    """The pages measured, by name: overview, unit pages of three levels, drill-downs of two."""
    _, binding, area, center = units
    q = f"?kausi={PERIOD}"
    drill = f"/porautuminen/{area}/palvelujen_ostot/tot/"
    return {
        "overview": f"/{q}",
        # Since issue 14 the overview shows the binding units and opens one's service areas on demand.
        "overview, a binding unit opened": f"/{q}&auki={binding}",
        "unit page: binding unit": f"/yksikko/{binding}/{q}",
        "unit page: service area": f"/yksikko/{area}/{q}",
        "unit page: cost center": f"/yksikko/{center}/{q}",
        "drill-down: binding unit, by account": f"/porautuminen/{binding}/palvelujen_ostot/tot/{q}",
        "drill-down: service area, by account": f"{drill}{q}",
        "drill-down: by cost center": f"{drill}{q}&tili={ACCOUNT}",
        "drill-down: ledger lines": f"{drill}rivit/{q}&tili={ACCOUNT}&kp={center}",
    }


def reports(units: tuple[str, str, str, str]) -> dict[str, str]:
    municipality, binding, area, _ = units
    return {"municipality": municipality, "binding unit": binding, "service area": area}


def measure(pages: dict[str, str], reports: dict[str, str], repeat: int = 5) -> dict[str, dict[str, Any]]:
    """In this process's database: each page's and each report's build's median ms (wall, CPU) and queries.

    CPU ms is this process's (Python, and SQLite, which runs inside it) and PostgreSQL's server
    process's: the work of a request, which a busy machine disturbs less than the wall time.
    """
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from toteuma import services
    from toteuma.core.periods import Period

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username=CONTROLLER[0]))

    def get(url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: {response.status_code}")

    def timed(call: Any, times: int) -> dict[str, Any]:
        """Median wall ms, mean CPU ms of `times` calls after a first (templates, chart engine), queries."""
        call()
        wall = []
        started_cpu, started_server = time.process_time(), _server_cpu(connection)
        for _ in range(times):
            started = time.perf_counter()
            call()
            wall.append(time.perf_counter() - started)
        server = _server_cpu(connection) - started_server
        cpu = time.process_time() - started_cpu + server
        with CaptureQueriesContext(connection) as captured:
            call()
        ms = statistics.median(wall) * 1000
        return {
            "ms": ms,
            "cpu_ms": cpu * 1000 / times,
            "server_cpu_ms": server * 1000 / times,
            "queries": len(captured),
        }

    found: dict[str, dict[str, Any]] = {}
    for name, url in pages.items():
        found[f"page: {name}"] = timed(lambda url=url: get(url), repeat)
    period = Period.parse(PERIOD)
    for level, code in reports.items():
        figures = timed(lambda code=code: services.build_report(code, period), max(1, repeat // 2))
        content = services.build_report(code, period)
        started = time.perf_counter()
        services.render_report(content, "html")
        figures["html_ms"] = (time.perf_counter() - started) * 1000
        found[f"report: {level}"] = figures
    return found


def _server_cpu(connection: Any) -> float:
    """CPU seconds PostgreSQL's server process of this connection has used (0 on SQLite: it is ours).

    From /proc (the server runs on this machine); the parallel workers of a query are not counted.
    """
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def _child(dataset: str, cached: bool) -> None:
    import django

    django.setup()
    units = EXAMPLE_UNITS if dataset == "example" else CITY_UNITS
    print(json.dumps(measure(pages(units), {} if cached else reports(units))))


def prepare(dataset: str, size: Size, backend: str, folder: Path, reuse: bool, tag: str = "") -> str:
    """The database URL of the data set on the backend, loaded unless --reuse finds it there."""
    name = ("example" if dataset == "example" else size.name) + tag
    url = database_url(backend, name, folder, fresh=False)
    if reuse and _loaded(url):
        return url
    if dataset != "example":
        return build(size, backend, folder, tag=tag)
    url = database_url(backend, name, folder)
    code = (
        "import django; django.setup(); from toteuma import services; from toteuma.services import demo; "
        "services.init(); demo.import_example(); demo.add_demo_users()"
    )
    subprocess.run([sys.executable, "-c", code], env=_env(url), check=True)
    return url


def _loaded(url: str) -> bool:
    code = "import django; django.setup(); from toteuma import storage; print(len(storage.batches()))"
    found = subprocess.run([sys.executable, "-c", code], env=_env(url), capture_output=True, text=True)
    return found.returncode == 0 and found.stdout.strip() not in ("", "0")


def _env(url: str, **more: str) -> dict[str, str]:
    return {**os.environ, "TOTEUMA_DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "toteuma.settings", **more}


def single(dataset: str, url: str, cache: str = "off") -> dict[str, dict[str, Any]]:
    """`measure` in a child process on the database at `url`; with the cache on, of the pages only."""
    command = [sys.executable, __file__, "--child", dataset, "--cache", cache]
    env = _env(url, **CACHE_SETTINGS[cache])
    found = subprocess.run(command, env=env, capture_output=True, text=True)
    if found.returncode != 0:
        raise SystemExit(f"{dataset} at {url}: {found.stderr[-3000:]}")
    return dict(json.loads(found.stdout.strip().splitlines()[-1]))


def under_load(
    url: str,
    urls: dict[str, tuple[str, float]],
    cache: str,
    clients: int,
    workers: int,
    seconds: float,
    generator: str,
) -> dict[str, dict[str, Any]]:
    """Each page (URL, single-request ms) under `clients` clients on gunicorn: requests, p50, p95, errors.

    With wrk a page is loaded for `seconds`, or longer for a slow page: about three rounds of all the
    clients at its single-request time over the two CPUs (at most a minute), so that its figures are
    not only its first answers (wrk leaves out the requests under way at its end).
    """
    from web_load import _server, load_page, sign_in, wrk_page

    settings = {"TOTEUMA_DATABASE_URL": url, **CACHE_SETTINGS[cache]}
    server, port = _server(workers, settings)
    found = {}
    try:
        session = sign_in(port)
        for name, (page, single_ms) in urls.items():
            load_page(port, session, page, workers, 0.01)  # each worker answers it once first
            load = os.getloadavg()[0]
            if generator == "wrk":
                duration = min(60, max(seconds, 3 * clients * single_ms / 2000))
                requests, p50, p95, errors = wrk_page(port, session, page, clients, duration)
            else:
                requests, p50, p95, errors = load_page(port, session, page, clients, seconds)
            found[name] = {"requests": requests, "p50": p50, "p95": p95, "errors": errors, "load": load}
    finally:
        server.terminate()
        server.wait(timeout=30)
    return found


def _commit() -> str:
    """The measured code's commit: of --code's checkout (its COMMIT file in an export), else of this one."""
    where = Path(os.environ.get("PYTHONPATH", str(HERE.parent / "src"))).parent
    if (where / "COMMIT").exists():
        return (where / "COMMIT").read_text(encoding="utf-8").strip()
    found = subprocess.run(["git", "-C", str(where), "describe", "--always", "--dirty"], capture_output=True)
    return found.stdout.decode().strip()


def _single_table(title: str, results: dict[str, dict[str, Any]], key: str) -> None:
    """One table of single requests: a row per call, wall ms, CPU ms and queries per data set."""
    sets = [name for name in results if key in results[name]]
    if not sets:
        return
    print(f"\n### {title}\n")
    print("| call | " + " | ".join(f"{name} ms | CPU ms | queries" for name in sets) + " |")
    print("|---|" + "---:|---:|---:|" * len(sets))
    for call in results[sets[0]][key]:
        cells = [results[name][key].get(call, {}) for name in sets]
        shown = " | ".join(
            f"{cell.get('ms', 0):.0f} | {cell.get('cpu_ms', 0):.0f} | {cell.get('queries', '')}"
            for cell in cells
        )
        print(f"| {call} | {shown} |")


def _print_single(backend: str, results: dict[str, dict[str, Any]]) -> None:
    sets = list(results)
    _single_table(f"{backend}: single requests, figure cache off", results, "single")
    _single_table(f"{backend}: single requests, figure cache on (after a first)", results, "single_cached")
    reported = [name for name in sets if any(key.startswith("report") for key in results[name]["single"])]
    if reported:
        print(
            "\nHTML rendering of the reports after the build (ms): "
            + "; ".join(
                f"{name}: "
                + ", ".join(
                    f"{call[8:]} {value['html_ms']:.0f}"
                    for call, value in results[name]["single"].items()
                    if "html_ms" in value
                )
                for name in reported
            )
        )


def _print_load(
    backend: str, results: dict[str, dict[str, Any]], clients: int, workers: int, generator: str
) -> None:
    rows = [
        (name, cache, found) for name in results for cache, found in results[name].get("load", {}).items()
    ]
    if not rows:
        return
    print(f"\n### {backend}: {clients} clients ({generator}), gunicorn {workers} workers (ms)\n")
    print("| data | cache | page | requests | p50 | p95 | errors | load average |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for name, cache, found in rows:
        for page, value in found.items():
            print(
                f"| {name} | {cache} | {page} | {value['requests']} | {value['p50']:.0f} "
                f"| {value['p95']:.0f} | {value['errors']} | {value['load']:.1f} |"
            )


def _print_file(path: Path, clients: int, workers: int, generator: str) -> None:
    """The tables of the JSON lines in `path`, per backend in the order of the file."""
    by_backend: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_backend.setdefault(record["backend"], {})[record["data"]] = record
    for backend, results in by_backend.items():
        _print_single(backend, results)
        _print_load(backend, results, clients, workers, generator)


def _print_compare(before: Path, after: Path) -> None:
    """Single requests before and after a change, per backend and data set, from two runs' JSON lines."""
    runs = [
        {(r["backend"], r["data"]): r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
        for path in (before, after)
    ]
    for key in [key for key in runs[1] if key in runs[0]]:
        old, new = (run[key] for run in runs)
        print(f"\n### {key[0]}, {key[1]}: single requests, figure cache off\n")
        heads = " | ".join(
            f"{when} ({run['commit']}) ms | CPU ms | queries"
            for when, run in (("before", old), ("after", new))
        )
        print(f"| call | {heads} |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for call, figures in new["single"].items():
            cells = [old["single"].get(call), figures]
            shown = " | ".join(
                f"{cell['ms']:.0f} | {cell.get('cpu_ms', 0):.0f} | {cell['queries']}" if cell else "— | — | —"
                for cell in cells
            )
            print(f"| {call} | {shown} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_options(parser)
    parser.add_argument("--dataset", action="append", choices=("example", "city"), help="default: both")
    parser.add_argument("--cache", action="append", choices=tuple(CACHE_SETTINGS), help="default: off and on")
    parser.add_argument("--seconds", type=float, default=10, help="per page under load; 0: no load")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--generator",
        choices=("wrk", "threads"),
        default="wrk" if shutil.which("wrk") else "threads",
        help="the load generator: wrk (Debian's package; the default where installed) or Python threads",
    )
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--reuse", action="store_true", help="measure the databases already loaded")
    parser.add_argument(
        "--cached-single", action="store_true", help="single requests with the figure cache on, too"
    )
    parser.add_argument("--tag", default="", help="a suffix of the databases' names (e.g. _after)")
    parser.add_argument(
        "--code", type=Path, help="measure the code of this checkout (its src/ first on PYTHONPATH)"
    )
    parser.add_argument("--json", type=Path, default=Path("out/bench/bench_city.jsonl"))
    parser.add_argument("--print", type=Path, metavar="JSONL", help="print the tables of a run's JSON lines")
    parser.add_argument(
        "--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"), help="two runs' JSON lines"
    )
    parser.add_argument("--child", choices=("example", "city"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.cache == ["on"])
        return
    if args.compare:
        _print_compare(*args.compare)
        return
    if args.print:
        _print_file(args.print, args.clients, args.workers, args.generator)
        return
    size = size_of(args)
    if args.code:  # every child process (load, measure, gunicorn) imports toteuma from there
        os.environ["PYTHONPATH"] = str(args.code.resolve() / "src")
    folder = args.folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    print(f"code {_commit()}, {size}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    for backend in args.backend or ["sqlite"]:
        results: dict[str, dict[str, Any]] = {}
        for dataset in args.dataset or ["example", "city"]:
            url = prepare(dataset, size, backend, folder, args.reuse, args.tag)
            name = "example" if dataset == "example" else f"city {args.lines // 1000} k lines"
            found: dict[str, Any] = {"single": single(dataset, url)}
            if args.cached_single:
                found["single_cached"] = single(dataset, url, "on")
            if args.seconds > 0:
                urls = {
                    name: (page, found["single"][f"page: {name}"]["ms"])
                    for name, page in pages(EXAMPLE_UNITS if dataset == "example" else CITY_UNITS).items()
                }
                found["load"] = {
                    cache: under_load(
                        url, urls, cache, args.clients, args.workers, args.seconds, args.generator
                    )
                    for cache in args.cache or ["off", "on"]
                }
            results[name] = found
            record = {
                "commit": _commit(),
                "backend": backend,
                "data": name,
                "size": str(size),
                "generator": args.generator,
                "load_average": os.getloadavg()[0],
                **found,
            }
            with args.json.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")
        _print_single(backend, results)
        _print_load(backend, results, args.clients, args.workers, args.generator)


if __name__ == "__main__":
    main()
