"""One tiny file per real-world quirk, named after it; the fast (DuckDB) and row-by-row paths agree."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from toteuma.core.records import BudgetKind
from toteuma.importers.kinds import parse_file
from toteuma.importers.profiles import Profile
from toteuma.importers.sources import RecordsLedger, read_ledger
from toteuma.importers.table import Dialect

DATA = Path(__file__).parent / "data"
UNITS = {"110010": 1}


def _rows(source: Any) -> list[tuple[Any, ...]]:
    return sorted(row for chunk in source.row_chunks(9, UNITS, 1000) for row in chunk)


def _both(name: str, encoding: str | None = None) -> tuple[list[int], list[str]]:
    """Cents and texts of a ledger file, after checking that both paths read it the same."""
    records, problems = parse_file("ledger", DATA / name, encoding=encoding)
    assert [p for p in problems if p.severity == "error"] == []
    slow = RecordsLedger(records)
    parsed = read_ledger(DATA / name, encoding=encoding)
    try:
        assert parsed.fast, f"the fast path gave up on {name}"
        assert parsed.source is not None
        assert _rows(parsed.source) == _rows(slow)
        assert parsed.source.totals() == slow.totals()
        assert parsed.source.balances() == slow.balances()
    finally:
        parsed.close()
    return [r.amount_cents for r in records], [r.text for r in records]


@pytest.mark.parametrize(
    ("name", "cents"),
    [
        ("ledger-trailing-minus.csv", [-123456, 1000]),
        ("ledger-parentheses-negative.csv", [-123456]),
        ("ledger-unicode-minus.csv", [-123456]),
        ("ledger-negative-forms.csv", [-123456, -1000, -2001]),
        ("ledger-thousands-nbsp.csv", [123456789, 100000]),
        ("ledger-thousands-dot.csv", [123456789]),
        ("ledger-thousands-comma-decimal-point.csv", [123456789, 100050]),
        ("ledger-semicolon-decimal-comma.csv", [123456, -50000]),
        ("ledger-tab.csv", [1234]),
        ("ledger-pipe.csv", [1234]),
        ("ledger-blank-lines.csv", [100, 200]),
        ("ledger-crlf.csv", [100]),
        ("ledger-date-forms.csv", [100, 200, 300]),
        ("ledger-bom.csv", None),
        ("ledger-english-comma.csv", [123456]),
    ],
)
def test_each_quirk_reads_to_the_cent_on_both_paths(name: str, cents: list[int] | None) -> None:
    found, _ = _both(name)
    if cents is not None:
        assert found == cents


def test_date_forms_all_mean_the_last_of_march() -> None:
    records, _ = parse_file("ledger", DATA / "ledger-date-forms.csv")
    assert {r.posted for r in records} == {date(2024, 3, 31)}


def test_utf8_with_and_without_bom_are_told_apart() -> None:
    for name, said in (("ledger-bom.csv", "utf-8-sig"), ("ledger-tab.csv", "utf-8")):
        parsed = read_ledger(DATA / name)
        parsed.close()
        note = f"merkistö {said} (tunnistettu; toisen voi antaa valitsimella --encoding)"
        assert note in map(str, parsed.notes)


def test_windows_1252_is_detected_and_said() -> None:
    _, texts = _both("ledger-cp1252.csv")
    assert texts == ["Käyttömaksu"]
    parsed = read_ledger(DATA / "ledger-cp1252.csv")
    parsed.close()
    assert "merkistö cp1252 (tunnistettu; toisen voi antaa valitsimella --encoding)" in map(str, parsed.notes)


def test_iso_8859_15_euro_read_as_1252_is_a_warning_and_the_override_fixes_it() -> None:
    records, problems = parse_file("ledger", DATA / "ledger-iso-8859-15.csv")
    assert [p.code for p in problems] == ["file.mojibake"]
    assert "iso-8859-15" in problems[0].message
    assert records[0].text == "Kahvi 3 ¤"
    _, texts = _both("ledger-iso-8859-15.csv", encoding="iso-8859-15")
    assert texts == ["Kahvi 3 €"]


def test_double_encoded_utf8_is_not_imported_silently() -> None:
    parsed = read_ledger(DATA / "ledger-mojibake.csv")
    parsed.close()
    assert [p.code for p in parsed.problems] == ["file.mojibake"]
    assert "KÃ¤yttÃ¶" in parsed.problems[0].message


def test_a_given_encoding_is_never_overridden() -> None:
    records, problems = parse_file("ledger", DATA / "ledger-bom.csv", encoding="cp1252")
    # The BOM and "ä" read as cp1252: said, and the header no longer matches.
    assert [p.code for p in problems] == ["file.mojibake", "header.missing-column"]
    assert records == []


def test_a_profile_dialect_wins_over_detection() -> None:
    profile = Profile(dialect=Dialect(decimal="."))
    records, problems = parse_file("ledger", DATA / "ledger-trailing-minus.csv", profile=profile)
    assert records == []
    assert {p.code for p in problems} == {"value.amount"}


def test_a_point_where_a_decimal_comma_is_expected_is_refused_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "ledger-stray-point.csv"
    path.write_text("Pvm;Tosite;Tili;Kp;Summa\n1.1.2024;1;4300;110010;1,00\n1.1.2024;2;4300;110010;1.5\n")
    _records, problems = parse_file("ledger", path)
    assert [(p.code, p.row, p.value) for p in problems] == [("value.amount", 3, "1.5")]
    parsed = read_ledger(path)
    assert parsed.source is None
    assert not parsed.fast


def test_excel_date_cells_serial_numbers_and_text_amounts() -> None:
    records, problems = parse_file("ledger", DATA / "ledger-excel-dates.xlsx")
    assert problems == []
    assert [(r.posted, r.amount_cents) for r in records] == [
        (date(2024, 1, 15), 123456),
        (date(2024, 3, 31), -10),
        (date(2024, 3, 31), -100000),
    ]


def test_budget_title_rows_above_the_header_are_skipped() -> None:
    records, problems = parse_file("budget", DATA / "budget-title-rows.xlsx")
    assert problems == []
    assert [(r.amount_cents, r.kind, r.decided) for r in records] == [
        (6000000, BudgetKind.ORIGINAL, None),
        (4000050, BudgetKind.AMENDMENT, date(2024, 2, 26)),
    ]


def test_a_fast_source_frees_duckdb_once_its_rows_are_out() -> None:
    # The rows go once: DuckDB's buffers must not stay beside the database's index builds.
    parsed = read_ledger(DATA / "ledger-crlf.csv")
    try:
        assert parsed.fast
        assert parsed.source is not None
        assert _rows(parsed.source)
        assert parsed.source.totals().lines > 0  # the sums stay readable
        with pytest.raises(duckdb.ConnectionException):
            _rows(parsed.source)
    finally:
        parsed.close()
