"""listed-table-missing: the 目录 lists a table the document body does not contain."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register


@register
class ListedTableMissing(Rule):
    """例：目录第 13 行列出“2 收入总表”，正文中没有这张表。"""

    id = "listed-table-missing"
    title = "目录所列表格正文缺失"
    description = "文档目录列出的表格必须出现在正文中；缺失的表按目录行报告（表格类型可识别时一并给出）。"
    severity = "error"
    tags = ("completeness", "toc")
    template = "目录第 {line} 行列出“{title}”，正文中没有这张表"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for entry in document.absent_tables:
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(line=entry.at.line or "?", title=entry.title),
                location=Location(
                    page=entry.at.page, line=entry.at.line, table=entry.type, title=entry.title
                ),
                evidence=(
                    Evidence(role="目录条目", text=entry.title, amount=None, at=entry.at, table=entry.type),
                ),
            )
