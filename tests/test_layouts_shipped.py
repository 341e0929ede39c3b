"""The shipped committee year-end and quarterly layouts, each printing a small table compared cell by cell."""

from __future__ import annotations

from decimal import Decimal

from layout_tables import cells, content, document, headers, table, values
from toteuma.core.definition import load_definition
from toteuma.core.periods import Period
from toteuma.core.report import UnitRef

D = Decimal  # printed percentages and decimal money, short in the expected tables

COMMITTEE = load_definition("committee-year-end")
QUARTERLY = load_definition("quarterly")

YEAR_END_ROWS = {
    "myyntituotot": values(budget_original=1_000_000, amendments=200_000, tot=1_150_049),
    "palkat": values(budget_original=-5_000_000, amendments=-1_000_000, tot=-6_250_000),
    "elakekulut": values(budget_original=-1_500_000, tot=-1_400_050),
    "muut_henkilosivukulut": values(budget_original=-100_000, tot=-99_950),
    "palvelujen_ostot": values(tot=0),  # a posting and its reversal: shown, all zeros
}


def test_committee_year_end_prints_group_totals_first_and_personnel_sub_rows() -> None:
    found = document(COMMITTEE, content(COMMITTEE, YEAR_END_ROWS, Period(2024, 12)))
    statement = table(found, "statement-1000")
    assert statement.title == "Lautakunnan tuloslaskelma"
    assert headers(statement) == [
        "TA 2024", "Muutokset", "TA 2024 muutosten jälkeen", "TP 2024", "Poikkeama", "TOT-24 %",
    ]  # fmt: skip
    assert cells(statement) == [
        ("TOIMINTATUOTOT", "subtotal", 0, 10_000, 2_000, 12_000, 11_500, -500, D("95.8")),
        ("Myyntituotot", "row", 1, 10_000, 2_000, 12_000, 11_500, -500, D("95.8")),
        ("TOIMINTAKULUT", "subtotal", 0, -66_000, -10_000, -76_000, -77_500, -1_500, D("102.0")),
        ("Henkilöstökulut", "subtotal", 1, -66_000, -10_000, -76_000, -77_500, -1_500, D("102.0")),
        ("Palkat ja palkkiot", "row", 2, -50_000, -10_000, -60_000, -62_500, -2_500, D("104.2")),
        ("Henkilösivukulut", "subtotal", 2, -16_000, 0, -16_000, -15_000, 1_000, D("93.8")),
        ("Eläkekulut", "row", 3, -15_000, 0, -15_000, -14_001, 1_000, D("93.3")),
        ("Muut henkilösivukulut", "row", 3, -1_000, 0, -1_000, -1_000, 1, D("100.0")),
        ("Palvelujen ostot", "row", 1, 0, 0, 0, 0, 0, D("0.0")),
        ("Toimintakate", "subtotal", 0, -56_000, -8_000, -64_000, -66_000, -2_000, D("103.1")),
    ]
    # The subtotals add exact cents: -14 000,50 and -999,50 print -14 001 and -1 000, their sum -15 000.
    council = table(found, "council")
    assert cells(council)[2] == (
        "NETTO",
        "subtotal",
        0,
        -56_000,
        -8_000,
        -64_000,
        -66_000,
        -2_000,
        D("103.1"),
    )


def test_committee_task_area_tables_have_three_columns_and_the_second_level_word() -> None:
    area = UnitRef("1100", "Perusopetus")
    item = content(COMMITTEE, YEAR_END_ROWS, Period(2024, 12), areas=((area, YEAR_END_ROWS, 1),))
    found = document(COMMITTEE, item, "sv")
    areas = next(section for section in found.sections if section.kind == "areas")
    assert areas.title == "Kalkyler per uppgiftsområde"
    assert areas.subsections[0].title == "Uppgiftsområdet Perusopetus"
    statement = table(found, "statement-1100")
    assert headers(statement) == ["BU 2024 efter ändringar", "BS 2024", "Avvikelse"]
    assert cells(statement)[:2] == [
        ("VERKSAMHETSINTÄKTER", "subtotal", 0, 12_000, 11_500, -500),
        ("Försäljningsintäkter", "row", 1, 12_000, 11_500, -500),
    ]
    assert cells(statement)[4] == ("Löner och arvoden", "row", 2, -60_000, -62_500, -2_500)


QUARTER_ROWS = {
    "myyntituotot": values(budget_original=1_000_000, tot=600_000, tot_prev=500_000, tp_prev=800_000),
    "henkilostokulut": values(budget_original=-3_000_000, tot=-2_250_001, tot_prev=-2_000_000),
}


def test_quarterly_prints_actual_percent_and_last_years_percent_of_its_final_accounts() -> None:
    found = document(QUARTERLY, content(QUARTERLY, QUARTER_ROWS, Period(2024, 9)))
    assert found.title == "Talousarvion toteutuminen 1–9/2024"
    statement = table(found, "statement-1000")
    assert headers(statement) == ["TA 2024", "Tot. 09/2024", "Tot-%", "Tot-% 2023"]
    assert cells(statement) == [
        ("TOIMINTATUOTOT", "heading", 0, None, None, None, None),
        ("Myyntituotot", "row", 0, 10_000, 6_000, D("60.0"), D("62.5")),
        ("Toimintatuotot", "subtotal", 0, 10_000, 6_000, D("60.0"), D("62.5")),
        ("TOIMINTAKULUT", "heading", 0, None, None, None, None),
        ("Henkilöstökulut", "row", 0, -30_000, -22_500, D("75.0"), None),  # last year's accounts 0: blank
        ("Toimintakulut", "subtotal", 0, -30_000, -22_500, D("75.0"), None),
        ("Toimintakate", "subtotal", 0, -20_000, -16_500, D("82.5"), D("-187.5")),
    ]


def test_quarterly_summary_prints_revenue_and_appropriations_side_by_side_per_area() -> None:
    area_a, area_b = UnitRef("1100", "Alue A"), UnitRef("1200", "Alue B")
    rows_a = {
        "myyntituotot": values(budget_original=1_000_000, tot=600_000),
        "henkilostokulut": values(budget_original=-1_000_000, tot=-750_000),
    }
    rows_b = {"henkilostokulut": values(budget_original=-2_000_000, tot=-1_500_001)}
    item = content(QUARTERLY, QUARTER_ROWS, Period(2024, 9), areas=((area_a, rows_a, 1), (area_b, rows_b, 1)))
    item = item.__class__(**{**item.__dict__, "summary_units": item.areas})
    summary = table(document(QUARTERLY, item), "summary")
    assert summary.title == "Yhteenveto palvelualueittain"
    assert summary.column_groups() == (("Tuloarviot", 2), ("Määrärahat", 2), ("", 1))
    assert headers(summary) == ["TA 2024", "Tot. 09/2024", "TA 2024", "Tot. 09/2024", "Netto tot-%"]
    assert cells(summary) == [
        ("Alue A", "row", 0, 10_000, 6_000, -10_000, -7_500, D("0.0")),  # net budget 0: 0,0 by the rule
        ("Alue B", "row", 0, 0, 0, -20_000, -15_000, D("75.0")),
        ("Yhteensä", "subtotal", 0, 10_000, 6_000, -30_000, -22_500, D("82.5")),
    ]
    assert [row.key for row in summary.rows] == ["1100", "1200", "total"]
