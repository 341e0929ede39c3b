"""The fast path's cheap expressions: each cell reads exactly as the full reading and values.py read it.

`bulk._select(..., cheap=False)` is the full reading alone. For every cell both give the same value;
where values.py refuses a cell or reads it differently, the fast path gives NULL (and gives up).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toteuma.importers import bulk
from toteuma.importers.sources import read_ledger
from toteuma.importers.values import parse_amount, parse_date, parse_int

NAMED = {
    "posted": "c0",
    "document": "c1",
    "account": "c2",
    "unit": "c3",
    "project": "c4",
    "amount": "c5",
    "text": "c6",
}
GOOD = ("1.1.2024", "4300", "110010", "5,00")  # posted, account, unit, amount of a plain line


def _read(cells: Sequence[dict[str, str | None]], decimal: str, *, cheap: bool) -> list[tuple[Any, ...]]:
    """(posted, account, unit, project, cents, text) of each row, through `_select`, in order."""
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE raw (" + ", ".join(f"c{i} VARCHAR" for i in range(7)) + ")")
        rows = []
        for number, given_cells in enumerate(cells):
            row = dict(zip(("posted", "account", "unit", "amount"), GOOD, strict=True))
            row.update(given_cells)
            first = (row["posted"], str(number), row["account"], row["unit"], row.get("project"))
            rows.append((*first, row["amount"], row.get("text")))
        con.executemany("INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        query = bulk._select(NAMED, decimal, "raw", cheap=cheap)
        found = con.execute(
            f"SELECT posted, account, unit, project, cents, text FROM ({query}) ORDER BY document::INTEGER"
        ).fetchall()
    finally:
        con.close()
    return found


def _column(field: str, values: Sequence[str | None], decimal: str = ",", *, cheap: bool = True) -> list[Any]:
    index = {"posted": 0, "account": 1, "unit": 2, "project": 3, "amount": 4, "text": 5}[field]
    return [row[index] for row in _read([{field: value} for value in values], decimal, cheap=cheap)]


def _or_error(read: Callable[[], list[Any]]) -> list[Any] | str:
    """The values read, or "error" when DuckDB stops on one (the fast path gives up then too)."""
    try:
        return read()
    except duckdb.Error:
        return "error"


def _python(parse: Callable[[str], Any], value: str | None) -> Any:
    try:
        return parse(value or "")
    except ValueError:
        return None


def _cheap(sql: Callable[[str], str], values: Sequence[str]) -> list[Any]:
    """What the cheap expression alone gives each value (NULL: the value takes the full reading)."""
    con = duckdb.connect()
    try:
        query = f"SELECT {sql('v')} FROM (SELECT ?::VARCHAR AS v)"
        return [con.execute(query, [value]).fetchone()[0] for value in values]
    finally:
        con.close()


def _check_amounts(values: Sequence[str | None], decimal: str) -> list[int | None]:
    """Fast == full for every value; a value is either refused or read as values.parse_amount reads it."""
    fast = _or_error(lambda: _column("amount", values, decimal))
    assert fast == _or_error(lambda: _column("amount", values, decimal, cheap=False))
    if isinstance(fast, str):
        return [None] * len(values)
    for value, cents in zip(values, fast, strict=True):
        expected = _python(lambda text: parse_amount(text, decimal), value)
        assert cents is None or cents == expected, (value, cents, expected)
        if expected is None:
            assert cents is None, value
    return fast


def _check_dates(values: Sequence[str | None]) -> list[date | None]:
    fast = _column("posted", values)
    assert fast == _column("posted", values, cheap=False)
    for value, day in zip(values, fast, strict=True):
        expected = _python(parse_date, value)
        assert day is None or day == expected, (value, day, expected)
        if expected is None:
            assert day is None, value
    return fast


# Amounts with a decimal comma: the cheap shapes (to the cent, without the full reading) ...
CHEAP_AMOUNTS = {
    "5,00": 500,
    "-5,00": -500,
    "0,01": 1,
    "-0,00": 0,
    "1234567,89": 123456789,
    "99999999999999,99": 9999999999999999,  # 14 whole digits: the full reading's widest
    "00000000000001,00": 100,
    "1 234,56": 123456,
    "-1 234 567,89": -123456789,
    "123 456 789 012,34": 12345678901234,
    "1 234,56-": -123456,
    "349,15-": -34915,
    "0,00-": 0,
}
# ... and near misses: not cheap; the full reading reads them (or refuses them) as values.py does.
NEAR_MISSES = {
    "1.234": 123400,  # a thousands point, no decimals
    "1.234,56": 123456,
    "1 234,5-": -123450,
    "(12,00)": -1200,
    "(12,00-)": 1200,
    "-5,00-": 500,  # two minus signs cancel, as in values.parse_amount
    "\u22125,00": -500,
    " 5,00 ": 500,
    "\u00a05,00": 500,
    "5,5": 550,
    "5": 500,
    "5,": 500,
    "+5,00": 500,
    "12 34,56": 123456,  # spaces anywhere, as values.parse_amount drops them
    "1'234,56": 123456,
    "1\u00a0234,56": 123456,
    "12,345": None,  # three decimals
    "1 000,001": None,
    "1,234.56": None,
    ",50": None,
    "-": None,
    "": None,
    "abc": None,
    "5,00 €": None,
    "1e3": None,
    "100000000000000000,00": None,  # 18 whole digits: more than DECIMAL(18,2) holds; the slow path reads it
    "000000000000001,00": 100,  # 15 digits, but 1 €
    "- 5,00": -500,
    "5,00\n-": None,  # values.py reads -500 ($ matches before a newline); DuckDB gives up
    "\u0661\u0662,\u0660\u0660": None,  # Arabic-Indic digits: values.py reads 1200, DuckDB gives up
}


def test_each_cheap_amount_shape_takes_the_cheap_branch_to_the_same_cents() -> None:
    values = list(CHEAP_AMOUNTS)
    assert _cheap(lambda column: bulk._fast_cents(column, ","), values) == list(CHEAP_AMOUNTS.values())
    assert _check_amounts(values, ",") == list(CHEAP_AMOUNTS.values())
    assert [parse_amount(value) for value in values] == list(CHEAP_AMOUNTS.values())


def test_near_miss_amounts_take_the_full_reading_or_are_refused() -> None:
    values = list(NEAR_MISSES)
    assert _cheap(lambda column: bulk._fast_cents(column, ","), values) == [None] * len(values)
    assert _check_amounts(values, ",") == list(NEAR_MISSES.values())


def test_a_missing_amount_is_refused() -> None:
    assert _check_amounts([None], ",") == [None]


def test_amounts_from_10_to_the_14_euros_stop_both_readings() -> None:
    """DECIMAL(18,2) * 100 overflows there: an error, so the slow path reads the file (as before)."""
    big = ("100000000000000,00", "1234567890123456,78", "100 000 000 000 000,00", "100000000000000,00-")
    for value in big:
        assert _cheap(lambda column: bulk._fast_cents(column, ","), [value]) == [None]
        with pytest.raises(duckdb.OutOfRangeException):
            _column("amount", [value])
        with pytest.raises(duckdb.OutOfRangeException):
            _column("amount", [value], cheap=False)


def test_decimal_point_amounts() -> None:
    cheap = {"5.00": 500, "-1234.56": -123456, "1 234.56": 123456, "1 234.56-": -123456}
    near = {"1,234.56": 123456, "1,234": 123400, "5,00": None, "12.345": None, "(5.00)": -500}
    assert _cheap(lambda column: bulk._fast_cents(column, "."), list(cheap)) == list(cheap.values())
    assert _cheap(lambda column: bulk._fast_cents(column, "."), list(near)) == [None] * len(near)
    assert _check_amounts(list(cheap), ".") == list(cheap.values())
    assert _check_amounts(list(near), ".") == list(near.values())


CHEAP_DATES = {
    "1.1.2024": date(2024, 1, 1),
    "01.01.2024": date(2024, 1, 1),
    "31.12.2024": date(2024, 12, 31),
    "29.2.2024": date(2024, 2, 29),
    "2024-03-31": date(2024, 3, 31),
    "1.1.0001": date(1, 1, 1),
}
NEAR_MISS_DATES = {
    "31.2.2024": None,
    "29.2.2023": None,
    "1.13.2024": None,
    "0.1.2024": None,
    "1.0.2024": None,
    "31.4.2024": None,
    "1.1.24": None,
    "001.1.2024": None,
    "+1.1.2024": None,
    "1.1.0000": None,  # year 0: DuckDB's 1 BC, no date to Python
    "0000-01-01": None,
    "2024-3-31": None,
    "31.3.2024 12:00": date(2024, 3, 31),
    "2024-03-31T10:00:00": date(2024, 3, 31),
    " 1.1.2024": date(2024, 1, 1),
    "1.1.2024 ": date(2024, 1, 1),
    "1. 1.2024": None,
    "1.1.2024x": None,
    "": None,
}


def test_each_cheap_date_shape_takes_the_cheap_branch() -> None:
    values = list(CHEAP_DATES)
    found = _cheap(bulk._fast_posted, values)
    assert [day.date() for day in found] == list(CHEAP_DATES.values())
    assert _check_dates(values) == list(CHEAP_DATES.values())


def test_near_miss_dates_take_the_full_reading_or_are_refused() -> None:
    values = list(NEAR_MISS_DATES)
    cheap = _cheap(bulk._fast_posted, values)
    # A cheap shape that is no date (31.2.) is NULL there and refused by the full reading too; year 0
    # is a date to DuckDB (1 BC), refused after either reading.
    dated = [value for value, day in zip(values, cheap, strict=True) if day is not None]
    assert dated == ["1.1.0000", "0000-01-01"]
    assert _check_dates(values) == list(NEAR_MISS_DATES.values())
    assert _check_dates([None]) == [None]


def test_accounts_are_read_as_parse_int_or_refused() -> None:
    values = ["4300", "0004300", " 4300 ", "999999999", "1000000000", "4300.0", "-5", "+5", "43 00", "", "x"]
    fast = _column("account", values)
    assert fast == _column("account", values, cheap=False)
    assert fast == [4300, 4300, 4300, 999999999, None, None, None, None, None, None, None]
    for value, account in zip(values, fast, strict=True):
        assert account is None or account == parse_int(value)


TEXTS = [
    "a",
    " a",
    "a ",
    "\u00a0a",
    "a\u3000",
    "a\u2009",
    "\ta\t",
    "ä",
    " ä ",
    "Öljy ",
    "",
    None,
    " ",
    "a b",
    "\u00a0",
]


def test_cells_are_trimmed_as_before() -> None:
    for field in ("unit", "project", "text"):
        assert _column(field, TEXTS) == _column(field, TEXTS, cheap=False)
    values = [*TEXTS, *(chr(code) + "x" + chr(code) for code in range(1, 128))]
    values += [space + "x" + space for space in bulk.WHITESPACE] + list(bulk.WHITESPACE)
    # The cheap test agrees with the full strip, and both with Python's, for every ASCII character
    # and every whitespace character at either end.
    stripped = _cheap(bulk._strip, values)
    assert _cheap(bulk._trimmed, values) == stripped
    assert stripped == [("" if value is None else value.strip()) for value in values]
    blank = [bool(value and value.strip()) for value in values]
    # NULL (a missing cell) filters as false does in the WHERE it goes into.
    assert [bool(kept) for kept in _cheap(bulk._nonblank, values)] == blank


def test_whitespace_is_what_python_strips() -> None:
    assert "".join(ch for ch in map(chr, range(0x110000)) if ch.isspace()) == bulk.WHITESPACE


def test_a_cost_center_with_a_tab_reads_the_same_on_both_paths(tmp_path: Path) -> None:
    from toteuma.importers.kinds import parse_file

    path = tmp_path / "ledger-tab.csv"
    path.write_text(
        "Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa;Selite\n1.1.2024;1;4300;110010\t;5,00;a\t\n"
    )
    fast = read_ledger(path).source
    assert fast is not None
    records, problems = parse_file("ledger", path)
    assert not problems
    assert [row.unit for row in fast.balances()] == [record.unit for record in records] == ["110010"]


def test_a_year_zero_line_makes_the_fast_path_give_up(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    lines = ["Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa", "1.1.2024;1;4300;110010;5,00"]
    columns = {"posted": 0, "document": 1, "account": 2, "unit": 3, "amount": 4}
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = bulk.open_ledger(path, delimiter=";", decimal=",", skip=1, width=5, columns=columns)
    assert source is not None
    assert source.totals().total_cents == 500
    source.close()  # type: ignore[attr-defined]
    path.write_text("\n".join([*lines, "1.1.0000;2;4300;110010;5,00"]) + "\n", encoding="utf-8")
    assert bulk.open_ledger(path, delimiter=";", decimal=",", skip=1, width=5, columns=columns) is None


SEPARATORS = ["", " ", "\u00a0", ".", ",", "'"]


@st.composite
def amount_texts(draw: st.DrawFn) -> str:
    """Amount-like text: digits, separators, decimals, signs, parentheses, some of them wrong."""
    whole = draw(st.integers(0, 10**18))
    separator = draw(st.sampled_from(SEPARATORS))
    text = f"{whole:,}".replace(",", separator) if separator else str(whole)
    if draw(st.booleans()):
        text += draw(st.sampled_from([",", "."])) + draw(st.text("0123456789", max_size=3))
    form = draw(st.sampled_from(["{}", "-{}", "{}-", "({})", "\u2212{}", "+{}", "-{}-", " {} ", "({}-)"]))
    return form.format(text)


@settings(max_examples=80, deadline=None)
@given(
    values=st.lists(
        st.one_of(amount_texts(), st.text("0123456789 ,.-+()\u2212\u00a0'\n", max_size=12)),
        min_size=1,
        max_size=25,
    ),
    decimal=st.sampled_from([",", "."]),
)
def test_amounts_fast_equals_full_and_values_py(values: list[str], decimal: str) -> None:
    _check_amounts(values, decimal)


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    day, month, year = draw(st.integers(0, 40)), draw(st.integers(0, 14)), draw(st.integers(0, 9999))
    form = draw(
        st.sampled_from(
            [
                "{d}.{m}.{y:04d}",
                "{d:02d}.{m:02d}.{y:04d}",
                "{y:04d}-{m:02d}-{d:02d}",
                "{d}.{m}.{y}",
                "{d}.{m}.{y:04d} 12:00",
            ]
        )
    )
    return form.format(d=day, m=month, y=year)


@settings(max_examples=80, deadline=None)
@given(
    values=st.lists(
        st.one_of(date_texts(), st.text("0123456789.- T:+", max_size=12)),
        min_size=1,
        max_size=25,
    )
)
def test_dates_fast_equals_full_and_values_py(values: list[str]) -> None:
    _check_dates(values)


@settings(max_examples=40, deadline=None)
@given(values=st.lists(st.text(" \u00a0\u3000\t\nab4ä€", max_size=6) | st.none(), min_size=1, max_size=20))
def test_text_cells_fast_equals_full(values: list[str | None]) -> None:
    assert _column("text", values) == _column("text", values, cheap=False)
    assert _column("account", values) == _column("account", values, cheap=False)
