"""rounding-difference: a total differs from its parts by no more than rounding allows."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register


@register
class RoundingDifference(Rule):
    """例：支出总表「21011 行政事业单位医疗」合计印为 15.76，下级科目之和为 15.77（6.45 + 9.32），
    相差 -0.01，在 2 个组成项的尾数误差 0.01 之内，记为提示而非错误。
    """

    id = "rounding-difference"
    title = "尾数误差"
    description = (
        "各数分别四舍五入后印制，n 个组成项之和与其印制合计最多可相差 n × 末位半个单位"
        "（两位小数的万元表每项 0.005 万元）。差额在此范围内时，由做比较的规则（见 raised_by）"
        "以本提示代替错误报告；本规则自身不做比较。"
    )
    severity = "info"
    tags = ("rounding",)
    template = (
        "{where} 为 {actual}，{basis} {expected}{parts}，相差 {difference}，"
        "在尾数误差 {tolerance} 之内（规则 {rule}）"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        return iter(())


def within_rounding(finding: Finding) -> Finding:
    """A comparison's finding as this rule's info remark: the difference is within its tolerance."""
    return dataclasses.replace(
        finding,
        rule=RoundingDifference.id,
        severity=RoundingDifference.severity,
        message=f"{finding.message}，在尾数误差 {finding.tolerance} 之内",
        raised_by=finding.rule,
    )
