"""A recognised document written back as a Word document, one section per table, as a disclosure prints it.

The Word side of generating disclosure documents from structured data and of the cross-format round
trip. The layout is `printed_tables`'; here it becomes the cover line, then per table a landscape
section: the title (bold), the meta lines, a bordered table (``Table Grid``) of header (merged
cells) and rows with column widths fitted to the page, and the notes. Values are their printed text.
"""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt
from docx.table import Table as WordTable

from budgetlens.model import Document
from budgetlens.report.printed_tables import PrintedDocument, PrintedTable, print_document

WEIGHTS = {"label": 36, "code": 12, "unit_code": 12, "split": 6, "value": 14}  # relative column widths
MARGIN = Cm(1.5)
FONT_SIZE = Pt(8)
TITLE_SIZE = Pt(14)


def document_docx(document: Document) -> bytes:
    """The Word document as the bytes of a .docx file."""
    buffer = io.BytesIO()
    document_word(print_document(document)).save(buffer)
    return buffer.getvalue()


def document_word(printed: PrintedDocument) -> docx.document.Document:
    word = docx.Document()
    for line in printed.heading:
        word.add_paragraph(_clean(line))
    for table in printed.tables:
        section = word.add_section(WD_SECTION.NEW_PAGE)
        _landscape(section)
        if table.heading:
            word.add_paragraph(_clean(table.heading))
        title = word.add_paragraph().add_run(_clean(table.title))
        title.bold, title.font.size = True, TITLE_SIZE  # black and bold, as disclosures print titles
        for line in table.meta:
            word.add_paragraph(_clean(line))
        _write_table(word, table, section.page_width - section.left_margin - section.right_margin)
        for note in table.notes:
            word.add_paragraph(_clean(note))
    return word


def _landscape(section: docx.section.Section) -> None:
    width, height = section.page_width, section.page_height
    if width is not None and height is not None and width < height:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)


def _write_table(word: docx.document.Document, table: PrintedTable, usable: int) -> None:
    rows = [*table.header, *table.body]
    width = table.width
    grid = word.add_table(rows=len(rows), cols=width)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fit_columns(grid, table, usable)
    for span in table.spans:
        last = grid.cell(span.row + span.rows - 1, span.column + span.columns - 1)
        grid.cell(span.row, span.column).merge(last)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                paragraph = grid.cell(r, c).paragraphs[0]
                paragraph.add_run(_clean(text)).font.size = FONT_SIZE


def _fit_columns(grid: WordTable, table: PrintedTable, usable: int) -> None:
    weights = [WEIGHTS.get(c.role, 14) for c in table.columns]
    weights += [14] * (table.width - len(weights))
    total = sum(weights)
    grid.autofit = False
    for column, weight in zip(grid.columns, weights, strict=True):
        share = int(usable * weight / total)
        column.width = share
        for cell in column.cells:
            cell.width = share


def _clean(text: str) -> str:
    """Text without the control characters XML cannot hold."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 0x20)
