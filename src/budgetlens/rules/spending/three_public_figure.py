"""three-public-table-figure: each “三公” amount the 情况说明 states equals the “三公” table's (T-02)."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.arithmetic.rounding_difference import within_rounding
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import half_unit, narrative_decimals, text_evidence, text_finding
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.three_public import (
    Figures,
    StatedItem,
    digits_of,
    in_wan,
    stated_items,
    table_figures,
)


@register
class ThreePublicTableFigure(Rule):
    """例：说明第 16 行“因公出国（境）费支出决算为 4.69 万元”，“三公”经费支出决算表「决算数/因公出国（境）费」
    印为 4.69，相符；若说明写 4.96 万元则报告，相差 0.27 万元。
    """

    id = "three-public-table-figure"
    title = "“三公”经费说明数字与“三公”表一致"
    description = (
        "“三公”经费说明中所述合计及各分项（因公出国（境）费、公务用车购置及运行（维护）费及其购置费、运行费、"
        "公务接待费）的预算数、决算数须等于“三公”经费支出表同一项目同一栏（T-02）。分项取说明中金额前最近"
        "提到的项目（句中未提及时取所在小节标题），预算/决算取金额前最近的“预算”“决算”字样（预算文档均为"
        "本年预算数，决算所述“年初预算”不与表中全年预算数比较）；增减额、上年数、平均数及国内/外宾"
        "接待等细项不比较；表中空白的项目不比较。差额在双方末位半个单位之内记为尾数误差提示。"
    )
    severity = "error"
    tags = ("三公", "narrative", "cross-table")
    template = (
        "说明第 {line} 行“{quote}”：{item}{measure} {stated} 万元，{where}为 {table}，相差 {difference} 万元"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        table = table_figures(document)
        if not table:
            return
        for entry in stated_items(document):
            finding = self._compare(document, context, entry, table)
            if finding is not None:
                yield finding

    def _compare(
        self,
        document: Document,
        context: CheckContext,
        entry: StatedItem,
        table: Figures,
    ) -> Finding | None:
        found = [] if entry.initial else table.get((entry.item, entry.measure), [])
        stated = entry.stated.amount
        values = [in_wan(f) for f in found]
        if not found or stated in values:
            return None
        figure, value = found[0], values[0]
        digits = digits_of(figure)
        tol = half_unit(context, stated, narrative_decimals(document)) + half_unit(context, value, digits)
        fields = {
            "item": entry.item,
            "measure": entry.measure,
            "stated": entry.stated.text,
            "where": figure.name(),
            "table": f"{figure.shown()} {figure.table.money_unit}",
            "difference": str(stated - value),
        }
        evidence = (text_evidence(entry.sentence, "说明原文", stated), figure.evidence("表格数"))
        finding = text_finding(
            type(self), entry.sentence, fields, evidence, value, stated, tol, figure.location()
        )
        if all(abs(v - stated) > tol for v in values):
            return finding
        return within_rounding(finding)
