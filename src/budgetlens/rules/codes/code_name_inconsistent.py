"""code-name-inconsistent: one document prints the same code under two different names."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.classification.kinds import KIND_NAMES, Kind
from budgetlens.classification.names import cut_short, normalise
from budgetlens.classification.printed import PrintedCode, printed_codes
from budgetlens.model import Document
from budgetlens.rules.codes.places import place, row_evidence, row_location
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register


def names_of(printed: list[PrintedCode]) -> list[PrintedCode]:
    """The first place of each different name, in document order (spacing, bracket styles and a
    name cut short by conversion do not make a different name)."""
    firsts: list[PrintedCode] = []
    for code in printed:
        if not any(_same(code.name, other.name) for other in firsts):
            firsts.append(code)
    return firsts


def _same(one: str, other: str) -> bool:
    return normalise(one) == normalise(other) or cut_short(one, other) or cut_short(other, one)


@register
class CodeNameInconsistent(Rule):
    """例：本年一般公共预算基本支出表第 11 页把「30208」先印为“取暖费”，下一行又印为“物业管理费”
    （物业管理费的编码是 30209）。"""

    id = "code-name-inconsistent"
    title = "同一编码印为不同名称"
    description = (
        "同一份文档中（不论同表或跨表），同一个科目编码应始终对应同一个名称。只差空格、全半角或标点"
        "（如（）、()、〔〕），或名称被转换截断的，不算不同名称。每个编码报告一次，列出各名称首次出现的位置。"
    )
    severity = "warning"
    tags = ("codes", "names")
    template = "编码 {code} 在{first_place}印为“{first}”，在{place}印为“{name}”"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        by_code: dict[tuple[Kind, str], list[PrintedCode]] = {}
        for printed in printed_codes(document):
            by_code.setdefault((printed.kind, printed.code), []).append(printed)
        for (kind, code), places in by_code.items():
            names = names_of(places)
            if len(names) < 2:
                continue
            first, second = names[0], names[1]
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(
                    code=code,
                    first_place=place(first.table, first.row),
                    first=first.name,
                    place=place(second.table, second.row),
                    name=second.name,
                )
                + "".join(f"，在{place(n.table, n.row)}印为“{n.name}”" for n in names[2:]),
                location=row_location(second.table, second.row),
                evidence=tuple(row_evidence(f"{KIND_NAMES[kind]}名称", n.table, n.row) for n in names),
            )
