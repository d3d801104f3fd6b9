"""A recognised document's tables laid out as a disclosure prints them: lines, header cells, spans.

The Excel and Word writers (``document_xlsx``, ``document_docx``) draw this one layout, so a written
document reads back as the same canonical document whatever its format. Per table: the printed
title, its number, 部门/单位 and 金额单位 lines; the header rebuilt from the column paths (``基本支出/
人员经费`` → a spanning ``基本支出`` above ``人员经费``, a short path spanning down); the rows with code,
label and each value's printed text; then the notes, the empty-table note among them.

The three row layouts print as the reader expects them back (``recognize.rows``): a coded table one
item per line (a 类/款/项 code split over its columns); a two-sided table its 收入 | 支出 sides (and
their column groups) side by side, the i-th row of each side on line i; a blocks table its 人员经费 |
公用经费 blocks side by side, their totals on footer lines of their own. Performance tables (an
indicator tree, not rows) are not printed yet: `PrintedDocument.skipped` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import zip_longest

from budgetlens.model import Document, Row, Table
from budgetlens.recognize.vocabulary import TYPES_BY_ID

SPLIT_WORDS = ("类", "款", "项")
SPLIT_LENGTHS = (3, 2, 2)  # 2010350 → 201 | 03 | 50
CODE_WORDS = ("编码", "代码", "编号")
LABEL_WORDS = ("名称", "项目", "科目", "单位")
KIND_NAMES = {"budget": "预算", "final_account": "决算"}
SCOPE_NAMES = {"department": "部门", "unit": "单位"}
_NUMERAL = re.compile("[一二三四五六七八九十]+")


@dataclass(frozen=True)
class Span:
    """A merged header cell: top-left position (0-based, within the header) and its size."""

    row: int
    column: int
    rows: int
    columns: int


@dataclass(frozen=True)
class Column:
    """A printed column: its header path and what it prints for a row (``""`` for none)."""

    path: str
    text: Callable[[Row], str]
    role: str = "value"  # value, label, code, unit_code, split


@dataclass
class PrintedTable:
    title: str
    meta: list[str]  # the lines under the title; a numbered heading (七、…表) goes above it

    header: list[list[str]]
    spans: list[Span]
    body: list[list[str]]
    notes: list[str]
    columns: list[Column] = field(default_factory=list)
    heading: str | None = None

    @property
    def width(self) -> int:
        return max((len(r) for r in [*self.header, *self.body]), default=1)


@dataclass
class PrintedDocument:
    heading: list[str]
    tables: list[PrintedTable]
    skipped: list[Table]


def print_document(document: Document) -> PrintedDocument:
    """The cover lines and every table with rows, in document order."""
    printed: list[PrintedTable] = []
    skipped: list[Table] = []
    for table in document.tables:
        if printable(table):
            printed.append(print_table(table, document))
        else:
            skipped.append(table)
    return PrintedDocument(heading_lines(document), printed, skipped)


def printable(table: Table) -> bool:
    """A table of rows; a performance table (an indicator tree) is not printed yet."""
    return not table.performance and TYPES_BY_ID[table.type].layout != "performance"


def heading_lines(document: Document) -> list[str]:
    """``2024年度国家信访局部门决算公开`` and ``单位编码：…``: what the reader takes the meta from."""
    kind = KIND_NAMES.get(document.kind or "", "")
    scope = SCOPE_NAMES.get(document.scope or "", "部门" if kind else "")
    year = f"{document.year}年度" if document.year else ""
    lines = [f"{year}{document.unit_name or ''}{scope}{kind}公开"]
    if document.unit_code:
        lines.append(f"单位编码：{document.unit_code}")
    return lines


def print_table(table: Table, document: Document) -> PrintedTable:
    # A number printed as a heading's numeral (福州: 七、… above the title) goes back there; 表7 is meta.
    numeral = table.number if table.number and _NUMERAL.fullmatch(table.number) else None
    meta = [table.number] if table.number and not numeral else []
    if table.unit_name:
        meta.append(f"{SCOPE_NAMES.get(document.scope or '', '部门')}：{table.unit_name}")
    if table.money_unit:
        meta.append(f"金额单位：{table.money_unit}")
    layout = TYPES_BY_ID[table.type].layout
    if layout == "two_sided":
        blocks = _two_sided_blocks(table)
    elif layout == "blocks":
        blocks = _side_blocks(table)
    else:
        blocks = [_Block(_coded_columns(table), table.rows)]
    columns = [c for b in blocks for c in b.columns]
    header, spans = header_cells([c.path for c in columns])
    notes = list(table.notes)
    if table.empty_note and table.empty_note not in notes:
        notes.append(table.empty_note)
    heading = f"{numeral}、{table.title}" if numeral else None
    return PrintedTable(table.title, meta, header, spans, _body(blocks), notes, columns, heading)


@dataclass
class _Block:
    """Columns printed side by side with others; rows print one per line, totals after the items."""

    columns: list[Column]
    rows: list[Row]
    totals: list[Row] = field(default_factory=list)


def _body(blocks: list[_Block]) -> list[list[str]]:
    lines: list[list[str]] = []
    for part in ("rows", "totals"):
        for rows in zip_longest(*(getattr(b, part) for b in blocks)):
            line: list[str] = []
            for block, row in zip(blocks, rows, strict=True):
                line += [c.text(row) if row is not None else "" for c in block.columns]
            lines.append(line)
    return lines


def _value(path: str) -> Callable[[Row], str]:
    def text(row: Row) -> str:
        cell = row.values.get(path)
        return cell.text if cell else ""

    return text


def _leaf(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _coded_columns(table: Table) -> list[Column]:
    """Split code parts, code, unit code, label and value columns, from the column names."""
    used = {key for row in table.rows for key in row.values}
    paths = list(table.columns) + sorted(used - set(table.columns))  # values under an unnamed column
    first_value = next((i for i, p in enumerate(paths) if p in used), len(paths))
    columns: list[Column] = []
    label_at: int | None = None
    has_code = any(any(w in _leaf(p) for w in CODE_WORDS) and "单位" not in _leaf(p) for p in paths)
    has_unit_code = any(any(w in _leaf(p) for w in CODE_WORDS) and "单位" in _leaf(p) for p in paths)
    bracket = not has_code and not any(_leaf(p) in SPLIT_WORDS for p in paths)
    for index, path in enumerate(paths):
        name = _leaf(path)
        if name in SPLIT_WORDS and path not in used:
            columns.append(Column(path, _split_part(SPLIT_WORDS.index(name)), "split"))
        elif any(w in name for w in CODE_WORDS) and path not in used:
            unit = "单位" in name
            columns.append(Column(path, _unit_code if unit else _code(has_unit_code), _role(unit)))
        elif (
            label_at is None
            and path not in used
            and index <= first_value
            and any(w in name for w in LABEL_WORDS)
            and not name.endswith(("支出", "收入"))
        ):
            label_at = len(columns)
            columns.append(Column(path, _label(bracket_code=bracket), "label"))
        else:
            columns.append(Column(path, _value(path)))
    if label_at is None and any(row.label for row in table.rows):
        # the label column had no printed header: an unnamed column before the first value
        at = next((i for i, c in enumerate(columns) if c.role == "value"), len(columns))
        columns.insert(at, Column("", _label(bracket_code=bracket), "label"))
    return columns


def _role(unit: bool) -> str:
    return "unit_code" if unit else "code"


def _split_part(index: int) -> Callable[[Row], str]:
    start = sum(SPLIT_LENGTHS[:index])

    def text(row: Row) -> str:
        return (row.code or "")[start : start + SPLIT_LENGTHS[index]]

    return text


def _code(has_unit_code_column: bool) -> Callable[[Row], str]:
    def text(row: Row) -> str:
        if row.code:
            return row.code
        return "" if has_unit_code_column else (row.unit_code or "")

    return text


def _unit_code(row: Row) -> str:
    return row.unit_code or ""


def _label(*, bracket_code: bool) -> Callable[[Row], str]:
    """The label; where no column holds the code, the code printed before it (``[30101]基本工资``)."""

    def text(row: Row) -> str:
        if bracket_code and row.code:
            return f"[{row.code}]{row.label}"
        return row.label

    return text


def _sides(table: Table, prefix: Callable[[str], str]) -> list[str]:
    sides = [prefix(p) for p in table.columns] + [row.side or "" for row in table.rows]
    return [s for s in dict.fromkeys(sides) if s]


def _two_sided_blocks(table: Table) -> list[_Block]:
    """A label column and the side's value columns per side (and per column group of a side)."""
    blocks: list[_Block] = []
    for side in _sides(table, lambda p: p.split("/", 1)[0] if "/" in p else ""):
        values = [Column(p, _value(p)) for p in table.columns if p.startswith(f"{side}/")]
        rows = [r for r in table.rows if r.side == side]
        for group in dict.fromkeys(r.group for r in rows) or [None]:
            label = f"{side}/项目（{group}）" if group else f"{side}/项目"
            label_column = Column(label, _label(bracket_code=False), "label")
            blocks.append(_Block([label_column, *values], [r for r in rows if r.group == group]))
    return blocks


def _side_blocks(table: Table) -> list[_Block]:
    """[code, name, amount] per side (人员经费 | 公用经费); the footer totals print on their own lines."""
    blocks: list[_Block] = []
    for side in _sides(table, lambda _: "") or ["人员经费"]:
        columns = []
        for index, path in enumerate(table.columns):
            role = "code" if index == 0 else ("label" if index == 1 else "value")
            text = _code(True) if index == 0 else (_label(bracket_code=False) if index == 1 else _value(path))
            columns.append(Column(f"{side}/{path}", text, role))
        rows = [r for r in table.rows if r.side == side]
        items = [r for r in rows if r.kind != "total"]
        blocks.append(_Block(columns, items, [r for r in rows if r.kind == "total"]))
    return blocks


def header_cells(paths: list[str]) -> tuple[list[list[str]], list[Span]]:
    """Header rows from column paths: each name printed once, in the top-left cell of its span.

    >>> header_cells(["合计", "基本支出/人员经费", "基本支出/公用经费"])[0]
    [['合计', '基本支出', ''], ['', '人员经费', '公用经费']]
    """
    parts = [p.split("/") if p else [] for p in paths]
    depth = max((len(p) for p in parts), default=0)
    header = [[""] * len(paths) for _ in range(depth)]
    spans: list[Span] = []
    for level in range(depth):
        column = 0
        while column < len(paths):
            names = parts[column]
            if len(names) <= level:
                column += 1
                continue
            end = column + 1
            if len(names) > level + 1:  # a parent name spans the columns that share it
                while (
                    end < len(paths)
                    and len(parts[end]) > level + 1
                    and parts[end][: level + 1] == names[: level + 1]
                ):
                    end += 1
            header[level][column] = names[level]
            if end - column > 1:
                spans.append(Span(level, column, 1, end - column))
            column = end
    for column, names in enumerate(parts):
        if names and len(names) < depth:  # a short path spans down to the header's last row
            spans.append(Span(len(names) - 1, column, depth - len(names) + 1, 1))
    return header, spans
