"""Years a document prints, and which of them its report year allows.

A disclosure is about one year (``Document.year``); titles and headings print that year, the text
may also compare with the year before (上年, 与 2023 年度相比) and a final account may speak of the
next year's budget (在编制 2025 年预算时). Other years in policy text (2035 年远景目标, 文件日期)
are no report years, so the text rule only reads a year that directly names a budget or account.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from budgetlens.model import Document

YEAR = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d{2})\s*年\s*(?:度)?")
# 2024年度部门决算 / 2026年预算单位… / 2025 年预算 / 2024年“三公”经费：a year that names the accounts.
REPORT_WORDS = (
    r"\s*(?:本部门|本单位|我部门|我单位|部门|单位|本级|市级|区级|县级)?\s*(?:预算|决算|收入|支出|收支|财政拨款|一般公共预算"
    r"|政府性基金|国有资本|[“\"]?三公|机关运行|政府采购|项目支出|部门整体|整体支出|绩效)"
)
REPORT_YEAR = re.compile(YEAR.pattern + REPORT_WORDS)
COMPARING = ("相比", "比较", "对比", "较", "比上年", "上年", "执行", "同比")


@dataclass(frozen=True)
class YearMention:
    year: int
    text: str
    start: int


def years_in(text: str, pattern: re.Pattern[str] = YEAR) -> Iterator[YearMention]:
    for match in pattern.finditer(text):
        yield YearMention(int(match["year"]), match.group(0).strip(), match.start())


def heading_allows(document: Document, year: int, text: str) -> bool:
    """A title or heading may print the report year, and the year before only to compare with it."""
    if document.year is None or year == document.year:
        return True
    return year == document.year - 1 and any(word in text for word in COMPARING)


def text_allows(document: Document, year: int, text: str) -> bool:
    """The text may name the report year, the year before and, in a final account, next year's budget."""
    if document.year is None or year in (document.year, document.year - 1):
        return True
    return document.kind == "final_account" and year == document.year + 1 and "预算" in text
