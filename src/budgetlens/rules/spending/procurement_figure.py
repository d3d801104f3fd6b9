"""procurement-table-figure: the 政府采购 说明's 总额, 货物, 工程, 服务 equal the 政府采购预算表's (T-06)."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document, Row, Table
from budgetlens.rules.arithmetic.rounding_difference import within_rounding
from budgetlens.rules.figures import Figure
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import half_unit, narrative_decimals, text_evidence, text_finding
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.procurement_parts import GOODS, SERVICES, TOTAL, WORKS, Said, figures_of, runs
from budgetlens.rules.spending.procurement_table import categories
from budgetlens.rules.spending.three_public import digits_of, in_wan

_AMOUNT_COLUMNS = ("总计", "合计", "金额")


def amount_column(table: Table, total: Row) -> str | None:
    """The table's total column: a named one, else the total row's largest amount (all funds)."""
    named = [c for c in _AMOUNT_COLUMNS if c in total.values and total.values[c].amount is not None]
    if named:
        return named[0]
    printed = [(cell.amount, column) for column, cell in total.values.items() if cell.amount is not None]
    return max(printed)[1] if printed else None


def table_rows(table: Table) -> dict[str, Row]:
    """kind (总额, 货物, 工程, 服务) → the row printing it."""
    totals = [r for r in table.rows if r.kind == "total"]
    found = {TOTAL: totals[0]} if totals else {}
    for row in categories(table.rows):
        kind = next(k for k in (GOODS, WORKS, SERVICES) if k in row.label)
        found.setdefault(kind, row)
    return found


@register
class ProcurementTableFigure(Rule):
    """例：说明第 10 行“所属各预算单位政府采购预算总额 4,542.69 万元……政府采购货物预算 110 万元”，
    表九 政府采购预算明细表「合计」总计 4,542.69、「货物」110.00，相符；说明写 4,452.69 则报告。
    """

    id = "procurement-table-figure"
    title = "政府采购说明数字与政府采购预算表一致"
    description = (
        "预算情况说明中的政府采购预算总额及货物、工程、服务预算，须等于政府采购预算（明细）表的合计行及对应"
        "类别行（T-06、YX-7），取表的总计（合计、金额）栏。表中没有对应行或该格空白的不比较；说明各段中"
        "只比较第一段所述金额。差额在双方末位半个单位之内记为尾数误差提示。"
    )
    severity = "error"
    tags = ("政府采购", "narrative", "cross-table")
    template = (
        "说明第 {line} 行“{quote}”：政府采购{kind} {stated} 万元，{where}为 {table}，相差 {difference} 万元"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        tables = [t for t in document.tables_of("budget.procurement") if t.money_unit is not None][:1]
        said = next((s for run in runs(document) if (s := figures_of(run, document.unit_name))), None)
        if not tables or said is None:
            return
        rows = table_rows(tables[0])
        column = amount_column(tables[0], rows[TOTAL]) if TOTAL in rows else None
        if column is None:
            return
        for kind, row in rows.items():
            figure = Figure(tables[0], row, column)
            if kind in said and figure.amount is not None:
                finding = self._compare(document, context, said[kind], figure)
                if finding is not None:
                    yield finding

    def _compare(
        self, document: Document, context: CheckContext, said: Said, figure: Figure
    ) -> Finding | None:
        value = in_wan(figure)
        if value == said.amount:
            return None
        tol = half_unit(context, said.amount, narrative_decimals(document)) + half_unit(
            context, value, digits_of(figure)
        )
        fields = {
            "kind": said.kind,
            "stated": said.text,
            "where": figure.name(),
            "table": f"{figure.shown()} {figure.table.money_unit}",
            "difference": str(said.amount - value),
        }
        evidence = (text_evidence(said.sentence, "说明原文", said.amount), figure.evidence("表格数"))
        finding = text_finding(
            type(self), said.sentence, fields, evidence, value, said.amount, tol, figure.location()
        )
        if abs(said.amount - value) > tol:
            return finding
        return within_rounding(finding)
