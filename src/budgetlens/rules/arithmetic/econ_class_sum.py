"""econ-class-sum: an economic-classification 类 equals the sum of its 款 (301 = Σ301xx)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from budgetlens.model import Document, Row
from budgetlens.rules.arithmetic.code_hierarchy import value_columns
from budgetlens.rules.figures import Figure, compare
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register

TABLES = ("final.gpb_basic", "budget.gpb_basic")


def econ_rows(rows: list[Row]) -> list[Row]:
    """Rows of 支出经济分类 codes: 类 3 digits, 款 5 digits (3xx 部门预算, 5xx 政府预算)."""
    return [r for r in rows if r.code and r.code[0] in "35" and len(r.code) in (3, 5)]


@register
class EconClassSum(Rule):
    """例：一般公共预算财政拨款基本支出决算明细表「301 工资福利支出」决算数印为 177.5，
    其下各款之和为 177.55（50.04 + 24.63 + 52.46 + 17.86 + 6.83 + 10.17 + 0.63 + 14.93）。
    """

    id = "econ-class-sum"
    title = "经济分类类级等于其款级之和"
    description = (
        "基本支出表（决算公开 06 表、预算一般公共预算基本支出表）中，每个经济分类类（301、302、303、310 …）"
        "等于其下各款（5 位，同前缀）之和，每一数值列分别比较（J06-a、Y6-a）。"
    )
    severity = "error"
    tags = ("arithmetic", "hierarchy", "economic-classification")
    template = "{where} 为 {actual}，{basis} {expected}{parts}，相差 {difference}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table in document.tables:
            if table.type not in TABLES:
                continue
            rows = econ_rows(table.rows)
            if not rows or max(Counter(r.code for r in rows).values()) > 1:
                continue
            columns = value_columns(table)
            for parent in (r for r in rows if len(r.code or "") == 3):
                children = [
                    r for r in rows if len(r.code or "") == 5 and (r.code or "").startswith(parent.code or "")
                ]
                if not children:
                    continue
                for column in columns:
                    finding = compare(
                        type(self),
                        context,
                        Figure(table, parent, column),
                        [Figure(table, r, column) for r in children],
                        "其下各款之和为",
                        "J06-a",
                    )
                    if finding is not None:
                        yield finding
