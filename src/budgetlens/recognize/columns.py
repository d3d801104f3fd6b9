"""What each column of a table holds: split code parts, a code, a unit code, a label or values.

Roles come from the header words where the print has them and from the body cells where it does
not (a column whose cells are amounts is a value column whatever its garbled header says).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budgetlens.amounts import parse_amount
from budgetlens.recognize.header import SPLIT_CODE_WORDS, header_text

_CODE3 = re.compile(r"\d{3}")
_CODE2 = re.compile(r"\d{2}")
LABEL_WORDS = ("名称", "项目", "功能科目", "科目", "单位")
CODE_WORDS = ("编码", "代码", "编号")
LINE_NUMBER_WORDS = ("行次",)


@dataclass
class Columns:
    split: list[int] = field(default_factory=list)
    code: int | None = None
    unit_code: int | None = None
    label: int | None = None
    line_number: int | None = None
    values: list[int] = field(default_factory=list)
    # 类/款 columns of a second classification printed beside the row's own (烟台 公开表6: 政府预算
    # 经济分类 next to 部门预算经济分类): one code column, read as a value
    other_code: list[int] = field(default_factory=list)


def leaf(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def assign_roles(
    paths: list[str], body: list[list[str]], header_rows: list[list[str]], numbers: list[str] | None = None
) -> Columns:
    """Roles of the columns of a one-sided table; a 栏次 row, where printed, fixes the value columns."""
    cols = Columns()
    width = len(paths)
    split_row = next(
        (r for r in reversed(header_rows) if sum(header_text(c) in SPLIT_CODE_WORDS for c in r) >= 2), None
    )
    ignored: list[int] = []
    if split_row is not None:
        words = [i for i, c in enumerate(split_row) if header_text(c) in SPLIT_CODE_WORDS]
        cols.split = [i for n, i in enumerate(words) if i == words[0] + n]
        ignored = words[len(cols.split) :]  # a second 类|款 pair codes another classification (sample 52)
        cols.other_code = [i for n, i in enumerate(ignored) if i == ignored[0] + n]
        after = cols.split[-1] + 1
        if len(cols.split) == 2 and after < len(split_row) and len(header_text(split_row[after])) == 1:
            cols.split.append(after)  # 项 misread as one other character (``类 款 次``)
    elif _unnamed_split_columns(paths, body):
        cols.split = [0, 1, 2]
    numeric = [_mostly_amounts([r[c] if c < len(r) else "" for r in body]) for c in range(width)]
    for c in range(width):
        if c in cols.split or c in ignored:
            continue
        name = leaf(paths[c])
        if any(w in name for w in LINE_NUMBER_WORDS):
            cols.line_number = c
        elif any(w in name for w in CODE_WORDS):
            if "单位" in name and cols.unit_code is None:
                cols.unit_code = c
            elif cols.code is None:
                cols.code = c
        elif (
            cols.label is None and not numeric[c] and (_is_label_header(name) or _unnamed_text(name, body, c))
        ):
            cols.label = c
        elif c > max([cols.label or 0, cols.code or 0, *cols.split, 0]) or numeric[c]:
            cols.values.append(c)
    _prefer_item_names(cols, paths, numeric)
    if numbers:
        numbered = [c for c, n in enumerate(numbers) if n.isdigit()]
        cols.values = numbered
        if cols.label in numbered or cols.label is None:
            cols.label = max((c for c in range(numbered[0]) if c not in cols.split), default=None)
    if cols.label is None:
        # No label header (e.g. a garbled print): the column before the first value column.
        first_value = cols.values[0] if cols.values else width
        candidates = [c for c in range(first_value) if c not in cols.split and c != cols.code]
        if candidates:
            cols.label = candidates[-1]
    return cols


def _prefer_item_names(cols: Columns, paths: list[str], numeric: list[bool]) -> None:
    """``预算单位 | 科目编码 | 科目名称`` or ``单位名称 | 项目名称``: the item column labels the rows.

    The unit column then names only the unit's own line (a row without an item name).
    """
    if cols.label is None or "单位" not in leaf(paths[cols.label]):
        return
    wanted = "项目名称" if "名称" in leaf(paths[cols.label]) else "名称"
    named = [c for c in range(cols.label + 1, len(paths)) if wanted in leaf(paths[c]) and not numeric[c]]
    if named and named[0] not in (cols.code, cols.unit_code, *cols.split):
        if named[0] in cols.values:
            cols.values.remove(named[0])
        cols.label = named[0]


def _unnamed_split_columns(paths: list[str], body: list[list[str]]) -> bool:
    """类/款/项 columns printed without their 类 款 项 header row: one spanning header, 3/2/2-digit cells."""
    if len(paths) < 4 or not paths[0] or len(set(paths[:3])) != 1:
        return False
    shapes = (_CODE3, _CODE2, _CODE2)
    cells = [[r[c].strip() for r in body if c < len(r) and r[c].strip()] for c in range(3)]
    return bool(cells[0]) and all(
        all(p.fullmatch(x) for x in col) for p, col in zip(shapes, cells, strict=True)
    )


def _is_label_header(name: str) -> bool:
    return any(w in name for w in LABEL_WORDS) and not any(w in name for w in CODE_WORDS)


def _unnamed_text(name: str, body: list[list[str]], c: int) -> bool:
    return not name and any(c < len(r) and r[c].strip() and parse_amount(r[c]) is None for r in body)


def _mostly_amounts(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    if not filled:
        return False
    amounts = [c for c in filled if parse_amount(c) is not None and ("." in c or len(c.strip()) < 3)]
    return len(amounts) * 2 > len(filled)
