"""Characters → visual lines → text: grouping by box overlap, spacing by gaps.

Lines are found by the *vertical overlap* of character boxes, not by equal baselines: some
producers (ONLYOFFICE exports among them) set Latin digits several points below the CJK glyphs of
the same printed line, and baseline grouping would put every number on a line of its own. A
character joins the line whose band it overlaps by at least `LayoutSettings.line_overlap` of the
smaller height.

Spaces come from gaps, not from the PDF's space characters (producers use runs of spaces, single
spaces or nothing at all to align): a gap wider than a fraction of the character height prints as
one space, a gap wider than `LayoutSettings.segment_gap` heights splits a line into segments
(``部门：国家信访局 … 金额单位：万元`` are two pieces of text that share a baseline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from budgetlens.ingest.pdf_page import Char


@dataclass(frozen=True)
class LayoutSettings:
    """Tolerances, in multiples of the smaller character height (loose box, ≈ font size)."""

    line_overlap: float = 0.5  # vertical overlap that puts two characters on one line
    cjk_space: float = 0.6  # a gap between two CJK characters that prints as a space
    latin_space: float = 0.2  # the same where a Latin letter or digit is on either side
    segment_gap: float = 2.0  # a gap that splits a line into separate pieces of text

    def __post_init__(self) -> None:
        if not 0 < self.line_overlap <= 1:
            raise ValueError("line_overlap must be in (0, 1]")
        if not 0 < self.latin_space <= self.cjk_space < self.segment_gap:
            raise ValueError("need 0 < latin_space <= cjk_space < segment_gap")


DEFAULT_LAYOUT = LayoutSettings()
MIN_HEIGHT = 0.1  # points; a character box without height still has a band


class Line(NamedTuple):
    """Characters printed on one visual line, left to right, and the band they cover."""

    chars: tuple[Char, ...]
    top: float
    bottom: float

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)


def make_line(chars: list[Char]) -> Line:
    ordered = tuple(sorted(chars, key=lambda c: c.x0))
    return Line(ordered, min(c.top for c in ordered), max(c.bottom for c in ordered))


def chars_to_lines(chars: list[Char], settings: LayoutSettings = DEFAULT_LAYOUT) -> list[Line]:
    """Group characters into visual lines, top to bottom; whitespace characters are dropped."""
    printed = sorted((c for c in chars if not c.text.isspace()), key=lambda c: c.top + c.bottom)
    groups: list[list[Char]] = []
    band_top = band_bottom = 0.0
    share = settings.line_overlap
    for char in printed:  # once per character of the document: plain comparisons, no min()/max()
        top, bottom = char.top, char.bottom
        height = bottom - top if bottom - top > MIN_HEIGHT else MIN_HEIGHT
        if groups:
            band = band_bottom - band_top
            lower = bottom if bottom < band_bottom else band_bottom
            overlap = lower - (top if top > band_top else band_top)
            if overlap >= share * (height if height < band else band):
                groups[-1].append(char)
                if height > band:  # the tallest character sets the band
                    band_top, band_bottom = top, top + height
                continue
        groups.append([char])
        band_top, band_bottom = top, top + height
    return [make_line(g) for g in groups]


def line_to_segments(line: Line, settings: LayoutSettings = DEFAULT_LAYOUT) -> list[Line]:
    """Split a line where a gap is wider than `segment_gap` character heights."""
    segments: list[list[Char]] = [[line.chars[0]]]
    for previous, char in zip(line.chars, line.chars[1:], strict=False):
        if char.x0 - previous.x1 > settings.segment_gap * _em(previous, char):
            segments.append([char])
        else:
            segments[-1].append(char)
    return [make_line(s) for s in segments]


def line_to_text(line: Line, settings: LayoutSettings = DEFAULT_LAYOUT) -> str:
    """The text of a line, with one space for each gap a reader would see as a space."""
    previous = line.chars[0]
    parts = [previous.text]
    for char in line.chars[1:]:
        gap = char.x0 - previous.x1
        if gap > settings.latin_space:  # cheap test first: most neighbours touch
            latin = _latin(previous.text) or _latin(char.text)
            if gap > (settings.latin_space if latin else settings.cjk_space) * _em(previous, char):
                parts.append(" ")
        parts.append(char.text)
        previous = char
    return "".join(parts)


def lines_to_text(lines: list[Line], settings: LayoutSettings = DEFAULT_LAYOUT) -> str:
    """Lines of one cell joined top to bottom: no separator, except a space between two words."""
    text = ""
    for line in lines:
        piece = line_to_text(line, settings)
        if text and text[-1].isascii() and text[-1].isalpha() and piece[0].isascii() and piece[0].isalpha():
            text += " "
        text += piece
    return text


def _em(a: Char, b: Char) -> float:
    return max(min(a.bottom - a.top, b.bottom - b.top), 1.0)


def _latin(text: str) -> bool:
    return text.isascii() and text.isalnum()
