"""Other municipalities' published budget-execution tables, reproduced by input files and a layout file
alone (issue 13): every printed cell compared with the published one (tests/acceptance_cases.py)."""

from __future__ import annotations

import pytest

from acceptance_cases import compare, import_case, published, report

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
