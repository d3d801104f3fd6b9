"""Characters → lines → text, on boxes shaped like the ones real producers write."""

from __future__ import annotations

import pytest

from budgetlens.ingest.pdf_layout import LayoutSettings, chars_to_lines, line_to_segments, line_to_text
from budgetlens.ingest.pdf_page import Char


def run(text: str, x: float, top: float, size: float = 10.0, advance: float | None = None) -> list[Char]:
    """Characters set left to right from ``x``; CJK a full em wide, Latin half."""
    out = []
    for ch in text:
        width = advance or (size / 2 if ch.isascii() else size)
        out.append(Char(ch, x, top, x + width, top + size))
        x += width
    return out


def test_digits_set_below_the_cjk_glyphs_stay_on_their_line() -> None:
    # ONLYOFFICE exports put Latin digits about 3.5 pt below the CJK boxes of the same printed line
    row1 = run("行政运行", 10, 100) + run("1,859.41", 80, 103.5)
    row2 = run("信访业务", 10, 113) + run("397.28", 80, 116.5)
    lines = chars_to_lines(row2 + row1)
    assert [line_to_text(line) for line in lines] == ["行政运行 1,859.41", "信访业务 397.28"]


def test_lines_are_grouped_by_overlap_not_by_equal_baselines() -> None:
    tall = run("合计", 10, 100, size=12)
    small = run("万元", 34, 102, size=8)
    (line,) = chars_to_lines(small + tall)
    assert line_to_text(line) == "合计万元"


def test_a_wide_gap_splits_a_line_into_pieces() -> None:
    chars = run("部门：国家信访局", 40, 90) + run("金额单位：万元", 700, 90)
    (line,) = chars_to_lines(chars)
    assert [line_to_text(s) for s in line_to_segments(line)] == ["部门：国家信访局", "金额单位：万元"]


def test_spaces_come_from_gaps_and_space_characters_are_dropped() -> None:
    chars = run("2026", 10, 50) + run(" ", 30, 50) + run("年预算数", 33, 50)
    (line,) = chars_to_lines(chars)
    assert line_to_text(line) == "2026 年预算数"
    letter_spaced = run("项", 10, 50) + run("目", 35, 50)
    assert line_to_text(chars_to_lines(letter_spaced)[0]) == "项 目"
    justified = run("预算", 10, 50, advance=11.0)  # 1 pt extra spacing in justified Chinese text
    assert line_to_text(chars_to_lines(justified)[0]) == "预算"


def test_settings_validate_themselves() -> None:
    with pytest.raises(ValueError, match="line_overlap"):
        LayoutSettings(line_overlap=0)
    with pytest.raises(ValueError, match="segment_gap"):
        LayoutSettings(cjk_space=3.0, segment_gap=2.0)
