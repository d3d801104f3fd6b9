"""code-parent-missing: a table that prints a level of the hierarchy prints every parent at it."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.classification.kinds import KIND_NAMES, LEVELS, Kind, ancestors_of, kind_of, level_of
from budgetlens.classification.printed import classified_tables
from budgetlens.model import Document
from budgetlens.rules.codes.places import place, row_evidence, row_location
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register


def printed_levels(codes: set[str | None]) -> set[tuple[Kind, int]]:
    """The (classification, code length) levels a table prints."""
    levels: set[tuple[Kind, int]] = set()
    for code in codes:
        kind = kind_of(code or "")
        if code and kind is not None and level_of(kind, code) is not None:
            levels.add((kind, len(code)))
    return levels


@register
class CodeParentMissing(Rule):
    """例：支出总表列出类「201」和各款，却在「2010601 行政运行」之上没有列出款「20106」。"""

    id = "code-parent-missing"
    title = "上级科目未列出"
    description = (
        "表中列出某一层级的科目（如款级）时，其下每个科目的该级上级都要列出："
        "项 2010350 之上应有款 20103 和类 201。只列项级（或只列款级）的表样（如决算公开 03 表、"
        "北京预算 06 表）不要求上级。每个缺少的上级编码在其第一个下级处报告一次。"
        "所读样本中凡分级列示的表都列出了全部上级，缺少上级说明表中漏了行或编码有误。"
    )
    severity = "error"
    tags = ("codes", "hierarchy")
    template = "{place}「{code} {label}」的上级{level}「{parent}」没有列出（表中列出了其他{level}级科目）"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table, rows in classified_tables(document):
            printed = {row.code for row in rows}
            levels = printed_levels(printed)
            reported: set[str] = set()
            for row in rows:
                code = row.code or ""
                kind = kind_of(code)
                if kind is None or level_of(kind, code) is None:
                    continue  # a malformed code is code-structure's
                for parent in ancestors_of(code):
                    if parent in printed or (kind, len(parent)) not in levels or parent in reported:
                        continue
                    reported.add(parent)
                    level = LEVELS[kind][len(parent)]
                    yield Finding(
                        rule=self.id,
                        severity=self.severity,
                        message=self.template.format(
                            place=place(table, row), code=code, label=row.label, level=level, parent=parent
                        ),
                        location=row_location(table, row),
                        evidence=(row_evidence(f"{KIND_NAMES[kind]}{LEVELS[kind][len(code)]}", table, row),),
                        extra={"parent": parent},
                    )
