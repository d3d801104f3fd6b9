"""What a workbook's own structure says before its values are read, and the limits on reading it.

calamine reads values and merged ranges but neither number formats nor hidden rows, and it
allocates every sheet as one dense block from A1 to the last cell. So each format has a streaming
scan (``excel_xlsx``, ``excel_xls``) that reads the sheets' formats, hidden rows and extents into
`SheetLayout`s first; `check_extent` refuses a workbook whose cells would not fit in memory
before calamine is asked for a single value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budgetlens.errors import UnreadableError

MAX_CELLS = 2_000_000  # rows × columns over all sheets, counted from A1 as calamine fills them
MAX_UNCOMPRESSED = 64 * 2**20  # declared uncompressed bytes of all members of an .xlsx
MAX_RATIO = 100  # uncompressed / compressed size of one member larger than RATIO_FLOOR
RATIO_FLOOR = 2**20
MAX_MEMBERS = 10_000

ENCRYPTED = "工作簿已加密（设有打开密码），无法读取；请提供未加密的文件。"
CORRUPT = "Excel 文件已损坏或不完整，无法读取"
TOO_LARGE = "Excel 文件解压后过大或单元格过多（疑似压缩炸弹），已拒绝读取"


@dataclass
class SheetLayout:
    """One sheet: its numeric cells' format codes, hidden rows (0-based) and extent from A1."""

    name: str
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    rows: int = 0
    columns: int = 0

    def extend(self, row: int, column: int) -> None:
        """Note a value cell at 0-based (row, column)."""
        self.rows = max(self.rows, row + 1)
        self.columns = max(self.columns, column + 1)


def check_extent(layouts: list[SheetLayout], name: str) -> None:
    """Refuse a workbook whose sheets would hold more than `MAX_CELLS` cells."""
    cells = sum(layout.rows * layout.columns for layout in layouts)
    if cells > MAX_CELLS:
        raise UnreadableError(f"{TOO_LARGE}：{name} 有 {cells:,} 个单元格，上限 {MAX_CELLS:,}。")
