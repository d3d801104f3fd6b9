"""Narrative (情况说明) text → sections with headings, levels and paragraphs."""

from __future__ import annotations

import re

from budgetlens.ingest.raw import TextLine
from budgetlens.model import Paragraph, Section

_LEVELS = (
    (1, re.compile(r"^第[一二三四五六七八九十]+部分")),
    (2, re.compile(r"^[一二三四五六七八九十]+、")),
    (3, re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
)
HEADING_MAX = 40


def heading_level(text: str) -> int | None:
    """The depth of a heading line, or None for a paragraph (long or sentence-like lines)."""
    if len(text) > HEADING_MAX or text.endswith(("。", "；", ";")):
        return None
    for level, pattern in _LEVELS:
        if pattern.match(text):
            return level
    return None


_BARE_PART = re.compile(r"^第[一二三四五六七八九十]+部分$")


def lines_to_sections(lines: list[TextLine]) -> list[Section]:
    sections: list[Section] = []
    for line in lines:
        level = heading_level(line.text)
        previous = sections[-1] if sections else None
        if previous and _BARE_PART.match(previous.heading) and not previous.paragraphs and level is None:
            previous.heading += " " + line.text  # 第一部分 printed above its title
        elif level is not None:
            sections.append(Section(line.text, level, line.at))
        elif sections:
            sections[-1].paragraphs.append(Paragraph(line.text, line.at))
        else:
            sections.append(Section("", 0, line.at, [Paragraph(line.text, line.at)]))
    return sections
