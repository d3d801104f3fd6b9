"""unit-code-consistent: one unit, one code, in every table that prints it.

Templates that list units in their rows (``048001 株洲市荷塘区产业服务中心``) print the unit's code
each time; the document's own unit must carry its cover code (单位编码：048001) or the department
code it starts with (``048``), and any other unit the code most of its rows print. A different code
points at a row copied from another unit or mistyped; each such row is one finding.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from budgetlens.model import Document, Row, Table
from budgetlens.rules.consistency.names import unit_key
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.text.places import where


def _related(code: str, other: str) -> bool:
    """The same unit's code, or its department's prefix (``048`` and ``048001``)."""
    return code.startswith(other) or other.startswith(code)


@register
class UnitCodeConsistent(Rule):
    """例：封面单位编码为 048001，支出总表的单位行却印作“048010 株洲市荷塘区产业服务中心”。"""

    id = "unit-code-consistent"
    title = "单位编码前后不一致"
    description = (
        "表格中按单位列示的行（编码 + 单位名称）：文档本单位的编码须为封面单位编码或其所属部门编码前缀；"
        "同一单位在各表中的编码须一致。"
    )
    severity = "error"
    tags = ("consistency", "unit", "code")
    template = "“{title}”中单位“{name}”的编码为 {code}，{other}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        own = unit_key(document.unit_name) if document.unit_name else None
        units: dict[str, list[tuple[Table, Row]]] = defaultdict(list)
        for table in document.tables:
            for row in table.rows:
                if row.kind == "unit" and row.unit_code and row.label and not row.label.strip().isdigit():
                    units[unit_key(row.label)].append((table, row))
        for key, rows in units.items():
            if key == own and document.unit_code:
                reference, source = document.unit_code, f"封面单位编码为 {document.unit_code}"
            else:
                reference = Counter(row.unit_code for _, row in rows).most_common(1)[0][0] or ""
                table, row = next((t, r) for t, r in rows if r.unit_code == reference)
                source = f"“{table.title}”{where(row.at)}印作 {reference}"
            for table, row in rows:
                if not _related(row.unit_code or "", reference):
                    yield self._finding(table, row, source)

    def _finding(self, table: Table, row: Row, source: str) -> Finding:
        code = row.unit_code or ""
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=self.template.format(title=table.title, name=row.label, code=code, other=source),
            location=Location(
                page=row.at.page, line=row.at.line, table=table.type, title=table.title, label=row.label
            ),
            evidence=(
                Evidence(
                    role="单位编码", text=code, amount=None, at=row.at, table=table.type, label=row.label
                ),
            ),
            extra={"unit_code": code},
        )
