"""Each capability of a layout's figure tables on a small table, compared cell by cell.

Structure (sub-rows, totals first or unprinted, sums of rows apart), visibility per table, blank
zeros, figures from measures (subtotals add measures, not figures), signs, scales and decimals,
column sets per table kind, column groups, summary and amendments tables, nested areas.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from layout_tables import cells, content, document, headers, statement, table, values
from toteuma.core.definition import Definition, Scale, load_definition
from toteuma.core.periods import Period
from toteuma.core.report import Amendment, AmendmentLine, UnitRef

D = Decimal  # printed percentages and decimal money, short in the expected tables

Q3 = Period(2024, 9)


def layout(tmp_path: Path, text: str) -> Definition:
    path = tmp_path / "layout.toml"
    path.write_text(text, encoding="utf-8")
    return load_definition(path)


ROWS = {
    "myyntituotot": values(budget_original=1_000_000, tot=600_000),
    "henkilostokulut": values(budget_original=-3_000_000, tot=-3_300_049),
    "palvelujen_ostot": values(budget_original=-1_000_000, tot=-700_000),
    "verotulot": values(budget_original=5_000_000, tot=4_000_000),
    "valtionosuudet": values(budget_original=2_000_000, tot=1_500_000),
}
SMALL = """
sections = ["council", "statement"]
columns = ["budget", "tot", "remaining", "pct"]
"""


def test_a_sum_of_rows_apart_and_an_unprinted_total(tmp_path: Path) -> None:
    found = layout(
        tmp_path,
        SMALL
        + """
[tables.statement]
lines = ["toimintakulut", "verot_ja_valtionosuudet", "toimintakate"]

[[structure.lines]]
key = "verot_ja_valtionosuudet"
kind = "subtotal"
label = "Verotulot ja valtionosuudet"
sum = ["verotulot", "valtionosuudet"]
after = "valtionosuudet"

[[structure.lines]]
key = "toimintakulut"
print = false
""",
    )
    printed = table(document(found, content(found, ROWS, Q3)), "statement-1000")
    # An unprinted line stays out of a table even when picked; the others print in the order picked.
    assert cells(printed) == [
        ("Verotulot ja valtionosuudet", "subtotal", 0, 70_000, 55_000, 15_000, D("78.57")),
        ("Toimintakate", "subtotal", 0, -30_000, -34_000, 4_000, D("113.33")),
    ]
    # The unprinted total still adds up into the margin that sums it.
    assert statement(found, ROWS).line("toimintakulut").values.cents["tot"] == -4_000_049


def test_visibility_per_table_and_blank_zeros(tmp_path: Path) -> None:
    found = layout(
        tmp_path,
        """
sections = ["statement", "areas"]
columns = ["budget", "tot", "remaining", "pct"]
[tables.statement]
rows = "always"
headings = "with-rows"
empty = "blank"
lines = ["maksutuotot", "myyntituotot", "toimintatuotot"]

[tables.areas]
rows = "nonzero"
""",
    )
    rows = {**ROWS, "tuet_ja_avustukset": values(tot=0)}  # activity, but nothing to the cent
    item = content(found, rows, Q3, areas=((UnitRef("1100", "A"), rows, 1),))
    shown = document(found, item)
    assert cells(table(shown, "statement-1000")) == [
        ("Maksutuotot", "row", 0, None, None, None, D("0.00")),  # always shown; zeros blank
        ("Myyntituotot", "row", 0, 10_000, 6_000, 4_000, D("60.00")),
        ("Toimintatuotot", "subtotal", 0, 10_000, 6_000, 4_000, D("60.00")),
    ]
    area_keys = [row.key for row in table(shown, "statement-1100").rows]
    assert "tuet_ja_avustukset" not in area_keys  # nonzero: postings netting to zero are left out
    assert "myyntituotot" in area_keys


def test_subtotals_add_measures_and_figures_are_computed_per_line(tmp_path: Path) -> None:
    found = layout(
        tmp_path,
        """
sections = ["statement"]
columns = ["budget", "tot", "overrun", "change", "change_pct", "worst"]
[figures]
change = "tot - tot_prev"
change_pct = "percent(tot - tot_prev, abs(tot_prev))"
worst = "min(budget, tot, 0)"
[[columns.default]]
""".replace("[[columns.default]]\n", "")
        + """
[wording.fi.columns]
change = "Muutos €"
change_pct = "Muutos %"
worst = "Pienin"
""",
    )
    rows = {
        "henkilostokulut": values(budget_original=-1_000_000, tot=-1_200_000, tot_prev=-1_100_000),
        "palvelujen_ostot": values(budget_original=-1_000_000, tot=-700_000, tot_prev=0),
    }
    printed = table(document(found, content(found, rows, Q3)), "statement-1000")
    assert headers(printed) == [
        "TA 2024 +muutos",
        "TOT 2024 9 kk",
        "Ylitys",
        "Muutos €",
        "Muutos %",
        "Pienin",
    ]
    assert cells(printed)[2:5] == [
        ("Henkilöstökulut", "row", 0, -10_000, -12_000, 2_000, -1_000, D("-9.09"), -12_000),
        ("Palvelujen ostot", "row", 0, -10_000, -7_000, 0, -7_000, None, -10_000),  # last year 0: blank
        # The subtotal's overrun comes from its own measures (0), not from its rows' overruns (2 000).
        ("Toimintakulut", "subtotal", 0, -20_000, -19_000, 0, -8_000, D("-72.73"), -20_000),
    ]


def test_costs_positive_scale_and_decimals_per_table(tmp_path: Path) -> None:
    found = layout(
        tmp_path,
        SMALL
        + """
[tables.statement]
sign = "costs-positive"
scale = "millions"
decimals = 2
percent_decimals = 0
lines = ["toimintatuotot", "henkilostokulut", "toimintakulut", "toimintakate"]

[tables.council]
scale = "cents"
""",
    )
    shown = document(found, content(found, ROWS, Q3))
    assert cells(table(shown, "statement-1000")) == [
        ("Toimintatuotot", "subtotal", 0, D("0.01"), D("0.01"), D("0.00"), D("60")),
        ("Henkilöstökulut", "row", 0, D("0.03"), D("0.03"), D("0.00"), D("110")),  # costs print positive
        ("Toimintakulut", "subtotal", 0, D("0.04"), D("0.04"), D("0.00"), D("100")),  # -0,49 € turned
        (
            "Toimintakate",
            "subtotal",
            0,
            D("-0.03"),
            D("-0.03"),
            D("0.00"),
            D("113"),
        ),  # a margin keeps its sign
    ]
    council = table(shown, "council")
    assert cells(council)[1] == ("MENOT", "row", 0, D("-40000.00"), D("-40000.49"), D("0.49"), D("100.00"))
    assert [column.unit for column in council.columns] == ["EUR", "EUR", "EUR", "%"]
    assert council.note == "Luvut euroina ja sentteinä"  # the document's unit is millions
    assert shown.units_note == "Luvut miljoonina euroina"


def test_council_rows_and_labels_of_a_layout(tmp_path: Path) -> None:
    found = layout(
        tmp_path,
        SMALL
        + """
[tables.council]
columns = ["budget", "tot"]
lines = [
  "menot",
  { key = "verot", line = "verotulot", label = { fi = "Verotulot", sv = "Skatter" } },
  { key = "kate", line = "toimintakate", label = "Toimintakate/Jäämä", bold = true },
]
""",
    )
    shown = document(found, content(found, ROWS, Q3), "sv")
    assert cells(table(shown, "council")) == [
        ("UTGIFTER", "row", 0, -40_000, -40_000),
        ("Skatter", "row", 0, 50_000, 40_000),
        ("Toimintakate/Jäämä", "subtotal", 0, -30_000, -34_000),
    ]
    assert [row.key for row in table(shown, "council").rows] == ["menot", "verot", "kate"]


def test_summary_totals_and_areas_nested_two_levels(tmp_path: Path) -> None:
    found = layout(
        tmp_path,
        """
sections = ["summary", "areas"]
[tables.summary]
columns = [{ figure = "tot", line = "toimintakulut" }, "tot"]
total = "unit"
[tables.areas]
depth = 2
columns = ["tot"]
""",
    )
    a, a1, b = UnitRef("1100", "A"), UnitRef("1110", "A1"), UnitRef("1200", "B")
    small = {"henkilostokulut": values(tot=-100_000)}
    item = content(found, ROWS, Q3, areas=((a, small, 1), (a1, small, 2), (b, small, 1)))
    item = item.__class__(**{**item.__dict__, "summary_units": (item.areas[0], item.areas[2])})
    shown = document(found, item)
    assert cells(table(shown, "summary")) == [
        ("A", "row", 0, -1_000, -1_000),
        ("B", "row", 0, -1_000, -1_000),
        ("Yhteensä", "subtotal", 0, -40_000, -34_000),  # total = "unit": the report's unit itself
    ]
    areas = next(section for section in shown.sections if section.kind == "areas")
    assert [(sub.title, [s.title for s in sub.subsections]) for sub in areas.subsections] == [
        ("A -palvelualue", ["A1 -palvelualue"]),
        ("B -palvelualue", []),
    ]


def test_metrics_projects_and_amendments_print_where_the_layout_says_and_stay_in_the_json_elsewhere() -> None:
    unit = UnitRef("1100", "Vaalit")
    amendments = (
        Amendment(
            "Kv 26.2.2024 § 14",
            date(2024, 2, 26),
            (
                AmendmentLine(unit, "henkilostokulut", "menot", -50_000),
                AmendmentLine(unit, "myyntituotot", "tulot", 20_050),
            ),
        ),
    )
    reference = load_definition("reference")
    item = content(reference, ROWS, Q3, amendments=amendments)
    json_only = document(reference, item)
    assert "amendments" not in [table.kind for table in json_only.tables]  # the reference prints none
    assert [table.kind for table in json_only.appendix] == ["amendments"]
    printed = replace(
        reference,
        tables={
            **reference.tables,
            "amendments": replace(reference.table("amendments"), printed=True, scale=Scale.CENTS, decimals=2),
        },
    )
    shown = document(printed, item)
    section = next(section for section in shown.sections if section.kind == "amendments")
    assert section.title == "Talousarviomuutokset"
    found = table(shown, "amendments")
    assert headers(found) == [
        "Päätöspäivä",
        "Yksiköt",
        "Tulot",
        "Menot",
        "Investoinnit",
        "Toimintakatteen muutos",
    ]
    assert cells(found) == [
        (
            "Kv 26.2.2024 § 14",
            "row",
            0,
            "2024-02-26",
            "Vaalit",
            D("200.50"),
            D("-500.00"),
            D("0.00"),
            D("-299.50"),
        ),
    ]
    assert shown.appendix == ()
