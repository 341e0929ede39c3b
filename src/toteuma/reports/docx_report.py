"""The report as an editable Word file (python-docx): real headings and tables, A4, reference numbers."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from toteuma.reports import charts
from toteuma.reports.html_report import format_cell
from toteuma.reports.hyphenate import hyphenate_text
from toteuma.reports.i18n import Catalogue, catalogue
from toteuma.reports.model import Block, CellFormat, Chart, Document, Field, Section, Table, Text

_TEXT_FORMATS = {CellFormat.TEXT, CellFormat.LIST, CellFormat.PARAGRAPHS, CellFormat.STATUS}


def _a4(word: WordDocument) -> None:
    """python-docx starts from US Letter: every section is set to A4 portrait with the report's margins."""
    for section in word.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(18)
        section.top_margin = section.bottom_margin = Mm(20)


def _repeat_header(row_element: object) -> None:
    """Mark a row as a header row: Word repeats it at the top of every page the table runs onto."""
    tr_pr = row_element._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _table_style(word: WordDocument) -> str | None:
    names = {style.name for style in word.styles}
    return "Table Grid" if "Table Grid" in names else None


def _cell_text(value: object, column_format: CellFormat, lang: str, decimals: int, blank: str = "") -> str:
    if column_format in _TEXT_FORMATS or isinstance(value, str):
        if isinstance(value, tuple):
            return "\n".join(value)
        return "" if value is None else str(value)
    return format_cell(value, column_format, lang, decimals, blank)  # type: ignore[arg-type]


def _group_row(out: WordTable, table: Table) -> None:
    """A header row of column groups above the columns' own: each group's cells merged into one."""
    cells = out.rows[0].cells
    col = 1
    for label, span in table.column_groups():
        if label:
            merged = cells[col].merge(cells[col + span - 1]) if span > 1 else cells[col]
            merged.text = label
            merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        col += span
    _repeat_header(out.rows[0])


def _figure_table(word: WordDocument, table: Table, lang: str) -> WordTable:
    grouped = bool(table.column_groups())
    out: WordTable = word.add_table(rows=1 + grouped, cols=len(table.columns) + 1, style=_table_style(word))
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    if grouped:
        _group_row(out, table)
    head_row = out.rows[int(grouped)]
    head = head_row.cells
    head[0].text = table.label_header
    for cell, column in zip(head[1:], table.columns, strict=True):
        cell.text = column.label
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _repeat_header(head_row)
    for row in table.rows:
        cells = out.add_row().cells  # type: ignore[no-untyped-call]
        cells[0].text = row.label
        if row.depth:
            cells[0].paragraphs[0].paragraph_format.left_indent = Mm(4 * row.depth)
        for cell, column, value in zip(cells[1:], table.columns, row.values, strict=True):
            cell.text = _cell_text(value, column.format, lang, column.decimals, column.blank)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if row.kind.value != "row":
            for run in (run for cell in cells for p in cell.paragraphs for run in p.runs):
                run.bold = True
    for header in out.rows[: 1 + grouped]:
        for run in (run for cell in header.cells for p in cell.paragraphs for run in p.runs):
            run.bold = True
    _fit(out, Mm(48), len(table.columns), Pt(8))
    return out


def _fit(out: WordTable, label_width: Mm, figures: int, size: Pt) -> None:
    """A wide label column, the figures sharing the rest of the A4 text width, and a smaller type."""
    out.autofit = False
    rest = Mm(174) - label_width
    # Word reads the cells' widths, LibreOffice the table grid's: both are set.
    for index, column in enumerate(out.columns):
        column.width = label_width if index == 0 else rest // figures
    for row in out.rows:
        for index, cell in enumerate(row.cells):
            cell.width = label_width if index == 0 else rest // figures
            for run in (run for paragraph in cell.paragraphs for run in paragraph.runs):
                run.font.size = size


# The goal tables' columns by what they hold (the PDF's proportions): the realisation text gets the room.
_GOAL_WIDTHS = {"aim": 14, "goals": 19, "metrics": 16, "responsible": 12, "realisation": 27, "status": 10}


def _goal_cell(
    word: WordDocument, cell: _Cell, value: object, column_format: CellFormat, lang: str, below: bool = False
) -> None:
    """A goal table's cell: a list as bullet paragraphs (Word's List Bullet style), else plain text;
    `below` keeps what the cell already holds (the row's label) and adds under it."""
    items = value if column_format is CellFormat.LIST and isinstance(value, tuple) else None
    if not items:
        text = _words(_cell_text(value, column_format, lang, 0), lang)
        if below:
            cell.add_paragraph(text)
        else:
            cell.text = text
        return
    bullet = "List Bullet" if "List Bullet" in {style.name for style in word.styles} else None
    for index, item in enumerate(items):
        paragraph = cell.paragraphs[0] if index == 0 and not below else cell.add_paragraph()
        if bullet:
            paragraph.style = word.styles[bullet]
            # the style's indent is for a page; a narrow cell keeps a small hanging bullet
            indent = paragraph.paragraph_format
            indent.left_indent, indent.first_line_indent = Mm(3), -Mm(3)
        paragraph.add_run(_words(str(item), lang) if bullet else f"• {_words(str(item), lang)}")


def _words(text: str, lang: str) -> str:
    """Finnish text with soft hyphens at Voikko's points: Word and LibreOffice break narrow cells there."""
    return hyphenate_text(text) if lang == "fi" else text


def _goals_table(word: WordDocument, table: Table, lang: str) -> WordTable:
    out: WordTable = word.add_table(rows=1, cols=len(table.columns), style=_table_style(word))
    for cell, column in zip(out.rows[0].cells, table.columns, strict=True):
        cell.text = column.label
    _repeat_header(out.rows[0])
    for row in table.rows:
        cells = out.add_row().cells  # type: ignore[no-untyped-call]
        cells[0].paragraphs[0].add_run(row.label).bold = True
        if row.values[0]:
            _goal_cell(word, cells[0], row.values[0], table.columns[0].format, lang, below=True)
        for cell, column, value in zip(cells[1:], table.columns[1:], row.values[1:], strict=True):
            _goal_cell(word, cell, value, column.format, lang)
    weights = [_GOAL_WIDTHS.get(column.key, 12) for column in table.columns]
    _widths(out, [Mm(174) * weight // sum(weights) for weight in weights], Pt(8))
    return out


def _widths(out: WordTable, widths: list[int], size: Pt) -> None:
    """Each column's width (Word reads the cells', LibreOffice the grid's) and a smaller type."""
    out.autofit = False
    for column, width in zip(out.columns, widths, strict=True):
        column.width = width
    for row in out.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            for run in (run for paragraph in cell.paragraphs for run in paragraph.runs):
                run.font.size = size


def _chart(word: WordDocument, chart: Chart, lang: str) -> None:
    word.add_paragraph(chart.title, style="Caption" if "Caption" in {s.name for s in word.styles} else None)
    word.add_picture(io.BytesIO(charts.to_png(chart.spec, lang)), width=Mm(150))
    # The picture's text alternative goes where Word's accessibility checker looks: the drawing's descr.
    drawing = word.paragraphs[-1]._p.findall(".//" + qn("wp:docPr"))
    for properties in drawing:
        properties.set("descr", chart.alt)
    word.add_paragraph(chart.alt)


def _block(word: WordDocument, block: Block, lang: str) -> None:
    if isinstance(block, Text):
        for paragraph in block.paragraphs:
            word.add_paragraph(_words(paragraph, lang))
    elif isinstance(block, Field):
        p = word.add_paragraph()
        p.add_run(f"{block.label}: ").bold = True
        p.add_run(block.value)
    elif isinstance(block, Chart):
        _chart(word, block, lang)
    elif isinstance(block, Table):
        title = word.add_paragraph(" – ".join(filter(None, (block.title, block.unit.name, block.note))))
        title.runs[0].bold = True
        title.paragraph_format.keep_with_next = True
        if block.kind == "goals":
            _goals_table(word, block, lang)
        else:
            _figure_table(word, block, lang)
        word.add_paragraph()


def _section(word: WordDocument, section: Section, level: int, lang: str) -> None:
    word.add_heading(section.title, level=min(level, 9))
    for block in section.blocks:
        _block(word, block, lang)
    for sub in section.subsections:
        _section(word, sub, level + 1, lang)


def _open(template: Path | None) -> WordDocument:
    """A new document, or the city's template with its body dropped and its styles kept."""
    if template is None:
        return docx.Document()
    word = docx.Document(str(template))
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


def _title_page(word: WordDocument, document: Document, cat: Catalogue) -> None:
    word.core_properties.title = document.title
    word.core_properties.language = document.lang
    if document.municipality:
        word.add_paragraph(document.municipality)
    word.add_heading(document.title, level=0)
    if document.subtitle:
        word.add_paragraph(document.subtitle)
    word.add_paragraph(document.unit.name).runs[0].font.size = Pt(14)
    end = document.period.end
    word.add_paragraph(document.units_note)
    word.add_paragraph(cat.text("as_of", date=f"{end.day}.{end.month}.{end.year}"))


def _trust(word: WordDocument, document: Document, cat: Catalogue) -> None:
    if document.tie_out:
        word.add_heading(cat.text("tie_out"), level=1)
        for line in document.tie_out:
            word.add_paragraph(line)
    if document.sources or document.provenance:
        word.add_heading(cat.text("provenance"), level=1)
    if document.sources:
        word.add_paragraph(cat.get("sources", "intro"))
        heads = [cat.get("sources", f"{key}_header") for key in ("what", "span", "lines", "imported", "by")]
        out: WordTable = word.add_table(rows=1, cols=len(heads), style=_table_style(word))
        for cell, text in zip(out.rows[0].cells, heads, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        _repeat_header(out.rows[0])
        for row in document.sources:
            cells = out.add_row().cells  # type: ignore[no-untyped-call]
            for cell, text in zip(cells, (row.what, row.span, row.lines, row.imported, row.by), strict=True):
                cell.text = text
        _widths(out, [Mm(width) for width in (62, 30, 18, 38, 26)], Pt(8))
    if document.provenance:
        word.add_heading(cat.get("sources", "technical"), level=2)
        word.add_paragraph(cat.get("sources", "technical_intro"))
        for what, value in document.provenance:
            paragraph = word.add_paragraph()
            paragraph.add_run(f"{what}: ").bold = True
            paragraph.add_run(value).font.size = Pt(8)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word and LibreOffice fill in when they lay out the pages (PAGE, NUMPAGES)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _running(word: WordDocument, document: Document, cat: Catalogue) -> None:
    """From page 2 on: the title and position above, "Sivu 2 / 16" below, as the PDF has them."""
    end = document.period.end
    for section in word.sections:
        section.different_first_page_header_footer = True
        head = section.header.paragraphs[0]
        head.text = f"{document.title}\t\t{cat.text('as_of', date=f'{end.day}.{end.month}.{end.year}')}"
        foot = section.footer.paragraphs[0]
        if "Footer" in {style.name for style in word.styles}:
            word.styles["Footer"].font.size = Pt(8)  # the page fields' runs take the paragraph's size
        foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        foot.add_run(f"{cat.text('page')} ")
        _field(foot, "PAGE")
        foot.add_run(" / ")
        _field(foot, "NUMPAGES")
        for run in (*head.runs, *foot.runs):
            run.font.size = Pt(8)


def render_docx(document: Document, template: Path | None = None) -> bytes:
    """The Word file; with `template`, the city's own styles (its body text, if any, is dropped)."""
    word = _open(template)
    _a4(word)
    cat = catalogue(document.lang)
    _title_page(word, document, cat)
    _running(word, document, cat)
    for section in document.sections:
        _section(word, section, 1, document.lang)
    _trust(word, document, cat)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
