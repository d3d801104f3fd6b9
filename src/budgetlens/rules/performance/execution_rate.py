"""performance-execution-rate: a self-evaluation's printed 执行率 is 全年执行数 ÷ 全年预算数."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.performance.items import evidence, fund_rows, location, percent, performance_items
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.rounding import decimals


@register
class PerformanceExecutionRate(Rule):
    """例：株洲高新区企业服务局整体支出绩效自评表（种子 004 第 615 行）全年预算数 387.79、全年执行数
    387.79，执行率印为 108%（按年初预算数 359.3 计算），应为 100%。
    """

    id = "performance-execution-rate"
    title = "绩效自评执行率 = 全年执行数 ÷ 全年预算数"
    description = (
        "绩效自评表资金情况各行（年度资金总额及财政拨款、上年结转等来源）印出的执行率按 全年执行数 ÷ "
        "全年预算数 重算；预算数、执行数各有末位半个单位的尾数误差，印出的执行率有其末位半个单位，"
        "区间不相交才报告。年度资金总额行未印金额时取各来源行之和。预算数为 0 或未印时不检查。"
    )
    severity = "error"
    tags = ("performance", "execution-rate")
    template = "{item}：{label}执行率印为 {printed}%，全年执行数 {spent} ÷ 全年预算数 {budget} = {expected}%"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table, item in performance_items(document):
            for funds in fund_rows(item):
                printed = percent(funds.rate)
                if funds.rate is None or printed is None or funds.budget is None or funds.spent is None:
                    continue
                if funds.budget <= 0:
                    continue
                digits = max((decimals(c.amount) for c in funds.cells if c.amount is not None), default=0)
                slack = context.rounding.per_part * Decimal(1).scaleb(-digits)
                low = max(funds.spent - slack, Decimal(0)) * 100 / (funds.budget + slack)
                high = (funds.spent + slack) * 100 / max(funds.budget - slack, slack)
                half = context.rounding.per_part * Decimal(1).scaleb(-decimals(printed))
                if low - half <= printed <= high + half:
                    continue
                exact = funds.spent * 100 / funds.budget
                expected = exact.quantize(Decimal(1).scaleb(-decimals(printed)), ROUND_HALF_UP)
                message = self.template.format(
                    item=item.name,
                    label="" if funds.label == "年度资金总额" else f"{funds.label}",
                    printed=printed,
                    spent=funds.spent,
                    budget=funds.budget,
                    expected=exact.quantize(Decimal("0.01"), ROUND_HALF_UP),
                )
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=message,
                    location=location(table, item, funds.rate.at, column=f"{funds.label}/执行率"),
                    evidence=(
                        *(evidence("预算数与执行数", c, table) for c in funds.cells),
                        evidence("印出的执行率", funds.rate, table),
                    ),
                    expected=expected,
                    actual=printed,
                    tolerance=half,
                )
