"""Tests of web/report_views.py: every format, language and layout downloads from the reports page."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.test import Client
from openpyxl import load_workbook

from webdemo import PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db


def test_the_form_offers_every_format_language_and_layout(signed_in: Callable[..., Client]) -> None:
    page = signed_in("talous").get("/raportit/").content.decode()
    for value in ("pdf", "docx", "xlsx", "csv", "json", "html", "sv", "en", "year-end", "gross-binding"):
        assert f'value="{value}"' in page


def test_an_xlsx_in_swedish_with_the_year_end_layout_downloads(signed_in: Callable[..., Client]) -> None:
    response = signed_in("talous").get(
        "/raportit/",
        {"yksikko": "1000", "kausi": PERIOD, "muoto": "xlsx", "kieli": "sv", "asettelu": "year-end"},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="toteuma-1000-2024-03.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    texts = {
        cell.value
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    assert "Verksamhetsintäkter" in texts  # Toimintatuotot in Swedish
    numbers = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row]
    menot = [n for n in numbers if isinstance(n, float) and round(n) == -1365906]
    assert menot  # MENOT, TOT 2024 3 kk, a number (with its cents; shown -1 365 906)
    assert not menot[0].is_integer()


def test_a_pdf_downloads_as_a_file(signed_in: Callable[..., Client]) -> None:
    response = signed_in("valtuutettu").get(
        "/raportit/", {"yksikko": "1000", "kausi": PERIOD, "muoto": "pdf"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
