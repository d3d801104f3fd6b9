"""performance-score-above-weight: no indicator (nor the execution rate) scores more than its 分值."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.performance.items import (
    evidence,
    fund_rows,
    indicator_evidence,
    location,
    performance_items,
    total,
)
from budgetlens.rules.registry import CheckContext, Rule, register


@register
class PerformanceScoreAboveWeight(Rule):
    """例：西安市妇幼保健院医疗设备购置更新项目自评表（样本 43 第 72 页）总分行分值 90、得分 93：
    执行率的分值空着，得分 10 却计入了总分。
    """

    id = "performance-score-above-weight"
    title = "绩效得分不超过分值"
    description = "自评表每个三级指标、预算执行率和总分的得分都不能大于其分值。"
    severity = "error"
    tags = ("performance", "scores")
    template = "{item}：“{name}”得分 {score} 大于分值 {weight}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table, item in performance_items(document):
            for indicator in item.indicators:
                if indicator.score is None or indicator.weight is None or indicator.score <= indicator.weight:
                    continue
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(
                        item=item.name, name=indicator.name, score=indicator.score, weight=indicator.weight
                    ),
                    location=location(table, item, indicator.at, column="得分"),
                    evidence=(
                        indicator_evidence("分值", indicator, str(indicator.weight), indicator.weight, table),
                        indicator_evidence("得分", indicator, str(indicator.score), indicator.score, table),
                    ),
                    expected=indicator.weight,
                    actual=indicator.score,
                )
            funds = fund_rows(item)[0]
            for name, weight, score in (
                ("预算执行率", funds.weight, funds.score),
                ("总分", total(item, "分值"), total(item, "得分")),
            ):
                if weight is None or score is None or weight.amount is None or score.amount is None:
                    continue
                if score.amount <= weight.amount:
                    continue
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(
                        item=item.name, name=name, score=score.amount, weight=weight.amount
                    ),
                    location=location(table, item, score.at, column="得分"),
                    evidence=(evidence("分值", weight, table), evidence("得分", score, table)),
                    expected=weight.amount,
                    actual=score.amount,
                )
