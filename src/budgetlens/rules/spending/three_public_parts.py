"""three-public-parts-sum: the “三公” parts the 情况说明 states add up to the total it states (T-02)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.arithmetic.rounding_difference import within_rounding
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import half_unit, narrative_decimals, text_evidence, text_finding
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.three_public import CAR, PARTS, PURCHASE, RUNNING, StatedItem, stated_items


def first_statements(document: Document) -> dict[str, dict[str, StatedItem]]:
    """measure → item → the first statement of the item's figure (later ones repeat it)."""
    found: dict[str, dict[str, StatedItem]] = {}
    for entry in stated_items(document):
        found.setdefault(entry.measure, {}).setdefault(entry.item, entry)
    return found


@register
class ThreePublicPartsSum(Rule):
    """例：说明第 3 行“2026年“三公”经费预算数为237.92万元”，其后所述因公出国（境）费 201.80 万元、
    公务用车购置及运行费 28.00 万元、公务接待费 8.12 万元之和为 237.92，相符；若合计写 273.92 则报告。
    """

    id = "three-public-parts-sum"
    title = "“三公”经费说明分项之和等于合计"
    description = (
        "“三公”经费说明中，因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费 = 所述“三公”经费"
        "合计，公务用车购置费 + 公务用车运行（维护）费 = 公务用车购置及运行（维护）费（T-02，预算数、决算数"
        "分别检查，取各项第一次所述金额）。只说明购置费和运行费时以二者之和作为公务用车购置及运行费；"
        "任一分项未以金额说明时不检查。差额在各分项末位半个单位之和以内记为尾数误差提示。"
    )
    severity = "error"
    tags = ("三公", "narrative", "sum")
    template = (
        "说明第 {line} 行“{quote}”：{item}{measure}为 {total} 万元，{parts} = {expected} 万元，"
        "相差 {difference} 万元"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        digits = narrative_decimals(document)
        for measure, items in first_statements(document).items():
            values = {item: entry.stated.amount for item, entry in items.items()}
            if CAR not in values and PURCHASE in values and RUNNING in values:
                values[CAR] = values[PURCHASE] + values[RUNNING]
            for total, parts in PARTS.items():
                if total not in items or any(p not in values for p in parts):
                    continue
                finding = self._compare(
                    context, items[total], [(p, values[p]) for p in parts], measure, digits
                )
                if finding is not None:
                    yield finding

    def _compare(
        self,
        context: CheckContext,
        entry: StatedItem,
        parts: list[tuple[str, Decimal]],
        measure: str,
        digits: int,
    ) -> Finding | None:
        expected = sum((value for _, value in parts), Decimal(0))
        actual = entry.stated.amount
        if actual == expected:
            return None
        tol = sum((half_unit(context, value, digits) for _, value in parts), Decimal(0))
        fields = {
            "item": entry.item,
            "measure": measure,
            "total": entry.stated.text,
            "parts": " + ".join(f"{name} {value}" for name, value in parts),
            "expected": str(expected),
            "difference": str(actual - expected),
        }
        evidence = [text_evidence(entry.sentence, "说明原文", actual)]
        finding = text_finding(type(self), entry.sentence, fields, evidence, expected, actual, tol)
        if abs(actual - expected) > tol:
            return finding
        return within_rounding(finding)
