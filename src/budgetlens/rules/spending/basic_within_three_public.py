"""basic-spending-over-three-public: the 基本支出 table's 三公 lines fit in the “三公” table's 决算数 (X-09).

The 一般公共预算财政拨款基本支出决算明细表 prints 30212 因公出国（境）费用, 30217 公务接待费, 30231 公务用车
运行维护费 and 31013 公务用车购置; the “三公” table counts the same spending from 基本 and 项目 money,
so each 基本支出 line is at most the matching 决算数. A warning: the “三公” table covers 财政拨款 of
every fund while the 06 table covers the 一般公共预算 only, and units book edge cases differently.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.figures import Figure
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.three_public import (
    ABROAD,
    ACTUAL,
    PURCHASE,
    RECEPTION,
    RUNNING,
    in_wan,
    table_figures,
)

CODES = {"30212": ABROAD, "30217": RECEPTION, "30231": RUNNING, "31013": PURCHASE, "30913": PURCHASE}


@register
class BasicSpendingOverThreePublic(Rule):
    """例：基本支出决算明细表「30217 公务接待费」决算数 1.20 万元，而“三公”经费支出决算表公务接待费
    决算数为 0.90 万元：基本支出中的公务接待费不应多于“三公”经费中的公务接待费。
    """

    id = "basic-spending-over-three-public"
    title = "基本支出中的“三公”科目不超过“三公”经费决算数"
    description = (
        "决算一般公共预算财政拨款基本支出决算明细表的 30212 因公出国（境）费用、30217 公务接待费、30231 "
        "公务用车运行维护费、31013（及 30913）公务用车购置，分别不应超过财政拨款“三公”经费支出决算表"
        "对应项目的决算数（X-09；“三公”经费还包括项目支出）。按印制数字比较；任一方空白或缺表时不比较。"
        "记为警告。"
    )
    severity = "warning"
    tags = ("三公", "cross-table")
    template = "{where} 为 {basic} 万元，超过{three} {limit} 万元（多 {difference} 万元）"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        if document.kind != "final_account":
            return
        three = table_figures(document)
        for table in document.tables_of("final.gpb_basic")[:1]:
            column = next((c for c in table.columns if c.endswith(("决算数", "金额"))), None)
            if column is None or table.money_unit is None:
                continue
            for row in table.rows:
                item = CODES.get(row.code or "")
                limits = three.get((item, ACTUAL), []) if item else []
                basic = Figure(table, row, column)
                if not limits or basic.amount is None or in_wan(basic) <= in_wan(limits[0]):
                    continue
                limit = limits[0]
                fields = {
                    "where": basic.name(),
                    "basic": basic.shown(),
                    "three": limit.name(),
                    "limit": limit.shown(),
                    "difference": str(in_wan(basic) - in_wan(limit)),
                }
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(**fields),
                    location=basic.location(),
                    evidence=(basic.evidence("基本支出"), limit.evidence("“三公”经费决算数")),
                    expected=in_wan(limit),
                    actual=in_wan(basic),
                    reference="X-09",
                )
