"""performance-indicator-amount: a 成本 indicator's cap in 万元 does not contradict the project's own amount.

Only the reliably readable case: a 成本 indicator printed as ``≤ X 万元`` (or ``< X``) that caps the
whole project (not a unit cost: 每, 人均, 单位, 单价 … in its name) while the project spent
(自评表 全年执行数) or budgets (目标表 资金总额, 年度本级预算金额) more than X. Several such caps that
together reach the amount, or beside one that does, cap the project's parts (考试考务费总额 ≤157万元,
高端人才培养费用总额 ≤65万元 … of 322 万元, sample 52 page 37) and are not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document, Indicator
from budgetlens.rules.finding import Finding
from budgetlens.rules.performance.items import (
    Measure,
    evidence,
    fact,
    fund_rows,
    indicator_evidence,
    is_self_eval,
    location,
    measure,
    performance_items,
)
from budgetlens.rules.registry import CheckContext, Rule, register

_PER_UNIT = ("每", "人均", "单位", "单价", "次均", "户均", "标准", "/")
_AMOUNT_FACTS = ("年度本级预算金额", "资金总额", "年度资金总额", "项目资金总额")


@register
class PerformanceIndicatorAmount(Rule):
    """例：西安市卫生健康委员会“新冠疫情防控经费”自评表（样本 43 第 86 页）成本指标“资金投入 ≤1095万元”，
    而项目全年执行数为 1392.2 万元。
    """

    id = "performance-indicator-amount"
    title = "成本指标上限与项目金额不矛盾"
    description = (
        "成本指标印为“≤ X 万元”（或“< X 万元”）且不是单位成本（名称不含每、人均、单位、单价、标准等）时，"
        "自评表的全年执行数、目标表的资金总额（年度本级预算金额）不应超过 X。"
    )
    severity = "warning"
    tags = ("performance", "indicators", "amount")
    template = "{item}：成本指标“{name}”上限 {cap} 万元，项目{what} {amount} 万元"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table, item in performance_items(document):
            if is_self_eval(table):
                funds = fund_rows(item)[0]
                amount, what = funds.spent, "全年执行数"
                cells = tuple(c for c in funds.cells if c.amount == funds.spent)
            else:
                cell = fact(item, _AMOUNT_FACTS)
                amount, what = (cell.amount if cell else None), "资金总额"
                cells = (cell,) if cell is not None else ()
            caps = [(indicator, cap) for indicator in item.indicators if (cap := _cap(indicator)) is not None]
            if amount is None or sum((cap.number for _, cap in caps), Decimal(0)) >= amount:
                continue
            for indicator, cap in caps:
                if any(w in indicator.name for w in _PER_UNIT):
                    continue
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(
                        item=item.name, name=indicator.name, cap=cap.number, what=what, amount=amount
                    ),
                    location=location(table, item, indicator.at, column="年度指标值"),
                    evidence=(
                        indicator_evidence("成本指标", indicator, indicator.target or "", cap.number, table),
                        *(evidence(what, c, table) for c in cells),
                    ),
                    expected=cap.number,
                    actual=amount,
                )


def _cap(indicator: Indicator) -> Measure | None:
    """The ``≤ X 万元`` of a 成本 indicator (a unit cost too: the caller skips those by name)."""
    cap = measure(indicator.target)
    if cap is None or cap.comparison not in ("≤", "<") or cap.unit not in ("万元", "万"):
        return None
    return cap if "成本" in indicator.level1 + indicator.level2 else None
