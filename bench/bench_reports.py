"""Time building and rendering the reference report in every format; figures go to docs/performance.md.

Run: `.venv/bin/python bench/bench_reports.py` (imports the example into a throw-away SQLite file).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    os.environ["TOTEUMA_DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1715126400")
    from toteuma.services import build_report, init, render_report
    from toteuma.services.demo import DEMO_PERIOD, DEMO_UNIT, import_example

    init()
    import_example()
    started = time.perf_counter()
    content = build_report(DEMO_UNIT, DEMO_PERIOD)
    print(f"build_report (queries, tie-out, provenance): {time.perf_counter() - started:.2f} s")
    for fmt in ("json", "csv", "html", "xlsx", "docx", "pdf"):
        render_report(content, fmt)  # a first run pays imports and the chart engine's start
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            size = len(render_report(content, fmt))
            runs.append(time.perf_counter() - started)
        print(f"{fmt:5} best of 3: {min(runs):.2f} s, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    sys.exit(main())
