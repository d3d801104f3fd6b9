"""narrative-share: “X 万元，占 Y%” agrees with X and the base it is a share of (T-01)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Evidence, Finding
from budgetlens.rules.narrative.figures import (
    NUM,
    Sentence,
    Stated,
    amounts,
    fold,
    half_unit,
    label,
    narrative_decimals,
    number,
    percent_agrees,
    ratio_bounds,
    rounded,
    sections,
    text_evidence,
    text_finding,
    tolerance,
    wan,
)
from budgetlens.rules.narrative.table_figure import candidates, in_wan
from budgetlens.rules.registry import CheckContext, Rule, register

SHARE = re.compile(
    rf"(?<![\d.])(?P<num>{NUM})\s*(?P<unit>万元|元)\s*,?\s*占(?P<base>[^\d%,;:。]*?)\s*(?P<pct>{NUM})\s*%"
)
_INTRO = re.compile(rf"(?P<num>{NUM})\s*(?P<unit>万元|元)\s*,?\s*(?:其中|主要\s*用于)")
_ITEM = re.compile(r"^\s*\d{1,2}\s*[.、](?!\d)")
# A named base → the labels the text states it with; 收入/支出合计 fall back to the tables.
BASES: dict[str, tuple[str, ...]] = {
    "本年收入": ("收入合计", "本年收入合计"),
    "本年收入合计": ("收入合计", "本年收入合计"),
    "收入合计": ("收入合计", "本年收入合计"),
    "本年支出": ("支出合计", "本年支出合计"),
    "本年支出合计": ("支出合计", "本年支出合计"),
    "支出合计": ("支出合计", "本年支出合计"),
    "基本支出": ("基本支出", "财政拨款基本支出", "一般公共预算财政拨款基本支出"),
    "政府采购支出总额": ("政府采购支出总额",),
    "授予中小企业合同金额": ("授予中小企业合同金额",),
}
_TABLE_BASES = ("本年收入", "本年收入合计", "收入合计", "本年支出", "本年支出合计", "支出合计")


def _intro(text: str) -> Decimal | None:
    """The amount a list is introduced with (``497.84万元，主要用于以下方面：``), last one in ``text``."""
    found = list(_INTRO.finditer(text))
    return wan(found[-1]["num"], found[-1]["unit"]) if found else None


def _implicit_base(section: list[Sentence], index: int, start: int) -> Decimal | None:
    sentence = section[index]
    base = _intro(sentence.before + sentence.plain[:start])
    if base is not None or sentence.before or not _ITEM.match(sentence.plain):
        return base
    paragraphs = []  # earlier paragraphs of the section, nearest first
    for earlier in reversed(section[:index]):
        if earlier.paragraph is not sentence.paragraph and earlier.paragraph not in paragraphs:
            paragraphs.append(earlier.paragraph)
    for paragraph in paragraphs:
        text = fold(paragraph.text).rstrip()
        if text.endswith(":"):
            return _intro(text)
        if not _ITEM.match(text):
            return None
    return None


@register
class NarrativeShare(Rule):
    """例：说明第 319 行“基本支出218.5万元，占56.34%”：218.5 ÷ 支出合计 387.79 = 56.345%，
    印为 56.34% 与之相符；若印为 65.34% 则报告。
    """

    id = "narrative-share"
    title = "情况说明占比与金额一致"
    description = (
        "“X 万元，占 Y%”按所述金额与其基数重算（T-01）：基数为句中所指的本年收入（支出）合计、基本支出、"
        "政府采购支出总额、授予中小企业合同金额等（取同一节中前文所述金额，收入、支出合计没有时取表格），"
        "或为“X 万元，其中：”“X 万元，主要用于以下方面：”引出的总额。按印制位数比较：金额各有末位半个"
        "单位、百分比有其末位半个单位的尾数误差，区间不相交才报告。无法确定基数的句子不检查。"
    )
    severity = "error"
    tags = ("narrative", "share")
    template = (
        "说明第 {line} 行“{quote}”：{label} {amount} 万元 ÷ {base_label} {base} 万元 = {ratio}%，"
        "印为 {printed}%，应为 {expected}%"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        digits = narrative_decimals(document)
        for section in sections(document):
            for index, sentence in enumerate(section):
                for match in SHARE.finditer(sentence.plain):
                    finding = self._check(document, context, section, index, match, digits)
                    if finding is not None:
                        yield finding

    def _base(
        self, document: Document, section: list[Sentence], index: int, match: re.Match[str], digits: int
    ) -> tuple[Decimal, int, str, Evidence | None] | None:
        sentence = section[index]
        name = match["base"].replace(" ", "").removesuffix("的")
        if not name:
            base = _implicit_base(section, index, match.start())
            return None if base is None else (base, digits, "总额", None)
        labels = BASES.get(name)
        if labels is None:
            return None
        stated: list[Stated] = [
            s
            for earlier in section[: index + 1]
            for s in amounts(earlier, document.unit_name)
            if earlier is not sentence or s.end <= match.start()
        ]
        for found in reversed(stated):
            if found.label in labels:
                return found.amount, digits, found.label, None
        if name in _TABLE_BASES:
            probe = Stated(labels[0], "", Decimal(0), match.start(), match.start())
            figures = candidates(document, sentence, probe)
            if figures:
                value, table_digits = in_wan(figures[0])
                return value, table_digits, figures[0].name(), figures[0].evidence("基数")
        return None

    def _check(  # noqa: PLR0917 - one match with its place
        self,
        document: Document,
        context: CheckContext,
        section: list[Sentence],
        index: int,
        match: re.Match[str],
        digits: int,
    ) -> Finding | None:
        sentence = section[index]
        amount, printed = wan(match["num"], match["unit"]), number(match["pct"])
        resolved = self._base(document, section, index, match, digits)
        if amount is None or printed is None or resolved is None:
            return None
        base, base_digits, base_label, base_evidence = resolved
        part_half = half_unit(context, amount, digits)
        bounds = ratio_bounds((amount, part_half), (base, half_unit(context, base, base_digits)))
        if bounds is None:
            return None
        exact = amount * 100 / base
        if rounded(exact, printed) == printed or percent_agrees(context, printed, bounds):
            return None
        fields = {
            "label": label(sentence.plain[: match.start()], document.unit_name),
            "amount": match["num"],
            "base_label": base_label,
            "base": str(base),
            "ratio": str(exact.quantize(Decimal("0.0001"))),
            "printed": match["pct"],
            "expected": str(rounded(exact, printed)),
        }
        evidence = [text_evidence(sentence, "说明原文", printed)]
        if base_evidence is not None:
            evidence.append(base_evidence)
        tol = tolerance(context, printed, exact, bounds)
        return text_finding(type(self), sentence, fields, evidence, rounded(exact, printed), printed, tol)
