"""The text reader on real seed lines and on the shapes conversion leaves."""

from __future__ import annotations

from pathlib import Path

from budgetlens.ingest.raw import Grid, TextLine
from budgetlens.ingest.registry import read_path
from budgetlens.ingest.text import clean_line, lines_to_blocks
from tests.conftest import seed_path


def test_markdown_marks_and_escapes_are_removed_from_running_text() -> None:
    assert clean_line("## **三、部门收支总体情况**") == "三、部门收支总体情况"
    assert clean_line("- 一、收入支出决算总表") == "一、收入支出决算总表"
    assert clean_line("单位：048001\\_株洲市荷塘区产业服务中心") == "单位：048001_株洲市荷塘区产业服务中心"


def test_tab_lines_form_one_grid_until_a_blank_line() -> None:
    blocks = lines_to_blocks(["收支总表", "", "项目\t预算数", "合计\t1.00", "", "注：说明"])
    assert [type(b) for b in blocks] == [TextLine, Grid, TextLine]
    grid = blocks[1]
    assert isinstance(grid, Grid)
    assert [[c.text for c in row] for row in grid.rows] == [["项目", "预算数"], ["合计", "1.00"]]
    assert (grid.rows[1][1].at.line, grid.rows[1][1].at.column) == (4, 1)


def test_seed_001_is_read_with_line_provenance() -> None:
    raw = read_path(seed_path("001"))
    assert raw.source.format == "text"
    assert raw.source.name == "001_35844fc53e2b775b.txt"
    assert raw.source.sha256 == "405cf87425697ef91ccb49da65311af98a66fa3c0b1ef77fe469f8f72ec588ea"
    first_grid = next(b for b in raw.blocks if isinstance(b, Grid))
    assert first_grid.rows[0][0].at.line == 127
    assert [c.text for c in first_grid.rows[2]] == [
        "一、本级财政拨款收入",
        "2,314.68",
        "一、基本支出",
        "1,003.01",
    ]


def test_gb18030_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("2024年部门预算公开\n收支总表\n项目\t预算数\n合计\t1.00\n".encode("gb18030"))
    raw = read_path(path)
    assert isinstance(raw.blocks[0], TextLine)
    assert raw.blocks[0].text == "2024年部门预算公开"
