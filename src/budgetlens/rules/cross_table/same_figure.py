"""cross-table-figure: a figure printed in two tables (or one = a sum of others) must agree."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document, Row, Table
from budgetlens.rules.arithmetic.two_sided_totals import is_year_total, side_column
from budgetlens.rules.cross_table.pairs import PAIRS, Ref
from budgetlens.rules.figures import Figure, bare_label, compare, resolve_column
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register


def _rows(table: Table, ref: Ref) -> list[Row]:
    rows = [r for r in table.rows if ref.side is None or r.side == ref.side]
    if ref.code is not None:
        return [r for r in rows if r.code == ref.code]
    if ref.labels:
        return [
            r
            for r in _this_year(rows)
            if r.label.replace(" ", "") in ref.labels or bare_label(r.label).replace(" ", "") in ref.labels
        ]
    return [r for r in rows if r.kind == "total"][:1]


def _this_year(rows: list[Row]) -> list[Row]:
    """Rows without the items after the year total: they repeat the fund names for the carry-over
    (04 表 年初财政拨款结转和结余 → 一、一般公共预算财政拨款), not this year's figures."""
    kept: list[Row] = []
    after_total = False
    for row in rows:
        if not (after_total and row.kind == "item"):
            kept.append(row)
        after_total = after_total or is_year_total(row)
    return kept


def figures(document: Document, ref: Ref) -> list[Figure]:
    """The figures a reference selects in the first table of its type (none when absent)."""
    try:
        table = document.table(ref.table)
    except KeyError:
        return []
    column = resolve_column(table, ref.columns) if ref.columns else side_column(table, ref.side)
    if column is None:
        return []
    return [Figure(table, row, column) for row in _rows(table, ref)]


@register
class CrossTableFigure(Rule):
    """例：收入支出决算总表 支出「本年支出合计」印为 497.8，支出决算表「合计」本年支出合计 为 497.84（X-02）；
    一般公共预算财政拨款支出决算表 基本支出 392.79 ≠ 06 表 人员经费合计 377.31 + 公用经费合计 15.4（X-07）。
    """

    id = "cross-table-figure"
    title = "表间同一数字一致"
    description = (
        "同一数字在不同表中须一致：决算 01 表本年收入合计 = 02 表合"
        "计（X-01），01 表本年支出合计 = 03 表合计（X-02），"
        "04 表一般公共预算财政拨款收入 = 01 表（X-03），04 表一般公共预算支出合计 = 05 表合计（X-04），"
        "05 表基本支出 = 06 表人员经费合计 + 公用经费合计（X-07）"
        "；预算 收支总表 = 收入总表、支出总表合计及基本/项目支出（YX-1），"
        "财政拨款收支总表一般公共预算本年支出 = 一般公共预算支出表合"
        "计（YX-2），一般公共预算支出表基本支出 = 基本支出表合计，"
        "人员经费、公用经费及 301/302/303 与明细表一致（YX-3）。任一表缺失时不比较。"
    )
    severity = "error"
    tags = ("cross-table",)
    template = "{where} 为 {actual}，{basis} {expected}{parts}，相差 {difference}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for pair in PAIRS:
            right: list[Figure] = []
            for ref in pair.right:
                found = figures(document, ref)
                if len(found) != 1:
                    break
                right.extend(found)
            else:
                basis = " + ".join(f.name() for f in right) + " 为"
                for left in figures(document, pair.left):
                    finding = compare(type(self), context, left, right, basis, pair.reference)
                    if finding is not None:
                        yield finding
