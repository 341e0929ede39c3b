"""A layout's wording per language: title, subtitle, sections, the second level's word, council and row
labels, period labels in their formats, and the year-end's actual called final accounts only in December."""

from __future__ import annotations

from pathlib import Path

import pytest

from layout_tables import content, document, headers, table, values
from toteuma.core.definition import Definition, load_definition
from toteuma.core.periods import Period
from toteuma.core.report import Description, UnitRef
from toteuma.reports.figures import area_chart
from toteuma.reports.presentation import layout_catalogue
from toteuma.reports.tables import Frame

ROWS = {
    "myyntituotot": values(budget_original=1_000_000, tot=600_000),
    "henkilostokulut": values(budget_original=-3_000_000, tot=-2_000_000),
}
WORDED = """
sections = ["descriptions", "council", "statement", "areas", "charts"]
columns = [
  { figure = "budget", label = "TA {year}" },
  { figure = "tot", label = { fi = "Tot. {mm}/{year}", sv = "Utf. {mm}/{year}" } },
  { figure = "tot_prev", label = { fi = "{month_span}/{prev}", en = "{range} {prev}" } },
]

[wording.fi.text]
title = "Talousarvion toteutuminen"
subtitle = "Sivistyslautakunta, {range}"
area = "tulosalue"

[wording.fi.sections]
council = "Sitovat erät"

[wording.fi.council]
tulot = "Toimintatulot"
menot = "Toimintamenot"

[wording.fi.rows]
myyntituotot = "Myyntitulot"

[wording.sv.text]
area = "resultatområde"
"""


def worded(tmp_path: Path) -> Definition:
    path = tmp_path / "worded.toml"
    path.write_text(WORDED, encoding="utf-8")
    return load_definition(path)


def test_title_subtitle_sections_council_and_row_labels_are_the_layouts(tmp_path: Path) -> None:
    definition = worded(tmp_path)
    area = UnitRef("1100", "Perusopetus")
    item = content(
        definition,
        ROWS,
        Period(2024, 9),
        areas=((area, ROWS, 1),),
        descriptions=(Description(area, "Teksti."),),
    )
    found = document(definition, item)
    assert found.title == "Talousarvion toteutuminen tammi–syyskuu"
    assert found.subtitle == "Sivistyslautakunta, tammi–syyskuu"
    assert [section.title for section in found.sections] == [
        "Kuvaus toimialan ja tulosalueiden toiminnasta ja tarkoituksesta",
        "Sitovat erät",
        "Tuloslaskelma, nettositovuus",
        "Tulosalueittaiset laskelmat",
    ]
    assert found.sections[3].subsections[0].title == "Perusopetus -tulosalue"
    council = table(found, "council")
    assert [row.label for row in council.rows] == ["Toimintatulot", "Toimintamenot", "NETTO"]
    assert [row.label for row in table(found, "statement-1000").rows][1] == "Myyntitulot"
    chart = area_chart(item, Frame(item.period, definition, layout_catalogue(definition)))
    assert chart is not None
    assert chart.title == "Toimintakatteen toteuma tulosalueittain"


@pytest.mark.parametrize(
    ("lang", "labels", "area_title"),
    [
        ("fi", ["TA 2024", "Tot. 09/2024", "1–9/2023"], "Perusopetus -tulosalue"),
        ("sv", ["TA 2024", "Utf. 09/2024", "1–9/2023"], "Resultatområdet Perusopetus"),
        ("en", ["TA 2024", "Tot. 09/2024", "January–September 2023"], "Perusopetus service area"),
    ],
)
def test_period_labels_and_the_second_level_word_per_language(
    tmp_path: Path, lang: str, labels: list[str], area_title: str
) -> None:
    definition = worded(tmp_path)
    area = UnitRef("1100", "Perusopetus")
    found = document(definition, content(definition, ROWS, Period(2024, 9), areas=((area, ROWS, 1),)), lang)
    assert headers(table(found, "statement-1000")) == labels
    areas = next(section for section in found.sections if section.kind == "areas")
    assert areas.subsections[0].title == area_title


@pytest.mark.parametrize(("month", "label"), [(3, "TOT 2024 3 kk"), (12, "TP 2024")])
def test_the_year_end_layout_calls_the_actual_final_accounts_only_in_december(month: int, label: str) -> None:
    year_end = load_definition("year-end")
    found = document(year_end, content(year_end, ROWS, Period(2024, month)))
    assert headers(table(found, "statement-1000"))[3] == label


def test_a_layouts_own_rows_carry_their_labels_per_language() -> None:
    committee = load_definition("committee-year-end")
    rows = {"palkat": values(budget_original=-100, tot=-100)}
    labels = {
        lang: [
            row.label
            for row in table(
                document(committee, content(committee, rows, Period(2024, 12)), lang), "statement-1000"
            ).rows
        ]
        for lang in ("fi", "sv", "en")
    }
    assert labels["fi"][:3] == ["TOIMINTAKULUT", "Henkilöstökulut", "Palkat ja palkkiot"]
    assert labels["sv"][:3] == ["VERKSAMHETSKOSTNADER", "Personalkostnader", "Löner och arvoden"]
    assert labels["en"][:3] == ["OPERATING EXPENSES", "Personnel expenses", "Wages and salaries"]
