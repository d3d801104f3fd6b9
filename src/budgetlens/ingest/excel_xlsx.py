"""The .xlsx side of the layout scan: zip safety, styles, hidden rows and extents.

Before anything is decompressed, the zip's declared sizes are checked (total, per-member ratio,
member count). Then the workbook, its styles and every sheet are streamed through `zipfile`, which
stops at each member's declared size and checks its CRC, so a member that lies about its size is
caught here instead of inflating inside calamine. Sheet XML is read with `iterparse` and cleared
row by row, so memory stays bounded by the cells kept (format codes of numeric cells only).
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

from budgetlens.errors import UnreadableError
from budgetlens.ingest.excel_format import GENERAL, builtin_format
from budgetlens.ingest.excel_layout import (
    CORRUPT,
    MAX_CELLS,
    TOO_LARGE,
    SheetLayout,
    check_extent,
)
from budgetlens.ingest.zip_guard import check_sizes

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
WORKBOOK = "xl/workbook.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"
_TEXT_TYPES = frozenset({"s", "str", "inlineStr", "b", "e"})
_CHUNK = 2**16
_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ET.ParseError, KeyError, ValueError, OSError)


def scan_xlsx(path: Path) -> list[SheetLayout]:
    """Every sheet's layout, in workbook order; `UnreadableError` for a corrupt or oversized file."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_sizes(archive, path.name, required=WORKBOOK, kind="Excel 工作簿", too_large=TOO_LARGE)
            return _scan(archive, path.name)
    except _ERRORS as error:
        raise UnreadableError(f"{CORRUPT}：{path.name}（{type(error).__name__}）。") from error


def _scan(archive: zipfile.ZipFile, name: str) -> list[SheetLayout]:
    workbook = ET.fromstring(archive.read(WORKBOOK))
    targets = _relationships(archive, "xl/_rels/workbook.xml.rels")
    styles = _styles(archive)
    if SHARED_STRINGS in archive.namelist():  # calamine reads it whole: verify its size and CRC first
        _drain(archive, SHARED_STRINGS)
    layouts: list[SheetLayout] = []
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        layout = SheetLayout(sheet.get("name", ""))
        target = targets.get(sheet.get(f"{_REL}id", ""))
        if target in archive.namelist():
            _scan_sheet(archive, target, styles, layout)
        layouts.append(layout)
        check_extent(layouts, name)
    return layouts


def _relationships(archive: zipfile.ZipFile, member: str) -> dict[str, str]:
    """Relationship id → zip member path of the target."""
    if member not in archive.namelist():
        return {}
    base = posixpath.dirname(posixpath.dirname(member))
    targets: dict[str, str] = {}
    for rel in ET.fromstring(archive.read(member)).iter(f"{_PKG_REL}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        targets[rel.get("Id", "")] = posixpath.normpath(path)
    return targets


def _styles(archive: zipfile.ZipFile) -> list[str]:
    """The number format code of each cell style (``s`` attribute), by index."""
    if "xl/styles.xml" not in archive.namelist():
        return []
    root = ET.fromstring(archive.read("xl/styles.xml"))
    custom = {
        int(fmt.get("numFmtId", "0")): fmt.get("formatCode", GENERAL) for fmt in root.iter(f"{_MAIN}numFmt")
    }
    codes: list[str] = []
    cell_xfs = root.find(f"{_MAIN}cellXfs")
    for xf in cell_xfs.iter(f"{_MAIN}xf") if cell_xfs is not None else ():
        format_id = int(xf.get("numFmtId", "0"))
        codes.append(custom.get(format_id) or builtin_format(format_id))
    return codes


def _drain(archive: zipfile.ZipFile, member: str) -> None:
    with archive.open(member) as stream:
        while stream.read(_CHUNK):
            pass


def _scan_sheet(archive: zipfile.ZipFile, member: str, styles: list[str], layout: SheetLayout) -> None:
    row = column = -1
    with archive.open(member) as stream:
        parent: ET.Element | None = None
        for event, element in ET.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == f"{_MAIN}sheetData":
                    parent = element
                elif tag == f"{_MAIN}row":
                    row = int(element.get("r", row + 2)) - 1
                    column = -1
                    if element.get("hidden") in ("1", "true"):
                        layout.hidden_rows.add(row)
                continue
            if tag == f"{_MAIN}c":
                reference = element.get("r")
                column = _column(reference) if reference else column + 1
                if element.find(f"{_MAIN}v") is not None or element.find(f"{_MAIN}is") is not None:
                    layout.extend(row, column)
                    if element.get("t") not in _TEXT_TYPES:
                        style = int(element.get("s", "0"))
                        code = styles[style] if style < len(styles) else GENERAL
                        if code != GENERAL:
                            layout.formats[(row, column)] = code
                if layout.rows * layout.columns > MAX_CELLS:
                    raise UnreadableError(f"{TOO_LARGE}：工作表「{layout.name}」单元格过多。")
            elif tag == f"{_MAIN}row" and parent is not None:
                parent.clear()  # processed rows are not kept


def _column(reference: str) -> int:
    """0-based column of a cell reference (``C5`` → 2)."""
    number = 0
    for char in reference:
        if not char.isalpha():
            break
        number = number * 26 + ord(char.upper()) - 64
    return number - 1
