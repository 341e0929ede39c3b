"""Load on the dashboard: 16 clients on loopback against gunicorn over PostgreSQL with a 10 M-line ledger.

    TOTEUMA_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/toteuma_web_bench \\
        .venv/bin/python bench/web_load.py --lines 10000000 --clients 16 --requests 50

Prints p50 and p95 latency and the error count per page as a Markdown table (docs/performance.md).
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "bench"))

DRILL = "/porautuminen/1300/palvelujen_ostot/tot/"
PAGES = {
    "overview": "/?kausi=2024-03",
    "unit page (1300)": "/yksikko/1300/?kausi=2024-03",
    "drill-down: by account": f"{DRILL}?kausi=2024-03",
    "drill-down: by cost center": f"{DRILL}?kausi=2024-03&tili=4410",
    "drill-down: ledger lines of account 4410 in 130010": f"{DRILL}rivit/?kausi=2024-03&tili=4410&kp=130010",
}
# The lines of a whole cell at once (every account and cost center of a service area's row): measured
# separately with --whole-cell, because it reads hundreds of thousands of lines at this scale.
WHOLE_CELL = {"drill-down: every line of the cell, page 1": f"{DRILL}rivit/?kausi=2024-03"}
HEADERS = {"X-Forwarded-Proto": "https", "Host": "localhost"}


def _cookie(response: http.client.HTTPResponse, name: str) -> str:
    for header in response.headers.get_all("Set-Cookie") or []:
        found = re.match(rf"{name}=([^;]+)", header)
        if found:
            return found.group(1)
    raise RuntimeError(f"no {name} cookie")


def sign_in(port: int) -> str:
    """A session cookie of the demo controller."""
    connection = _connect(port)
    connection.request("GET", "/kirjaudu/", headers=HEADERS)
    first = connection.getresponse()
    csrf = _cookie(first, "csrftoken")
    first.read()
    body = f"csrfmiddlewaretoken={csrf}&username=talous&password=talous-demo"
    headers = {
        **HEADERS,
        "Cookie": f"csrftoken={csrf}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": "https://localhost/kirjaudu/",
    }
    connection.request("POST", "/kirjaudu/", body=body, headers=headers)
    second = connection.getresponse()
    second.read()
    return _cookie(second, "sessionid")


Times = dict[str, list[float]]


def _connect(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=120)


def _get(connection: http.client.HTTPConnection, url: str, session: str) -> tuple[float, bool]:
    """Seconds one GET took and whether it answered 200; the connection is closed when it failed."""
    started = time.perf_counter()
    try:
        connection.request("GET", url, headers={**HEADERS, "Cookie": f"sessionid={session}"})
        response = connection.getresponse()
        response.read()
        ok = response.status == 200
    except (OSError, http.client.HTTPException):
        ok = False
        connection.close()  # http.client opens it again on the next request
    return time.perf_counter() - started, ok


def client(port: int, session: str, rounds: int, times: Times, errors: dict[str, int]) -> None:
    connection = _connect(port)
    for _ in range(rounds):
        for name, url in PAGES.items():
            seconds, ok = _get(connection, url, session)
            times[name].append(seconds)
            if not ok:
                errors[name] += 1


def load_page(
    port: int, session: str, url: str, clients: int, seconds: float
) -> tuple[int, float, float, int]:
    """`clients` threads asking for one page for `seconds` (one request each at least): requests, p50
    and p95 ms, errors (not 200).

    A client starts no request after the time is up, but the requests under way are waited for and
    counted: a slow page is not measured only by its fastest answers (as a tool that stops at the
    deadline would).
    """
    times: list[float] = []
    errors = [0]
    deadline = time.perf_counter() + seconds

    def one() -> None:
        connection = _connect(port)
        while True:  # at least one request each
            took, ok = _get(connection, url, session)
            times.append(took)
            errors[0] += not ok
            if time.perf_counter() >= deadline:
                break

    threads = [threading.Thread(target=one) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(times), statistics.median(times) * 1000, _percentile(times, 0.95) * 1000, errors[0]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_collected: list[bool] = []


def _server(workers: int, settings: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], int]:
    """gunicorn with the production settings and `workers` workers; `settings`: more TOTEUMA_* variables."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "toteuma.settings_production",
        "TOTEUMA_SECRET_KEY": secrets.token_urlsafe(64),
        "TOTEUMA_STATIC_ROOT": "/tmp/toteuma-bench-static",
        **(settings or {}),
    }
    if not _collected:  # once a process: the static files do not change between its servers
        manage = [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"]
        subprocess.run(manage, env=env, check=True)
        _collected.append(True)
    bind = f"127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-w",
        str(workers),
        "-b",
        bind,
        "--timeout",
        "180",
        "toteuma.web.wsgi",
    ]
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# wrk (Debian's package) is the load generator with --wrk: written in C, it leaves the two CPUs to the
# server instead of spending them on 16 Python client threads.
_WRK_REPORT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_ok = 0 end
function response(status, headers, body) if status ~= 200 then not_ok = not_ok + 1 end end
done = function(summary, latency, requests)
  local e = summary.errors
  local bad = e.connect + e.read + e.write + e.timeout
  for _, thread in ipairs(threads) do bad = bad + thread:get("not_ok") end
  io.write(string.format("WRK %d %.3f %.3f %d\\n", summary.requests, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, bad))
end
"""


def wrk_page(
    port: int, session: str, url: str, clients: int, seconds: float
) -> tuple[int, float, float, int]:
    """`clients` connections on one page for `seconds`: requests, p50 and p95 ms, errors (status not 200).

    wrk counts the requests answered within the time; those still under way at the end are left out,
    so a page slower than the time over the clients is measured by its first answers only: give it time.
    """
    script = Path("/tmp/toteuma-wrk-report.lua")
    script.write_text(_WRK_REPORT, encoding="utf-8")
    headers = [f"-H{name}: {value}" for name, value in {**HEADERS, "Cookie": f"sessionid={session}"}.items()]
    command = ["wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{round(seconds)}s", "--timeout", "120s"]
    command += ["-s", str(script), *headers]
    found = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{url}"], capture_output=True, text=True, check=True
    )
    line = next(item for item in found.stdout.splitlines() if item.startswith("WRK "))
    requests, p50, p95, errors = line.split()[1:]
    return int(requests), float(p50), float(p95), int(errors)


def _wrk_all(port: int, session: str, clients: int, seconds: int) -> None:
    print("| page | requests | p50 ms | p95 ms | errors |")
    print("|---|---:|---:|---:|---:|")
    for name, url in PAGES.items():
        requests, p50, p95, errors = wrk_page(port, session, url, clients, seconds)
        print(f"| {name} | {requests} | {p50:.0f} | {p95:.0f} | {errors} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=50, help="rounds over the pages per client")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--whole-cell", action="store_true", help="measure only the whole cell's lines")
    parser.add_argument("--wrk", type=int, metavar="SECONDS", help="load each page with wrk for SECONDS")
    args = parser.parse_args()
    if args.whole_cell:
        PAGES.clear()
        PAGES.update(WHOLE_CELL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toteuma.settings")
    import django

    django.setup()
    from web_data import ensure_data

    ensure_data(args.lines)
    load_before = os.getloadavg()
    server, port = _server(args.workers)
    try:
        session = sign_in(port)
        client(port, session, 2, {name: [] for name in PAGES}, dict.fromkeys(PAGES, 0))  # warm up
        if args.wrk:
            print(f"wrk, {args.clients} connections, {args.workers} gunicorn workers, {args.wrk} s a page")
            print(f"{os.cpu_count()} CPUs, load average before the run {os.getloadavg()}\n")
            _wrk_all(port, session, args.clients, args.wrk)
            return
        times: dict[str, list[float]] = {name: [] for name in PAGES}
        errors = dict.fromkeys(PAGES, 0)
        threads = [
            threading.Thread(target=client, args=(port, session, args.requests, times, errors))
            for _ in range(args.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    total = sum(len(values) for values in times.values())
    load = ", ".join(f"{value:.1f}" for value in load_before)
    print(f"\n{args.clients} clients, {args.workers} gunicorn workers, {total} requests in {elapsed:.1f} s")
    print(f"{os.cpu_count()} CPUs, load average before the run {load}\n")
    print("| page | requests | p50 ms | p95 ms | errors |")
    print("|---|---:|---:|---:|---:|")
    for name, values in times.items():
        p50, p95 = statistics.median(values) * 1000, _percentile(values, 0.95) * 1000
        print(f"| {name} | {len(values)} | {p50:.0f} | {p95:.0f} | {errors[name]} |")


if __name__ == "__main__":
    main()
