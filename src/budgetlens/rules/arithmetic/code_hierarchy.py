"""code-hierarchy-sum: 类 = Σ 款 = Σ 项 and 合计 = Σ 类 in 功能分类 tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from budgetlens.model import Document, Row, Table
from budgetlens.rules.figures import Figure, compare
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register

LEVEL_NAMES = {3: "类", 5: "款", 7: "项"}


def function_rows(table: Table) -> list[Row]:
    """Rows of 支出功能分类 codes (2xx, 2xxxx, 2xxxxxx)."""
    return [r for r in table.rows if r.code and r.code.startswith("2") and len(r.code) in LEVEL_NAMES]


def value_columns(table: Table) -> list[str]:
    used = {column for row in table.rows for column in row.values}
    return [c for c in table.columns if c in used]


def children_of(parent: Row, rows: list[Row]) -> list[Row]:
    assert parent.code is not None
    return [
        r for r in rows if r.code and len(r.code) == len(parent.code) + 2 and r.code.startswith(parent.code)
    ]


def top_level(rows: list[Row]) -> list[Row]:
    """Coded rows whose parent code is not printed (类 rows, or 项 rows of a table printing only 项)."""
    codes = {r.code for r in rows}
    return [r for r in rows if r.code and not any(r.code[:n] in codes for n in (3, 5) if n < len(r.code))]


@register
class CodeHierarchySum(Rule):
    """例：支出总表「208 社会保障和就业支出」合计 22.92 = 「20805」22.03 + 「20899」0.89；
    合计行 353.11 与各类之和 353.10 相差 0.01，在 4 个组成项的尾数误差内，记为尾数误差提示。
    """

    id = "code-hierarchy-sum"
    title = "功能分类科目逐级汇总"
    description = (
        "按支出功能分类编码的表中，每一数值列：类（3 位）= 其下"
        "各款（5 位，同前缀）之和，款 = 其下各项（7 位）之和，"
        "合计行 = 最高一级科目之和（表中只列项级时为各项之和）（identities.yaml HIER）。"
        "同一编码在表中出现多次（多单位分列）时不比较，以免误报。"
    )
    severity = "error"
    tags = ("arithmetic", "hierarchy", "function-classification")
    template = "{where} 为 {actual}，{basis} {expected}{parts}，相差 {difference}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table in document.tables:
            rows = function_rows(table)
            if not rows or max(Counter(r.code for r in rows).values()) > 1:
                continue
            columns = value_columns(table)
            for parent in rows:
                children = children_of(parent, rows)
                if not children:
                    continue
                assert parent.code is not None
                basis = f"其下各{LEVEL_NAMES[len(parent.code) + 2]}之和为"
                yield from _compare_columns(self, context, table, parent, children, columns, basis)
            tops = top_level(rows)
            level = "、".join(sorted({LEVEL_NAMES[len(r.code or "")] for r in tops}))
            for total in (r for r in table.rows if r.kind == "total"):
                basis = f"各{level}级科目之和为"
                yield from _compare_columns(self, context, table, total, tops, columns, basis)


def _compare_columns(  # noqa: PLR0917 - one comparison per column of the same rows
    rule: Rule,
    context: CheckContext,
    table: Table,
    parent: Row,
    parts: list[Row],
    columns: list[str],
    basis: str,
) -> Iterator[Finding]:
    for column in columns:
        finding = compare(
            type(rule),
            context,
            Figure(table, parent, column),
            [Figure(table, r, column) for r in parts],
            basis,
            "HIER",
        )
        if finding is not None:
            yield finding
