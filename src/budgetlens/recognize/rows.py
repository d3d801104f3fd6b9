"""Body rows → `Row`s, for the three row layouts of standard tables.

- coded: one item per line, with a classification code (plain or split over 类/款/项) or a unit;
- two_sided: 收入 | 支出 printed side by side, each printed line giving one row per side;
- blocks: the same [code, name, amount] block repeated across the page (决算 基本支出表).
"""

from __future__ import annotations

import re

from budgetlens.amounts import is_blank, parse_amount
from budgetlens.codes import FUNCTION_CODE_LENGTHS, digits_of, join_split_code
from budgetlens.ingest.raw import GridCell
from budgetlens.model import Cell, Row, RowKind
from budgetlens.recognize.columns import CODE_WORDS, Columns, leaf
from budgetlens.recognize.header import header_text, is_total_label, unwrap_label

ECONOMIC_CODE_LENGTHS = (3, 5)
ORGANISATION_ENDINGS = (
    "中心", "局", "委", "委员会", "办公室", "办", "部", "院", "所", "站", "队", "会", "处", "室", "馆", "校",
    "医院", "政府", "机关", "单位", "厅", "署", "团", "社", "园", "区", "本级",
)  # fmt: skip
_MEANINGFUL = re.compile(r"[0-9\u4e00-\u9fff]")


def _text(cells: list[GridCell], c: int | None) -> str:
    return cells[c].text.strip() if c is not None and c < len(cells) else ""


def _values(cells: list[GridCell], columns: list[int], paths: list[str]) -> dict[str, Cell]:
    values: dict[str, Cell] = {}
    for c in columns:
        if c >= len(cells) or not cells[c].text.strip():
            continue
        text = cells[c].text.strip()
        values[paths[c] or f"列{c + 1}"] = Cell(text, parse_amount(text), cells[c].at)
    return values


def _row_kind(label: str) -> RowKind:
    return "total" if is_total_label(label) else "item"


def is_organisation(label: str) -> bool:
    """A label naming a unit (``株洲市荷塘区产业服务中心``), or a bare code where the name was lost."""
    return not label or label.isdigit() or label.endswith(ORGANISATION_ENDINGS)


def is_junk_row(cells: list[GridCell]) -> bool:
    """A row of conversion debris (``_ | _ | _``): no digit and no Chinese character in any cell."""
    return not any(_MEANINGFUL.search(c.text) for c in cells)


_BRACKETED_CODE = re.compile(r"^\s*(?:[\[［【](\d{3,7})[\]］】]|(\d{3,7})\s*[-－—])\s*(\S.*)$")


def coded_rows(body: list[list[GridCell]], cols: Columns, paths: list[str]) -> list[Row]:
    rows: list[Row] = []
    previous: str | None = None
    for cells in body:
        if is_junk_row(cells):
            continue
        split = join_split_code([_text(cells, c) for c in cols.split], previous) if cols.split else None
        code_text = digits_of(_text(cells, cols.code))
        unit_code = digits_of(_text(cells, cols.unit_code)) or None
        label = unwrap_label(_text(cells, cols.label))
        code: str | None = split
        bracketed = _BRACKETED_CODE.match(label)
        if bracketed and not split and not code_text:
            code_text = bracketed.group(1) or bracketed.group(2)  # ``[30101]基本工资``, ``2040201-行政运行``
            label = bracketed.group(3)
        if code is None and code_text:
            if cols.split or len(code_text) not in (*FUNCTION_CODE_LENGTHS,):
                unit_code = unit_code or code_text  # 类/款/项 empty: the code column names a unit
            else:
                code = code_text
        values = {**_other_code(cells, cols, paths), **_values(cells, cols.values, paths)}
        others = [_text(cells, c) for c in range(len(cells)) if c not in cols.values]
        total = next((t for t in others if is_total_label(t)), None)
        if not label:
            label = total or next((t for t in others if t and not t.isdigit()), "")
        if not label and not code and not unit_code and not values:
            continue
        kind: RowKind = _row_kind(label) if total or not code else "item"
        if kind == "item" and code is None and unit_code is not None and is_organisation(label):
            kind = "unit"  # a unit's own line; a project under a unit code stays an item
        label = header_text(label) if kind == "total" else label
        rows.append(Row(label, values, cells[0].at, code, unit_code, kind))
        if code:
            previous = code
    return rows


def _other_code(cells: list[GridCell], cols: Columns, paths: list[str]) -> dict[str, Cell]:
    """The code of the second classification printed beside the row's own (``501 | 01`` → ``50101``):
    a value of its column, not an amount (烟台 公开表6 codes 部门 and 政府 经济分类 side by side)."""
    code = "".join(digits_of(_text(cells, c)) for c in cols.other_code)
    if not code:
        return {}
    first = cols.other_code[0]
    return {paths[first]: Cell(code, None, cells[first].at)}


def join_cut_row(last: list[GridCell], first: list[GridCell]) -> list[GridCell] | None:
    """The last row of a page joined with the rest a page break cut off onto the next page, or None.

    The rest (苏州 公开13表 page 30: ``| | 务支出 | 务 | | …``) has no label and no figure, and only
    continues cells the row above has text in (``其他商品和服`` + ``务支出``); the row above has its
    figures (a bare heading line such as ``（十八）援助其他地区支出`` is followed by the next item).
    """
    texts = [c.text.strip() for c in first]
    filled = [i for i, t in enumerate(texts) if t]
    if not filled or texts[0] or len(first) != len(last):
        return None
    if not any(parse_amount(c.text) is not None for c in last):
        return None
    if any(parse_amount(texts[i]) is not None for i in filled):
        return None
    if not all(last[i].text.strip() and parse_amount(last[i].text) is None for i in filled):
        return None
    return [GridCell(a.text.rstrip() + b.text.strip(), a.at) for a, b in zip(last, first, strict=True)]


def segments(width: int, starts: list[int]) -> list[list[int]]:
    """Column groups that each begin at one of ``starts`` and run to the next."""
    bounds = [*starts, width]
    return [list(range(bounds[i], bounds[i + 1])) for i in range(len(starts))]


def two_sided_label_columns(paths: list[str], body: list[list[GridCell]]) -> list[int]:
    """Label columns of a two-sided table: headed 项目/科目, or holding text in the body."""
    starts = [c for c, p in enumerate(paths) if _label_header(leaf(p))]
    if starts:
        return starts
    return [c for c in range(len(paths)) if _text_column(body, c)]


def _label_header(name: str) -> bool:
    """项目 / 项目(按功能分类) / …科目 head a label column; 项目支出 is an amount column."""
    return ("项目" in name and not name.endswith(("支出", "收入"))) or name.endswith("科目")


def _text_column(body: list[list[GridCell]], c: int) -> bool:
    texts = [r[c].text for r in body if c < len(r) and not is_blank(r[c].text)]
    return bool(texts) and all(parse_amount(t) is None for t in texts)


def two_sided_rows(body: list[list[GridCell]], paths: list[str]) -> tuple[list[Row], list[str]]:
    """Rows per side, and the column paths as ``side/name`` (middle header levels dropped)."""
    starts = two_sided_label_columns(paths, body)
    groups = segments(len(paths), starts)
    sides = [_side(paths[g[0]], i) for i, g in enumerate(groups)]
    names = [_group_name(leaf(paths[g[0]])) for g in groups]
    paths = list(paths)
    for group, side in zip(groups, sides, strict=True):
        for c in group:
            paths[c] = f"{side}/{leaf(paths[c])}"
    shared = {s for s in sides if sides.count(s) > 1}
    rows: list[Row] = []
    for group, side, name in zip(groups, sides, names, strict=True):
        for cells in body:
            label = unwrap_label(_text(cells, group[0]))
            value_cols = [c for c in group[1:] if "行次" not in leaf(paths[c])]
            values = _values(cells, value_cols, paths)
            if not label and not values:
                continue
            at = cells[group[0]].at if group[0] < len(cells) else cells[0].at
            row = Row(label, values, at, kind=_row_kind(label), side=side)
            row.group = name if side in shared else None
            if row.kind == "total":
                row.label = header_text(label)
            rows.append(row)
    value_paths = [paths[c] for g in groups for c in g[1:] if "行次" not in paths[c]]
    return rows, list(dict.fromkeys(value_paths))


def _side(path: str, index: int) -> str:
    """收入 or 支出: named in the header path, else by position (收入 prints first)."""
    for part in path.split("/"):
        for side in ("收入", "支出"):
            if side in part:
                return side
    return "收入" if index == 0 else "支出"


def _group_name(label_header: str) -> str | None:
    name = label_header.replace("项目", "").strip("()（）")
    return name or None


def block_rows(body: list[list[GridCell]], paths: list[str]) -> list[Row]:
    """Rows of a table printing [code, name, amount] blocks side by side (人员经费 | 公用经费)."""
    starts = [c for c, p in enumerate(paths) if any(w in leaf(p) for w in CODE_WORDS)]
    groups = segments(len(paths), starts or [0])
    leaves = [leaf(p) for p in paths]
    rows: list[Row] = []
    footers = [cells for cells in body if any(is_total_label(c.text) for c in cells)]
    for index, group in enumerate(groups):
        side = _block_side(index)
        for cells in body:
            if cells in footers or not any(_text(cells, c) for c in group):
                continue
            row = _block_row(cells, group, leaves, side)
            if row is not None:
                rows.append(row)
    for cells in footers:
        rows.extend(_footer_rows(cells, groups, leaves))
    return rows


def _footer_rows(cells: list[GridCell], groups: list[list[int]], leaves: list[str]) -> list[Row]:
    """The 人员经费合计 | 公用经费合计 line: each total takes the last amount before the next label.

    The footer's cells drift across block borders in converted prints, so they are read by label.
    """
    labels = [c for c, cell in enumerate(cells) if is_total_label(cell.text)]
    rows: list[Row] = []
    for i, c in enumerate(labels):
        end = labels[i + 1] if i + 1 < len(labels) else len(cells)
        amounts = [k for k in range(c + 1, end) if parse_amount(cells[k].text) is not None]
        block = next((b for b, g in enumerate(groups) if c in g), 0)
        values = {}
        if amounts:
            amount_cell = cells[amounts[-1]]
            text = amount_cell.text.strip()
            values[leaves[groups[block][-1]]] = Cell(text, parse_amount(text), amount_cell.at)
        label = header_text(cells[c].text)
        rows.append(Row(label, values, cells[c].at, kind="total", side=_block_side(block)))
    return rows


def _block_side(index: int) -> str:
    """The national template prints 人员经费 in the first block and 公用经费 in the others."""
    return "人员经费" if index == 0 else "公用经费"


def _block_row(cells: list[GridCell], group: list[int], leaves: list[str], side: str) -> Row | None:
    code = digits_of(_text(cells, group[0]))
    if len(code) not in ECONOMIC_CODE_LENGTHS:
        code = ""  # debris such as ``1 | 1`` is no 经济分类 code
    label_col = group[1] if len(group) > 1 else group[0]
    label = unwrap_label(_text(cells, label_col))
    value_cols = group[2:] if len(group) > 2 else []
    values = _values(cells, value_cols, leaves)
    if not label and not code and not values:
        return None
    kind = _row_kind(label)
    return Row(
        header_text(label) if kind == "total" else label,
        values,
        cells[group[0]].at if group[0] < len(cells) else cells[0].at,
        code=code or None,
        kind=kind,
        side=side,
    )
