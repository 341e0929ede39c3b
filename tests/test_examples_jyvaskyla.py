"""The second city's example: its own export, imported by a profile alone, reported for every unit.

The sums here are computed straight from the CSV with the csv module and Decimal, independently of
toteuma's importers, and compared with the exact cents of the demo's JSON reports.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main
from toteuma.core.messages import use_language
from toteuma.importers.table import read_table

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "jyvaskyla-2011"
CSV_FILE = EXAMPLE / "JKL_talousarvio_ja_toteuma_2011.csv"
LEVELS = (
    "Rapo2011hierarkia Taso 03 - Avain - Category Code",
    "Rapo2011hierarkia Taso 05 - Avain - Category Code",
)
ROW = "Summataso3 - Pitkä nimi"
BUDGET, ACTUAL = "Budjetti eur", "Toteuma eur"

Sums = dict[str, dict[str, tuple[int, int]]]  # unit code -> row label -> (budget, actual), report sign


def _cents(text: str) -> int:
    """Whole euros with no-break spaces between thousands, as the export writes them."""
    assert re.fullmatch(r"-?\d{1,3}(\u00a0\d{3})*", text), text
    return int(Decimal(text.replace("\u00a0", "")) * 100)


def file_sums() -> Sums:
    """Every unit's (both levels) budget and actual per income-statement line, turned to report sign."""
    sums: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    with CSV_FILE.open(encoding="utf-8", newline="") as handle:
        for line in csv.DictReader(handle):
            for code in (line[LEVELS[0]], line[LEVELS[1]]):
                entry = sums[code][line[ROW]]
                entry[0] -= _cents(line[BUDGET])  # ledger sign (costs +) to report sign (costs -)
                entry[1] -= _cents(line[ACTUAL])
    return {code: {row: (b, a) for row, (b, a) in rows.items()} for code, rows in sums.items()}


def report_sums(out: Path) -> tuple[Sums, dict[str, tuple[int, int]]]:
    """Per unit of the JSON reports: each row's (budget, tot) exact cents, and the Toimintakate line's."""
    rows: Sums = {}
    margins: dict[str, tuple[int, int]] = {}
    for path in sorted(out.glob("*.json")):
        for table in json.loads(path.read_text(encoding="utf-8"))["tables"]:
            if table["kind"] != "statement":
                continue
            keys = [column["key"] for column in table["columns"]]
            budget, tot = keys.index("budget"), keys.index("tot")
            code = table["unit"]["code"]
            pairs = {row["label"]: (row["exact"][budget], row["exact"][tot]) for row in table["rows"]}
            assert code not in rows, f"{code} has two statement tables"
            rows[code] = {r["label"]: pairs[r["label"]] for r in table["rows"] if r["kind"] == "row"}
            margins[code] = pairs["Toimintakate"]
    return rows, margins


def test_the_file_is_the_citys_export_byte_for_byte() -> None:
    stated = re.search(r"SHA-256 ([0-9a-f]{64})", (EXAMPLE / "SOURCE.md").read_text(encoding="utf-8"))
    assert stated is not None
    assert hashlib.sha256(CSV_FILE.read_bytes()).hexdigest() == stated.group(1)


def test_the_text_is_plain_utf8_and_detected_as_such() -> None:
    # Read as Windows-1252 (as a viewer guessing the encoding does) it shows "PitkÃ¤": that is the
    # double-encoded look; the bytes are UTF-8 once (ä = C3 A4, no-break space = C2 A0), no BOM.
    data = CSV_FILE.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "Pitkä nimi" in data.decode("utf-8")
    table, problems = read_table(CSV_FILE)
    assert problems == []
    assert table is not None
    with use_language("en"):
        notes = [str(note) for note in table.notes[:2]]
    assert notes == ["encoding utf-8 (detected; override with --encoding)", "delimiter “,” (detected)"]
    _, wrong = read_table(CSV_FILE, encoding="cp1252")
    assert [(p.code, "--encoding utf-8" in p.message) for p in wrong] == [("file.mojibake", True)]


@pytest.fixture
def demo_out(tmp_path: Path) -> Path:
    """`toteuma demo --example jyvaskyla-2011 --out DIR`, as a user runs it."""
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["demo", "--example", "jyvaskyla-2011", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.django_db(transaction=True)
def test_every_unit_has_the_files_own_sums_on_every_row(demo_out: Path) -> None:
    expected = file_sums()
    rows, margins = report_sums(demo_out)
    assert len(expected) == 11 + 40
    assert set(rows) >= set(expected)
    for code, lines in expected.items():
        assert rows[code] == lines, code
        assert margins[code] == tuple(sum(pair[i] for pair in lines.values()) for i in (0, 1)), code


@pytest.mark.django_db(transaction=True)
def test_the_demo_writes_the_citys_report_by_its_definition_and_runs_again_unchanged(demo_out: Path) -> None:
    names = sorted(path.name for path in demo_out.iterdir())
    assert names == ["toteuma-1111-2011-12.html", "toteuma-1111-2011-12.json"]
    first = (demo_out / names[1]).read_bytes()
    report = json.loads(first)
    assert (report["layout"], report["title"]) == ("jyvaskyla-2011", "Talousarvion toteutuminen 2011")
    assert [table["id"] for table in report["tables"][:3]] == ["council", "summary", "statement-1111"]
    again = CliRunner().invoke(main, ["demo", "--example", "jyvaskyla-2011", "--out", str(demo_out)])
    assert again.exit_code == 0, again.output
    assert "tuotu jo aiemmin" in again.output
    assert (demo_out / names[1]).read_bytes() == first


@pytest.mark.django_db(transaction=True)
def test_the_summary_has_each_units_margin_and_the_citys_total(demo_out: Path) -> None:
    expected: dict[str, tuple[int, int]] = {}
    with CSV_FILE.open(encoding="utf-8", newline="") as handle:
        for line in csv.DictReader(handle):
            name = line["Rapo2011hierarkia Taso 03 - Avain - Pitkä nimi"]
            budget, actual = expected.get(name, (0, 0))
            expected[name] = (budget - _cents(line[BUDGET]), actual - _cents(line[ACTUAL]))
    expected["Yhteensä"] = (sum(b for b, _ in expected.values()), sum(a for _, a in expected.values()))
    report = json.loads((demo_out / "toteuma-1111-2011-12.json").read_text(encoding="utf-8"))
    (summary,) = [table for table in report["tables"] if table["kind"] == "summary"]
    keys = [column["key"] for column in summary["columns"]]
    assert keys == ["budget", "tot", "deviation"]
    found = {row["label"]: (row["exact"][0], row["exact"][1]) for row in summary["rows"]}
    assert found == expected
    assert [row["exact"][2] for row in summary["rows"]] == [tot - budget for budget, tot in found.values()]


@pytest.mark.django_db(transaction=True)
def test_the_readmes_commands_import_the_file_kind_by_kind() -> None:
    def run(*args: str) -> str:
        result = CliRunner().invoke(main, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    profile = str(EXAMPLE / "profile.toml")
    refused = CliRunner().invoke(main, ["check", str(CSV_FILE), "--profile", profile])
    assert refused.exit_code == 1
    assert (
        "profiili on tiedostolajeille units, accounts, mapping, ledger, budget; anna yksi" in refused.output
    )
    checked = run("check", str(CSV_FILE), "--kind", "units", "--profile", profile)
    assert ": 52 tietuetta (yksiköt), ei ongelmia" in checked
    counts = {"units": "52", "accounts": "215", "mapping": "215", "ledger": "2 191", "budget": "2 191"}
    for kind, count in counts.items():
        assert f"Tuotiin {count} tietuetta" in run("import", kind, str(CSV_FILE), "--profile", profile)
    assert "ei ongelmia" in run("layout", "check", str(EXAMPLE / "definition.toml"))
    listing = run("units")
    unit, sub_unit = (
        "1111PAL100.11 toimiala         Konsernihallinto",
        "1111MR100.11 palvelualue      Kaupunginvaltuusto",
    )
    assert f"  {unit}\n    {sub_unit}\n" in listing
