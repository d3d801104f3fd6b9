"""narrative-change: “比上年增加/减少 X 万元，增长/下降 Y%” and “决算数大于年初预算数 X 万元” add up."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import (
    CHANGE,
    COMPARISON,
    Sentence,
    Stated,
    amounts,
    half_unit,
    label,
    narrative_decimals,
    number,
    pair,
    percent_agrees,
    ratio_bounds,
    rising,
    rounded,
    sections,
    text_evidence,
    text_finding,
    tolerance,
    wan,
)
from budgetlens.rules.registry import CheckContext, Rule, register

COMPARED_WITH = re.compile(
    r"(?:与|比|较|同比)(?:上年度?|上一年|去年|\d{4}年度?|年初)?(?:决算|预算)?数?(?:相比)?|各$"
)

_VERBS = ("增加", "减少", "增长", "下降", "上升", "降低", "提高")


def stated_before(
    section: list[Sentence],
    index: int,
    start: int,
    unit_name: str | None,
    compared_with: re.Pattern[str] = COMPARED_WITH,
) -> tuple[Sentence, Stated] | None:
    """The amount a change describes and its sentence: the same label stated before it in the
    paragraph or, when the change names nothing (once ``compared_with`` words are dropped), the
    paragraph's earlier amounts if they are all one figure."""
    sentence = section[index]
    before = [
        (earlier, s)
        for earlier in section[: index + 1]
        if earlier.paragraph is sentence.paragraph
        for s in amounts(earlier, unit_name)
        if (earlier is not sentence or s.end <= start) and not s.label.endswith(_VERBS)
    ]
    name = compared_with.sub("", label(sentence.plain[:start], unit_name))
    if not name:
        values = {s.amount for _, s in before}
        return before[-1] if len(values) == 1 else None
    same = [(e, s) for e, s in before if s.label.startswith(name)]
    return same[-1] if same else None


@register
class NarrativeChange(Rule):
    """例：说明第 347 行“收、支总计 497.84万元。与 2023年度相比，收、支总计各减少 338.02万元，
    下降 40.44%”：上年 = 497.84 + 338.02 = 835.86，338.02 ÷ 835.86 = 40.44%，相符；印为 4.44% 则报告。
    """

    id = "narrative-change"
    title = "情况说明增减额与增减幅一致"
    description = (
        "“（比上年）增加/减少 X 万元，增长/下降 Y%”中，Y 按 X ÷ 上年数重算，上年数 = 本年数 ∓ X，本年数"
        "取同一段中前文所述同名金额（增减句未指明对象时，前文金额须唯一）；“决算数大于（小于）年初预算数"
        " X 万元”中 X = |决算数 − 年初预算数|（同一段中只有一组预算、决算数时）。各数按印制位数计尾数误差"
        "（T-02、T-03）。增减方向措辞互相矛盾的句子由 narrative-direction 报告，此处不重算。"
    )
    severity = "error"
    tags = ("narrative", "change")
    template = "说明第 {line} 行“{quote}”：{detail}，印为 {printed}，应为 {expected}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        digits = narrative_decimals(document)
        for section in sections(document):
            for index, sentence in enumerate(section):
                for match in CHANGE.finditer(sentence.plain):
                    finding = self._rate(document, context, section, index, match, digits)
                    if finding is not None:
                        yield finding
                for match in COMPARISON.finditer(sentence.plain):
                    finding = self._difference(context, sentence, match, digits)
                    if finding is not None:
                        yield finding

    def _rate(  # noqa: PLR0917 - one match with its place
        self,
        document: Document,
        context: CheckContext,
        section: list[Sentence],
        index: int,
        match: re.Match[str],
        digits: int,
    ) -> Finding | None:
        sentence = section[index]
        change, printed = wan(match["x"], match["ux"]), number(match["y"])
        up = rising(match["verb"])
        if change is None or printed is None or up != rising(match["rate_verb"]):
            return None
        found = stated_before(section, index, match.start(), document.unit_name)
        if found is None:
            return None
        current = found[1].amount
        prior = current - change if up else current + change
        h_change = half_unit(context, change, digits)
        bounds = ratio_bounds((change, h_change), (prior, half_unit(context, current, digits) + h_change))
        if bounds is None:
            return None
        exact = change * 100 / prior
        expected = rounded(exact, printed)
        if expected == printed or percent_agrees(context, printed, bounds):
            return None
        sign = "−" if up else "+"
        detail = (
            f"上年数 = {current} {sign} {match['x']} = {prior} 万元，"
            f"{match['rate_verb']}幅度 = {match['x']} ÷ {prior} = {exact.quantize(Decimal('0.0001'))}%"
        )
        fields = {"detail": detail, "printed": f"{match['y']}%", "expected": f"{expected}%"}
        evidence = [text_evidence(sentence, "说明原文", printed)]
        tol = tolerance(context, printed, exact, bounds)
        return text_finding(type(self), sentence, fields, evidence, expected, printed, tol)

    def _difference(
        self, context: CheckContext, sentence: Sentence, match: re.Match[str], digits: int
    ) -> Finding | None:
        stated = wan(match["x"], match["ux"]) if match["x"] else None
        figures = pair(sentence)
        if stated is None or figures is None or match["cmp"] is None:
            return None
        budget, actual = figures
        difference = abs(actual - budget)
        tol = half_unit(context, budget, digits) + half_unit(context, actual, digits)
        if abs(stated - difference) <= tol:
            return None
        fields = {
            "detail": f"决算数 {actual} 与年初预算数 {budget} 相差 {difference} 万元",
            "printed": f"{match['x']} 万元",
            "expected": f"{difference} 万元",
        }
        evidence = [text_evidence(sentence, "说明原文", stated)]
        return text_finding(type(self), sentence, fields, evidence, difference, stated, tol)
