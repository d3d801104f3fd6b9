"""code-name-mismatch: a known code printed under another name than the registry's for that year."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.classification.kinds import KIND_NAMES, Kind
from budgetlens.classification.names import cut_short, normalise, same_name
from budgetlens.classification.printed import printed_codes
from budgetlens.classification.registry import Entry, default_registry
from budgetlens.model import Document, Provenance
from budgetlens.rules.codes.places import place, row_evidence, row_location
from budgetlens.rules.finding import Evidence, Finding
from budgetlens.rules.registry import CheckContext, Rule, register


def matches(name: str, entries: list[Entry]) -> bool:
    """The printed name is one of the entries' names (or one cut short by conversion)."""
    return any(same_name(name, e.name) or cut_short(name, e.name) for e in entries)


@register
class CodeNameMismatch(Rule):
    """例：本年一般公共预算基本支出表「30213 维护（护）费」：编码表中 30213 的名称为“维修（护）费”。"""

    id = "code-name-mismatch"
    title = "科目名称与编码表不符"
    description = (
        "已登记的科目编码，其印制名称应是编码表中该年度的名称之一（编码表按年度记录名称：某年见到的名称"
        "在该年有效，其他年度取最近年度见到的名称）。只差空格、全半角或标点，或名称被转换截断的不报告；"
        "编码表中该编码只有推测（reconstructed）名称时也不报告。每个编码与名称的组合报告一次。"
    )
    severity = "warning"
    tags = ("codes", "registry", "names")
    template = "{place}「{code} {label}」：编码表中{kind} {code} 的名称为{names}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        registry = default_registry()
        reported: set[tuple[Kind, str, str]] = set()
        for printed in printed_codes(document):
            key = (printed.kind, printed.code, normalise(printed.name))
            if key in reported:
                continue
            in_force = registry.lookup(printed.kind, printed.code, document.year)
            trusted = [e for e in in_force if e.trusted]
            if not trusted or matches(printed.name, in_force):
                continue
            reported.add(key)
            names = "、".join(f"“{e.name}”" for e in trusted)
            other_years = [
                e
                for e in registry.entries(printed.kind, printed.code)
                if e.dated and matches(printed.name, [e])
            ]
            if other_years:
                names += f"（“{printed.name}”是 {other_years[0].years()} 年的名称）"
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(
                    place=place(printed.table, printed.row),
                    code=printed.code,
                    label=printed.name,
                    kind=KIND_NAMES[printed.kind],
                    names=names,
                ),
                location=row_location(printed.table, printed.row),
                evidence=(
                    row_evidence("印制名称", printed.table, printed.row),
                    *(
                        Evidence(role="编码表名称", text=e.name, amount=None, at=Provenance(), code=e.code)
                        for e in trusted
                    ),
                ),
                reference=trusted[0].source,
            )
