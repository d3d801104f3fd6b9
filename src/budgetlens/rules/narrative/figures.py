"""Figures stated in the 情况说明: sentences, amounts (万元 or 元, compared in 万元) and percentages.

Text is NFKC-folded for matching (（）：，；％ become ASCII, ``支 出`` becomes ``支出``) and quoted
as printed. A number may carry the stray space of PDF conversion (``380. 89``). A figure's label
is the clause before it without numbering, year and subject words
(``2024年度收、支总计 497.84万元`` → ``收、支总计``).

Rounding follows rules/rounding.py: a stated amount or percentage is rounded to its own printed
digit (prose rounds freely: the policy's "cell" precision), a table figure to its table's, and a
ratio agrees when the interval the rounded inputs allow meets the interval the printed percentage
stands for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from budgetlens.amounts import parse_amount
from budgetlens.model import Document, Paragraph
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.per_check import per_check, per_check_text
from budgetlens.rules.registry import CheckContext, Rule
from budgetlens.rules.rounding import decimals

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\s?\d+)?|\d+(?:\.\s?\d+)?"
AMOUNT = re.compile(rf"(?<![\d.])(?P<num>{NUM})\s*(?P<unit>万元|元)")
PERCENT = re.compile(rf"(?<![\d.])(?P<num>{NUM})\s*%")
PAIR = (
    rf"预算数?为\s*(?P<a>{NUM})\s*(?P<ua>万元|元)\s*,?\s*(?:支出)?(?:决算|执行)数?为\s*(?P<b>{NUM})"
    r"\s*(?P<ub>万元|元)"
)
COMPLETION = re.compile(PAIR + rf"\s*,?\s*完成(?:年初|全年)?预算数?的\s*(?P<r>{NUM})\s*%")
_UP, _DOWN = ("增加", "增长", "上升", "提高"), ("减少", "下降", "降低")
CHANGE = re.compile(
    rf"(?P<verb>{'|'.join(_UP + _DOWN)})\s*(?P<x>{NUM})\s*(?P<ux>万元|元)\s*,?\s*(?:同比)?"
    rf"(?P<rate_verb>{'|'.join(_UP + _DOWN)})\s*(?P<y>{NUM})\s*%"
)
# 决算数大于年初预算数 12.38 万元 / 支出决算数小于年初预算数 / 决算数与年初预算数持平
COMPARISON = re.compile(
    r"(?:决算|执行)数?(?:(?P<cmp>大于|小于|等于|超过|超出|高于|低于)|与)(?:年初|全年)?预算数?"
    rf"(?:(?P<flat>持平|相等|一致)|\s*(?P<x>{NUM})\s*(?P<ux>万元|元))?"
)
_ENDS = re.compile(r"(?<=[。！？；;!?])")
_CLAUSE = re.compile(r"[,;:。!?]")
_PREFIX = re.compile(
    r"^(?:\s|\d{1,2}\s*[.、](?!\d)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)"
    r"|\d{4}\s*年度?|本年度?|本部门|本单位|我部门|我单位|全年|其中)+"
)
_SUFFIX = re.compile(r"(?:为|是|共计|共|达)$")
# Sections and sentences about other funds or topics: their 基本支出, 合计 … are not the tables' totals.
OTHER_TOPICS = (
    "政府性基金",
    "国有资本",
    "三公",
    "社会保险",
    "机关运行",
    "绩效",
    "政府采购",
    "一般性支出",
    "国有资产",
    "附件",
    "名词解释",
    "重点工作",
)
WAN = Decimal(10000)


_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


@per_check_text  # the rules fold the same sentences many times over
def fold(text: str) -> str:
    """NFKC-folded, without the spaces line breaks left between two Chinese characters (``支 出``)."""
    return _CJK_GAP.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph; ``headings`` are its section's and the enclosing sections' headings."""

    paragraph: Paragraph
    headings: str
    text: str
    plain: str
    before: str

    @property
    def line(self) -> int | None:
        return self.paragraph.at.line


@dataclass(frozen=True)
class Stated:
    """An amount the text states, in 万元, with the clause label before it."""

    label: str
    text: str
    amount: Decimal
    start: int
    end: int


@dataclass(frozen=True)
class Percent:
    text: str
    value: Decimal
    start: int
    end: int


@per_check
def sections(document: Document) -> list[list[Sentence]]:
    """The narrative as sections of sentences, in document order."""
    result: list[list[Sentence]] = []
    stack: list[tuple[int, str]] = []
    for section in document.narrative:
        stack = [(level, heading) for level, heading in stack if level < section.level]
        stack.append((section.level, fold(section.heading)))
        headings = " ".join(h for _, h in stack)
        found: list[Sentence] = []
        for paragraph in section.paragraphs:
            before = ""
            for text in (t for t in _ENDS.split(paragraph.text) if t.strip()):
                plain = fold(text)
                found.append(Sentence(paragraph, headings, text.strip(), plain, before))
                before += plain
        result.append(found)
    return result


def label(text: str, unit_name: str | None = None) -> str:
    """The label of a clause: numbering, years and subject words dropped, spaces removed."""
    clause = _CLAUSE.split(text)[-1]
    if unit_name:
        clause = clause.replace(fold(unit_name), "")
    clause = _PREFIX.sub("", clause.replace(" ", ""))
    return _SUFFIX.sub("", clause)


def number(text: str) -> Decimal | None:
    return parse_amount(text)


def wan(text: str, unit: str) -> Decimal | None:
    """A printed amount in 万元 (``元`` amounts ÷ 10000)."""
    value = number(text)
    return value.scaleb(-4) if value is not None and unit == "元" else value


def pair(sentence: Sentence) -> tuple[Decimal, Decimal] | None:
    """The one (预算 A, 决算 B) pair of the sentence's paragraph; None when there is none or several."""
    found = list(re.finditer(PAIR, fold(sentence.paragraph.text)))
    if len(found) != 1:
        return None
    budget, actual = wan(found[0]["a"], found[0]["ua"]), wan(found[0]["b"], found[0]["ub"])
    return None if budget is None or actual is None else (budget, actual)


def rising(verb: str) -> bool:
    """True for 增加/增长/上升/提高, False for 减少/下降/降低."""
    return verb in _UP


def amounts(sentence: Sentence, unit_name: str | None = None) -> list[Stated]:
    found = []
    for match in AMOUNT.finditer(sentence.plain):
        value = wan(match["num"], match["unit"])
        if value is None:
            continue
        found.append(
            Stated(label(sentence.plain[: match.start()], unit_name), match["num"], value, *match.span())
        )
    return found


def percents(sentence: Sentence) -> list[Percent]:
    found = []
    for match in PERCENT.finditer(sentence.plain):
        value = number(match["num"])
        if value is not None:
            found.append(Percent(match["num"], value, *match.span()))
    return found


def topic(sentence: Sentence, upto: int) -> str:
    """``other`` (another fund or topic), ``gpb`` (一般公共预算), ``fiscal`` (财政拨款) or ``all``."""
    near = (sentence.headings + sentence.plain[:upto]).replace(" ", "")
    if any(word in near for word in OTHER_TOPICS):
        return "other"
    wide = (sentence.headings + sentence.before + sentence.plain[:upto]).replace(" ", "")
    if "一般公共预算" in wide:
        return "gpb"
    return "fiscal" if "财政拨款" in wide else "all"


def narrative_decimals(document: Document) -> int:
    """The digit a stated figure is taken to be rounded to, beyond its own printed one: none.

    Prose rounds freely (``收入预算19,577万元`` for a table's 195,774,300 元), so each stated figure
    counts at its own printed digit, as the policy's ``"cell"`` precision does; table figures keep
    their table's precision.
    """
    return 0


def half_unit(context: CheckContext, amount: Decimal, digits: int) -> Decimal:
    return context.rounding.half_unit(amount, table_decimals=digits)


def ratio_bounds(
    part: tuple[Decimal, Decimal], base: tuple[Decimal, Decimal]
) -> tuple[Decimal, Decimal] | None:
    """100 × part / base over the (value, half unit) intervals; None when the base may be 0."""
    (p, hp), (b, hb) = part, base
    if b - hb <= 0:
        return None
    return (max(p - hp, Decimal(0)) * 100 / (b + hb), (p + hp) * 100 / (b - hb))


def rounded(value: Decimal, like: Decimal) -> Decimal:
    """``value`` rounded half up to the digits ``like`` prints."""
    return value.quantize(Decimal(1).scaleb(-decimals(like)), rounding=ROUND_HALF_UP)


def percent_agrees(context: CheckContext, printed: Decimal, bounds: tuple[Decimal, Decimal]) -> bool:
    half = half_unit(context, printed, 0)
    return printed - half <= bounds[1] and printed + half >= bounds[0]


def tolerance(
    context: CheckContext, printed: Decimal, exact: Decimal, bounds: tuple[Decimal, Decimal]
) -> Decimal:
    spread = max(bounds[1] - exact, exact - bounds[0])
    return (half_unit(context, printed, 0) + spread).quantize(Decimal("0.0001"))


def quote(sentence: Sentence) -> str:
    return sentence.text if len(sentence.text) <= 120 else sentence.text[:118] + "……"


def text_evidence(sentence: Sentence, role: str, amount: Decimal | None) -> Evidence:
    return Evidence(role=role, text=sentence.text, amount=amount, at=sentence.paragraph.at)


def text_finding(  # noqa: PLR0917 - a finding's parts, all required
    rule: type[Rule],
    sentence: Sentence,
    fields: dict[str, str],
    evidence: Iterable[Evidence],
    expected: Decimal | None,
    actual: Decimal | None,
    tol: Decimal | None = None,
    where: Location | None = None,
) -> Finding:
    """A finding pointing at the sentence's paragraph (and, when given, the table cell compared)."""
    at = sentence.paragraph.at
    location = where or Location()
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=rule.template.format(line=at.line or "?", quote=quote(sentence), **fields),
        location=Location(
            page=at.page,
            line=at.line,
            table=location.table,
            title=location.title,
            code=location.code,
            label=location.label,
            column=location.column,
        ),
        evidence=tuple(evidence),
        expected=expected,
        actual=actual,
        tolerance=tol,
        extra={"sentence": sentence.text},
    )
