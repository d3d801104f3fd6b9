"""history-department-sum: a department's figures against the sum of its stored unit documents (D-3)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document, Row, Table
from budgetlens.rules.figures import Figure
from budgetlens.rules.finding import Finding
from budgetlens.rules.history.money import wan_and_half
from budgetlens.rules.registry import CheckContext, Rule, register

RowKey = tuple[str, str | None, str | None]


def row_key(row: Row) -> RowKey | None:
    """Rows that mean the same in a department's and a unit's table: by code, or the total row."""
    if row.kind == "item" and row.code:
        return (row.code, row.side, row.group)
    if row.kind == "total":
        return ("合计", row.side, row.group)
    return None


def keyed(table: Table) -> dict[RowKey, Row]:
    """The table's comparable rows; a key printed twice (ambiguous) is left out."""
    found: dict[RowKey, Row] = {}
    twice: set[RowKey] = set()
    for row in table.rows:
        key = row_key(row)
        if key is None:
            continue
        if key in found:
            twice.add(key)
        found[key] = row
    return {k: v for k, v in found.items() if k not in twice}


@register
class DepartmentSum(Rule):
    """例：2026 年部门预算支出总表「2010301 行政运行」合计 300.00 万元，库中两个所属单位预算同一格为
    180.00 + 110.00 = 290.00 万元：提示部门数与所属单位之和相差 10.00 万元。
    """

    id = "history-department-sum"
    title = "部门数等于所属单位之和"
    description = (
        "部门（汇总）文档的每张表、每个带科目编码的行（及合计行）、每一列，等于库中同年度同类所属单位文档"
        "同一表同一格之和（D-3）。所属单位为部门文档按单位编码或名称列出的单位（未列出时取名称以部门名称"
        "开头的单位文档）；只比较每个所属单位都有的表，单位缺少的行按 0 计。金额统一为万元，按印制位数计"
        "尾数误差。库中未必存齐所有所属单位，故只作提示。"
    )
    severity = "info"
    tags = ("history", "department", "units")
    template = (
        "{where}为 {actual} 万元，库中 {count} 个所属单位同一格之和为 {expected} 万元，相差 {difference} 万元"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        members = context.related.member_units(document) if context.related else []
        if not members:
            return
        seen: set[str] = set()
        for table in document.tables:
            if table.type in seen or table.money_unit is None:
                continue
            seen.add(table.type)
            parts = [m.tables_of(table.type)[0] for m in members if m.tables_of(table.type)]
            if len(parts) != len(members) or any(p.money_unit is None for p in parts):
                continue
            yield from self._table(context, table, parts, members)

    def _table(
        self, context: CheckContext, table: Table, parts: list[Table], members: list[Document]
    ) -> Iterator[Finding]:
        part_rows = [keyed(p) for p in parts]
        for key, row in keyed(table).items():
            for column in table.columns:
                here = Figure(table, row, column)
                if here.amount is None:
                    continue
                actual, tol = wan_and_half(context, here)
                total = Decimal(0)
                figures = []
                for part, rows in zip(parts, part_rows, strict=True):
                    if key in rows and column in part.columns:
                        figure = Figure(part, rows[key], column)
                        value, half = wan_and_half(context, figure)
                        total, tol = total + value, tol + half
                        figures.append(figure)
                if abs(actual - total) <= tol:
                    continue
                message = self.template.format(
                    where=here.name(),
                    actual=actual,
                    count=len(members),
                    expected=total,
                    difference=actual - total,
                )
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=message,
                    location=here.location(),
                    evidence=(here.evidence("部门数"), *(f.evidence("所属单位数") for f in figures)),
                    expected=total,
                    actual=actual,
                    tolerance=tol,
                    reference="D-3",
                    extra={"members": "、".join(m.unit_name or m.source.name for m in members)},
                )
