"""empty-table-note: a table without figures must say why (本表无数据 …)."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document, Table
from budgetlens.rules.finding import Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register


def is_empty(table: Table) -> bool:
    """No non-zero amount in any row (blank, dashes, 无 and 0.00 only)."""
    return not table.performance and all(
        cell.amount is None or cell.amount == 0 for row in table.rows for cell in row.values.values()
    )


@register
class EmptyTableNote(Rule):
    """例：政府性基金预算支出表没有任何数字，表下也没有“本单位无政府性基金预算收支，故本表无数据”之类的说明。"""

    id = "empty-table-note"
    title = "空表须有说明"
    description = (
        "没有数字（全部空白、“无”或 0）的表应保留在文档中，并"
        "附说明（如“本年度没有政府性基金预算财政拨款收入和支出，"
        "故本表无数据”）。缺少说明时给出警告。"
    )
    severity = "warning"
    tags = ("completeness", "empty-table")
    template = "“{title}”没有数字，也没有说明为何为空"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table in document.tables:
            if table.type.startswith("performance.") or not is_empty(table) or table.empty_note:
                continue
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(title=table.title),
                location=Location(
                    page=table.at.page, line=table.at.line, table=table.type, title=table.title
                ),
            )
