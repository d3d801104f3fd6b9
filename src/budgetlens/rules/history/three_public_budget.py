"""history-three-public-budget: a final account's “三公” 预算数 vs the same year's stored budget (D-1)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from budgetlens.model import Document, Row, Table
from budgetlens.rules.figures import Figure
from budgetlens.rules.finding import Finding
from budgetlens.rules.history.money import cross_name, wan_and_half
from budgetlens.rules.registry import CheckContext, Rule, register

_QUOTES = re.compile(r"[“”\"\s]")
_NOISE = re.compile(r"三公经费|维护")


def item(column: str) -> str:
    """The 三公 item a column holds, the same in both tables' wording
    (``预算数/公务用车购置及运行维护费/小计`` and ``公务用车购置及运行费/小计`` → ``公务用车购置及运行费``;
    ``“三公”经费合计`` → ``合计``)."""
    parts = [p for p in column.split("/") if p not in ("预算数", "小计")]
    return _NOISE.sub("", _QUOTES.sub("", parts[-1])) if parts else ""


def the_row(table: Table) -> Row | None:
    """The table's one figure row: its total row, else its only row."""
    totals = [r for r in table.rows if r.kind == "total"]
    if totals:
        return totals[0]
    items = [r for r in table.rows if r.kind == "item"]
    return items[0] if len(items) == 1 else None


@register
class ThreePublicBudget(Rule):
    """例：2024 年决算“三公”经费支出决算表「预算数/公务接待费」为 2 万元，库中 2024 年预算的一般公共预算
    “三公”经费支出表「公务接待费」为 0.15 万元：提示两者不一致（决算的预算数为调整后的全年预算）。
    """

    id = "history-three-public-budget"
    title = "决算“三公”预算数与当年预算一致"
    description = (
        "决算“三公”经费支出决算表的预算数（合计、因公出国（境）费、公务用车购置及运行（维护）费及其购置费、"
        "运行费、公务接待费）与库中同一单位同年度部门预算的“三公”经费表对应数字比较（D-1），金额单位统一为"
        "万元，按印制位数计尾数误差。决算的预算数是调整后的全年预算，可以合理地不同，故只作提示。"
    )
    severity = "info"
    tags = ("history", "three-public", "budget-vs-final")
    template = "{final}为 {actual} 万元，库中{budget}为 {expected} 万元，相差 {difference} 万元"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        budget = context.related.budget_for(document) if context.related else None
        if budget is None:
            return
        pairs = [
            (f, b)
            for f in document.tables_of("final.three_public")[:1]
            for b in budget.tables_of("budget.three_public")[:1]
        ]
        for final_table, budget_table in pairs:
            final_row, budget_row = the_row(final_table), the_row(budget_table)
            if final_row is None or budget_row is None:
                continue
            budget_columns = {item(c): c for c in budget_table.columns}
            for column in final_table.columns:
                if not column.startswith("预算数/") or item(column) not in budget_columns:
                    continue
                here = Figure(final_table, final_row, column)
                there = Figure(budget_table, budget_row, budget_columns[item(column)])
                finding = self._compare(context, budget, here, there)
                if finding is not None:
                    yield finding

    def _compare(
        self, context: CheckContext, budget: Document, here: Figure, there: Figure
    ) -> Finding | None:
        (actual, h_actual), (expected, h_expected) = wan_and_half(context, here), wan_and_half(context, there)
        if abs(actual - expected) <= h_actual + h_expected:
            return None
        message = self.template.format(
            final=here.name(),
            actual=actual,
            budget=cross_name(there, budget.year),
            expected=expected,
            difference=actual - expected,
        )
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=message,
            location=here.location(),
            evidence=(here.evidence("决算预算数"), there.evidence(f"{budget.year} 年预算数")),
            expected=expected,
            actual=actual,
            tolerance=h_actual + h_expected,
            reference="D-1",
            extra={"related_file": budget.source.name},
        )
