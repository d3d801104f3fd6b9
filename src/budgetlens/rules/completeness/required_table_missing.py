"""required-table-missing: a table every disclosure of its kind must publish is absent."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.recognize.vocabulary import TYPES_BY_ID
from budgetlens.rules.finding import Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register

REQUIRED: dict[str, tuple[str, ...]] = {
    # 部门决算: the national nine tables (公开01–09表).
    "final_account": (
        "final.summary",
        "final.income",
        "final.expenditure",
        "final.fiscal_summary",
        "final.gpb_expenditure",
        "final.gpb_basic",
        "final.gov_fund",
        "final.soe_capital",
        "final.three_public",
    ),
    # 部门预算: the eight tables every template has (国有资本经营预算支出表 varies by province).
    "budget": (
        "budget.summary",
        "budget.income",
        "budget.expenditure",
        "budget.fiscal_summary",
        "budget.gpb_expenditure",
        "budget.gpb_basic",
        "budget.three_public",
        "budget.gov_fund",
    ),
}

# Tables required only from a report year on: final accounts up to 2019 published eight tables,
# without the 国有资本经营预算财政拨款支出决算表 (sample 50, 佛山 2019; 杨凌 2019); from 2021 every
# template seen has nine.
FROM_YEAR: dict[str, int] = {"final.soe_capital": 2020}

# A table that carries the required one's content under another layout: 深圳 publishes the 一般公共预算
# 支出表（按经济分类） with a 基本支出 column instead of a separate 一般公共预算基本支出表.
ALTERNATIVES: dict[str, tuple[tuple[str, str], ...]] = {
    "budget.gpb_basic": (("budget.gpb_expenditure_econ", "基本支出"),),
}


def _covered(document: Document, type_id: str) -> bool:
    return any(
        column in table.columns
        for other, column in ALTERNATIVES.get(type_id, ())
        for table in document.tables_of(other)
    )


@register
class RequiredTableMissing(Rule):
    """例：一份部门决算没有“财政拨款‘三公’经费支出决算表”，目录也未列出。"""

    id = "required-table-missing"
    title = "必备表格缺失"
    description = (
        "部门决算须公开全国统一的 9 张表（公开 01–09 表；2019 年度及以前为 8 张，没有国有资本经营预算"
        "财政拨款支出决算表）；部门预算须公开收支总表、收入总表、支出总表、"
        "财政拨款收支总表、一般公共预算支出表、一般公共预算基"
        "本支出表、“三公”经费支出表、政府性基金预算支出表。"
        "以一般公共预算支出表（按经济分类，含基本支出列）代替基本支出表的（深圳）视为已公开。"
        "目录已列出而正文缺失的表由 listed-table-missing 报告，此处不重复。"
    )
    severity = "error"
    tags = ("completeness",)
    template = "{kind}应公开“{name}”（{type}），文档中没有这张表"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        if document.kind is None:
            return
        present = {t.type for t in document.tables}
        listed = {e.type for e in document.listed_tables}
        kind = "部门决算" if document.kind == "final_account" else "部门预算"
        for type_id in REQUIRED[document.kind]:
            if type_id in present or type_id in listed or _covered(document, type_id):
                continue
            if document.year is not None and document.year < FROM_YEAR.get(type_id, 0):
                continue
            name = TYPES_BY_ID[type_id].name
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(kind=kind, name=name, type=type_id),
                location=Location(table=type_id, title=name),
                evidence=(),
                extra={"document_kind": document.kind},
            )
