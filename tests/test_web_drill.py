"""Drill-down from a statement cell to accounts, cost centers and ledger lines (services/drill.py, views)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client

from webdemo import AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db

DRILL = f"/porautuminen/{AREA}/palvelujen_ostot/tot/"


def _cell():  # type: ignore[no-untyped-def]
    from toteuma.core.periods import Period
    from toteuma.services import drill

    return drill.cell(AREA, "palvelujen_ostot", "tot", Period.parse(PERIOD))


@pytest.mark.parametrize("column", ["tot", "tot_prev", "tp_prev"])
def test_every_cells_figure_is_the_unit_pages_statement_figure(demo_data: None, column: str) -> None:
    """A unit of each level, every row and subtotal: the drill-down's figure (its accounts added up) is
    the statement's, the label too."""
    from toteuma import storage
    from toteuma.core.periods import Period
    from toteuma.core.structure import LineKind
    from toteuma.services import drill
    from toteuma.services.common import default_structure
    from toteuma.services.reporting import unit_statement

    period, tree = Period.parse(PERIOD), storage.org_tree()
    keys = [line.key for line in default_structure().lines if line.kind is not LineKind.HEADING]
    nonzero = 0
    for code in ("111", "1000", "1100", "1300", "130010"):
        unit = tree[code]
        statement = unit_statement(tree, unit, period)
        for key in keys:
            found, line = drill.cell(unit.code, key, column, period), statement.line(key)
            assert (found.cents, found.label) == (line.money[column], line.label), (unit.code, key)
            nonzero += found.cents != 0
    assert nonzero > 20


def test_every_level_sums_to_the_cell(demo_data: None) -> None:
    from toteuma.services import drill

    cell = _cell()
    assert cell.cents == -5_350_518  # a cost: negative in report sign; the unit page prints -53 505
    assert round(Decimal(cell.cents) / 100) == -53_505
    assert sum(part.cents for part in drill.accounts(cell)) == cell.cents
    assert sum(part.cents for part in drill.cost_centers(cell)) == cell.cents
    for account in cell.accounts:
        share = next(part.cents for part in drill.accounts(cell) if part.key == str(account))
        assert sum(part.cents for part in drill.cost_centers(cell, account)) == share
    assert drill.lines(cell).total_cents == cell.cents
    from toteuma.storage import workflow

    lines_cents, lines_count = workflow.ledger_total(cell.codes, cell.accounts, cell.year, *cell.months)
    assert (-lines_cents, lines_count) == (cell.cents, drill.lines(cell).count)  # the lines themselves


def test_a_subtotal_drills_into_every_row_under_it(demo_data: None) -> None:
    from toteuma.core.periods import Period
    from toteuma.services import drill

    costs = drill.cell(AREA, "toimintakulut", "tot", Period.parse(PERIOD))
    assert drill.lines(costs).total_cents == costs.cents
    assert set(_cell().accounts) < set(costs.accounts)


def test_lines_page_shows_the_sum_equal_to_the_cell(signed_in: Callable[..., Client]) -> None:
    page = signed_in("lakimies").get(f"{DRILL}rivit/?kausi={PERIOD}").content.decode().replace("\u00a0", " ")
    total = re.search(r'id="rivisumma">([^<]+)<', page)
    cell = re.search(r'id="solu">([^<]+)<', page)
    assert total is not None
    assert cell is not None
    assert total.group(1) == cell.group(1) == "-53 505,18"
    assert "täsmää" in page


def test_lines_are_paginated_and_sorted(signed_in: Callable[..., Client]) -> None:
    from toteuma.core.periods import Period
    from toteuma.services import drill

    cell = drill.cell("1000", "toimintakulut", "tp_prev", Period.parse(PERIOD))
    first, second = drill.lines(cell, page=1, sort="amount"), drill.lines(cell, page=2, sort="amount")
    assert first.count > drill.PAGE_SIZE
    assert len(first.rows) == drill.PAGE_SIZE
    amounts = [row.amount_cents for row in first.rows + second.rows]
    assert amounts == sorted(amounts)
    assert not set(first.rows) & set(second.rows)  # no line on two pages
    url = f"/porautuminen/1000/toimintakulut/tp_prev/rivit/?kausi={PERIOD}&sivu=2&jarjestys=-date"
    response = signed_in("talous").get(url)
    assert 'rel="prev"' in response.content.decode()


def test_csv_download_holds_every_line_summing_to_the_cell(signed_in: Callable[..., Client]) -> None:
    response = signed_in("talous").get(f"{DRILL}rivit.csv?kausi={PERIOD}")
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))[1:]
    cents = sum(int(row[6].replace(",", "")) for row in rows)
    cell = _cell()
    assert len(rows) == drill_count(cell)
    assert cents == cell.cents
    assert response["Content-Disposition"].startswith("attachment;")


def drill_count(cell) -> int:  # type: ignore[no-untyped-def]
    from toteuma.services import drill

    return drill.lines(cell).count


def test_a_cost_center_level_and_an_account_outside_the_row_are_checked(
    signed_in: Callable[..., Client],
) -> None:
    client = signed_in("talous")
    account = _cell().accounts[0]
    page = client.get(f"{DRILL}?kausi={PERIOD}&tili={account}").content.decode()
    assert "Kustannuspaikoittain" in page
    assert client.get(f"{DRILL}rivit/?kausi={PERIOD}&tili=3000").status_code == 400
    assert client.get(f"/porautuminen/{AREA}/palvelujen_ostot/budget/").status_code == 400
