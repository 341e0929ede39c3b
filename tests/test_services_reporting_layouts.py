"""Reports built from the database under layouts: accounts to a layout's own rows, every unit down to the
cost centers, the summary and the amendment decisions as imported."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from toteuma import services, storage
from toteuma.core.periods import Period
from toteuma.core.records import BudgetKind, BudgetRecord, LedgerRecord

pytestmark = pytest.mark.django_db
Q1 = Period(2024, 3)


def line(posted: str, unit: str, account: int, cents: int) -> LedgerRecord:
    return LedgerRecord(date.fromisoformat(posted), "T", account, unit, cents, "")


@pytest.fixture
def data(tiny_org: object) -> None:
    storage.load_ledger(
        (
            line("2024-01-10", "110010", 4000, 100_000),  # wages
            line("2024-01-10", "110010", 4150, 20_000),  # pensions
            line("2024-02-10", "110020", 4210, 3_000),  # other social costs: the rest of personnel
            line("2024-03-10", "120010", 4300, 50_000),
            line("2024-03-11", "120010", 3000, -7_000),
        ),
        file_name="l.csv",
        sha256="a" * 64,
    )
    amendment = {"kind": BudgetKind.AMENDMENT, "decision": "Kv 26.2.2024 § 14", "decided": date(2024, 2, 26)}
    storage.load_budget(
        (
            BudgetRecord(2024, "110010", 4000, 400_000),
            BudgetRecord(2024, "120010", 4300, 100_000),
            BudgetRecord(2024, "120010", 4300, 25_000, **amendment),
        ),
        file_name="ta.csv",
        sha256="b" * 64,
    )


def rows_of(data: dict[str, object], table_id: str) -> dict[str, list[object]]:
    table = next(item for item in data["tables"] if item["id"] == table_id)  # type: ignore[index]
    return {row["key"]: row["values"] for row in table["rows"]}  # type: ignore[index]


def test_a_layouts_own_rows_take_their_accounts_and_the_rest(data: None) -> None:
    layout = services.get_layout("committee-year-end")
    report = json.loads(services.render_report(services.build_report("1000", Q1, layout), "json", layout))
    rows = rows_of(report, "statement-1000")
    # budget_original, amendments, budget, tot, deviation (tot - budget), pct
    assert rows["palkat"][:5] == [-4_000, 0, -4_000, -1_000, 3_000]
    assert rows["elakekulut"][3] == -200
    assert rows["muut_henkilosivukulut"][3] == -30  # 4210 is personnel in the mapping, no own range: the rest
    assert rows["henkilostokulut"][3] == -1_230


def test_an_account_no_row_takes_is_named(data: None, tmp_path: Path) -> None:
    path = tmp_path / "split.toml"
    path.write_text(
        '[[structure.lines]]\nkey = "henkilostokulut"\nkind = "subtotal"\n'
        '[[structure.lines]]\nkey = "palkat"\nlabel = "Palkat"\nparent = "henkilostokulut"\n'
        'after = "henkilostokulut"\naccounts = ["4000-4099"]\n',
        encoding="utf-8",
    )
    # The lowest account of the rest of the personnel costs is named, whatever order the sums came in.
    lowest = min(account for account in storage.ledger_accounts() if 4100 <= account <= 4299)
    with pytest.raises(
        services.ServiceError, match=rf"tilillä {lowest} .*”henkilostokulut”.*accounts = \"rest\""
    ):
        services.build_report("1000", Q1, services.get_layout(str(path)))


def test_every_unit_down_to_the_cost_centers_with_the_summary_and_the_decisions(
    data: None, tmp_path: Path
) -> None:
    path = tmp_path / "every-unit.toml"
    path.write_text(
        'sections = ["summary", "areas", "amendments"]\ncolumns = ["budget", "tot"]\n'
        "[tables.areas]\ndepth = 5\ncost_centers = true\n"
        '[tables.summary]\nunits = "children"\n',
        encoding="utf-8",
    )
    layout = services.get_layout(str(path))
    report = json.loads(services.render_report(services.build_report("1000", Q1, layout), "json", layout))
    ids = [table["id"] for table in report["tables"]]
    assert ids == [
        "summary", "statement-1100", "statement-110010", "statement-110020", "statement-1200",
        "statement-120010", "amendments",
    ]  # fmt: skip
    assert rows_of(report, "summary") == {
        "1100": [-4_000, -1_230],
        "1200": [-1_250, -430],
        "total": [-5_250, -1_660],
    }
    # decided, the units it changes, income, costs, investments, net (docs/decisions.md, 44)
    assert rows_of(report, "amendments") == {
        "Kv 26.2.2024 § 14": ["2024-02-26", "Tarkastustoimi", 0, -250, 0, -250]
    }


def test_a_report_is_rendered_with_the_structure_it_was_built_in(data: None) -> None:
    content = services.build_report("1000", Q1, services.get_layout(None))
    other = services.get_layout("committee-year-end")
    with pytest.raises(services.ServiceError, match="toisen asettelun rakenteella"):
        services.render_report(content, "json", other)
    assert services.render_report(content, "json", services.get_layout("year-end"))  # the same structure
