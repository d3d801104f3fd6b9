"""performance-overall-funds: the 部门整体支出绩效目标表's funds are the budget's totals."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.performance.items import evidence, expenditure_totals, location, performance_items
from budgetlens.rules.registry import CheckContext, Rule, register

PAIRS = (("资金总额", "合计"), ("基本支出", "基本支出"), ("项目支出", "项目支出"))


@register
class PerformanceOverallFunds(Rule):
    """例：部门整体支出绩效目标表资金总额 353.11 万元、项目支出 178.00 万元，与支出总表合计行一致（种子 000
    第 456 行与第 88 行）；印错任一数即报告。
    """

    id = "performance-overall-funds"
    title = "整体绩效目标表资金与支出总表一致"
    description = (
        "部门预算：部门整体支出绩效目标表的资金总额、基本支出、项目支出与支出总表合计行的合计、基本支出、"
        "项目支出相等（同为万元时比较，精确到分）。"
    )
    severity = "error"
    tags = ("performance", "cross-table", "amount")
    template = "{item}：整体绩效目标表{fact} {printed} 万元，支出总表合计行{column}为 {expected} 万元"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        found = expenditure_totals(document)
        if found is None:
            return
        table, totals = found
        for target, item in performance_items(document):
            if target.type != "performance.overall_targets":
                continue
            for name, column in PAIRS:
                cell, total = item.facts.get(name), totals.get(column)
                if cell is None or total is None or cell.amount is None or total.amount is None:
                    continue
                if cell.amount == total.amount:
                    continue
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(
                        item=item.name, fact=name, printed=cell.amount, column=column, expected=total.amount
                    ),
                    location=location(target, item, cell.at, column=name),
                    evidence=(evidence(name, cell, target), evidence(column, total, table, column=column)),
                    expected=total.amount,
                    actual=cell.amount,
                )
