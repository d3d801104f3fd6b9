"""performance-project-count: the number of self-evaluated projects the 情况说明 states (T-08)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.performance.narrative_text import COUNT, paragraphs
from budgetlens.rules.registry import CheckContext, Rule, register


@register
class PerformanceProjectCount(Rule):
    """例：西安市卫生健康委员会 2022 年决算（样本 43）第 23 页称“反映机场入境人员核酸检测费用等82个一级项目
    的绩效自评结果”，第 32 页称 87 个，文档印出 87 张项目支出绩效自评表。
    """

    id = "performance-project-count"
    title = "说明所述自评项目个数与自评表个数一致"
    description = (
        "情况说明中“（在部门决算中）反映……N 个（一级）项目（的）绩效自评结果”或“反映……绩效自评结果，共涉及 N "
        "个一级项目”的 N 与文档印出的项目支出绩效自评表个数比对（T-08）。文档没有项目自评表时不检查。"
    )
    severity = "error"
    tags = ("performance", "narrative", "count")
    template = "说明第 {line} 行称反映 {stated} 个项目的绩效自评结果，文档印出 {printed} 张项目自评表"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        printed = sum(
            len(t.performance) for t in document.tables if t.type == "performance.project_self_eval"
        )
        if not printed:
            return
        for stated in paragraphs(document):
            for match in COUNT.finditer(stated.plain):
                count = int(match["n"] or match["m"])
                if count == printed:
                    continue
                at = stated.paragraph.at
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(line=at.line, stated=count, printed=printed),
                    location=Location(page=at.page, line=at.line),
                    evidence=(Evidence("说明原文", match.group(0), Decimal(count), at),),
                    expected=Decimal(printed),
                    actual=Decimal(count),
                )
