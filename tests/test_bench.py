"""A tiny run of the benchmark scripts, so that `make bench` cannot rot unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bench.bench_city import CITY_UNITS, measure, pages, reports
from bench.big_city import Size, load, write_files
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


TINY_CITY = Size(binding=2, areas=6, centers=20, lines=2000)


@pytest.mark.django_db
def test_the_big_city_generator_makes_the_units_and_lines_asked_for(tmp_path: Path) -> None:
    from toteuma import services, storage
    from toteuma.core.org import UnitKind

    load(write_files(tmp_path, TINY_CITY))
    kinds = [unit.kind for _, unit in services.unit_listing()]
    assert [kinds.count(kind) for kind in UnitKind] == [1, 2, 6, 20]
    assert sum(batch.lines for batch in storage.batches() if batch.kind == "ledger") == 2000


@pytest.mark.slow
@pytest.mark.django_db
def test_the_city_benchmark_measures_every_page_and_report(tmp_path: Path) -> None:
    load(write_files(tmp_path, TINY_CITY))
    found = measure(pages(CITY_UNITS), reports(CITY_UNITS), repeat=1)
    assert len(found) == len(pages(CITY_UNITS)) + len(reports(CITY_UNITS))
    assert all(value["ms"] > 0 and value["queries"] > 0 for value in found.values())
