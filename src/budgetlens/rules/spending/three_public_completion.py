"""three-public-completion-rate: a “三公” item's stated 完成预算 R% is its 决算数 ÷ 预算数 (T-02)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Evidence, Finding
from budgetlens.rules.narrative.figures import (
    COMPLETION,
    NUM,
    half_unit,
    narrative_decimals,
    number,
    percent_agrees,
    ratio_bounds,
    rounded,
    text_evidence,
    text_finding,
    tolerance,
    wan,
)
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.three_public import (
    ACTUAL,
    BUDGET,
    Figures,
    StatedItem,
    digits_of,
    in_wan,
    stated_items,
    table_figures,
)

RATE = re.compile(
    rf"(?:完成|占)(?:年初|全年)?预算数?(?:\s*(?P<b>{NUM})\s*(?P<ub>万元|元))?\s*的\s*(?P<r>{NUM})\s*%"
)


@register
class ThreePublicCompletionRate(Rule):
    """例：说明第 19 行“公务接待费支出决算为 0.9 万元，完成预算的 15.52%”：“三公”表公务接待费预算数 5.80，
    0.9 ÷ 5.80 = 15.52%，相符；印为 51.52% 则报告。
    """

    id = "three-public-completion-rate"
    title = "“三公”经费完成预算比例与决算数、预算数一致"
    description = (
        "决算“三公”经费说明中各项“支出决算为 B 万元，完成（占）预算的 R%”，R 按 B ÷ 预算数重算（T-02）："
        "预算数取同一句所述该项预算数，没有时取“三公”经费支出决算表该项预算数。B、预算数各有末位半个单位、"
        "R 有其印制末位半个单位的尾数误差，区间不相交才报告；预算数为 0 时不检查。句中同时写明“预算为 A "
        "万元，决算为 B 万元，完成预算的 R%”的，由 narrative-completion-rate 检查。"
    )
    severity = "error"
    tags = ("三公", "narrative", "completion-rate")
    template = (
        "说明第 {line} 行“{quote}”：{item}决算 {actual} 万元 ÷ 预算 {budget} 万元 = {ratio}%，"
        "印为 {printed}%，应为 {expected}%"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        if document.kind != "final_account":
            return
        table = table_figures(document)
        entries = stated_items(document)
        seen: set[int] = set()
        for entry in entries:
            sentence = entry.sentence
            if id(sentence) in seen or COMPLETION.search(sentence.plain):
                continue
            seen.add(id(sentence))
            mine = [e for e in entries if e.sentence is sentence]
            for match in RATE.finditer(sentence.plain):
                finding = self._check(document, context, mine, match, table)
                if finding is not None:
                    yield finding

    def _check(
        self,
        document: Document,
        context: CheckContext,
        mine: list[StatedItem],
        match: re.Match[str],
        table: Figures,
    ) -> Finding | None:
        actuals = [e for e in mine if e.measure == ACTUAL and e.stated.end <= match.start()]
        printed = number(match["r"])
        if not actuals or printed is None:
            return None
        entry = actuals[-1]
        digits = narrative_decimals(document)
        budget_evidence: Evidence | None = None
        if match["b"]:
            budget, budget_digits, budget_text = wan(match["b"], match["ub"]), digits, match["b"]
        else:
            said = [e for e in mine if e.measure == BUDGET and e.item == entry.item]
            if said:
                budget, budget_digits, budget_text = said[0].stated.amount, digits, said[0].stated.text
            else:
                figures = table.get((entry.item, BUDGET), [])
                if not figures or "年初" in match[0]:  # the table's 预算数 is the 全年预算数
                    return None
                budget = in_wan(figures[0])
                budget_digits = digits_of(figures[0])
                budget_text = str(budget)
                budget_evidence = figures[0].evidence("预算数")
        actual = entry.stated.amount
        if budget is None:
            return None
        bounds = ratio_bounds(
            (actual, half_unit(context, actual, digits)), (budget, half_unit(context, budget, budget_digits))
        )
        if bounds is None or budget == 0:
            return None
        exact = actual * 100 / budget
        expected = rounded(exact, printed)
        if expected == printed or percent_agrees(context, printed, bounds):
            return None
        fields = {
            "item": entry.item,
            "actual": entry.stated.text,
            "budget": budget_text,
            "ratio": str(exact.quantize(Decimal("0.0001"))),
            "printed": match["r"],
            "expected": str(expected),
        }
        evidence = [text_evidence(entry.sentence, "说明原文", printed)]
        if budget_evidence is not None:
            evidence.append(budget_evidence)
        tol = tolerance(context, printed, exact, bounds)
        return text_finding(type(self), entry.sentence, fields, evidence, expected, printed, tol)
