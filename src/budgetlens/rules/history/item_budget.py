"""history-item-budget: a final account's “年初预算为 X” for a 项级科目 against the stored budget (D-2)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from budgetlens.model import Document, Row, Table
from budgetlens.rules.figures import Figure, bare_label
from budgetlens.rules.finding import Evidence, Finding
from budgetlens.rules.history.money import cross_name, wan_and_half
from budgetlens.rules.narrative.figures import (
    PAIR,
    Sentence,
    half_unit,
    sections,
    text_evidence,
    text_finding,
    wan,
)
from budgetlens.rules.registry import CheckContext, Rule, register

_FINAL_TOTAL = ("本年支出/小计", "本年支出/合计", "合计", "小计")
_BUDGET_TOTAL = ("合计", "总计", "小计")


def _column(table: Table, names: tuple[str, ...]) -> str | None:
    return next((c for c in names if c in table.columns), None)


def item_code(final: Document, heading: str, spent: Decimal) -> str | None:
    """The 项级 code (7 digits) of the final's 一般公共预算财政拨款支出决算表 whose name the heading
    text names and whose 决算数 is the stated one; None unless exactly one row fits."""
    codes = set()
    for table in final.tables_of("final.gpb_expenditure")[:1]:
        column = _column(table, _FINAL_TOTAL)
        if column is None or table.money_unit is None:
            continue
        for row in table.rows:
            name = bare_label(row.label).replace(" ", "")
            if row.code is None or len(row.code) != 7 or not name or name not in heading:
                continue
            figure = Figure(table, row, column)
            value, half = wan_and_half(CheckContext(), figure)
            if abs(value - spent) <= half + Decimal("0.005"):
                codes.add(row.code)
    return codes.pop() if len(codes) == 1 else None


def budget_row(budget: Document, code: str) -> tuple[Table, Row] | None:
    for table in budget.tables_of("budget.gpb_expenditure")[:1]:
        rows = [r for r in table.rows if r.code == code and r.kind == "item"]
        if len(rows) == 1:
            return table, rows[0]
    return None


def named_before(section: list[Sentence], index: int) -> str:
    """The text naming the 科目 a “年初预算为…” paragraph explains: the paragraph before it (or, for
    the section's first paragraph, the headings)."""
    paragraph = section[index].paragraph
    earlier = [s for s in section[:index] if s.paragraph is not paragraph]
    if not earlier:
        return section[index].headings.replace(" ", "")
    last = earlier[-1].paragraph
    return "".join(s.plain for s in earlier if s.paragraph is last).replace(" ", "")


@register
class ItemBudget(Rule):
    """例：决算说明“一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行。年初预算为
    155.69万元，支出决算为168.07万元”：决算表中行政运行为 2010301，库中 2024 年预算的一般公共预算支出表
    「2010301 行政运行」合计为 150.00 万元，提示与所述年初预算 155.69 万元不一致。
    """

    id = "history-item-budget"
    title = "决算说明所述年初预算与当年预算一致"
    description = (
        "决算情况说明中每个项级科目“年初预算为 X 万元，支出决算为 Y 万元”的 X，与库中同一单位同年度部门预算"
        "的一般公共预算支出表同一科目编码的合计数比较（D-2）。科目由说明中该段前的科目名称与决算数 Y 在"
        "一般公共预算财政拨款支出决算表中唯一确定；预算表无该科目时按 0 比较。金额统一为万元，按印制位数计"
        "尾数误差；年初预算与预算公开可能因口径不同而不同，故只作提示。"
    )
    severity = "info"
    tags = ("history", "narrative", "budget-vs-final")
    template = (
        "说明第 {line} 行“{quote}”：年初预算 {stated} 万元，"
        "库中{where}为 {value} 万元，相差 {difference} 万元"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        budget = context.related.budget_for(document) if context.related else None
        if budget is None or not budget.tables_of("budget.gpb_expenditure"):
            return
        for section in sections(document):
            for index, sentence in enumerate(section):
                match = re.search(PAIR, sentence.plain)
                if match is None:
                    continue
                stated, spent = wan(match["a"], match["ua"]), wan(match["b"], match["ub"])
                if stated is None or spent is None:
                    continue
                code = item_code(document, named_before(section, index), spent)
                if code is None:
                    continue
                finding = self._compare(context, budget, sentence, stated, code)
                if finding is not None:
                    yield finding

    def _compare(
        self, context: CheckContext, budget: Document, sentence: Sentence, stated: Decimal, code: str
    ) -> Finding | None:
        found = budget_row(budget, code)
        table = budget.tables_of("budget.gpb_expenditure")[0]
        column = _column(table, _BUDGET_TOTAL)
        if column is None or table.money_unit is None:
            return None
        tol = half_unit(context, stated, 0)
        evidence_extra: tuple[Evidence, ...] = ()
        if found is None:
            value, where = Decimal(0), f"{budget.year} 年{table.title}无科目 {code}，该科目"
        else:
            figure = Figure(found[0], found[1], column)
            value, half = wan_and_half(context, figure)
            tol += half
            where = cross_name(figure, budget.year)
            evidence_extra = (figure.evidence(f"{budget.year} 年预算数"),)
        if abs(value - stated) <= tol:
            return None
        fields = {
            "stated": str(stated),
            "where": where,
            "value": str(value),
            "difference": str(stated - value),
        }
        evidence = (text_evidence(sentence, "说明原文", stated), *evidence_extra)
        finding = text_finding(type(self), sentence, fields, evidence, value, stated, tol)
        return replace(
            finding,
            reference="D-2",
            extra={**finding.extra, "related_file": budget.source.name, "code": code},
        )
