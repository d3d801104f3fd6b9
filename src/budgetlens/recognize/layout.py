"""Page furniture the table walk must look through: running page heads and titles printed in a grid.

- A running head (``苏州市交通运输局 2026 年度部门预算公开`` atop every page) is neither narrative nor a
  table's meta: left in, it would end the table a page break continues.
- Some templates print the title and meta lines in the first rows of the table's grid
  (``收支总表（预算表 1）`` / ``预算单位：… | 单位：万元``): those rows become text lines again.
"""

from __future__ import annotations

from collections import defaultdict

from budgetlens.ingest.raw import Block, Grid, GridCell, TextLine
from budgetlens.recognize import meta
from budgetlens.recognize.vocabulary import Family, classify_title

RUNNING_HEAD_PAGES = 3


def without_running_heads(blocks: list[Block], family: Family | None) -> list[Block]:
    """The blocks without a line that opens three or more pages (not a table title or number)."""
    pages: dict[str, set[int]] = defaultdict(set)
    last_page: int | None = None
    for block in blocks:
        page = block.at.page
        if page is not None and page != last_page and isinstance(block, TextLine):
            pages[block.text.strip()].add(page)
        last_page = page if page is not None else last_page
    heads = {
        text
        for text, seen in pages.items()
        if len(seen) >= RUNNING_HEAD_PAGES
        and classify_title(text, family) is None
        and not meta.is_number_line(text)
        and not meta.is_meta_line(text)
    }
    if not heads:
        return blocks
    return [b for b in blocks if not (isinstance(b, TextLine) and b.text.strip() in heads)]


def with_grid_titles(blocks: list[Block], family: Family | None) -> list[Block]:
    """Grids whose first row is a table title alone: that row and the meta rows below become lines."""
    result: list[Block] = []
    for block in blocks:
        if not isinstance(block, Grid):
            result.append(block)
            continue
        first = _filled(block.rows[0]) if block.rows else []
        if len(first) != 1 or classify_title(first[0].text, family) is None:
            result.append(block)
            continue
        lines = [TextLine(first[0].text, first[0].at)]
        start = 1
        for row in block.rows[1:]:
            cells = _filled(row)
            if not cells or not all(meta.is_meta_line(c.text) for c in cells):
                break
            lines += [TextLine(c.text, c.at) for c in cells]
            start += 1
        result += lines
        if block.rows[start:]:
            result.append(Grid(block.rows[start:]))
    return result


def _filled(row: list[GridCell]) -> list[GridCell]:
    return [c for c in row if c.text.strip()]
