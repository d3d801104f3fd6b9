"""performance-weights-sum: the indicator weights and the execution weight add up to the printed total."""

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

HUNDRED = Decimal(100)


@register
class PerformanceWeightsSum(Rule):
    """例：种子 004“办公场地能耗费”项目自评表（第 782–808 行）执行率分值 10 与各指标分值之和为 95，
    总分行分值印为 100：满意度指标（10分）只列了一个 5 分的指标。
    """

    id = "performance-weights-sum"
    title = "绩效指标分值之和等于总分"
    description = (
        "自评表：各三级指标分值 + 预算执行率分值 = 总分（合计）行的分值，未印总分行时为 100；目标表："
        "各指标权重之和为 100（或留出执行率分值后的 90）。任一指标的分值未印（单元格丢失）时不检查。"
    )
    severity = "error"
    tags = ("performance", "weights")
    template = "{item}：各指标分值与执行率分值之和为 {computed}，总分印为 {printed}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table, item in performance_items(document):
            weights = [i.weight for i in item.indicators]
            if not weights or any(w is None for w in weights):
                continue
            computed = sum((w for w in weights if w is not None), Decimal(0))
            funds = fund_rows(item)[0]
            execution = funds.weight if is_self_eval(table) else None
            if execution is not None and execution.amount is not None:
                computed += execution.amount
            elif is_self_eval(table) and funds.score is not None:  # 分值 left blank beside a printed 得分
                computed += context.profile.execution_weight
            printed_cell = total(item, "分值")
            printed = printed_cell.amount if printed_cell is not None else None
            if printed is None:
                allowed = {HUNDRED}
                if not is_self_eval(table):
                    allowed.add(HUNDRED - context.profile.execution_weight)
                if computed in allowed:
                    continue
                printed = HUNDRED
            elif computed == printed:
                continue
            at = printed_cell.at if printed_cell is not None else item.at
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(item=item.name, computed=computed, printed=printed),
                location=location(table, item, at, column="分值"),
                evidence=(
                    *(
                        indicator_evidence("指标分值", i, str(i.weight), i.weight, table)
                        for i in item.indicators
                    ),
                    *((evidence("执行率分值", execution, table),) if execution is not None else ()),
                    *((evidence("总分", printed_cell, table),) if printed_cell is not None else ()),
                ),
                expected=computed,
                actual=printed,
            )
