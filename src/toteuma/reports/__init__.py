"""Computed report to bytes: one presentation model (build_document), one renderer per format."""

from __future__ import annotations

from pathlib import Path

from toteuma.reports.csv_report import render_csv
from toteuma.reports.html_report import render_html
from toteuma.reports.i18n import LANGUAGES
from toteuma.reports.json_report import render_json
from toteuma.reports.model import Document
from toteuma.reports.presentation import build_document

FORMATS = ("html", "pdf", "docx", "xlsx", "json", "csv")


def render(document: Document, fmt: str, template: Path | None = None) -> bytes:
    """The document in one of FORMATS; `template` is a Word file whose styles a DOCX takes."""
    # The heavier renderers are imported when asked for: WeasyPrint and python-docx take a while to load.
    if fmt == "pdf":
        from toteuma.reports.pdf_report import render_pdf

        return render_pdf(document)
    if fmt == "docx":
        from toteuma.reports.docx_report import render_docx

        return render_docx(document, template)
    if fmt == "xlsx":
        from toteuma.reports.xlsx_report import render_xlsx

        return render_xlsx(document)
    renderers = {"html": render_html, "json": render_json, "csv": render_csv}
    return renderers[fmt](document)


__all__ = ["FORMATS", "LANGUAGES", "build_document", "render", "render_csv", "render_html", "render_json"]
