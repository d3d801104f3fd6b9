"""Ruling edges → lattice → merged cells, and cells → grid rows, on drawn shapes."""

from __future__ import annotations

import pytest

from budgetlens.ingest.pdf import PageInput, page_to_blocks
from budgetlens.ingest.pdf_grid import GridSettings, edges_to_merged, find_tables
from budgetlens.ingest.pdf_page import Char, Edge
from budgetlens.ingest.raw import Grid, TextLine


def h(y: float, x0: float, x1: float) -> Edge:
    return Edge(x0, y, x1, y)


def v(x: float, top: float, bottom: float) -> Edge:
    return Edge(x, top, x, bottom)


def word(text: str, x: float, top: float) -> list[Char]:
    return [Char(ch, x + 10 * i, top, x + 10 * (i + 1), top + 10) for i, ch in enumerate(text)]


# 收入 | 支出 over a two-row header; the 收入 cell spans two columns, 项目 is not split below
FRAME = [
    h(100, 0, 300),
    h(120, 0, 300),
    h(140, 0, 300),
    h(160, 0, 300),
    v(0, 100, 160),
    v(100, 120, 160),  # no border between 收入's two columns in the top row
    v(200, 100, 160),
    v(300, 100, 160),
]


def test_collinear_pieces_are_joined_and_near_positions_snapped() -> None:
    pieces = [h(100, 0, 50), h(100.8, 51, 120), v(10, 0, 40), v(10, 40.5, 90)]
    merged = edges_to_merged(pieces)
    assert len(merged) == 2
    horizontal = next(e for e in merged if e.horizontal)
    assert (horizontal.x0, horizontal.x1) == (0, 120)
    assert horizontal.top == pytest.approx(100.4)


def test_an_undrawn_border_merges_cells_anchored_top_left() -> None:
    (lattice,) = find_tables(FRAME).lattices
    assert (lattice.xs, lattice.ys) == ([0, 100, 200, 300], [100, 120, 140, 160])
    assert lattice.anchor[0] == [(0, 0), (0, 0), (0, 2)]
    assert lattice.anchor[1] == [(1, 0), (1, 1), (1, 2)]
    assert lattice.cell_at(150, 110) == (0, 0)  # right half of 收入 belongs to the merged cell
    assert lattice.cell_at(150, 130) == (1, 1)


def test_merged_cell_prints_once_in_its_first_column() -> None:
    chars = [
        *word("收入", 40, 105),
        *word("支出", 240, 105),
        *word("项目", 30, 125),
        *word("金额", 130, 125),
        *word("项目", 230, 125),
        *word("合计", 30, 145),
        *word("1.00", 130, 145),
        *word("标题", 120, 60),
    ]
    blocks = page_to_blocks(PageInput(3, 600, 800, chars, FRAME))
    title, grid = blocks
    assert isinstance(title, TextLine)
    assert (title.text, title.at.page, title.at.line) == ("标题", 3, 1)
    assert isinstance(grid, Grid)
    assert [[c.text for c in row] for row in grid.rows] == [
        ["收入", "", "支出"],
        ["项目", "金额", "项目"],
        ["合计", "1.00", ""],
    ]
    assert [row[0].at.line for row in grid.rows] == [2, 3, 4]


def test_a_lone_box_is_not_a_table() -> None:
    box = [h(10, 10, 500), h(700, 10, 500), v(10, 10, 700), v(500, 10, 700)]
    assert find_tables(box).lattices == []
    blocks = page_to_blocks(PageInput(1, 600, 800, word("说明", 40, 40), box))
    assert [type(b) for b in blocks] == [TextLine]


def test_page_numbers_in_the_margin_are_left_out() -> None:
    chars = [*word("正文", 40, 300), *word("-5-", 290, 780)]
    blocks = page_to_blocks(PageInput(1, 600, 800, chars, []))
    assert [b.text for b in blocks if isinstance(b, TextLine)] == ["正文"]


def test_settings_validate_themselves() -> None:
    with pytest.raises(ValueError, match="positive"):
        GridSettings(snap=0)
