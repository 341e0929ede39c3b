"""Other municipalities' published budget-execution tables, reproduced by input files and a layout file
alone (issue 13): every printed cell compared with the published one (tests/acceptance_cases.py)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from acceptance_cases import CASES, compare, import_case, published, report
from report_extract import pdf_text
from toteuma import services
from toteuma.core.periods import Period

pytestmark = pytest.mark.django_db

HELSINKI_2019 = "helsinki-2019-income-statement"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_city_income_statement_comparison_in_thousands_in_finnish_and_swedish(lang: str) -> None:
    import_case(HELSINKI_2019)
    found = report(HELSINKI_2019, "layout.toml", "091", "2019-12", lang)
    (expected,) = [table for table in published(HELSINKI_2019) if table["lang"] == lang]
    assert compare(found, expected) == []


JYVASKYLA_2018_GROUP = "jyvaskyla-2018-group-administration"


def test_a_committees_result_areas_in_blocks_with_amendments_in_thousands_with_a_decimal() -> None:
    import_case(JYVASKYLA_2018_GROUP)
    found = report(JYVASKYLA_2018_GROUP, "layout.toml", "10", "2018-12")
    tables = published(JYVASKYLA_2018_GROUP)
    assert found.table_ids() == [table["id"] for table in tables]
    for expected in tables:
        assert compare(found, expected) == [], expected["title"]


JYVASKYLA_2018_STATEMENT = "jyvaskyla-2018-income-statement"


@pytest.mark.parametrize("layout", ["final-accounts.toml", "five-years.toml"])
def test_a_citys_income_statement_in_cents_and_over_five_years_in_millions(layout: str) -> None:
    # One set of input files, two tables of the same final accounts, each by its own layout; both
    # layouts extend one file of the city's rows. Where the five-year table contradicts the detailed
    # one, the figures computed from the detail are listed in published.toml with the reason.
    import_case(JYVASKYLA_2018_STATEMENT)
    found = report(JYVASKYLA_2018_STATEMENT, layout, "179", "2018-12")
    (expected,) = [table for table in published(JYVASKYLA_2018_STATEMENT) if table["layout"] == layout]
    differences = [(item.row, item.column, item.printed) for item in compare(found, expected)]
    assert differences == [(d["row"], d["column"], d["printed"]) for d in expected.get("differences", [])]


HELSINKI_2021_BUDGET = "helsinki-2021-budget-book"


@pytest.mark.parametrize(
    ("layout", "unit"),
    [
        ("chapters.toml", "701"),
        ("chapters.toml", "702"),
        ("by-account.toml", "70101"),
        ("by-account.toml", "70201"),
    ],
)
def test_a_budget_books_items_with_costs_positive_blank_zeros_and_the_plans_years(
    layout: str, unit: str
) -> None:
    # The actual two years back, last year's budget, the proposal, the budget and the plan's years;
    # a refund of 312 euros prints its own rounded 0 (not blank) and makes the net one more than the
    # revenue: each figure rounded once from its own cents.
    import_case(HELSINKI_2021_BUDGET)
    found = report(HELSINKI_2021_BUDGET, layout, unit, "2021-12")
    tables = [
        table
        for table in published(HELSINKI_2021_BUDGET)
        if (table["layout"], table["unit"]) == (layout, unit)
    ]
    assert tables
    for expected in tables:
        assert compare(found, expected) == [], expected["title"]


VANTAA_2008 = "vantaa-2008-revenue-sv"


def test_revenue_over_three_years_with_each_years_change_in_swedish() -> None:
    # Two changes, each against its own previous year, and a total of lines that are not next to
    # each other (operating revenue, taxes, state grants, financial income), in the Swedish edition.
    import_case(VANTAA_2008)
    found = report(VANTAA_2008, "layout.toml", "092", "2008-12", "sv")
    (expected,) = published(VANTAA_2008)
    assert compare(found, expected) == []


def test_the_guides_worked_example_is_the_case_it_names() -> None:
    # docs/reproducing-a-report.md shows the whole layout of the committee's blocks: it is the
    # layout this file's test reproduces the published table with, setting by setting.
    guide = (Path(__file__).parents[1] / "docs" / "reproducing-a-report.md").read_text(encoding="utf-8")
    shown = guide.split("The worked example's whole layout:\n\n```toml\n", 1)[1].split("```", 1)[0]
    layout = (CASES / JYVASKYLA_2018_GROUP / "layout.toml").read_text(encoding="utf-8")
    assert tomllib.loads(shown) == tomllib.loads(layout)


def test_a_wide_budget_table_fits_on_paper(tmp_path: Path) -> None:
    # Six columns headed "Taloussuunnitelma 2023" and the like: on the page the headings wrap, so the
    # last column is printed (its figures used to run off the page's edge, missing from the PDF).
    import_case(HELSINKI_2021_BUDGET)
    chosen = services.get_layout(str(CASES / HELSINKI_2021_BUDGET / "chapters.toml"))
    content = services.build_report("701", Period(2021, 12), chosen)
    text = pdf_text(services.render_report(content, "pdf", chosen), tmp_path)
    for figure in ("4 085 000", "3 735 000", "350 000"):  # the plan's second year: 7 01, 7 01 01, 7 01 03
        assert figure in text
