"""Tests of tests/reference_text.py: the reference parser and the report comparison the golden test uses."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reference_text import (
    Contradiction,
    Row,
    Table,
    compare_report,
    load_contradictions,
    load_reference,
    load_report,
    parse_reference,
)

UNIT = "Yhteiset palvelut / Kaupunginhallituksen toimiala"
AREAS = [
    "Vaalit",
    "Tarkastustoimi",
    "Hallinnon tukipalvelut",
    "Tietohallinto- ja digipalvelut",
    "Kehittämispalvelut",
    "Talouspalvelut",
    "Henkilöstöpalvelut",
]
HEADS = "TP 2023\tTOT 2023\tTA 2024 +muutos\tTOT 2024 3 kk\tJäljellä\tTOT-24 %"


@pytest.fixture(scope="module")
def tables() -> list[Table]:
    return load_reference()


def by_title(tables: list[Table], kind: str, title: str) -> Table:
    return next(table for table in tables if table.kind == kind and table.title == title)


def value(table: Table, label: str, column: int) -> object:
    return next(row.values[column] for row in table.rows if row.label == label)


# --- what the parser finds in the reference ---------------------------------------------------------


def test_the_reference_holds_council_table_eight_statements_and_investments(tables: list[Table]) -> None:
    assert [(table.kind, table.title) for table in tables] == [
        ("council", UNIT),
        ("statement", UNIT),
        *[("statement", area) for area in AREAS],
        ("investments", "YHTEISET PALVELUT"),
    ]


def test_council_table_has_three_rows_of_six_figures(tables: list[Table]) -> None:
    council = tables[0]
    assert [row.label for row in council.rows] == ["TULOT", "MENOT", "NETTO"]
    assert council.figures == 18
    assert council.columns == HEADS.split("\t")


def test_statements_have_101_rows_of_six_figures(tables: list[Table]) -> None:
    statements = [table for table in tables if table.kind == "statement"]
    rows = [row for table in statements for row in table.rows if not row.is_heading]
    assert len(statements) == 8
    assert len(rows) == 101
    assert {len(row.values) for row in rows} == {6}
    assert sum(table.figures for table in statements) == 606


def test_investments_have_a_group_heading_and_two_rows_of_five_figures(tables: list[Table]) -> None:
    investments = tables[-1]
    assert [(row.label, len(row.values)) for row in investments.rows] == [
        ("Irtain omaisuus", 0),
        ("Menot", 5),
        ("Netto", 5),
    ]
    assert investments.rows[1].values == (-522959, -690000, -215127, -474873, Decimal("31.18"))


def test_the_reference_holds_634_figures(tables: list[Table]) -> None:
    assert sum(table.figures for table in tables) == 634


def test_spot_checked_values(tables: list[Table]) -> None:
    assert value(tables[0], "MENOT", 3) == -1365906
    assert value(tables[0], "MENOT", 5) == Decimal("19.57")
    assert value(by_title(tables, "statement", "Tarkastustoimi"), "Muut toimintakulut", 5) == Decimal("23.74")
    assert value(by_title(tables, "statement", "Talouspalvelut"), "Rahoitustuotot ja -kulut", 5) == Decimal(
        "78.13"
    )
    assert value(by_title(tables, "statement", "Henkilöstöpalvelut"), "Toimintatuotot", 5) == Decimal("-0.01")
    assert value(by_title(tables, "statement", UNIT), "Toimintakulut", 3) == -1365906


def test_percentages_are_decimal_and_euros_int(tables: list[Table]) -> None:
    row = tables[0].rows[2]
    assert row.values == (-5433785, -1465554, -6770200, -1361098, -5409102, Decimal("20.10"))
    assert [type(cell) for cell in row.values] == [int] * 5 + [Decimal]


def test_tarkastustoimi_labels_in_order_with_headings(tables: list[Table]) -> None:
    table = by_title(tables, "statement", "Tarkastustoimi")
    assert [(row.label, row.is_heading) for row in table.rows] == [
        ("TOIMINTATUOTOT", True),
        ("TOIMINTAKULUT", True),
        ("Henkilöstökulut", False),
        ("Palvelujen ostot", False),
        ("Aineet, tarvikkeet ja tavarat", False),
        ("Muut toimintakulut", False),
        ("Toimintakulut", False),
        ("Toimintakate", False),
        ("Rahoitustuotot ja -kulut", False),
        ("Vuosikate", False),
    ]


# --- the parser on tiny inputs ----------------------------------------------------------------------


def test_title_split_over_lines_and_heads_run_together_form_one_header() -> None:
    text = (
        "**Yksikkö /  \nosa**\n\n**TP 2023****TOT 2023****TA 2024****TOT 2024****Jäljellä****TOT-24**\n\n"
        "Selite\t\t\t+muutos\t3 kk\t\t%\nTULOT\t1 000\t2\t3\t4\t5\t0,50\n"
    )
    [table] = parse_reference(text)
    assert (table.title, table.kind) == ("Yksikkö / osa", "council")
    assert table.columns[2:] == ["TA 2024 +muutos", "TOT 2024 3 kk", "Jäljellä", "TOT-24 %"]
    assert table.rows == [Row("TULOT", (1000, 2, 3, 4, 5, Decimal("0.50")))]


def test_selite_in_the_first_cell_is_not_part_of_the_title_and_tags_are_stripped() -> None:
    text = (
        f"Vaalit Selite\t{HEADS}\n<b>TOIMINTATUOTOT</b>\t\t\t\t\t\t\n"
        "<b>Kate</b>\t<b>-1 365 906</b>\t0\t0\t0\t0\t0,00\n"
    )
    [table] = parse_reference(text)
    assert table.title == "Vaalit"
    assert table.rows == [Row("TOIMINTATUOTOT", ()), Row("Kate", (-1365906, 0, 0, 0, 0, Decimal("0.00")))]


def test_a_blank_line_inside_a_table_does_not_end_it_but_prose_does() -> None:
    text = (
        f"Vaalit\t{HEADS}\nA\t1\t1\t1\t1\t1\t1,00\n\nB\t2\t2\t2\t2\t2\t2,00\n\n"
        "Some prose.\nC\t3\t3\t3\t3\t3\t3,00\n"
    )
    [table] = parse_reference(text)
    assert [row.label for row in table.rows] == ["A", "B"]


def test_a_heading_line_just_above_the_header_is_the_first_row() -> None:
    text = (
        "Irtain omaisuus\t\t\t\t\t\nYKSIKKÖ\tTP2023\tTA 2024\tToteuma 1-3\tPoikkeama\tToteuma %\n"
        "Menot\t\u22121 000\t0\t0\t0\t12,50\n"
    )
    [table] = parse_reference(text)
    assert (table.title, table.kind) == ("YKSIKKÖ", "investments")
    assert table.rows == [Row("Irtain omaisuus", ()), Row("Menot", (-1000, 0, 0, 0, Decimal("12.50")))]


def test_an_unreadable_figure_is_an_error_with_its_line() -> None:
    with pytest.raises(ValueError, match=r"line 2: .*'Menot'"):
        parse_reference(f"Vaalit\t{HEADS}\nMenot\t1 00\t0\t0\t0\t0\t0,00\n")


# --- comparing a JSON report with the reference -----------------------------------------------------


def as_report(tables: list[Table]) -> dict[str, Any]:
    """The reference in the JSON report's shape, as load_report would return it (Decimal, not float)."""
    codes = iter(["1000", "1100", "1200", "1300", "1400", "1500", "1600", "1700"])
    found = []
    for table in tables:
        table_id = f"statement-{next(codes)}" if table.kind == "statement" else table.kind
        rows = [
            {
                "label": row.label,
                "kind": "heading" if row.is_heading else "row",
                "values": list(row.values) or [None] * len(table.columns),
            }
            for row in table.rows
        ]
        found.append(
            {
                "id": table_id,
                "kind": table.kind,
                "title": "TULOSLASKELMA",
                "unit": {"code": "", "name": table.title},
                "rows": rows,
            }
        )
    return {"title": "report", "period": "2024-03", "tables": found}


def test_the_reference_as_a_report_has_no_differences(tables: list[Table]) -> None:
    comparison = compare_report(tables, as_report(tables))
    assert comparison.differences == []
    assert comparison.compared == 634


def test_one_changed_cell_is_exactly_one_difference(tables: list[Table]) -> None:
    report = as_report(tables)
    tarkastus = next(t for t in report["tables"] if t["unit"]["name"] == "Tarkastustoimi")
    tarkastus["rows"][5]["values"][5] = Decimal("23.75")  # Muut toimintakulut, TOT-24 %
    comparison = compare_report(tables, report)
    [difference] = comparison.differences
    assert (difference.row, difference.column, difference.expected, difference.got) == (
        "Muut toimintakulut",
        5,
        Decimal("23.74"),
        Decimal("23.75"),
    )
    assert "Tarkastustoimi" in difference.table
    expected = "Muut toimintakulut | column 5: expected Decimal('23.74'), got Decimal('23.75')"
    assert expected in comparison.message()


def test_every_difference_is_listed_not_just_the_first(tables: list[Table]) -> None:
    report = as_report(tables)
    council = report["tables"][0]
    council["rows"][0]["values"][0] = 1
    council["rows"][2]["values"][3] = 2
    assert len(compare_report(tables, report).differences) == 2


def test_a_percentage_must_be_a_two_decimal_number_and_a_euro_an_int(tables: list[Table]) -> None:
    report = as_report(tables)
    report["tables"][0]["rows"][0]["values"][5] = Decimal("2.310")
    report["tables"][0]["rows"][0]["values"][0] = Decimal("338433")
    assert [d.column for d in compare_report(tables, report).differences] == [0, 5]


def test_a_renamed_row_a_missing_row_and_a_missing_table_are_differences(tables: list[Table]) -> None:
    report = as_report(tables)
    report["tables"][1]["rows"][1]["label"] = "Myyntitulot"
    del report["tables"][2]["rows"][-1]
    del report["tables"][-1]
    rows = [(d.row, d.got) for d in compare_report(tables, report).differences]
    assert rows == [("row 2", "Myyntitulot"), ("row 10", "missing"), ("(table)", "missing")]


def test_a_heading_with_figures_is_a_difference(tables: list[Table]) -> None:
    report = as_report(tables)
    report["tables"][1]["rows"][0]["values"][0] = 0
    [difference] = compare_report(tables, report).differences
    assert (difference.row, difference.column) == ("TOIMINTATUOTOT", None)


def test_a_listed_contradiction_may_differ_and_is_reported(tables: list[Table]) -> None:
    report = as_report(tables)
    report["tables"][0]["rows"][1]["values"][5] = Decimal("19.58")
    listed = [Contradiction(UNIT, "MENOT", 5, Decimal("19.57"), "printed percentage is off by one")]
    comparison = compare_report(tables, report, listed)
    assert comparison.differences == []
    assert comparison.compared == 634
    assert comparison.allowed_lines() == [
        f"{UNIT} | MENOT | column 5: printed Decimal('19.57'), got Decimal('19.58') "
        "(printed percentage is off by one)"
    ]


def test_a_contradiction_naming_no_cell_or_the_wrong_value_is_a_difference(tables: list[Table]) -> None:
    listed = [
        Contradiction("Vaalit", "NETTO", 0, 1, "no such row"),
        Contradiction("council", "TULOT", 0, 1, "wrong printed value"),
    ]
    differences = compare_report(tables, copy.deepcopy(as_report(tables)), listed).differences
    assert [(d.table, d.row, d.got) for d in differences] == [
        (f"{UNIT} [council] council", "TULOT", "contradictions.json says printed 1"),
        ("contradictions.json", "NETTO", "no such cell"),
    ]


def test_load_report_reads_decimals_as_decimal(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text('{"tables": [{"rows": [{"values": [-1365906, 19.57, 0.00, null]}]}]}', encoding="utf-8")
    values = load_report(path)["tables"][0]["rows"][0]["values"]
    assert values == [-1365906, Decimal("19.57"), Decimal("0.00"), None]
    assert str(values[2]) == "0.00"


def test_load_contradictions_reads_short_and_long_key_names(tmp_path: Path) -> None:
    path = tmp_path / "contradictions.json"
    path.write_text(
        json.dumps(
            [
                {"table": "Vaalit", "row": "Toimintakate", "column": 5, "printed": "265,52", "reason": "r1"},
                {
                    "table_title": "Vaalit",
                    "row_label": "Toimintakate",
                    "column_index": 4,
                    "printed_value": 49656,
                },
            ]
        ),
        encoding="utf-8",
    )
    assert load_contradictions(path) == [
        Contradiction("Vaalit", "Toimintakate", 5, Decimal("265.52"), "r1"),
        Contradiction("Vaalit", "Toimintakate", 4, 49656, ""),
    ]
