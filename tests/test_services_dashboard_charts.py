"""services/dashboard_charts.py: the unit page's cumulative costs equal each month-end's statement."""

from __future__ import annotations

import pytest

from webdemo import PERIOD, demo_data

__all__ = ["demo_data"]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["1000", "1300", "130010"])
def test_each_months_cumulative_costs_are_the_statements_at_that_month_end(
    demo_data: None, code: str
) -> None:
    from toteuma import storage
    from toteuma.core.money import round_euros
    from toteuma.core.periods import Period
    from toteuma.services import dashboard_charts
    from toteuma.services.common import default_structure
    from toteuma.services.reporting import unit_statement

    tree = storage.org_tree()
    period = Period.parse(PERIOD)
    found = dashboard_charts.cumulative_data(tree[code], period)
    expected = []
    for year, months in ((period.year - 1, 12), (period.year, period.month)):
        for month in range(1, months + 1):
            statement = unit_statement(tree, tree[code], Period(year, month))
            costs = statement.line(default_structure().summary.menot).money["tot"]
            expected.append({"month": month, "year": str(year), "euros": -round_euros(costs)})
    assert found == expected
    assert any(item["euros"] for item in found if item["year"] == str(period.year))
