"""procurement-table-sum: a 政府采购预算表's 合计 = its 货物 + 工程 + 服务 rows (YX-7).

Tables that list the purchases by category (北京 预算10表, 重庆 表九, 江苏 政府采购支出表) print one row
per category (``A-货物``, ``货物``) and a 合计 row; every amount column must add up. Tables by function
code (山东) have no category rows and are left to the code-hierarchy rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from budgetlens.model import Document, Row
from budgetlens.rules.figures import Figure, compare
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register

_CATEGORY = re.compile(r"^(?:[A-C][-－.、]?\s*)?(货物|工程|服务)(?:类)?$")


def categories(rows: list[Row]) -> list[Row]:
    return [r for r in rows if _CATEGORY.match(r.label.replace(" ", ""))]


@register
class ProcurementTableSum(Rule):
    """例：预算10表政府采购预算明细表「合计」金额印为 143,909.478359，A-货物 45,568.950928 + B-工程
    6,133.582301 + C-服务 92,206.945130 = 143,909.478359，相符。
    """

    id = "procurement-table-sum"
    title = "政府采购预算表：货物、工程、服务之和等于合计"
    description = (
        "按采购类别列示的政府采购预算（明细）表中，每一金额栏的合计行 = 货物 + 工程 + 服务各行（YX-7）。"
        "表中未列某一类别的按 0 计；没有类别行（按功能科目列示）的表不检查。差额在各项末位半个单位之和"
        "以内记为尾数误差提示。"
    )
    severity = "error"
    tags = ("政府采购", "sum")
    template = "{where} 印为 {actual}，{basis} {expected}{parts}，相差 {difference}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table in document.tables_of("budget.procurement"):
            totals = [r for r in table.rows if r.kind == "total"][:1]
            parts = categories(table.rows)
            if not totals or not parts:
                continue
            for column, cell in totals[0].values.items():
                if cell.amount is None or all(column not in p.values for p in parts):
                    continue
                finding = compare(
                    type(self),
                    context,
                    Figure(table, totals[0], column),
                    [Figure(table, p, column) for p in parts],
                    "货物、工程、服务之和",
                    "YX-7",
                )
                if finding is not None:
                    yield finding
