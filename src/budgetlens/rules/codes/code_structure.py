"""code-structure: a classification code has its classification's shape (digits, 3/5/7 places)."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.classification.kinds import KIND_NAMES, LEVELS, is_digits, kind_of, level_of
from budgetlens.classification.printed import classified_tables
from budgetlens.model import Document
from budgetlens.rules.codes.places import place, row_evidence, row_location
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register


def structure_problem(code: str) -> str | None:
    """What is wrong with the shape of a code, or None."""
    if not is_digits(code):
        return "编码只能由数字组成"
    kind = kind_of(code)
    if kind is None:
        return "首位数字不属于任何政府收支分类（收入 1、功能 2、部门经济 3、政府经济 5）"
    if level_of(kind, code) is None:
        lengths = "、".join(f"{n} 位（{name}）" for n, name in LEVELS[kind].items())
        return f"{KIND_NAMES[kind]}编码应为 {lengths}，这里是 {len(code)} 位"
    return None


@register
class CodeStructure(Rule):
    """例：一般公共预算支出表「2010 行政运行」：支出功能分类编码应为 3 位（类）、5 位（款）、7 位（项），
    这里是 4 位。"""

    id = "code-structure"
    title = "科目编码格式"
    description = (
        "按支出功能分类或经济分类编码的表中，每个科目编码只由数字组成，首位数字对应一种分类"
        "（收入 1、功能 2、部门预算经济 3、政府预算经济 5），位数符合该分类的层级："
        "功能分类 类 3 位、款 5 位、项 7 位；经济分类 类 3 位、款 5 位"
        "（部门预算经济分类部分地区另列 7 位明细，如重庆 3010201）。"
    )
    severity = "error"
    tags = ("codes", "structure")
    template = "{place}「{code} {label}」：{problem}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table, rows in classified_tables(document):
            for row in rows:
                problem = structure_problem(row.code or "")
                if problem is None:
                    continue
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(
                        place=place(table, row), code=row.code, label=row.label, problem=problem
                    ),
                    location=row_location(table, row),
                    evidence=(row_evidence("印制编码", table, row),),
                )
