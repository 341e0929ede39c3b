"""Computed report to bytes: one presentation model (build_document), one renderer per format."""

from toteuma.reports.html_report import render_html
from toteuma.reports.json_report import render_json
from toteuma.reports.presentation import build_document

__all__ = ["build_document", "render_html", "render_json"]
