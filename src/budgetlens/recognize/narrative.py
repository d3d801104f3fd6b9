"""Narrative (情况说明) text → sections with headings, levels and paragraphs.

Levels: 0 第一部分, 1 一、, 2 （一）, 3 1. — a heading is a short numbered line; a numbered long line is a
paragraph (``1. 一般公共服务(类)支出 380.89 万元，占 76.51%。``). A paragraph the page layout broke
(the line before ends mid-sentence) is joined back into one.
"""

from __future__ import annotations

import re

from budgetlens.ingest.raw import TextLine
from budgetlens.model import Paragraph, Section

_LEVELS = (
    (0, re.compile(r"^第[一二三四五六七八九十]+部分")),
    (1, re.compile(r"^[一二三四五六七八九十]+、")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
    (3, re.compile(r"^\d{1,2}\s*[.．、]\s*\S")),
)
_BARE_PART = re.compile(r"^第[一二三四五六七八九十]+部分$")
HEADING_MAX = 40
SENTENCE_ENDS = ("。", "！", "？", "：", ":", "；", ";", "）", ")", "”")


def heading_level(text: str) -> int | None:
    """The depth of a heading line, or None for a paragraph (long or sentence-like lines)."""
    if len(text) > HEADING_MAX or text.endswith(("。", "；", ";")) or "：" in text[:-1]:
        return None
    for level, pattern in _LEVELS:
        if pattern.match(text):
            return level
    return None


def lines_to_sections(lines: list[TextLine]) -> list[Section]:
    sections: list[Section] = []
    for line in lines:
        level = heading_level(line.text)
        current = sections[-1] if sections else None
        if current and _BARE_PART.match(current.heading) and not current.paragraphs and level is None:
            current.heading += " " + line.text  # 第一部分 printed above its title
        elif level is not None:
            sections.append(Section(line.text, level, line.at))
        elif current is None:
            sections.append(Section("", 0, line.at, [Paragraph(line.text, line.at)]))
        elif current.paragraphs and not current.paragraphs[-1].text.endswith(SENTENCE_ENDS):
            last = current.paragraphs[-1]
            last.text += line.text  # the page broke the paragraph
        else:
            current.paragraphs.append(Paragraph(line.text, line.at))
    return sections
