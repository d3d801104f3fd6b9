"""The .xls side of the layout scan: the BIFF8 records calamine does not expose.

An .xls is an OLE2 compound file whose ``Workbook`` stream is a sequence of BIFF records. One pass
over the workbook globals reads FILEPASS (encryption), FORMAT (custom number formats), XF (the
format of each cell style) and BOUNDSHEET (sheet names and offsets); one pass over each sheet reads
ROW (the hidden flag) and the cell records' row, column and style. Values are left to calamine.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from budgetlens.errors import UnreadableError
from budgetlens.ingest.excel_format import GENERAL, builtin_format
from budgetlens.ingest.excel_layout import CORRUPT, ENCRYPTED, MAX_CELLS, TOO_LARGE, SheetLayout, check_extent
from budgetlens.ingest.excel_ole import Compound, CompoundError

BOF, EOF, FILEPASS, FORMAT, XF, BOUNDSHEET, ROW = 0x0809, 0x000A, 0x002F, 0x041E, 0x00E0, 0x0085, 0x0208
NUMBER, RK, FORMULA, MULRK = 0x0203, 0x027E, 0x0006, 0x00BD
TEXT_CELLS = frozenset({0x00FD, 0x0204, 0x0205, 0x00D6})  # LABELSST, LABEL, BOOLERR, RSTRING
BIFF8 = 0x0600
ROW_HIDDEN = 0x20
ENCRYPTED_STREAMS = ("EncryptionInfo", "EncryptedPackage")


def scan_xls(data: bytes, name: str) -> list[SheetLayout]:
    """Every sheet's layout, in workbook order; `UnreadableError` when it is not a readable .xls."""
    try:
        compound = Compound(data)
        names = compound.names()
        if any(n in names for n in ENCRYPTED_STREAMS):
            raise UnreadableError(f"{name}：{ENCRYPTED}")
        stream = compound.stream("Workbook") or compound.stream("Book")
        if stream is None:
            if "WordDocument" in names:
                raise UnreadableError(f"{name} 是旧版 Word 文档（.doc），暂不支持；请另存为 .docx 后再读取。")
            raise UnreadableError(f"{name} 不是 Excel 工作簿（OLE 文件中没有 Workbook 数据流）。")
        return _scan_biff(memoryview(stream), name)
    except (CompoundError, struct.error, IndexError) as error:
        raise UnreadableError(f"{CORRUPT}：{name}（{error}）。") from error


def _records(stream: memoryview, offset: int) -> Iterator[tuple[int, memoryview]]:
    while offset + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, offset)
        if offset + 4 + length > len(stream):
            raise CompoundError(f"BIFF record at {offset} runs past the end of the stream")
        yield kind, stream[offset + 4 : offset + 4 + length]
        offset += 4 + length


def _scan_biff(stream: memoryview, name: str) -> list[SheetLayout]:
    formats: dict[int, str] = {}
    styles: list[int] = []
    sheets: list[tuple[str, int]] = []
    biff8 = False
    for kind, data in _records(stream, 0):
        if kind == BOF:
            biff8 = struct.unpack_from("<H", data, 0)[0] == BIFF8
        elif kind == FILEPASS:
            raise UnreadableError(f"{name}：{ENCRYPTED}")
        elif kind == FORMAT and biff8:
            formats[struct.unpack_from("<H", data, 0)[0]] = _unicode(data, 2, 2)
        elif kind == XF:
            styles.append(struct.unpack_from("<H", data, 2)[0])
        elif kind == BOUNDSHEET:
            text = _unicode(data, 6, 1) if biff8 else bytes(data[7 : 7 + data[6]]).decode("latin-1")
            sheets.append((text, struct.unpack_from("<I", data, 0)[0]))
        elif kind == EOF:
            break
    codes = [formats.get(f) or builtin_format(f) for f in styles]
    layouts: list[SheetLayout] = []
    for sheet_name, position in sheets:
        layout = SheetLayout(sheet_name)
        if biff8:
            _scan_sheet(stream, position, codes, layout)
        layouts.append(layout)
        check_extent(layouts, name)
    return layouts


def _unicode(data: memoryview, offset: int, count_bytes: int) -> str:
    """An XLUnicodeString (2-byte count) or ShortXLUnicodeString (1-byte count) at ``offset``."""
    count = struct.unpack_from("<H" if count_bytes == 2 else "<B", data, offset)[0]
    flags = data[offset + count_bytes]
    start = offset + count_bytes + 1
    if flags & 1:
        return bytes(data[start : start + 2 * count]).decode("utf-16-le", errors="replace")
    return bytes(data[start : start + count]).decode("latin-1")


def _scan_sheet(stream: memoryview, position: int, codes: list[str], layout: SheetLayout) -> None:
    depth = 0
    for kind, data in _records(stream, position):
        if kind == BOF:
            depth += 1
        elif kind == EOF:
            depth -= 1
            if depth <= 0:
                return
        elif kind == ROW:
            row, flags = struct.unpack_from("<H", data, 0)[0], struct.unpack_from("<H", data, 12)[0]
            if flags & ROW_HIDDEN:
                layout.hidden_rows.add(row)
        elif kind in (NUMBER, RK, FORMULA):
            row, column, style = struct.unpack_from("<HHH", data, 0)
            layout.extend(row, column)
            if not (kind == FORMULA and bytes(data[12:14]) == b"\xff\xff"):  # not a text/bool result
                _note_format(layout, row, column, style, codes)
        elif kind == MULRK:
            row, first = struct.unpack_from("<HH", data, 0)
            for index in range((len(data) - 6) // 6):
                (style,) = struct.unpack_from("<H", data, 4 + 6 * index)
                layout.extend(row, first + index)
                _note_format(layout, row, first + index, style, codes)
        elif kind in TEXT_CELLS:
            row, column = struct.unpack_from("<HH", data, 0)
            layout.extend(row, column)
        if layout.rows * layout.columns > MAX_CELLS:
            raise UnreadableError(f"{TOO_LARGE}：工作表「{layout.name}」单元格过多。")


def _note_format(layout: SheetLayout, row: int, column: int, style: int, codes: list[str]) -> None:
    code = codes[style] if style < len(codes) else GENERAL
    if code != GENERAL:
        layout.formats[(row, column)] = code
