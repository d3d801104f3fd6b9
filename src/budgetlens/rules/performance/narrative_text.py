"""What the 情况说明 says about performance: stated self-evaluation scores, grades, bands and counts.

Paragraphs are NFKC-folded (rules/narrative/figures.py ``fold``) so ``（含）`` and ``，`` match as
ASCII; a number may keep the stray space of PDF conversion (``16. 57``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.amounts import parse_amount
from budgetlens.model import Document, Paragraph
from budgetlens.rules.narrative.figures import fold
from budgetlens.rules.performance.profiles import GradeBand

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\s?\d+)?|\d+(?:\.\s?\d+)?"
SCORE = re.compile(rf"自评(?:得)?分(?:为|是)?\s*(?P<s>{NUM})\s*分?")
GRADE = re.compile(
    r"(?:评价等级|等级|等次)?为\s*[“\"]?(?P<g>优|良|中|差)(?:秀|好|等)?[”\"]?(?:等级|等次)?(?=[。,;]|$)"
)
SPENT = re.compile(rf"(?:执行数|实际支出|项目支出)\s*(?:为)?\s*(?P<n>{NUM})\s*万元")
BUDGET = re.compile(rf"全年预算数?\s*(?:为)?\s*(?P<n>{NUM})\s*万元")
BAND = re.compile(
    r"(?P<min>\d+)\s*\(含\)\s*(?:分)?\s*[-~至—–]\s*\d+\s*分?(?:之间)?(?:的)?为\s*(?P<g>优|良|中|差)"
)
COUNT = re.compile(
    r"反映[^。;]*?(?P<n>\d+)\s*个(?:一级)?项目[^。;]*?自评结果"
    r"|反映[^。;]*?自评结果[^。;]*?共涉及\s*(?P<m>\d+)\s*个(?:一级)?项目"
)


@dataclass(frozen=True)
class Stated:
    """A paragraph of the narrative with its folded text."""

    paragraph: Paragraph
    plain: str


def paragraphs(document: Document) -> Iterator[Stated]:
    for section in document.narrative:
        for paragraph in section.paragraphs:
            yield Stated(paragraph, fold(paragraph.text))


def number(text: str) -> Decimal | None:
    return parse_amount(text.replace(" ", ""))


def printed_bands(document: Document) -> tuple[GradeBand, ...] | None:
    """The grade bands the document prints (“综合得分在 90（含）-100 分为优”), when it prints all four."""
    minima: dict[str, Decimal] = {}
    for stated in paragraphs(document):
        for match in BAND.finditer(stated.plain):
            minima.setdefault(match["g"], Decimal(match["min"]))
    minima.setdefault("差", Decimal(0))
    if len(minima) < 4:
        return None
    return tuple(sorted((GradeBand(g, m) for g, m in minima.items()), key=lambda b: -b.minimum))
