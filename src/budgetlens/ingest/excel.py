"""Reader for Excel workbooks (.xlsx and .xls): each sheet's rows as printed, as text lines and grids.

Libraries. python-calamine reads the values and merged ranges of both formats (Rust, fast, typed,
one code path), but exposes neither number formats nor hidden rows, and it fills each sheet as
one dense block from A1. openpyxl has formats and hidden rows for .xlsx only, no .xls, no type
hints, and keeps every cell as a Python object. So values come from calamine, and a small
streaming scan per format supplies what calamine lacks (``excel_xlsx``: styles.xml and sheet XML
via ``iterparse``; ``excel_xls``: the BIFF8 FORMAT, XF, ROW and cell records): number format codes,
hidden rows, and each sheet's extent, checked against the limits of ``excel_layout`` before
calamine reads anything. openpyxl is used only by the tests, to write workbooks.

What the sheets become:

- Every visible worksheet in workbook order; ``page`` is the sheet's 1-based position in the
  workbook (hidden sheets keep their number), ``line`` the 1-based row, ``column`` the 0-based
  column. Hidden and very hidden sheets, chart sheets and hidden rows are skipped; hidden columns
  are kept (their cells still take their place, as in a text export).
- A merged cell prints once, in its top-left cell; the other cells of the range are blank.
- Numbers and dates print through the cell's number format (``excel_format``): ``353.10``,
  ``2,314.68``, ``2024年3月5日``.
- A row with one non-empty cell is a `TextLine` (a title, ``单位：万元``, a paragraph: one line per
  line break); a row of label cells before a table (``编制单位：`` … ``单位：元``) is one meta
  line. Other rows are `Grid` rows, padded to the grid's width. A blank row ends a grid; inside a
  table a one-cell row (``合计`` over merged columns) stays a grid row unless it is a note
  (``注：``), a money-unit line, a banner merged over the table's width, or a ``…表`` title after
  a blank row.
"""

from __future__ import annotations

import re
import struct
from dataclasses import replace
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from budgetlens.errors import UnreadableError
from budgetlens.ingest.excel_format import GENERAL, CellValue, render
from budgetlens.ingest.excel_layout import CORRUPT, ENCRYPTED, MAX_CELLS, TOO_LARGE, SheetLayout
from budgetlens.ingest.excel_ole import MAGIC, entry_names_in_head
from budgetlens.ingest.excel_xls import ENCRYPTED_STREAMS, scan_xls
from budgetlens.ingest.excel_xlsx import scan_xlsx
from budgetlens.ingest.raw import Block, Grid, GridCell, RawDocument, TextLine
from budgetlens.model import Provenance, Source

ZIP_MAGIC = b"PK\x03\x04"
Merge = tuple[tuple[int, int], tuple[int, int]]
_LABEL = re.compile(r"^[^\s:：]{1,8}\s*[:：]")
_NOTE = re.compile(r"^(?:注|说明|备注|(?:金额)?单位\s*[:：])")


class ExcelReader:
    format = "excel"

    def sniff(self, head: bytes) -> bool:
        """A zip holding ``xl/`` parts, or an OLE2 file with a Workbook (or encrypted) stream.

        Only the head is seen: when the deciding names lie beyond it, an OOXML package or an OLE2
        file is taken, and `read` says clearly if it is not a workbook after all.
        """
        if head.startswith(ZIP_MAGIC):
            names = _zip_names(head)
            if any(n.startswith("xl/") for n in names):
                return True
            if any(n.startswith(("word/", "ppt/")) for n in names):
                return False
            return "[Content_Types].xml" in names
        if head.startswith(MAGIC):
            entries = entry_names_in_head(head)
            return entries is None or any(n in entries for n in ("Workbook", "Book", *ENCRYPTED_STREAMS))
        return False

    def read(self, path: Path, source: Source) -> RawDocument:
        data = path.read_bytes()
        if data.startswith(ZIP_MAGIC):
            kind, layouts = "xlsx", scan_xlsx(path)
        else:
            kind, layouts = "xls", scan_xls(data, path.name)
        blocks, sheets = workbook_to_blocks(path, layouts)
        return RawDocument(replace(source, format=kind, pages=sheets), blocks)


def _zip_names(head: bytes) -> list[str]:
    """Names of the zip members whose local headers lie within ``head``."""
    names: list[str] = []
    offset = 0
    while offset + 30 <= len(head) and head[offset : offset + 4] == ZIP_MAGIC:
        (flags,) = struct.unpack_from("<H", head, offset + 6)
        (size,) = struct.unpack_from("<I", head, offset + 18)
        name_length, extra_length = struct.unpack_from("<HH", head, offset + 26)
        name = head[offset + 30 : offset + 30 + name_length]
        if len(name) < name_length:
            break
        names.append(name.decode("utf-8", errors="replace"))
        if flags & 0x08:  # sizes follow the data: the next header cannot be found
            break
        offset += 30 + name_length + extra_length + size
    return names


def workbook_to_blocks(path: Path, layouts: list[SheetLayout]) -> tuple[list[Block], int]:
    """Blocks of every visible worksheet, and the number of sheets in the workbook."""
    by_name = {layout.name: layout for layout in layouts}
    blocks: list[Block] = []
    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            sheets = workbook.sheets_metadata
            for index, meta in enumerate(sheets, start=1):
                if meta.visible != SheetVisibleEnum.Visible or meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                layout = by_name.get(meta.name, SheetLayout(meta.name))
                sheet = workbook.get_sheet_by_index(index - 1)
                rows = values_to_texts(sheet.to_python(skip_empty_area=False), layout)
                blank_merged(rows, sheet.merged_cell_ranges or [])
                blocks.extend(rows_to_blocks(rows, sheet.merged_cell_ranges or [], layout.hidden_rows, index))
    except PasswordError as error:
        raise UnreadableError(f"{path.name}：{ENCRYPTED}") from error
    except (CalamineError, ValueError) as error:
        raise UnreadableError(f"{CORRUPT}：{path.name}（{error}）。") from error
    return blocks, len(sheets)


def values_to_texts(values: list[list[CellValue]], layout: SheetLayout) -> list[list[str]]:
    """Each cell's printed text: numbers and dates through the cell's number format."""
    return [
        [render(v, layout.formats.get((r, c), GENERAL)) if v != "" else "" for c, v in enumerate(row)]
        for r, row in enumerate(values)
    ]


def blank_merged(rows: list[list[str]], merges: list[Merge]) -> None:
    """Blank every cell of a merged range but its top-left one, as the print shows it."""
    budget = MAX_CELLS
    for (top, left), (bottom, right) in merges:
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            cells = rows[r]
            budget -= max(0, min(right, len(cells) - 1) - left + 1)
            for c in range(left, min(right, len(cells) - 1) + 1):
                if (r, c) != (top, left):
                    cells[c] = ""
        if budget < 0:
            raise UnreadableError(f"{TOO_LARGE}：合并单元格过多。")


def rows_to_blocks(rows: list[list[str]], merges: list[Merge], hidden: set[int], page: int) -> list[Block]:
    """One sheet's visible rows as text lines and grids (see the module docstring for the rules)."""
    right = {start: end[1] for start, end in merges}
    blocks: list[Block] = []
    grid: Grid | None = None  # the grid being filled; a blank row ends it
    table: Grid | None = None  # the sheet's latest grid, until a text line ends the table
    groups: list[list[Grid]] = []  # the grids of one table, padded to one width
    gap = False
    for r, cells in enumerate(rows):
        if r in hidden:
            continue
        filled = [c for c, text in enumerate(cells) if text.strip()]
        if not filled:
            grid, gap = None, True
            continue
        if _is_text_row(cells, filled, right.get((r, filled[0]), filled[0]), table, gap):
            blocks.extend(_text_lines(cells, filled, r, page))
            grid = table = None
        else:
            if grid is None:
                if table is None:
                    groups.append([])
                grid = table = Grid()
                blocks.append(grid)
                groups[-1].append(grid)
            width = max(right.get((r, c), c) for c in filled) + 1
            grid.rows.append([_cell(cells[c] if c < len(cells) else "", page, r, c) for c in range(width)])
        gap = False
    for group in groups:
        width = max(g.width for g in group)
        for row in (row for g in group for row in g.rows):
            line = row[0].at.line or 1
            row.extend(_cell("", page, line - 1, c) for c in range(len(row), width))
    return blocks


def _is_text_row(cells: list[str], filled: list[int], span_end: int, table: Grid | None, gap: bool) -> bool:
    if len(filled) > 1:
        return table is None and all(_LABEL.match(cells[c].strip()) for c in filled)
    text = cells[filled[0]].strip()
    if table is None:
        return True
    banner = filled[0] == 0 and span_end + 1 >= table.width > 1
    return bool(_NOTE.match(text)) or banner or (gap and text.endswith("表"))


def _text_lines(cells: list[str], filled: list[int], r: int, page: int) -> list[TextLine]:
    if len(filled) > 1:
        text = "  ".join(cells[c].strip() for c in filled)
        return [TextLine(text, Provenance(page, r + 1, filled[0]))]
    column = filled[0]
    parts = [p.strip() for p in cells[column].splitlines()]
    return [TextLine(p, Provenance(page, r + 1, column)) for p in parts if p]


def _cell(text: str, page: int, r: int, c: int) -> GridCell:
    """A grid cell; line breaks inside it become spaces, as a wrapped cell reads in a text export."""
    joined = " ".join(p.strip() for p in text.splitlines() if p.strip())
    return GridCell(joined, Provenance(page, r + 1, c))
