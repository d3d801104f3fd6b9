"""money-unit-mismatch: two tables print the same total under different money units.

Tables in 元 and in 万元 side by side are normal (上海's tables in 元, its 三公 table in 万元), but the
same 合计 printed as the same digits in a 元 table and a 万元 table means one of the two unit lines is
wrong: 1,234,567.89 元 is not 1,234,567.89 万元. Only totals with at least three significant digits
are compared, so that small coincidences (0, 1.00) never match.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Cell, Document, Row, Table
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register

_MIN_DIGITS = 3


def totals(table: Table) -> dict[Decimal, tuple[Row, str, Cell]]:
    """The table's total-row amounts (first place each is printed), by value."""
    found: dict[Decimal, tuple[Row, str, Cell]] = {}
    for row in table.rows:
        if row.kind != "total":
            continue
        for column, cell in row.values.items():
            amount = cell.amount
            if amount is None or amount <= 0 or len(amount.normalize().as_tuple().digits) < _MIN_DIGITS:
                continue
            found.setdefault(amount, (row, column, cell))
    return found


@register
class MoneyUnitMismatch(Rule):
    """例：收入预算总表（单位：万元）与财务收支预算总表（单位：元）印出同一个合计 195,774,300.00。"""

    id = "money-unit-mismatch"
    title = "同一合计在不同金额单位的表中数字相同"
    description = (
        "同一文档中注明“元”的表与注明“万元”的表印出数字完全相同的合计（至少三位有效数字），说明其中一张"
        "表的金额单位写错。按少数一方的表报告。"
    )
    severity = "error"
    tags = ("consistency", "money-unit")
    template = (
        "“{title}”（单位：{unit}）的「{label}」{column}为 {amount}，与“{other}”（单位：{other_unit}）"
        "的合计数字相同，其中一张表的金额单位有误"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        tables = [t for t in document.tables if t.money_unit and not t.type.startswith("performance.")]
        units = Counter(t.money_unit for t in tables)
        if len(units) < 2:
            return
        minority = min(units, key=lambda u: (units[u], u))
        majority_totals: dict[Decimal, Table] = {}
        for table in tables:
            if table.money_unit != minority:
                for amount in totals(table):
                    majority_totals.setdefault(amount, table)
        for table in tables:
            if table.money_unit != minority:
                continue
            for amount, (row, column, cell) in totals(table).items():
                other = majority_totals.get(amount)
                if other is None:
                    continue
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(
                        title=table.title,
                        unit=table.money_unit,
                        label=row.label,
                        column=column,
                        amount=cell.text.strip(),
                        other=other.title,
                        other_unit=other.money_unit,
                    ),
                    location=Location(
                        page=cell.at.page,
                        line=cell.at.line or row.at.line,
                        table=table.type,
                        title=table.title,
                        label=row.label,
                        column=column,
                    ),
                    evidence=(
                        Evidence(
                            role="合计",
                            text=cell.text,
                            amount=amount,
                            at=cell.at,
                            table=table.type,
                            title=table.title,
                            label=row.label,
                            column=column,
                        ),
                    ),
                    actual=amount,
                    extra={"money_unit": str(table.money_unit), "other_unit": str(other.money_unit)},
                )
                break
