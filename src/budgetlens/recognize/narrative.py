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
_TABLES_PART = re.compile(
    r"^[^，。；：:、]*\d{4}\s*年度?\s*(?:部门|单位)(?:预算|决算)表$"
)  # printed unnumbered
HEADING_MAX = 40
WRAPPED_END = 4
TITLE_ENDINGS = ("说明", "情况")
_COLON = re.compile(r"[：:]")
_SENTENCE_MARKS = re.compile(r"[，,：:；;\d]")
_CAPTION = re.compile(r"^图\s*\d+\s*[：:]")
_BARE_FIGURE = re.compile(r"^[\d.,%\s]+$")
_HEADING_WITH_TEXT = re.compile(r"^([一二三四五六七八九十]+、\S{2,38}?(?:说明|情况))\s+(\S.*)$")
SENTENCE_ENDS = ("。", "！", "？", "：", ":", "；", ";", "）", ")", "”")


def heading_level(text: str) -> int | None:
    """The depth of a heading line, or None for a paragraph (long or sentence-like lines)."""
    if len(text) > HEADING_MAX or text.endswith(("；", ";", ",", "，", "、")) or _COLON.search(text[:-1]):
        return None
    if text.endswith("。") and _SENTENCE_MARKS.search(text[:-1]):
        return None  # a sentence; a short numbered title may still end with 。
    if "。" in text[:-1] or _BARE_FIGURE.match(text):
        return None  # a run-in title and its text (（一）基本支出。基本支出预算…); a chart label (4.87%)
    for level, pattern in _LEVELS:
        if pattern.match(text):
            return level
    return None


def split_heading(text: str) -> tuple[str, str] | None:
    """A heading printed on one line with its text (``七、…情况说明 本部门当年无…``)."""
    match = _HEADING_WITH_TEXT.match(text)
    if match and heading_level(match.group(1)) is not None:
        return match.group(1), match.group(2)
    return None


def lines_to_sections(lines: list[TextLine], *, join_pages: bool = True) -> list[Section]:
    """Narrative lines → sections; ``join_pages=False`` (sheets) never joins across a page change."""
    sections: list[Section] = []
    previous_page: int | None = None
    for line in lines:
        level = heading_level(line.text)
        if level is None and not join_pages and line.at.page != previous_page and _title_like(line.text):
            level = 0  # a sheet's opening title (``XX（单位）机构设置``, ``名词解释``)
        previous_page = line.at.page
        if line.list_item and not line.text.rstrip("。").endswith(TITLE_ENDINGS):
            level = None  # a bullet is list text, unless it names a 说明/情况 part
        current = sections[-1] if sections else None
        parts = split_heading(line.text) if level is None and not line.list_item else None
        if parts is not None:
            heading, text = parts
            sections.append(
                Section(
                    heading,
                    heading_level(heading) or 0,
                    line.at,
                    [Paragraph(text, line.at, line.confidence)],
                    line.confidence,
                )
            )
            continue
        if current and _BARE_PART.match(current.heading) and not current.paragraphs and level is None:
            current.heading += " " + line.text  # 第一部分 printed above its title
            current.confidence = weakest(current.confidence, line.confidence)
        elif level is None and _TABLES_PART.match(line.text) and not line.list_item:
            sections.append(Section(line.text, 0, line.at, confidence=line.confidence))  # 2024 年度部门决算表
        elif current and not current.paragraphs and _wrapped_heading_end(current, line):
            current.heading += line.text.strip()  # ``第三部分 …决算情况`` / ``说明``
            current.confidence = weakest(current.confidence, line.confidence)
        elif level is not None:
            sections.append(Section(line.text, level, line.at, confidence=line.confidence))
        elif current is None:
            sections.append(Section("", 0, line.at, [Paragraph(line.text, line.at, line.confidence)]))
        elif _continues(current, line, join_pages):
            last = current.paragraphs[-1]
            last.text += line.text  # the page broke the paragraph
            last.confidence = weakest(last.confidence, line.confidence)
        else:
            current.paragraphs.append(Paragraph(line.text, line.at, line.confidence))
    return sections


def _wrapped_heading_end(section: Section, line: TextLine) -> bool:
    """The last word of a part heading the print wrapped onto the next line (``说明``)."""
    text = line.text.strip()
    follows = section.at.line is not None and line.at.line == section.at.line + 1
    same_page = line.at.page == section.at.page
    short = len(text) <= WRAPPED_END and text.endswith(TITLE_ENDINGS)
    return section.level == 0 and follows and same_page and short


def _continues(section: Section, line: TextLine, join_pages: bool) -> bool:
    """The line goes on the section's last paragraph: it ends mid-sentence on the same page or sheet."""
    if not section.paragraphs or section.paragraphs[-1].text.endswith(SENTENCE_ENDS):
        return False
    if _CAPTION.match(line.text) or _CAPTION.match(section.paragraphs[-1].text):
        return False  # a figure's caption (图1：收入预算) is a paragraph of its own
    return join_pages or line.at.page == section.paragraphs[-1].at.page


def weakest(a: float | None, b: float | None) -> float | None:
    """The OCR confidence of joined text: its weakest line's (None when neither was read by OCR)."""
    return b if a is None else a if b is None else min(a, b)


def _title_like(text: str) -> bool:
    return len(text) <= HEADING_MAX and not text.endswith(SENTENCE_ENDS) and not _COLON.search(text)
