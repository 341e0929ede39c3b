"""The Word report as a council secretary meets it: page numbers, running header, bullets, column widths."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

from demo_report import demo_content
from toteuma.services import render_report


@pytest.fixture(scope="module")
def word(django_db_setup: None, django_db_blocker: Any) -> Iterator[bytes]:
    with demo_content(django_db_blocker) as content:
        yield render_report(content, "docx", lang="fi")


def _goal_tables(data: bytes) -> list[Any]:
    document = docx.Document(io.BytesIO(data))
    return [table for table in document.tables if table.rows[0].cells[0].text == "Strateginen päämäärä"]


def test_goal_lists_are_bullets_and_the_realisation_column_is_the_widest(word: bytes) -> None:
    tables = _goal_tables(word)
    assert tables
    for table in tables:
        styles = {p.style.name for row in table.rows[1:] for cell in row.cells for p in cell.paragraphs}
        assert "List Bullet" in styles  # not one paragraph of lines run together
        widths = [column.width for column in table.columns]
        heads = [cell.text for cell in table.rows[0].cells]
        assert len(set(widths)) > 1, "every column of one width"
        assert heads[widths.index(max(widths))].startswith("Toteuma")


def test_finnish_text_in_cells_carries_soft_hyphens(word: bytes) -> None:
    text = "".join(cell.text for table in _goal_tables(word) for row in table.rows for cell in row.cells)
    assert "\u00ad" in text  # Word and LibreOffice break a narrow cell at Voikko's points


@pytest.mark.slow
def test_pages_have_numbers_and_a_running_header_when_laid_out(word: bytes, tmp_path: Path) -> None:
    source = tmp_path / "raportti.docx"
    source.write_bytes(word)
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    command = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)]
    assert subprocess.run(command, capture_output=True, timeout=180, env=env).returncode == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "raportti.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) > 5
    assert "Sivu 1 /" not in pages[0]  # the title page stands alone
    for number, page in enumerate(pages[1:], start=2):
        assert f"Sivu {number} / {len(pages)}" in page
        assert page.strip().startswith("Käyttösuunnitelman toteutuminen tammi–maaliskuu")
