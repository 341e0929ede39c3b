"""The report as an A4 PDF: the HTML page printed by WeasyPrint, with page numbers, header and contents."""

from __future__ import annotations

from weasyprint import HTML

from toteuma.reports.html_report import render_page
from toteuma.reports.hyphenate import hyphenate_html
from toteuma.reports.i18n import catalogue
from toteuma.reports.model import Document

# Paged-media rules only WeasyPrint reads; the screen page ignores them. The header runs from page 2 on.
_PRINT_CSS = """
@page {
  size: A4;
  margin: 22mm 16mm 20mm;
  @top-left { content: string(doc-title); font-size: 8pt; color: #4a5563; }
  @top-right { content: string(doc-period); font-size: 8pt; color: #4a5563; }
  @bottom-right { content: "%(page)s " counter(page) " / " counter(pages); font-size: 8pt; color: #4a5563; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }
.title-page h1 { string-set: doc-title content(); }
.title-page .as-of-date { string-set: doc-period content(text); }
.visually-hidden { display: none; }
table.figures { font-size: 9pt; }
table.figures thead th.num { width: 11%%; }
table.figures th, table.figures td { padding: 0.25rem 0.4rem; }
.title-page { break-after: avoid; padding-top: 20%%; }
.skip-link { display: none; }
h1, h2, h3, h4, nav.toc { hyphens: none; }  /* headings and contents lines stay whole words */
/* Pango's break-anywhere would split a word before WeasyPrint tries its soft hyphens ("tul|evaisuus"). */
table.goals td, table.goals th { overflow-wrap: normal; }
nav.toc { display: block; break-after: page; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc ol ol { padding-left: 1.25rem; list-style: none; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a::after { content: leader(".") target-counter(attr(href), page); }
h2 { break-before: auto; }
table.figures thead { display: table-header-group; }
caption, thead, tr.heading { break-after: avoid; }
table.goals { break-inside: auto; }
.chart { break-inside: avoid; }
.table-scroll { overflow: visible; }
"""


def print_css(lang: str) -> str:
    return _PRINT_CSS % {"page": catalogue(lang).text("page")}


def render_pdf(document: Document) -> bytes:
    """A tagged A4 PDF (PDF/UA-1 structure tags) of the same page the HTML renderer makes."""
    page = render_page(document, for_print=True, print_css=print_css(document.lang))
    if document.lang == "fi":
        page = hyphenate_html(page)  # Finnish needs Voikko's points; Pyphen hyphenates sv and en itself
    pdf: bytes = HTML(string=page).write_pdf(pdf_tags=True, pdf_variant="pdf/ua-1")
    return pdf
