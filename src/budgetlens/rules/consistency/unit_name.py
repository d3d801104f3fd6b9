"""unit-name-consistent: every table names the unit the document is about.

The 编制单位 line of each standard table (Table.unit_name) must name the document's unit; spaces,
bracket style, a template's label and the 本级/汇总 mark do not matter (names.py). Performance tables
are not compared: a project's 实施单位 may be a subordinate unit. A table whose name differs was
usually copied from another unit's file or mistyped, e.g. 004's 公开09表.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from budgetlens.model import Document, Table
from budgetlens.rules.consistency.names import shown_name, unit_key
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register


def named_tables(document: Document) -> list[Table]:
    return [t for t in document.tables if t.unit_name and not t.type.startswith("performance.")]


def reference_name(document: Document) -> str | None:
    """The document's unit (cover), or else the name most tables print."""
    if document.unit_name:
        return document.unit_name
    names = Counter(unit_key(t.unit_name or "") for t in named_tables(document))
    if not names:
        return None
    key, _ = names.most_common(1)[0]
    return next(t.unit_name for t in named_tables(document) if unit_key(t.unit_name or "") == key)


@register
class UnitNameConsistent(Rule):
    """例：文档为“株洲高新技术产业开发区企业服务局”的部门决算，公开09表的编制单位却印作“株洲高新区技术产业开发区企业服务局”。"""

    id = "unit-name-consistent"
    title = "表格所列单位与文档单位不一致"
    description = (
        "各标准表表头的单位（编制单位、部门名称）必须与文档封面的单位一致；空格、括号写法、“本级”“汇总”"
        "标记不计。绩效表列出的实施单位可能是下属单位，不比较。"
    )
    severity = "error"
    tags = ("consistency", "unit")
    template = "“{title}”的单位为“{name}”，与文档单位“{unit}”不一致"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        reference = reference_name(document)
        if reference is None:
            return
        for table in named_tables(document):
            name = table.unit_name or ""
            if unit_key(name) == unit_key(reference):
                continue
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(title=table.title, name=shown_name(name), unit=reference),
                location=Location(
                    page=table.at.page, line=table.at.line, table=table.type, title=table.title
                ),
                evidence=(Evidence(role="表头单位", text=name, amount=None, at=table.at, table=table.type),),
                extra={"unit_name": shown_name(name), "document_unit": reference},
            )
