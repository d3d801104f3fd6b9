"""block-totals: 人员经费合计 and 公用经费合计 (or the 合计 row) equal the sum of their 类."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.arithmetic.code_hierarchy import value_columns
from budgetlens.rules.arithmetic.econ_class_sum import TABLES, econ_rows
from budgetlens.rules.figures import Figure, compare
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register


@register
class BlockTotals(Rule):
    """例：一般公共预算财政拨款基本支出决算明细表「公用经费合计」印为 15.4（原文“15. 4”），
    公用经费各类之和为 15.42（302 的 15.02 + 310 的 0.4）。
    """

    id = "block-totals"
    title = "人员经费、公用经费合计等于各类之和"
    description = (
        "基本支出表的合计行等于其块内经济分类类级之和：决算 06 表 人员经费合计 = 301 + 303，"
        "公用经费合计 = 302 + 307 + 310 + 399 …（按所在栏块）（J06-b）；预算基本支出表 合计 = 各类之和。"
    )
    severity = "error"
    tags = ("arithmetic", "economic-classification")
    template = "{where} 为 {actual}，{basis} {expected}{parts}，相差 {difference}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table in document.tables:
            if table.type not in TABLES:
                continue
            classes = [r for r in econ_rows(table.rows) if len(r.code or "") == 3]
            columns = value_columns(table)
            for total in (r for r in table.rows if r.kind == "total"):
                parts = [r for r in classes if total.side is None or r.side == total.side]
                if not parts:
                    continue
                block = f"{total.side}各类" if total.side else "各类"
                for column in columns:
                    finding = compare(
                        type(self),
                        context,
                        Figure(table, total, column),
                        [Figure(table, r, column) for r in parts],
                        f"{block}之和为",
                        "J06-b",
                    )
                    if finding is not None:
                        yield finding
