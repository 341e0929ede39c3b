"""The report's CSV as Finnish Excel and LibreOffice Calc read it: columns, numbers with a decimal comma."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from demo_report import demo_content
from toteuma.services import render_report

# Calc's CSV import as a Finnish user's has it: separator ";", text in quotes, UTF-8 (the BOM says so),
# from line 1, language Finnish (1035: decimal comma), special numbers detected.
FINNISH_CALC = "CSV:59,34,76,1,,1035,false,true"


@pytest.fixture(scope="module")
def csvs(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, bytes]]:
    with demo_content(django_db_blocker) as content:
        yield {lang: render_report(content, "csv", lang=lang) for lang in ("fi", "en")}


def _calc(data: bytes, folder: Path) -> list[tuple[Any, ...]]:
    """The CSV opened by LibreOffice Calc with Finnish settings and saved as XLSX, read back."""
    source = folder / "raportti.csv"
    source.write_bytes(data)
    command = ["soffice", "--headless", f"--infilter={FINNISH_CALC}", "--convert-to", "xlsx"]
    command += ["--outdir", str(folder), str(source)]
    env = {"HOME": str(folder), "PATH": "/usr/bin:/bin"}  # a profile of its own: parallel runs never meet
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(folder / "raportti.xlsx").active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_finnish_csv_is_semicolon_separated_with_decimal_commas_and_a_bom(csvs: dict[str, bytes]) -> None:
    data = csvs["fi"]
    assert data.startswith(b"\xef\xbb\xbftable;table_title;")
    assert b"\r\n" in data
    assert b";19,57;" in data or b";0,00;" in data  # a percentage written the Finnish way
    assert csvs["en"].startswith(b"\xef\xbb\xbftable,table_title,")


@pytest.mark.slow
def test_libreoffice_with_a_finnish_locale_opens_it_as_columns_and_numbers(
    csvs: dict[str, bytes], tmp_path: Path
) -> None:
    rows = _calc(csvs["fi"], tmp_path)
    header, body = rows[0], rows[1:]
    assert header[:3] == ("table", "table_title", "unit_code")
    assert len(header) == 13
    assert all(len([cell for cell in row if cell is not None]) >= 11 for row in body)
    values = [row[11] for row in body]
    assert all(isinstance(value, int | float) for value in values)  # no figure left as text
    assert any(isinstance(value, float) and not value.is_integer() for value in values)  # 19,57 -> 19.57
    cents = [row[12] for row in body if row[12] is not None]
    assert all(isinstance(value, int) for value in cents)


@pytest.mark.slow
def test_the_english_csv_is_not_what_a_finnish_calc_expects(csvs: dict[str, bytes], tmp_path: Path) -> None:
    """The check can fail: a comma-separated file lands in one column under Finnish settings."""
    rows = _calc(csvs["en"], tmp_path)
    assert len([cell for cell in rows[1] if cell is not None]) < 11
