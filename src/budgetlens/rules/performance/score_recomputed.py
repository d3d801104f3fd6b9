"""performance-score-recomputed: printed scores against the scores the selected profile gives.

Only what can be recomputed without judgement: a quantitative indicator whose target and actual
value are plain ``[comparison] number unit`` with the same unit (``≥300人`` → ``366人``), and the
execution score (执行数 ÷ 预算数 × 分值). An indicator scored below the formula is the evaluator's
deduction for quality (the 偏差原因 column says why) and is not reported; one scored above it is.
Profiles differ by province, so a difference is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from budgetlens.model import Document, Indicator, PerformanceItem, Table
from budgetlens.rules.finding import Finding
from budgetlens.rules.performance.items import (
    evidence,
    fund_rows,
    indicator_evidence,
    is_self_eval,
    location,
    measure,
    performance_items,
)
from budgetlens.rules.performance.profiles import ScoringProfile
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.rounding import decimals


def expected_score(profile: ScoringProfile, indicator: Indicator) -> Decimal | None:
    """The score the profile gives a quantitative indicator, or None when it cannot be computed."""
    weight = indicator.weight
    target, actual = measure(indicator.target), measure(indicator.actual)
    if weight is None or target is None or actual is None or target.unit != actual.unit:
        return None
    comparison = target.comparison or indicator.comparison
    if comparison is None:  # no direction printed: only an exact hit is certain
        return weight if actual.number == target.number else None
    return profile.indicator_score(comparison, target.number, actual.number, weight)


def plain(amount: Decimal) -> str:
    """A score as people write it: 7.83, 10, 4.5 (never 1E+1)."""
    return f"{amount.quantize(Decimal('0.01'), ROUND_HALF_UP).normalize():f}"


@register
class PerformanceScoreRecomputed(Rule):
    """例：国家信访局“信访研究宣传立法专项”自评表（样本 32 第 32 页）“微信发稿量 ≥350篇”完成 335 篇，
    分值 6，按 national 方案应得 6 × 335 ÷ 350 = 5.74 分，印为 4 分。
    """

    id = "performance-score-recomputed"
    title = "绩效得分与所选评分方案一致"
    description = (
        "按所选评分方案（--profile，默认 national）重算自评表得分：定量指标（指标值与完成值均为“比较符 "
        "数字 单位”且单位相同）按方案的线性或 60% 门槛公式计算，印出得分高出应得分超过其末位半个单位时"
        "报告（低于应得分是评价人按偏差扣分，不报告）；预算执行率得分 = 全年执行数 ÷ 全年预算数 × 分值"
        "（不超过分值），多报、少报都报告。各地评分办法不同，故为警告。"
    )
    severity = "warning"
    tags = ("performance", "scores", "profile")
    template = "{item}：“{name}”按 {profile} 方案应得 {expected} 分，印为 {printed} 分"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table, item in performance_items(document):
            if not is_self_eval(table):
                continue
            scores = [i.score for i in item.indicators if i.score is not None]
            digits = max((decimals(s) for s in scores), default=0)
            for indicator in item.indicators:
                yield from self._compare(table, item, indicator, digits=digits, context=context)
            yield from self._execution(table, item, context)

    def _compare(
        self, table: Table, item: PerformanceItem, indicator: Indicator, *, digits: int, context: CheckContext
    ) -> Iterator[Finding]:
        printed, expected = indicator.score, expected_score(context.profile, indicator)
        if printed is None or expected is None:
            return
        half = context.rounding.per_part * Decimal(1).scaleb(-max(digits, decimals(printed)))
        if printed <= expected + half:  # scoring below the formula is the evaluator's deduction
            return
        shown = Decimal(plain(expected))
        yield Finding(
            rule=self.id,
            severity=self.severity,
            message=self.template.format(
                item=item.name,
                name=indicator.name,
                profile=context.profile.name,
                expected=shown,
                printed=printed,
            ),
            location=location(table, item, indicator.at, column="得分"),
            evidence=(
                indicator_evidence("年度指标值", indicator, indicator.target or "", None, table),
                indicator_evidence("实际完成值", indicator, indicator.actual or "", None, table),
                indicator_evidence("分值", indicator, str(indicator.weight), indicator.weight, table),
                indicator_evidence("得分", indicator, str(printed), printed, table),
            ),
            expected=shown,
            actual=printed,
            tolerance=half,
            extra={"profile": context.profile.name},
        )

    def _execution(self, table: Table, item: PerformanceItem, context: CheckContext) -> Iterator[Finding]:
        funds = fund_rows(item)[0]
        if funds.score is None or funds.score.amount is None or funds.budget is None or funds.spent is None:
            return
        weight = funds.weight.amount if funds.weight is not None else None
        expected = context.profile.execution_score(
            funds.budget, funds.spent, weight if weight is not None else context.profile.execution_weight
        )
        if expected is None:
            return
        printed = funds.score.amount
        digits = max(decimals(printed), 1)  # the rate behind the score is itself rounded (95.52% → 9.6)
        half = context.rounding.per_part * Decimal(1).scaleb(-digits)
        if abs(expected - printed) <= half:
            return
        shown = Decimal(plain(expected))
        yield Finding(
            rule=self.id,
            severity=self.severity,
            message=self.template.format(
                item=item.name,
                name="预算执行率",
                profile=context.profile.name,
                expected=shown,
                printed=printed,
            ),
            location=location(table, item, funds.score.at, column="得分"),
            evidence=(
                *(evidence("预算数与执行数", c, table) for c in funds.cells),
                evidence("得分", funds.score, table),
            ),
            expected=shown,
            actual=printed,
            tolerance=half,
            extra={"profile": context.profile.name},
        )
