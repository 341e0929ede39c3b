"""Tests of importers/scan.py: problems of a big file found streaming, capped, the same as row by row."""

from __future__ import annotations

from pathlib import Path

from toteuma.importers.kinds import KINDS, parse_file
from toteuma.importers.scan import CappedProblems, scan
from toteuma.importers.sources import read_ledger

DATA = Path(__file__).parent / "data"
HEADER = "Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n"


def test_the_stream_finds_what_the_row_by_row_reader_finds() -> None:
    path = DATA / "ledger-bad-values.csv"
    _, expected = parse_file("ledger", path)
    found = scan(path, KINDS["ledger"], encoding="utf-8-sig", delimiter=";", decimal=",", cap=200)
    assert found is not None
    assert found == (expected, 0)


def test_a_big_file_with_many_bad_lines_keeps_the_first_and_counts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "ledger-300-bad-of-20000.csv"
    lines = (f"{'32' if n % 66 == 0 else '15'}.1.2024;{n};4300;110010;1,00\n" for n in range(20_000))
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    parsed = read_ledger(path, cap=50)
    parsed.close()
    assert parsed.source is None
    assert not parsed.fast
    assert len(parsed.problems) == 50
    assert parsed.more_problems == 304 - 50  # every 66th of 20 000 lines, from line 0
    assert [p.row for p in parsed.problems[:3]] == [2, 68, 134]
    assert {p.code for p in parsed.problems} == {"value.date"}


def test_capped_problems_count_everything() -> None:
    problems = CappedProblems(1)
    problems.extend(parse_file("ledger", DATA / "ledger-bad-values.csv")[1])
    assert (len(problems), problems.total, problems.more) == (1, 4, 3)
