"""performance-target-funds: the project 绩效目标 cover no more money than the budget's 项目支出 (YX-6)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Finding, Location
from budgetlens.rules.performance.items import evidence, expenditure_totals, fact, performance_items
from budgetlens.rules.registry import CheckContext, Rule, register

AMOUNTS = ("年度本级预算金额", "资金总额", "年度资金总额", "项目资金总额")


@register
class PerformanceTargetFunds(Rule):
    """例：项目支出绩效目标表列出 4 个项目共 1,411.67 万元，而支出总表合计行项目支出为 1,311.67 万元。"""

    id = "performance-target-funds"
    title = "绩效目标涉及资金不超过项目支出合计"
    description = (
        "部门预算：项目支出绩效目标表各项目的资金（年度本级预算金额、资金总额）之和不应超过支出总表合计行的"
        "项目支出（YX-6，GovBudgetChecker B-013）。只比较以万元列示的支出总表；目标表只列部分项目时和"
        "可以更小。"
    )
    severity = "warning"
    tags = ("performance", "cross-table", "amount")
    template = "项目支出绩效目标表 {count} 个项目资金合计 {targets} 万元，超过支出总表项目支出 {total} 万元"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        found = expenditure_totals(document)
        if found is None:
            return
        table, totals = found
        total = totals["项目支出"]
        cells = [
            (t, cell)
            for t, item in performance_items(document)
            if t.type == "performance.project_targets" and (cell := fact(item, AMOUNTS)) is not None
        ]
        amounts = [cell.amount for _, cell in cells if cell.amount is not None]
        if not amounts or total.amount is None:
            return
        targets = sum(amounts, Decimal(0))
        if targets <= total.amount:
            return
        first = cells[0][0]
        yield Finding(
            rule=self.id,
            severity=self.severity,
            message=self.template.format(count=len(amounts), targets=targets, total=total.amount),
            location=Location(page=first.at.page, line=first.at.line, table=first.type, title=first.title),
            evidence=(
                *(evidence("项目资金", cell, t) for t, cell in cells),
                evidence("支出总表项目支出", total, table, column="项目支出"),
            ),
            expected=total.amount,
            actual=targets,
        )
