"""A recognised document written back as an Excel workbook, one sheet per table, as a disclosure prints it.

The start of generating disclosure documents from structured data, and one side of the cross-format
round trip (written, converted to PDF, read back: the same canonical document). The layout is
`printed_tables`'; here it becomes cells: a 封面 sheet with the cover line, then per table its title
and meta lines, a bordered grid of header (merged cells) and rows, and the notes. Values are written
as their printed text (``19,572.91``), never as floats, so they read back exactly. Each sheet prints
landscape, fitted to one page wide, with row heights set for wrapped text (an office suite does not
grow them on opening), so an office suite's PDF keeps the grid whole and every word inside its cell.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from budgetlens.model import Document
from budgetlens.report.printed_tables import PrintedDocument, PrintedTable, print_document

COVER_SHEET = "封面"
WIDTHS = {"label": 36, "code": 12, "unit_code": 12, "split": 6, "value": 14}  # in characters
LINE_HEIGHT = 15  # points per printed line of a wrapped cell
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def document_xlsx(document: Document) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    document_workbook(print_document(document)).save(buffer)
    return buffer.getvalue()


def document_workbook(printed: PrintedDocument) -> Workbook:
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = COVER_SHEET
    for row, line in enumerate(printed.heading, start=1):
        _put(cover, row, 1, line)
    cover.column_dimensions["A"].width = 60
    _print_setup(cover)
    names: set[str] = {COVER_SHEET}
    for index, table in enumerate(printed.tables, start=1):
        sheet = workbook.create_sheet(_sheet_name(index, table.title, names))
        _write_table(sheet, table)
    return workbook


def _sheet_name(index: int, title: str, taken: set[str]) -> str:
    """``01 收入支出决算总表``: unique, at most 31 characters, none Excel forbids."""
    name = _SHEET_NAME_FORBIDDEN.sub("", f"{index:02d} {title}")[:31].strip("' ")
    taken.add(name)
    return name


def _write_table(sheet: Worksheet, table: PrintedTable) -> None:
    width = table.width
    widths = [WIDTHS.get(c.role, 14) for c in table.columns] or [14] * width
    widths += [14] * (width - len(widths))
    for column, chars in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = chars
    row = 1
    if table.heading:
        _put(sheet, row, 1, table.heading)
        row += 1
    row = _banner(sheet, row, table.title, widths, Font(bold=True, size=14))
    for line in table.meta:
        _put(sheet, row, 1, line)
        row += 1
    top = row
    spanned = {(s.row, s.column): s for s in table.spans}
    for index, cells in enumerate([*table.header, *table.body]):
        lines = 1
        for column, text in enumerate(cells, start=1):
            cell = sheet.cell(row=row, column=column)
            _put(sheet, row, column, text)
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            span = spanned.get((index, column - 1))
            if text and (span is None or span.rows == 1):
                room = sum(widths[column - 1 : column - 1 + (span.columns if span else 1)]) - 2
                lines = max(lines, math.ceil(_display_width(text) / max(room, 1)))
        sheet.row_dimensions[row].height = LINE_HEIGHT * lines  # an office suite does not grow rows itself
        row += 1
    for span in table.spans:
        first, last = top + span.row, top + span.row + span.rows - 1
        left, right = span.column + 1, span.column + span.columns
        for r in range(first, last + 1):
            for c in range(left, right + 1):
                sheet.cell(row=r, column=c).border = _BORDER
        sheet.merge_cells(start_row=first, start_column=left, end_row=last, end_column=right)
        sheet.cell(row=first, column=left).alignment = Alignment(
            horizontal="center", vertical="center", wrap_text=True
        )
    for note in table.notes:
        row = _banner(sheet, row, note, widths, Font(size=10))
    _print_setup(sheet)


def _banner(sheet: Worksheet, row: int, text: str, widths: list[int], font: Font) -> int:
    """A line merged over the table's width, wrapped, its height fitted to the lines it takes."""
    _put(sheet, row, 1, text)
    cell = sheet.cell(row=row, column=1)
    cell.font = font
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    width = len(widths)
    if width > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    scale = (font.size or 11) / 11
    lines = max(1, math.ceil(_display_width(text) * scale / max(sum(widths) - 2, 1)))
    sheet.row_dimensions[row].height = LINE_HEIGHT * scale * lines
    return row + 1


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _put(sheet: Worksheet, row: int, column: int, text: str) -> None:
    if not text:
        return
    cell = sheet.cell(row=row, column=column)
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"  # printed text stays text: never a formula, never a float


def _print_setup(sheet: Worksheet) -> None:
    """Landscape A4, one page wide; no page header or footer is written, so none prints as text."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
