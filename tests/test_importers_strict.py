"""Issue 9, items 5 and 9: malformed CSV and oversized workbooks are coded problems, from the command line
and the browser alike, and the fast DuckDB reader gives them up to the row-by-row reader that names them."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "heinola-2024-q1"
HEADER = "Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa;Selite\n"


def _ledger(tmp_path: Path, body: str, name: str = "ledger.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


CASES = {
    # An unclosed quote swallows the next line (its 250,00 would be lost) up to a quote further on.
    "unclosed": (
        '15.1.2024;1;4300;110010;1,00;"Kahvit\n16.1.2024;2;4300;110010;250,00;Siivous "kevät"\n',
        ("row.unclosed-quote", 2, "Selite"),
    ),
    # ... or up to the end of the file.
    "unclosed-to-the-end": (
        '15.1.2024;1;4300;110010;1,00;"Kahvit\n'
        + "".join(f"{day}.1.2024;{day};4300;110010;250,00;Siivous\n" for day in range(16, 30)),
        ("row.unclosed-quote", 2, "Selite"),
    ),
    "extra-cells": ("15.1.2024;1;4300;110010;1 234;56;Kahvit\n", ("row.extra-cells", 2, "#7 (no header)")),
    "oversized": (f"15.1.2024;1;4300;110010;1,00;{'x' * 20_000_000}\n", ("value.too-long", 2, "Selite")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_malformation_is_a_coded_problem_with_row_and_column(tmp_path: Path, case: str) -> None:
    from toteuma.importers.sources import read_ledger

    body, (code, row, column) = CASES[case]
    parsed = read_ledger(_ledger(tmp_path, body))
    assert parsed.source is None
    assert not parsed.fast  # DuckDB gave it up
    found = [(p.code, p.row, p.column) for p in parsed.problems]
    assert (code, row, column) in found, found


def test_a_well_quoted_multi_line_description_still_imports(tmp_path: Path) -> None:
    from toteuma.importers.sources import read_ledger

    body = '15.1.2024;1;4300;110010;1,00;"Kahvit\nja pullat"\n16.1.2024;2;4300;110010;2,00;"a;b"\n'
    parsed = read_ledger(_ledger(tmp_path, body))
    assert parsed.source is not None, [str(p) for p in parsed.problems]
    assert parsed.source.totals().lines == 2
    assert parsed.source.totals().total_cents == 300


def test_trailing_empty_cells_are_no_problem(tmp_path: Path) -> None:
    from toteuma.importers.sources import read_ledger

    parsed = read_ledger(_ledger(tmp_path, "15.1.2024;1;4300;110010;1,00;Kahvit;;\n"))
    assert parsed.source is not None, [str(p) for p in parsed.problems]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


@pytest.mark.django_db(transaction=True)
def test_the_command_line_lists_a_20_mb_cell_and_imports_nothing(tmp_path: Path) -> None:
    for kind, name in (("units", "units.csv"), ("accounts", "accounts.csv")):
        assert _run("import", kind, str(EXAMPLE / name))[0] == 0
    code, output = _run("import", "ledger", str(_ledger(tmp_path, CASES["oversized"][0])))
    assert code == 1
    assert "rivi 2, sarake ”Selite”: [value.too-long]" in output
    assert "Traceback" not in output
    assert _run("batches")[1] == "Eriä ei ole vielä tuotu.\n"


def _bomb(path: Path, zeros: int) -> Path:
    """One sheet of zeros beside a member of random bytes: the ratio over the whole archive looks fine."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/media/image1.bin", os.urandom(2 * 1024 * 1024))
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            block = b"\0" * (1 << 20)
            for _ in range(zeros >> 20):
                sheet.write(block)
    return path


def test_the_zip_guard_checks_each_member(tmp_path: Path) -> None:
    from toteuma.importers.archive import workbook_problem

    bomb = _bomb(tmp_path / "budget.xlsx", 120 * 1024 * 1024)
    assert bomb.stat().st_size < 3 * 1024 * 1024  # summed over the archive: 122 MB from 2.1 MB, ratio 58
    found = workbook_problem(bomb)
    assert found is not None
    assert (found.code, found.value) == ("file.too-large", "xl/worksheets/sheet1.xml")
    assert workbook_problem(EXAMPLE / "budget-2024.xlsx") is None


@pytest.mark.django_db(transaction=True)
def test_the_command_line_refuses_a_zip_bomb_without_unpacking_it(tmp_path: Path) -> None:
    import resource

    assert _run("init")[0] == 0
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code, output = _run("import", "budget", str(_bomb(tmp_path / "budget.xlsx", 120 * 1024 * 1024)))
    assert code == 1
    assert "[file.too-large]" in output
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 100 * 1024  # the 120 MB sheet was never held in memory
