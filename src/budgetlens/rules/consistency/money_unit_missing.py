"""money-unit-missing: a table with figures states its money unit (单位：万元 / 元).

Without the 金额单位 line a reader cannot tell 元 from 万元, and nor can the checks that compare the
table with the 说明. Performance tables are not read: their figures carry their own units per indicator.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document, Table
from budgetlens.rules.finding import Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register


def has_figures(table: Table) -> bool:
    return any(cell.amount for row in table.rows for cell in row.values.values())


@register
class MoneyUnitMissing(Rule):
    """例：“一般公共预算支出表”印有金额，但表头没有“单位：万元”或“金额单位：元”。"""

    id = "money-unit-missing"
    title = "表格未注明金额单位"
    description = "印有金额的标准表须注明金额单位（元或万元）。绩效表的数值各有计量单位，不检查。"
    severity = "warning"
    tags = ("consistency", "money-unit")
    template = "“{title}”印有金额，但没有注明金额单位（元或万元）"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table in document.tables:
            if table.type.startswith("performance.") or table.money_unit or not has_figures(table):
                continue
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(title=table.title),
                location=Location(
                    page=table.at.page, line=table.at.line, table=table.type, title=table.title
                ),
            )
