"""Tests of cli.py: the commands a controller types, their output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main

pytestmark = pytest.mark.django_db(transaction=True)

SECTOR = "Yhteiset palvelut / Kaupunginhallituksen toimiala"


@pytest.fixture
def demo_done(tmp_path: Path) -> Path:
    result = CliRunner().invoke(main, ["demo", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def test_demo_prints_the_paths_of_the_report(demo_done: Path) -> None:
    assert sorted(path.name for path in demo_done.iterdir()) == [
        "toteuma-1000-2024-03.html",
        "toteuma-1000-2024-03.json",
    ]


def test_report_by_exact_name_prints_the_json_of_the_demo(demo_done: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--unit", SECTOR, "--period", "2024-03", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["unit"] == {"code": "1000", "name": SECTOR}
    council = next(table for table in report["tables"] if table["id"] == "council")
    assert [row["values"][3] for row in council["rows"]] == [4808, -1365906, -1361098]
    assert result.output.encode() == (demo_done / "toteuma-1000-2024-03.json").read_bytes()


def test_report_by_code_to_a_file(demo_done: Path, tmp_path: Path) -> None:
    out = tmp_path / "vaalit.html"
    result = CliRunner().invoke(main, ["report", "--unit", "1100", "--period", "2024-03", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Vaalit" in out.read_text(encoding="utf-8")


def test_an_unknown_unit_is_a_clear_error(demo_done: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--unit", "Yhteiset palvelut", "--period", "2024-03"])
    assert result.exit_code == 1
    assert "yksikköä, jonka koodi tai tarkka nimi on ”Yhteiset palvelut”, ei ole" in result.output


def test_a_malformed_period_is_a_usage_error(demo_done: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--unit", "1000", "--period", "03/2024"])
    assert result.exit_code == 2
    assert "VVVV-KK" in result.output


def test_units_lists_the_tree(demo_done: Path) -> None:
    result = CliRunner().invoke(main, ["units"])
    assert result.exit_code == 0
    assert f"  1000       toimiala         {SECTOR}" in result.output.splitlines()


def test_import_with_problems_exits_1_and_imports_nothing(demo_done: Path, tmp_path: Path) -> None:
    bad = tmp_path / "ledger-unknown-account.csv"
    bad.write_text("Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n1.2.2024;9;9999;110010;5,00\n", "utf-8")
    before = CliRunner().invoke(main, ["report", "--unit", "1000", "--period", "2024-03", "--format", "json"])
    result = CliRunner().invoke(main, ["import", "ledger", str(bad)])
    assert result.exit_code == 1
    assert "[ledger.unknown-account]" in result.output
    assert "1 rivi, yhteensä 5,00 €, tuntemattomalla tilillä 9999" in result.output
    after = CliRunner().invoke(main, ["report", "--unit", "1000", "--period", "2024-03", "--format", "json"])
    assert after.output == before.output


def test_the_same_ledger_twice_is_not_counted_twice(demo_done: Path) -> None:
    ledger = Path(__file__).parents[1] / "examples" / "heinola-2024-q1" / "ledger-2024.csv"
    result = CliRunner().invoke(main, ["import", "ledger", str(ledger)])
    assert result.exit_code == 0
    assert "tuotu jo aiemmin" in result.output
