"""Tests of importers/kinds.py with one tiny file per real-world quirk, named after it."""

from datetime import date, datetime
from pathlib import Path

import pytest
import xlsxwriter

from toteuma.core.records import BudgetKind, LedgerRecord
from toteuma.importers.kinds import parse_file

DATA = Path(__file__).parent / "data"


def _ledger(name: str) -> list[LedgerRecord]:
    records, problems = parse_file("ledger", DATA / name)
    assert problems == []
    return records


def test_semicolons_decimal_commas_and_thousands_spaces() -> None:
    records = _ledger("ledger-semicolon-decimal-comma.csv")
    assert [r.amount_cents for r in records] == [123456, -50000]
    assert records[1].posted == date(2024, 3, 31)
    assert records[0].unit == "110010"


def test_utf8_with_bom_keeps_the_first_column_name_and_umlauts() -> None:
    (record,) = _ledger("ledger-bom.csv")
    assert record.posted == date(2024, 1, 15)
    assert record.text == "Käyttö"


def test_windows_1252_is_detected_without_mojibake() -> None:
    (record,) = _ledger("ledger-cp1252.csv")
    assert record.text == "Käyttömaksu"
    assert record.amount_cents == 1230


def test_trailing_minus_parentheses_and_unicode_minus() -> None:
    assert [r.amount_cents for r in _ledger("ledger-negative-forms.csv")] == [-123456, -1000, -2001]


def test_english_column_names_commas_and_decimal_points() -> None:
    (record,) = _ledger("ledger-english-comma.csv")
    assert record.amount_cents == 123456
    assert record.account == 4300


def test_every_bad_value_is_reported_with_its_place_and_nothing_is_returned_as_good() -> None:
    records, problems = parse_file("ledger", DATA / "ledger-bad-values.csv")
    assert records == []
    found = {(p.code, p.row, p.column) for p in problems}
    assert found == {
        ("value.integer", 2, "Tili"),
        ("value.date", 3, "Kirjauspvm"),
        ("value.amount", 4, "Summa"),
        ("value.required", 5, "Kustannuspaikka"),
    }
    assert all(p.hint for p in problems)
    assert "43x0" in str(problems[0])


def test_a_missing_column_names_the_accepted_names() -> None:
    _, problems = parse_file("ledger", DATA / "ledger-missing-account-column.csv")
    assert [p.code for p in problems] == ["header.missing-column"]
    assert "Tilinumero" in problems[0].message


def test_budget_workbook_with_title_rows_and_an_amendment(tmp_path: Path) -> None:
    path = tmp_path / "budget-title-rows.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("TA 2024")
    sheet.write_row(0, 0, ["Talousarvio 2024"])
    sheet.write_row(2, 0, ["Vuosi", "Yksikkö", "Tili", "Summa", "Laji", "Päätös", "Päätöspvm"])
    sheet.write_row(3, 0, [2024, "110010", 4300, 60000, "TA"])
    sheet.write_row(4, 0, [2024, "110010", 4300, 40000.5, "muutos", "Kv 26.2.2024 § 12"])
    naive = datetime(2024, 2, 26)  # noqa: DTZ001 - a spreadsheet date has no time zone
    sheet.write_datetime(4, 6, naive, book.add_format({"num_format": "d.m.yyyy"}))
    book.close()
    records, problems = parse_file("budget", path)
    assert problems == []
    assert [(r.amount_cents, r.kind, r.decided) for r in records] == [
        (6000000, BudgetKind.ORIGINAL, None),
        (4000050, BudgetKind.AMENDMENT, date(2024, 2, 26)),
    ]


def test_an_amendment_without_its_decision_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "budget-amendment-without-decision.csv"
    path.write_text("Vuosi;Yksikkö;Tili;Summa;Laji\n2024;110010;4300;100;muutos\n", encoding="utf-8")
    records, problems = parse_file("budget", path)
    assert records == []
    assert [p.code for p in problems] == ["budget.amendment-decision"]
    assert "päätös ja päätöspäivä" in problems[0].message
    assert "Päätöspvm" in problems[0].hint  # the hint names the values the row needs


@pytest.mark.parametrize("name", ["missing.csv", "missing.xlsx"])
def test_a_missing_file_is_a_problem_not_a_crash(name: str) -> None:
    _, problems = parse_file("units", DATA / name)
    assert [p.code for p in problems] == ["file.unreadable"]
