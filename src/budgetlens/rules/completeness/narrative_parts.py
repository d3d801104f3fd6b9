"""narrative-parts-missing: the 情况说明 has its five required parts (三公 … 绩效).

The national templates of both the 部门预算 and the 部门决算 情况说明 carry the same five parts: the
budget as “三公”经费预算、机关运行经费、政府采购、国有资产占用、预算绩效目标, the final account as
“三公”经费决算、机关运行经费支出、政府采购支出、国有资产占用、预算绩效情况. A part is present when a
heading or a paragraph's opening names it outside the 名词解释 (a definition is no disclosure). A file
of tables only (北京's 报表 file, whose 说明 is published apart) has no narrative and is not flagged:
its companion file carries the parts.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.finding import Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.topics import TOPICS, has_narrative, present

NAMES = {
    "budget": {
        "三公": "“三公”经费预算情况",
        "机关运行经费": "机关运行经费预算",
        "政府采购": "政府采购预算情况",
        "国有资产": "国有资产占用情况",
        "绩效": "预算绩效目标情况",
    },
    "final_account": {
        "三公": "“三公”经费支出决算情况",
        "机关运行经费": "机关运行经费支出情况",
        "政府采购": "政府采购支出情况",
        "国有资产": "国有资产占用情况",
        "绩效": "预算绩效管理情况",
    },
}


@register
class NarrativePartsMissing(Rule):
    """例：部门预算情况说明有“三公”经费、政府采购、国有资产和绩效目标的说明，但没有任何一处说明
    机关运行经费（名词解释中的定义不算）：报告“缺少机关运行经费预算的说明”。
    """

    id = "narrative-parts-missing"
    title = "情况说明包含必备部分"
    description = (
        "部门预算、决算情况说明须说明“三公”经费、机关运行经费、政府采购、国有资产占用和预算绩效（预算为"
        "绩效目标，决算为绩效管理与自评）五部分；以标题或段首文字判断，名词解释中的定义不算。只有表格、"
        "没有情况说明的文件（如单独公开的报表文件）不检查。每缺一部分报告一条警告。"
    )
    severity = "warning"
    tags = ("completeness", "narrative")
    template = "情况说明缺少{part}的说明（未见含“{word}”的标题或段落）"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        names = NAMES.get(document.kind or "")
        if names is None or not has_narrative(document):
            return
        at = document.narrative[0].at
        for topic, words in TOPICS.items():
            if present(document, topic):
                continue
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(part=names[topic], word=words[0]),
                location=Location(page=at.page, line=at.line),
                extra={"part": topic},
            )
