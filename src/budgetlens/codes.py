"""Classification codes (政府收支分类科目) printed in many shapes, normalised to plain digits.

Tables print a 功能分类 code in one column (``2010350``), split over 类/款/项 columns
(``201 | 03 | 50``), partly (``| 05 |`` under a 类 row, meaning 21505), or mangled by conversion
(``201 | .0350``, ``208 | 80502``, ``201 | 2010399``, ``210 | 2101199 其何``). This module turns
those cells into the code they mean. It is ours because the shapes are this domain's own.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\d+")
FUNCTION_CODE_LENGTHS = (3, 5, 7)


def digits_of(text: str) -> str:
    """The first run of digits in a cell (``"2101199 其何"`` → ``"2101199"``)."""
    match = _DIGITS.search(text.replace(" ", ""))
    return match.group(0) if match else ""


def join_split_code(parts: list[str], parent: str | None = None) -> str | None:
    """The code that 类/款/项 cells print together.

    ``parent`` is the 类 code of the row above, used when a row prints only its 款 (``| 05 |``).

    >>> join_split_code(["201", "03", "50"]), join_split_code(["201", ".0350", ""])
    ('2010350', '2010350')
    >>> join_split_code(["208", "80502", ""]), join_split_code(["", "05", ""], parent="215")
    ('2080502', '21505')
    """
    cells = [digits_of(p) for p in parts]
    if not any(cells):
        return None
    for cell in cells:  # one cell already holds the whole code
        if len(cell) == 7 and (not cells[0] or cell.startswith(cells[0])):
            return cell
    head = cells[0]
    if len(head) in (5, 7) and not any(cells[1:]):
        return head
    if not head:
        if parent is None:
            return "".join(cells) or None
        if len(cells) > 2 and not cells[1] and len(cells[2]) == 2 and len(parent) >= 5:
            return parent[:5] + cells[2]  # only the 项 printed under its 款 (sample 52: ``| | 01 |``)
        head = parent[:3]
    rest = "".join(cells[1:])
    if rest.startswith(head) and len(rest) in FUNCTION_CODE_LENGTHS:
        return rest
    # 款 and 项 are two digits each; surplus leading digits repeat the 类 (``208 | 80502``).
    if len(rest) > 4:
        rest = rest[-4:]
    elif len(rest) == 3:
        rest = rest[-2:]
    return head + rest


def code_level(code: str) -> int | None:
    """1 for 类, 2 for 款, 3 for 项 of a 功能分类 code; None for other shapes."""
    try:
        return FUNCTION_CODE_LENGTHS.index(len(code)) + 1
    except ValueError:
        return None
