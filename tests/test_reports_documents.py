"""The printed formats as a reader meets them: PDF pages (pdftotext, pdfinfo), DOCX, LibreOffice opening."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from demo_report import demo_content
from toteuma.core.report import ReportContent
from toteuma.services import render_report

TITLE = "Käyttösuunnitelman toteutuminen tammi–maaliskuu"


@pytest.fixture(scope="module")
def documents(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, bytes]]:
    with demo_content(django_db_blocker) as content:
        yield _render(content)


def _render(content: ReportContent) -> dict[str, bytes]:
    return {fmt: render_report(content, fmt) for fmt in ("pdf", "docx", "xlsx")}


def _pages(pdf: bytes, tmp: Path) -> list[str]:
    path = tmp / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    )
    return text.stdout.replace("\u00a0", " ").split("\f")[:-1]


def _info(pdf: bytes, tmp: Path) -> str:
    path = tmp / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


@pytest.mark.slow
def test_pdf_is_tagged_a4_with_running_header_and_page_numbers(
    documents: dict[str, bytes], tmp_path: Path
) -> None:
    info = _info(documents["pdf"], tmp_path)
    assert re.search(r"Tagged:\s+yes", info)
    assert "595.276 x 841.89 pts (A4)" in info
    pages = _pages(documents["pdf"], tmp_path)
    assert len(pages) > 10
    for number, page in enumerate(pages, start=1):
        assert f"Sivu {number} / {len(pages)}" in page
        if number > 1:
            head = page.strip().splitlines()[0]
            assert head.startswith(TITLE), head
            assert "Tilanne 31.3.2024" in head, head


@pytest.mark.slow
def test_pdf_contents_page_gives_each_sections_page(documents: dict[str, bytes], tmp_path: Path) -> None:
    pages = _pages(documents["pdf"], tmp_path)
    contents = pages[0]
    assert "SISÄLLYS" in contents
    entry = re.search(r"Investoinnit \.+ (\d+)", contents)
    assert entry is not None
    assert "INVESTOINNIT" in pages[int(entry.group(1)) - 1]


@pytest.mark.slow
def test_a_goal_table_repeats_its_header_on_every_page_it_runs_onto(
    documents: dict[str, bytes], tmp_path: Path
) -> None:
    pages = [page for page in _pages(documents["pdf"], tmp_path) if "•" in page]  # goal cells are lists
    assert len(pages) >= 4
    for page in pages:
        assert "Strateginen" in page  # the first header cell, which a narrow column may wrap


@pytest.mark.slow
def test_no_table_header_is_left_alone_at_a_page_foot(documents: dict[str, bytes], tmp_path: Path) -> None:
    for page in _pages(documents["pdf"], tmp_path):
        lines = [
            line.strip()
            for line in page.splitlines()
            if line.strip() and not line.strip().startswith("Sivu ")
        ]
        assert not lines[-1].startswith("Selite"), lines[-3:]
        assert not lines[-1].startswith("Strateginen päämäärä"), lines[-3:]


def test_docx_is_a4_with_real_headings_and_repeating_table_headers(documents: dict[str, bytes]) -> None:
    import docx
    from docx.oxml.ns import qn

    word = docx.Document(io.BytesIO(documents["docx"]))
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # stored in twips
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Valtuuston hyväksymä talousarvio" in headings
    assert "Henkilöstöpalvelut -palvelualue" in headings
    assert len(word.tables) == 13  # the figure and goal tables, and the sources
    for table in word.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    council = word.tables[1]
    assert council.rows[3].cells[0].text == "NETTO"
    assert re.fullmatch(r"-?\d{1,3}( \d{3})*", council.rows[3].cells[1].text.replace("\u00a0", " "))


def test_docx_takes_the_styles_of_a_word_template(documents: dict[str, bytes], tmp_path: Path) -> None:
    import docx
    from docx.shared import Pt, RGBColor

    from toteuma.reports import build_document, render

    template = docx.Document()
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x80, 0x00, 0x20)
    template.styles["Normal"].font.size = Pt(9)
    template.add_paragraph("Pohjan oma teksti, joka ei kuulu raporttiin")
    path = tmp_path / "kaupunki.docx"
    template.save(str(path))
    from test_reports_layouts import content
    from toteuma.core.definition import load_definition as load_layout

    word = docx.Document(io.BytesIO(render(build_document(content(load_layout())), "docx", template=path)))
    assert word.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0x00, 0x20)
    assert word.styles["Normal"].font.size == Pt(9)
    assert all("Pohjan oma teksti" not in p.text for p in word.paragraphs)
    assert round(word.sections[0].page_width.mm) == 210


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_libreoffice_opens_and_converts_to_pdf(documents: dict[str, bytes], tmp_path: Path, fmt: str) -> None:
    source = tmp_path / f"report.{fmt}"
    source.write_bytes(documents[fmt])
    # An own profile: other LibreOffice processes on the machine would otherwise lock it.
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    done = subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr, done.stderr
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    text = _pages(pdf, tmp_path)
    assert any("Henkilöstökulut" in page for page in text)
