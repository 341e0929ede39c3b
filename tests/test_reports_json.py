"""Tests of reports/json_report.py: the documented shape, integer euros and two-decimal percentages."""

from __future__ import annotations

import json
from datetime import date

from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.core.report import GoalEntry, ReportContent, UnitRef, UnitStatement
from toteuma.core.statement import RowFigures, compute_statement
from toteuma.core.structure import load_structure
from toteuma.reports.json_report import render_json
from toteuma.reports.presentation import build_document

STRUCTURE = load_structure()
SECTOR = UnitRef("1000", "Yhteiset palvelut / Kaupunginhallituksen toimiala")


def rendered() -> bytes:
    sector = compute_statement(
        STRUCTURE,
        {
            # -1 365 906.49 of -6 978 200: 19.57 %; income 100.00 without budget: 0.00 %
            "henkilostokulut": RowFigures(budget_original=-697_820_000, tot=-136_590_649, active=True),
            "myyntituotot": RowFigures(tot=10_000, active=True),
        },
    )
    content = ReportContent(
        title="Käyttösuunnitelman toteutuminen",
        period=Period(2024, 3),
        unit=SECTOR,
        municipality="Heinolan kaupunki",
        summary=STRUCTURE.summary,
        statement=UnitStatement(SECTOR, sector),
        areas=(UnitStatement(UnitRef("1100", "Vaalit"), sector),),
        binding_goals=(
            GoalEntry(
                "Kestävä talous", ("Velkamäärän vähentäminen",), ("raportointi",), status=GoalStatus.ON_TRACK
            ),
        ),
        report_date=date(2024, 5, 8),
    )
    return render_json(build_document(content))


def literal_numbers(data: bytes) -> dict[str, object]:
    """The JSON with every number kept as its literal text, to see exactly how it was written."""
    return json.loads(data, parse_float=lambda text: f"float:{text}", parse_int=lambda text: f"int:{text}")


def statement_1000(parsed: dict[str, object]) -> dict[str, object]:
    tables = parsed["tables"]
    assert isinstance(tables, list)
    return next(item for item in tables if item["id"] == "statement-1000")


def test_document_and_table_keys_are_exactly_the_documented_ones_in_order() -> None:
    parsed = json.loads(rendered())
    assert list(parsed) == ["title", "period", "unit", "lang", "layout", "tables"]
    assert (parsed["lang"], parsed["layout"]) == ("fi", "reference")
    assert parsed["title"] == "Käyttösuunnitelman toteutuminen tammi–maaliskuu"
    assert parsed["period"] == "2024-03"
    assert parsed["unit"] == {"code": "1000", "name": SECTOR.name}
    assert [table["id"] for table in parsed["tables"]] == [
        "goals-binding",
        "council",
        "statement-1000",
        "statement-1100",
    ]
    table = parsed["tables"][2]
    assert list(table) == ["id", "kind", "title", "unit", "columns", "rows"]
    assert table["columns"][0] == {"key": "tp_prev", "label": "TP 2023", "unit": "EUR"}
    assert table["columns"][5] == {"key": "pct", "label": "TOT-24 %", "unit": "%"}
    assert parsed["tables"][0]["columns"][0] == {"key": "aim", "label": "Strateginen päämäärä"}
    assert list(table["rows"][0]) == ["label", "kind", "values", "exact", "key"]
    assert list(parsed["tables"][0]["rows"][0]) == ["label", "kind", "values", "exact"]  # a goal has no key


def test_percentages_have_exactly_two_decimals_and_euros_are_integers() -> None:
    rows = statement_1000(literal_numbers(rendered()))["rows"]
    assert isinstance(rows, list)
    personnel = next(row for row in rows if row["label"] == "Henkilöstökulut")
    sales = next(row for row in rows if row["label"] == "Myyntituotot")
    assert personnel["values"] == [
        "int:0",
        "int:0",
        "int:-6978200",
        "int:-1365906",
        "int:-5612294",
        "float:19.57",
    ]
    assert personnel["exact"][3] == "int:-136590649"
    assert personnel["exact"][5] is None
    assert sales["values"][5] == "float:0.00"


def test_headings_are_all_null_and_goals_hold_lists_and_words() -> None:
    parsed = json.loads(rendered())
    heading = statement_1000(parsed)["rows"][0]
    assert heading == {
        "label": "TOIMINTATUOTOT",
        "kind": "heading",
        "values": [None] * 6,
        "exact": [None] * 6,
        "key": "toimintatuotot_otsikko",
    }
    goal = parsed["tables"][0]["rows"][0]
    assert goal["label"] == "Kestävä talous"
    assert goal["values"] == [["Velkamäärän vähentäminen"], ["raportointi"], None, "Toteutuu"]


def test_output_is_indented_utf8_and_the_same_every_time() -> None:
    first = rendered()
    assert first == rendered()
    assert "Jäljellä".encode() in first  # not \u00e4 escapes
    assert first.startswith(b'{\n  "title": ')
    assert first.endswith(b"}\n")
