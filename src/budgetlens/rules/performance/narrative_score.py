"""performance-narrative-score: a self-evaluation score the 情况说明 states equals the table's 总分."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document, PerformanceItem, Table
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.performance.items import evidence, fund_rows, is_self_eval, performance_items, total
from budgetlens.rules.performance.narrative_text import BUDGET, SCORE, SPENT, Stated, number, paragraphs
from budgetlens.rules.registry import CheckContext, Rule, register


def stated_item(document: Document, stated: Stated) -> tuple[Table, PerformanceItem] | None:
    """The self-evaluated item a paragraph speaks of: the 整体 one, or the one with its 执行数 (预算数)."""
    items = [(t, i) for t, i in performance_items(document) if is_self_eval(t)]
    if "整体" in stated.plain and "项目支出" not in stated.plain:
        overall = [(t, i) for t, i in items if t.type.startswith("performance.overall")]
        return overall[0] if len(overall) == 1 else None
    spent = next((number(m["n"]) for m in SPENT.finditer(stated.plain)), None)
    budget = next((number(m["n"]) for m in BUDGET.finditer(stated.plain)), None)
    if spent is None:
        return None
    found = [
        (t, i)
        for t, i in items
        if t.type.startswith("performance.project")
        and (funds := fund_rows(i)[0]).spent == spent
        and (budget is None or funds.budget == budget)
    ]
    return found[0] if len(found) == 1 else None


@register
class PerformanceNarrativeScore(Rule):
    """例：种子 004 第 539 行“根据《部门整体支出绩效自评表》自评得分 98.3 分”，而部门整体支出绩效自评表
    总分行（第 640 行）得分为 99。
    """

    id = "performance-narrative-score"
    title = "情况说明所述自评得分与自评表总分一致"
    description = (
        "情况说明中“自评得分为 S 分”“绩效自评分为 S 分”按所在段落找到对应的自评表：提到“整体”的段落对应"
        "部门整体支出绩效自评表，其余按段落中的执行数（“执行数为 B 万元”“项目支出 B 万元”，有全年预算数时"
        "一并比对）找到唯一的项目自评表。S 与该表总分行得分不同即报告；找不到唯一对应的表时不检查。"
    )
    severity = "error"
    tags = ("performance", "narrative", "scores")
    template = "说明第 {line} 行称{item}自评得分 {stated} 分，自评表总分为 {printed} 分"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for stated in paragraphs(document):
            scores = [number(m["s"]) for m in SCORE.finditer(stated.plain)]
            if len(scores) != 1 or scores[0] is None:
                continue
            match = stated_item(document, stated)
            if match is None:
                continue
            table, item = match
            printed = total(item, "得分")
            if printed is None or printed.amount is None:
                continue
            score = scores[0]
            if score == printed.amount:  # both are printed exactly (98.0 = 98)
                continue
            at = stated.paragraph.at
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(
                    line=at.line, item=f"“{item.name}”", stated=score, printed=printed.amount
                ),
                location=Location(
                    page=at.page, line=at.line, table=table.type, title=table.title, label=item.name
                ),
                evidence=(
                    Evidence("说明原文", stated.paragraph.text[:200], score, at),
                    evidence("自评表总分", printed, table),
                ),
                expected=printed.amount,
                actual=score,
            )
