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
