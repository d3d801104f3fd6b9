"""performance-scores-sum: the indicator scores and the execution score add up to the printed 总分."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.performance.items import (
    evidence,
    fund_rows,
    indicator_evidence,
    is_self_eval,
    location,
    performance_items,
    total,
)
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.rounding import decimals


@register
class PerformanceScoresSum(Rule):
    """例：种子 004“办公场地能耗费”项目自评表执行率得分 10 与各指标得分之和为 94.5，总分行得分印为
    99.5，说明中也写“绩效自评分为 99.5 分”。
    """

    id = "performance-scores-sum"
    title = "绩效指标得分之和等于总分"
    description = (
        "自评表：各三级指标得分 + 预算执行率得分 = 总分（合计）行的得分。每个得分各自四舍五入到其印制"
        "末位，n 个得分之和与总分之差不超过各自末位半个单位之和时不报告。任一指标的得分未印时不检查。"
    )
    severity = "error"
    tags = ("performance", "scores")
    template = "{item}：各指标得分与执行率得分之和为 {computed}，总分印为 {printed}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table, item in performance_items(document):
            printed_cell = total(item, "得分")
            scores = [i.score for i in item.indicators]
            if not is_self_eval(table) or printed_cell is None or printed_cell.amount is None:
                continue
            if not scores or any(s is None for s in scores):
                continue
            parts = [s for s in scores if s is not None]
            execution = fund_rows(item)[0].score
            if execution is not None and execution.amount is not None:
                parts.append(execution.amount)
            computed = sum(parts, Decimal(0))
            printed = printed_cell.amount
            digits = max(decimals(p) for p in [*parts, printed])  # the finest digit the table prints
            slack = context.rounding.tolerance((p, digits) for p in [*parts, printed])
            if abs(computed - printed) <= slack:
                continue
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(item=item.name, computed=computed, printed=printed),
                location=location(table, item, printed_cell.at, column="得分"),
                evidence=(
                    *(
                        indicator_evidence("指标得分", i, str(i.score), i.score, table)
                        for i in item.indicators
                    ),
                    *((evidence("执行率得分", execution, table),) if execution is not None else ()),
                    evidence("总分", printed_cell, table),
                ),
                expected=computed,
                actual=printed,
                tolerance=slack,
            )
