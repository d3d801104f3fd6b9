"""Grid rows → header rows, column-number rows and body rows; header rows → column paths.

A printed header spreads one column's name over several rows, and a merged cell prints its text in
its first column only. `header_to_paths` fills each empty header cell from its left neighbour when
both sit under the same parent, then joins each column's names top-down with ``/``
(``基本支出/人员经费/工资福利支出``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from budgetlens.amounts import is_blank, parse_amount

_TAGS = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_META_ROW = re.compile(r"^\S{1,4}\s*[:：]")
_ITEM_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+、)\S")
_YEAR = re.compile(r"(?:19|20)\d\d")
TOTAL_WORDS = ("合计", "总计")
_LABEL_HEADER_WORDS = ("项目", "科目", "编码", "代码", "名称")
SPLIT_CODE_WORDS = ("类", "款", "项")


_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef()])\s+(?=[\u3000-\u9fff\uff00-\uffef()])")


def unwrap_label(text: str) -> str:
    """A label without the spaces a wrapped cell left between Chinese characters.

    >>> unwrap_label("其他工业和信息产业监管 支出")
    '其他工业和信息产业监管支出'
    """
    return _CJK_GAP.sub("", text.strip())


def header_text(text: str) -> str:
    """A header cell without markup or the spaces that wrapping and spacing inserted."""
    return _SPACE.sub("", _TAGS.sub("", text)).strip("*")


def is_total_label(text: str) -> bool:
    label = header_text(text)
    return label.endswith(TOTAL_WORDS) or label.startswith(TOTAL_WORDS)


def is_column_number_row(cells: list[str]) -> bool:
    """The 栏次 row that numbers the columns (``栏次 | 1 | 2 | 3``, ``** | ** | 1 | 2``)."""
    texts = [header_text(c) for c in cells if header_text(c)]
    digits = [t for t in texts if t.isdigit() and len(t) <= 2]
    if not digits:
        return False
    numbers = [int(d) for d in digits]
    rising = sum(b > a for a, b in pairwise(numbers))
    if len(numbers) > 1 and rising * 10 < (len(numbers) - 1) * 7:
        return False  # figures of a data row (``2 | 2 | 0 | 0``), not 1, 2, 3 …
    others = [t for t in texts if not (t.isdigit() and len(t) <= 2) and t not in ("栏次", "")]
    others = [t for t in others if t not in SPLIT_CODE_WORDS]
    enough = len(digits) >= 2 or "栏次" in texts
    return enough and len(others) <= max(1, len(texts) // 4)


def is_body_row(cells: list[str]) -> bool:
    """A row that carries data: an amount, a total label, or a leading code."""
    if is_column_number_row(cells):
        return False
    texts = [header_text(c) for c in cells]
    if any(parse_amount(c) is not None and "." in c for c in cells):
        return True
    if any(_ITEM_NUMBER.match(t) for t in texts):
        return True
    for i, text in enumerate(texts):
        if text and is_total_label(text):
            # A header names 合计 among other column names (before it, or after it, as 苏州 公开13表
            # ends ``采购品目大类 | … | 资金来源 | 总计``); a total row has only codes before it and
            # nothing but figures after it.
            named_before = any(t and not t.isdigit() and parse_amount(t) is None for t in texts[:i])
            return not named_before and all(is_blank(t) or t.isdigit() for t in texts[i + 1 :])
    first = next((t for t in texts if t), "")
    return first.isdigit() and len(first) >= 3


@dataclass
class HeaderSplit:
    """``total_in_header``: the body's first row is the 合计 row that also prints the last header row."""

    header: list[list[str]]
    column_numbers: list[str] | None
    body_start: int
    skipped: int
    total_in_header: bool = False


def split_header(rows: list[list[str]]) -> HeaderSplit:
    """Find where the header ends; leading meta rows (``部门: …``) are skipped."""
    skipped = 0
    while skipped < len(rows) and _is_meta_row(rows[skipped]):
        skipped += 1
    header: list[list[str]] = []
    numbers: list[str] | None = None
    index = skipped
    for index in range(skipped, len(rows)):
        cells = rows[index]
        if header and numbers is None and total_over_subheaders(header, cells):
            header.append(["", *cells[1:]])
            return HeaderSplit(header, numbers, index, skipped, total_in_header=True)
        numbered = is_column_number_row(cells)
        if is_body_row(cells) or (numbers is not None and not numbered) or (header and _figures_only(cells)):
            break  # the rows after a 栏次 row are the body; so is a row of whole figures below the header
        if numbered:
            numbers = [header_text(c) for c in cells]
            if any(header_text(c) in SPLIT_CODE_WORDS for c in cells):
                header.append(_split_words(cells))
            continue
        header.append(cells)
    else:
        index = len(rows)
    return HeaderSplit(header, numbers, index, skipped)


def total_over_subheaders(header: list[list[str]], cells: list[str]) -> bool:
    """A 合计 row printed on the last header row (上海 决算: ``合计 | | | 合计 | 基本支出 | 项目支出``).

    Its first cell, under the 编码/项目 header, labels the total row; the other cells name the columns
    (a 合计 row below a 栏次 row, or one printing ``无``, is body).
    """
    texts = [header_text(c) for c in cells]
    above = [header_text(row[0]) for row in header if row]
    names = [t for t in texts[1:] if t]
    return (
        bool(texts)
        and texts[0] in TOTAL_WORDS
        and any(w in t for t in above for w in _LABEL_HEADER_WORDS)
        and bool(names)
        and all(len(t) >= 2 and parse_amount(t) is None for t in names)
    )


def _figures_only(cells: list[str]) -> bool:
    """A row of whole figures and blanks (``2 | | 2 | 0``), not a 栏次 row nor years (``2023 | 2024``)."""
    texts = [header_text(c) for c in cells if not is_blank(c)]
    return (
        bool(texts)
        and all(parse_amount(t) is not None for t in texts)
        and not all(_YEAR.fullmatch(t) for t in texts)
        and not is_column_number_row(cells)
    )


def _split_words(cells: list[str]) -> list[str]:
    """The 类 款 项 of a 栏次 row, with a 项 misread as another character (``类 款 次``) kept."""
    texts = [header_text(c) for c in cells]
    out = [t if t in SPLIT_CODE_WORDS else "" for t in texts]
    for i in range(1, len(texts) - 1):
        misread = len(texts[i + 1]) == 1 and not texts[i + 1].isdigit()
        if texts[i - 1 : i + 1] == ["类", "款"] and misread:
            out[i + 1] = texts[i + 1]
    return out


def _is_meta_row(cells: list[str]) -> bool:
    first = next((c for c in cells if c.strip()), "")
    return bool(_META_ROW.match(first)) and not first.startswith("其中")


def header_to_paths(header: list[list[str]], width: int) -> list[str]:
    """Column paths of a header block, one per column (``""`` where a column has no header).

    >>> header_to_paths([["合计", "基本支出", "", "项目支出"], ["", "人员经费", "公用经费", ""]], 4)
    ['合计', '基本支出/人员经费', '基本支出/公用经费', '项目支出']
    """
    filled: list[list[str]] = []
    spread: list[list[bool]] = []  # True where a name was filled in from the left, not printed
    for r, row in enumerate(header):
        cells = [header_text(row[c]) if c < len(row) else "" for c in range(width)]
        out: list[str] = []
        from_left: list[bool] = []
        for c, printed in enumerate(cells):
            value = printed
            if (
                not value
                and c > 0
                and out[c - 1]
                and _same_parent(filled, c)
                and _spreads(filled, c - 1)
                and not _own_column_below(header[r + 1 :], c)
            ):
                value = out[c - 1]
            out.append(value)
            from_left.append(value != printed)
        filled.append(out)
        spread.append(from_left)
    paths = []
    for c in range(width):
        parts: list[str] = []
        printed_above = False
        for row, from_left in zip(filled, spread, strict=True):
            # A name printed twice down one column is one merged cell; a group name spread over a
            # column whose own name repeats it (其他工资福利支出/其他工资福利支出) is two levels.
            if row[c] and (not parts or parts[-1] != row[c] or not printed_above):
                parts.append(row[c])
            if row[c]:
                printed_above = not from_left[c]
        paths.append("/".join(parts))
    return paths


def _own_column_below(lower: list[list[str]], c: int) -> bool:
    """Column ``c`` names itself lower down while the column on its left names nothing there: the
    left name is one cell merged down, not a group over both (深圳 表5: an empty cell over 总计 beside
    ``支出项目类别``)."""

    def named(column: int) -> bool:
        return any(column < len(row) and header_text(row[column]) for row in lower)

    return named(c) and not named(c - 1)


def _same_parent(filled: list[list[str]], c: int) -> bool:
    return all(row[c] == row[c - 1] for row in filled)


def _spreads(filled: list[list[str]], c: int) -> bool:
    """Top-row names spread right; a lower-row name only under a named parent spanning both columns."""
    return not filled or any(row[c] for row in filled)
