"""admin-costs-table-figure: the 机关运行经费 the 说明 states equals the table printing it.

Some templates print the 机关运行经费 in a table: 上海 as a column of the “三公”经费和机关运行经费预算表,
广州 as the 行政经费 row of the 行政经费及“三公”经费预算表, 江苏 as its own 机关运行经费支出预算表.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document, Row, Table
from budgetlens.rules.arithmetic.rounding_difference import within_rounding
from budgetlens.rules.figures import Figure
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import (
    fold,
    half_unit,
    narrative_decimals,
    text_evidence,
    text_finding,
)
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.admin_costs import stated_admin_costs
from budgetlens.rules.spending.three_public import digits_of, in_wan

_NAMES = ("机关运行经费", "行政经费")


def _single(table: Table) -> Row | None:
    totals = [r for r in table.rows if r.kind == "total"]
    items = [r for r in table.rows if r.kind == "item"]
    return totals[0] if totals else items[0] if len(items) == 1 else None


def admin_costs_figure(document: Document) -> Figure | None:
    """The table cell printing the year's 机关运行经费, if a table prints it."""
    for table in document.tables_of("budget.three_public")[:1]:
        column = next((c for c in table.columns if any(n in fold(c) for n in _NAMES)), None)
        row = _single(table)
        if column is not None and row is not None:
            return Figure(table, row, column)
        named = [r for r in table.rows if any(n in fold(r.label) for n in _NAMES)]
        amounts = [c for c in table.columns if any(r.values.get(c) for r in named)]
        if len(named) == 1 and amounts:
            return Figure(table, named[0], next((c for c in amounts if c in ("合计", "总计")), amounts[0]))
    for table in document.tables_of("budget.admin_costs")[:1]:
        totals = [r for r in table.rows if r.kind == "total"]
        column = next((c for c in table.columns if totals and c in totals[0].values), None)
        if totals and column is not None:
            return Figure(table, totals[0], column)
    return None


@register
class AdminCostsTableFigure(Rule):
    """例：说明第 9 行“2026年上海市审计局财政拨款的机关运行经费预算为2,180.26万元”，“三公”经费和机关运行
    经费预算表「机关运行经费预算数」印为 2,180.26，相符；说明写 2,108.26 则报告。
    """

    id = "admin-costs-table-figure"
    title = "机关运行经费说明数字与表格一致"
    description = (
        "预算情况说明所述机关运行经费（行政经费）须等于表格所印：“三公”经费和机关运行经费预算表的机关运行"
        "经费栏、行政经费及“三公”经费预算表的行政经费行、机关运行经费支出预算表的合计行。没有这类表格或"
        "该格空白时不比较。差额在双方末位半个单位之内记为尾数误差提示。"
    )
    severity = "error"
    tags = ("机关运行经费", "narrative", "cross-table")
    template = (
        "说明第 {line} 行“{quote}”：机关运行经费 {stated} 万元，{where}为 {table}，相差 {difference} 万元"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        stated = stated_admin_costs(document)
        figure = admin_costs_figure(document) if stated is not None else None
        if stated is None or figure is None or figure.amount is None or figure.table.money_unit is None:
            return
        sentence, amount, text = stated
        value = in_wan(figure)
        if value == amount:
            return
        tol = half_unit(context, amount, narrative_decimals(document)) + half_unit(
            context, value, digits_of(figure)
        )
        fields = {
            "stated": text,
            "where": figure.name(),
            "table": f"{figure.shown()} {figure.table.money_unit}",
            "difference": str(amount - value),
        }
        evidence = (text_evidence(sentence, "说明原文", amount), figure.evidence("表格数"))
        finding = text_finding(type(self), sentence, fields, evidence, value, amount, tol, figure.location())
        if abs(amount - value) > tol:
            yield finding
            return
        yield within_rounding(finding)
