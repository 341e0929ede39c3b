"""A tiny run of the benchmark scripts, so that `make bench` cannot rot unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bench.generate_ledger import write

from toteuma.importers.kinds import parse_file
from toteuma.importers.sources import RecordsLedger

ROOT = Path(__file__).resolve().parents[1]


def test_the_generated_ledger_imports_and_its_total_is_what_the_generator_says(tmp_path: Path) -> None:
    path = tmp_path / "ledger-500.csv"
    total = write(path, 500)
    records, problems = parse_file("ledger", path)
    assert problems == []
    assert RecordsLedger(records).totals().total_cents == total


@pytest.mark.slow
def test_a_tiny_benchmark_run_reports_its_figures(tmp_path: Path) -> None:
    command = [sys.executable, "bench/import_ledger.py", "--lines", "2000", "--keep", str(tmp_path)]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["backend"] == "sqlite"
    assert figures["lines"] == 2000
    assert figures["reports"] > 0
    assert figures["duckdb_floor_s"] > 0
