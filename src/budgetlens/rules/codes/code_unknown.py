"""code-unknown: a well-formed code the bundled registry does not know (a warning: the registry is
incomplete by nature; it grows with ``budgetlens codes learn``)."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.classification.kinds import EXPENDITURE_KINDS, KIND_NAMES, Kind, kind_of, level_of
from budgetlens.classification.printed import classified_tables
from budgetlens.classification.registry import default_registry
from budgetlens.model import Document
from budgetlens.rules.codes.places import place, row_evidence, row_location
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register


@register
class CodeUnknown(Rule):
    """例：一般公共预算支出表「2010397 其他事务」：支出功能分类编码 2010397 未在内置科目编码表中登记。"""

    id = "code-unknown"
    title = "未登记的科目编码"
    description = (
        "格式正确的科目编码应能在内置科目编码表（budgetlens/classification/data，取自官方模板和已读过的真实"
        "文档，每行注明出处）中查到。编码表并不完整，所以只作警告：请核对编码是否印错，确认无误后可用 "
        "`budgetlens codes learn` 把该文档的编码补入编码表。每个编码在其首次出现处报告一次。"
    )
    severity = "warning"
    tags = ("codes", "registry")
    template = "{place}「{code} {label}」：{kind}编码 {code} 未在内置科目编码表中登记，请核对"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        registry = default_registry()
        reported: set[tuple[Kind, str]] = set()
        for table, rows in classified_tables(document):
            for row in rows:
                code = row.code or ""
                kind = kind_of(code)
                if kind not in EXPENDITURE_KINDS or kind is None or level_of(kind, code) is None:
                    continue  # malformed: code-structure's; 收入分类: the registry's list is a partial guess
                if (kind, code) in reported or registry.lookup(kind, code, document.year):
                    continue
                reported.add((kind, code))
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(
                        place=place(table, row), code=code, label=row.label, kind=KIND_NAMES[kind]
                    ),
                    location=row_location(table, row),
                    evidence=(row_evidence("印制编码", table, row),),
                )
