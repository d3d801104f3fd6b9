"""narrative-completion-rate: “年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 R%” has R = B ÷ A."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import (
    COMPLETION,
    half_unit,
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
from budgetlens.rules.registry import CheckContext, Rule, register


@register
class NarrativeCompletionRate(Rule):
    """例：说明第 349 行“年初预算为15.47万元，支出决算为17.86万元，完成年初预算的102.39%”：
    17.86 ÷ 15.47 = 115.45%，不是 102.39%。
    """

    id = "narrative-completion-rate"
    title = "情况说明完成率与预算、决算数一致"
    description = (
        "“（年初/全年）预算（数）为 A 万元，（支出）决算（执行）数为 B 万元，完成（年初）预算的 R%”中，"
        "R 按 B ÷ A 重算（T-02、T-03）：A、B 各有末位半个单位、R 有其印制末位半个单位的尾数误差，区间"
        "不相交才报告。A 为 0 时不检查。适用于功能分类项级科目、“三公”经费和项目绩效自评综述。"
    )
    severity = "error"
    tags = ("narrative", "completion-rate")
    template = (
        "说明第 {line} 行“{quote}”：决算 {actual} 万元 ÷ 预算 {budget} 万元 = {ratio}%，"
        "印为 {printed}%，应为 {expected}%"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        digits = narrative_decimals(document)
        for section in sections(document):
            for sentence in section:
                for match in COMPLETION.finditer(sentence.plain):
                    budget, actual = wan(match["a"], match["ua"]), wan(match["b"], match["ub"])
                    printed = number(match["r"])
                    if budget is None or actual is None or printed is None:
                        continue
                    bounds = ratio_bounds(
                        (actual, half_unit(context, actual, digits)),
                        (budget, half_unit(context, budget, digits)),
                    )
                    if bounds is None:
                        continue
                    exact = actual * 100 / budget
                    expected = rounded(exact, printed)
                    if expected == printed or percent_agrees(context, printed, bounds):
                        continue
                    fields = {
                        "actual": match["b"],
                        "budget": match["a"],
                        "ratio": str(exact.quantize(Decimal("0.0001"))),
                        "printed": match["r"],
                        "expected": str(expected),
                    }
                    yield text_finding(
                        type(self),
                        sentence,
                        fields,
                        [text_evidence(sentence, "说明原文", printed)],
                        expected,
                        printed,
                        tolerance(context, printed, exact, bounds),
                    )
