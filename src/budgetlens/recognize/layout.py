"""Page furniture the table walk must look through: running page heads and titles printed in a grid.

- A running head (``苏州市交通运输局 2026 年度部门预算公开`` atop every page) is neither narrative nor a
  table's meta: left in, it would end the table a page break continues.
- Some templates print the title and meta lines in the first rows of the table's grid
  (``收支总表（预算表 1）`` / ``预算单位：… | 单位：万元``): those rows become text lines again.
- A merged cell that spans a page break is drawn on both pages and clipped; the text extraction still
  sees the clipped copy beside the grid (北京 预算11表). Left in, it would end the table the break
  continues: lines between two grids that all repeat cell text of one of them are dropped.
"""

from __future__ import annotations

from collections import defaultdict

from budgetlens.ingest.raw import Block, Grid, GridCell, TextLine
from budgetlens.recognize import meta
from budgetlens.recognize.vocabulary import Family, classify_title

RUNNING_HEAD_PAGES = 3
_COPY_MIN = 4  # a run of clipped copies holds at least one line this long (short ones match anywhere)


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


def without_cell_copies(blocks: list[Block], family: Family | None) -> list[Block]:
    """The blocks without runs of lines, between two grids, that only repeat the cells of one of them."""
    result: list[Block] = []
    run: list[TextLine] = []
    before: Grid | None = None
    for block in blocks:
        if isinstance(block, TextLine):
            run.append(block)
            continue
        if isinstance(block, Grid) and run and before is not None and _copies(run, before, block, family):
            run = []
        result += run
        run = []
        result.append(block)
        before = block if isinstance(block, Grid) else None
    return result + run


def _copies(run: list[TextLine], before: Grid, after: Grid, family: Family | None) -> bool:
    """True when every line repeats a cell of one grid, or sits inside one column of both.

    A wholly clipped copy (the part of a long name no page shows) repeats nothing: its place, inside
    the narrow column both grids share, marks it.
    """
    if not before.rows or not after.rows:
        return False
    if any(classify_title(x.text, family) or meta.is_meta_line(x.text) for x in run):
        return False
    if all(_in_column(x, before.rows[-1]) and _in_column(x, after.rows[0]) for x in run):
        return True
    texts = ["".join(x.text.split()) for x in run]
    if max(map(len, texts)) < _COPY_MIN:
        return False
    for grid in (before, after):
        cells = ["".join(c.text.split()) for row in grid.rows for c in row if c.text.strip()]
        if all(any(t in c for c in cells) for t in texts):
            return True
    return False


def _in_column(line: TextLine, row: list[GridCell]) -> bool:
    if line.box is None:
        return False
    left, right = line.box[0], line.box[2]
    return any(c.box is not None and c.box[0] - 1 <= left and right <= c.box[2] + 1 for c in row)


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
