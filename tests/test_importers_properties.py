"""Property tests: messy but valid ledger files, generated, read back to the cent on both paths."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toteuma.importers.kinds import parse_file
from toteuma.importers.sources import RecordsLedger, read_ledger

THOUSANDS = {",": ["", " ", "\u00a0", ".", "'"], ".": ["", " ", "\u00a0", ",", "'"]}
NEGATIVE = ["-{}", "{}-", "({})", "\u2212{}"]
DATES = ["{d.day}.{d.month}.{d.year}", "{d.day:02d}.{d.month:02d}.{d.year}", "{d:%Y-%m-%d}"]


@st.composite
def dialects(draw: st.DrawFn) -> dict[str, str]:
    decimal = draw(st.sampled_from([",", "."]))
    return {
        "delimiter": draw(st.sampled_from([";", ",", "\t", "|"])),
        "decimal": decimal,
        "thousands": draw(st.sampled_from(THOUSANDS[decimal])),
        "negative": draw(st.sampled_from(NEGATIVE)),
        "date": draw(st.sampled_from(DATES)),
        "encoding": draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"])),
    }


def amount(cents: int, d: dict[str, str]) -> str:
    euros, rest = divmod(abs(cents), 100)
    whole = f"{euros:,}".replace(",", d["thousands"])
    text = f"{whole}{d['decimal']}{rest:02d}"
    return d["negative"].format(text) if cents < 0 else text


ROWS = st.lists(
    st.tuples(
        st.integers(-(10**11), 10**11),
        st.dates(date(2023, 1, 1), date(2024, 12, 31)),
        st.sampled_from(["110010", "110020", "120010"]),
        st.text("abcäöÅ €-", max_size=12),
        st.booleans(),  # a blank line before the row
    ),
    min_size=1,
    max_size=40,
)


def write(path: Path, rows: list[tuple[int, date, str, str, bool]], d: dict[str, str]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=d["delimiter"], lineterminator="\n")
    writer.writerow(["Kirjauspvm", "Tosite", "Tili", "Kustannuspaikka", "Summa", "Selite"])
    for number, (cents, day, unit, text, blank) in enumerate(rows):
        if blank:
            out.write("\n")
        writer.writerow([DATES_FORMAT(d, day), str(number), "4300", unit, amount(cents, d), text.strip()])
    data = out.getvalue()
    if d["encoding"] == "cp1252":
        data = data.replace("\u2212", "-")  # Windows-1252 has no U+2212: exports write a hyphen
    path.write_bytes(data.encode(d["encoding"]))


def DATES_FORMAT(d: dict[str, str], day: date) -> str:  # noqa: N802 - reads as the constant it formats with
    return d["date"].format(d=day)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS, d=dialects())
def test_totals_to_the_cent_on_both_paths(tmp_path: Path, rows: list, d: dict[str, str]) -> None:  # type: ignore[type-arg]
    path = tmp_path / "ledger-generated.csv"
    write(path, rows, d)
    records, problems = parse_file("ledger", path)
    assert [str(p) for p in problems if p.severity == "error"] == []
    expected_months: dict[str, tuple[int, int]] = {}
    for cents, day, *_ in rows:
        lines, total = expected_months.get(f"{day:%Y-%m}", (0, 0))
        expected_months[f"{day:%Y-%m}"] = (lines + 1, total + cents)
    slow = RecordsLedger(records).totals()
    assert slow.total_cents == sum(row[0] for row in rows)
    assert dict(slow.per_month) == expected_months
    parsed = read_ledger(path)
    try:
        assert parsed.source is not None
        assert parsed.fast  # DuckDB read it: no fallback hid a difference
        assert parsed.source.totals() == slow
    finally:
        parsed.close()


def test_the_generator_writes_the_forms_it_claims() -> None:
    d = {"decimal": ",", "thousands": " ", "negative": "{}-"}
    assert amount(-123456789, d) == "1 234 567,89-"
