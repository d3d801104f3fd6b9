"""performance-indicator-structure: the indicator tree follows the national framework.

一级 is one of 产出 / 效益 / 满意度 / 成本 (指标); each 二级 belongs to its 一级 (数量指标 under
产出指标 …; 成本指标 may also sit under 产出指标, the pre-2021 framework); every 三级 indicator has a
target value. A 目标表 without weights is fine: weights are not part of the structure. Only levels
printed as indicator names (…指标) are judged: an empty or garbled cell (conversion noise such as
seed 003's “双重用你”) says nothing reliable about the tree.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document, Indicator, PerformanceItem, Table
from budgetlens.rules.finding import Finding
from budgetlens.rules.performance.items import indicator_evidence, location, performance_items
from budgetlens.rules.registry import CheckContext, Rule, register

LEVEL2: dict[str, frozenset[str]] = {
    "产出指标": frozenset({"数量指标", "质量指标", "时效指标", "成本指标"}),
    "效益指标": frozenset({"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}),
    "满意度指标": frozenset({"服务对象满意度指标"}),
    "成本指标": frozenset({"经济成本指标", "社会成本指标", "生态环境成本指标"}),
}


def _name(text: str) -> str:
    """A level name as the framework spells it (满 for the variant 満, 指标 suffix added)."""
    name = "".join(text.split()).replace("満", "满")
    return name if not name or name.endswith("指标") else name + "指标"


def problem(indicator: Indicator) -> str | None:
    """What is wrong with an indicator's place in the tree, in Chinese; None when nothing."""
    level1, level2 = _name(indicator.level1), _name(indicator.level2)
    if level1 not in LEVEL2:
        if _printed(indicator.level1):
            return f"一级指标“{indicator.level1}”不是产出、效益、满意度或成本指标"
        return None  # lost or unreadable: nothing to say about the tree
    if level2 not in LEVEL2[level1] and _printed(indicator.level2):
        return f"二级指标“{indicator.level2}”不属于{level1}"
    if indicator.name and not (indicator.target or "").strip():
        return f"三级指标“{indicator.name}”没有指标值"
    return None


def _printed(text: str) -> bool:
    """True for a level printed as an indicator name (…指标), not a lost cell or conversion noise."""
    return "".join(text.split()).endswith("指标")


@register
class PerformanceIndicatorStructure(Rule):
    """例：种子 002 第 497 行成本指标“全年支出控制在范围内”没有指标值。"""

    id = "performance-indicator-structure"
    title = "绩效指标体系符合一级、二级、三级框架"
    description = (
        "一级指标为产出、效益、满意度或成本指标；二级指标属于其一级（产出：数量、质量、时效（及旧框架的成本）；"
        "效益：经济、社会、生态效益与可持续影响；满意度：服务对象满意度；成本：经济、社会、生态环境成本）；"
        "每个三级指标有指标值。只判断印为“……指标”的一级、二级名称（空白或乱码不判断）。目标表不印分值"
        "不算问题。同一项目同一问题只报告一次。"
    )
    severity = "warning"
    tags = ("performance", "indicators")
    template = "{item}：{problem}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table, item in performance_items(document):
            yield from self._item(table, item)

    def _item(self, table: Table, item: PerformanceItem) -> Iterator[Finding]:
        seen: set[str] = set()
        for indicator in item.indicators:
            found = problem(indicator)
            if found is None or found in seen:
                continue
            seen.add(found)
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(item=item.name, problem=found),
                location=location(table, item, indicator.at, column="指标"),
                evidence=(
                    indicator_evidence(
                        "指标",
                        indicator,
                        f"{indicator.level1}/{indicator.level2}/{indicator.name}",
                        None,
                        table,
                    ),
                ),
            )
