"""history-prior-year-change: a stated change against last year's stored document of the same unit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.history.money import cross_name, wan_and_half
from budgetlens.rules.narrative.change import stated_before
from budgetlens.rules.narrative.figures import (
    CHANGE,
    Sentence,
    half_unit,
    rising,
    sections,
    text_evidence,
    text_finding,
    wan,
)
from budgetlens.rules.narrative.table_figure import candidates
from budgetlens.rules.registry import CheckContext, Rule, register

# No 年初: a change against the 年初预算 is not a change against the prior year.
_PRIOR_YEAR = re.compile(
    r"(?:与|比|较|同比)(?:上年度?|上一年|去年|\d{4}年度?)?(?:决算|预算)?数?(?:相比)?|各$"
)


@register
class PriorYearChange(Rule):
    """例：2024 年决算说明第 311 行“收、支总计 387.79万元。与上年相比，减少 8.73万元”：上年应为
    387.79 + 8.73 = 396.52 万元；库中 2023 年决算的收入支出决算总表「总计」为 400.00 万元，
    报告相差 3.48 万元。
    """

    id = "history-prior-year-change"
    title = "增减额与上年文档一致"
    description = (
        "情况说明“（与上年相比）增加/减少 X 万元”所述的上年数（本年数 ∓ X）应等于库中同一单位上一年同类"
        "文档（预算对预算、决算对决算）中同名数字；本年数取同一段前文所述同名金额，上年数字按"
        " narrative-table-figure 的对应关系在上年文档的表格中查找（金额单位统一为万元，按印制位数计"
        "尾数误差）。"
        "库中没有上年文档或找不到唯一对应数字时不比较。上年数可能经过调整，故为警告。"
    )
    severity = "warning"
    tags = ("history", "narrative", "change")
    template = (
        "说明第 {line} 行“{quote}”：上年{label}应为 {current} {sign} {change} = {prior} 万元，"
        "{where}为 {value} 万元，相差 {difference} 万元"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        prior = context.related.prior_year(document) if context.related else None
        if prior is None:
            return
        for section in sections(document):
            for index, sentence in enumerate(section):
                for match in CHANGE.finditer(sentence.plain):
                    finding = self._compare(document, prior, context, section, index, match)
                    if finding is not None:
                        yield finding

    def _compare(  # noqa: PLR0917 - one match with its place
        self,
        document: Document,
        prior: Document,
        context: CheckContext,
        section: list[Sentence],
        index: int,
        match: re.Match[str],
    ) -> Finding | None:
        sentence = section[index]
        change = wan(match["x"], match["ux"])
        up = rising(match["verb"])
        if change is None or up != rising(match["rate_verb"]):
            return None
        found = stated_before(section, index, match.start(), document.unit_name, _PRIOR_YEAR)
        if found is None:
            return None
        where, stated = found
        figures = candidates(prior, where, stated)
        if not figures:
            return None
        implied = stated.amount - change if up else stated.amount + change
        values = [wan_and_half(context, f) for f in figures]
        tol = half_unit(context, stated.amount, 0) + half_unit(context, change, 0)
        if any(abs(value - implied) <= tol + half for value, half in values):
            return None
        figure, (value, half) = figures[0], values[0]
        fields = {
            "label": stated.label,
            "current": stated.text,
            "sign": "−" if up else "+",
            "change": match["x"],
            "prior": str(implied),
            "where": "库中" + cross_name(figure, prior.year),
            "value": str(value),
            "difference": str(implied - value),
        }
        evidence = (text_evidence(sentence, "说明原文", change), figure.evidence(f"{prior.year} 年文档数"))
        finding = text_finding(type(self), sentence, fields, evidence, value, implied, tol + half)
        return replace(finding, extra={**finding.extra, "related_file": prior.source.name})
