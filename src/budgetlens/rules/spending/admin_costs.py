"""admin-costs-over-public-funds: 机关运行经费 does not exceed the 公用经费 it is part of (T-05, YX-5).

机关运行经费 is the 日常公用经费 of 行政 and 参公 units out of the 一般公共预算财政拨款基本支出, so it is at
most the 公用经费合计 of the 基本支出 table (equal only when every unit is 行政/参公). It is a warning:
templates and local definitions differ (some count 项目 money too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.cross_table.pairs import Ref
from budgetlens.rules.cross_table.same_figure import figures
from budgetlens.rules.figures import Figure
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.narrative.figures import (
    Sentence,
    amounts,
    half_unit,
    narrative_decimals,
    sections,
    text_evidence,
    text_finding,
)
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.three_public import in_wan
from budgetlens.rules.spending.topics import GLOSSARY, topic_sentences

_NAMED = re.compile(r"机关运行经费|运行经费|行政经费")
_NOT_THE_FIGURE = re.compile(r"增加|减少|增长|下降|上升|降低|持平|比上|较|上年|其中|占|\d{4}\s*年度?决算")
_PUBLIC_COLUMNS = ("公用经费", "日常公用支出", "日常公用经费", "公用支出")
_PUBLIC_LABELS = ("公用经费", "日常公用经费", "日常公用支出")


@dataclass(frozen=True)
class Base:
    """The 公用经费 compared with: a table cell, or (without one) the amount the 基本支出 说明 states."""

    amount: Decimal
    name: str
    evidence: Evidence
    location: Location | None


def stated_admin_costs(document: Document) -> tuple[Sentence, Decimal, str] | None:
    """The first 机关运行经费 amount the narrative states (not a change, not a part of it)."""
    for entry in topic_sentences(document, "机关运行经费"):
        sentence = entry.sentence
        for stated in amounts(sentence, document.unit_name):
            named = list(_NAMED.finditer(sentence.plain[: stated.start]))
            if named and not _NOT_THE_FIGURE.search(sentence.plain[named[-1].end() : stated.start]):
                return sentence, stated.amount, stated.text
    return None


def _table_base(document: Document) -> Figure | None:
    if document.kind == "final_account":
        found = figures(document, Ref("final.gpb_basic", ("决算数",), side="公用经费"))
        return found[0] if len(found) == 1 and found[0].amount is not None else None
    for table in document.tables_of("budget.gpb_basic")[:1]:
        totals = [r for r in table.rows if r.kind == "total"][:1]
        for column in table.columns:
            leaf = column.rsplit("/", 1)[-1]
            if leaf in _PUBLIC_COLUMNS and "上年" not in column and totals:
                figure = Figure(table, totals[0], column)
                if figure.amount is not None:
                    return figure
    found = figures(document, Ref("budget.gpb_expenditure", ("基本支出/公用经费",)))
    return found[0] if len(found) == 1 and found[0].amount is not None else None


def public_funds(document: Document) -> Base | None:
    figure = _table_base(document)
    if figure is not None and figure.table.money_unit is not None:
        return Base(in_wan(figure), figure.name(), figure.evidence("公用经费"), figure.location())
    for section in sections(document):
        for sentence in section:
            if GLOSSARY in sentence.headings or "三公" in sentence.headings:
                continue
            for stated in amounts(sentence, document.unit_name):
                if stated.label in _PUBLIC_LABELS:
                    evidence = text_evidence(sentence, "说明所述公用经费", stated.amount)
                    return Base(stated.amount, f"说明第 {sentence.line} 行所述{stated.label}", evidence, None)
    return None


@register
class AdminCostsOverPublicFunds(Rule):
    """例：说明第 413 行“本部门2024年度机关运行经费支出218.5万元”，而基本支出决算明细表「公用经费合计」
    决算数为 40.95 万元：机关运行经费是公用经费的一部分，不应超过它（218.5 恰为基本支出合计）。
    """

    id = "admin-costs-over-public-funds"
    title = "机关运行经费不超过公用经费"
    description = (
        "情况说明所述机关运行经费（行政单位和参公事业单位一般公共预算财政拨款基本支出中的日常公用经费）"
        "不应超过一般公共预算财政拨款基本支出表的公用经费合计（T-05、YX-5）；表中没有公用经费合计时，"
        "与说明所述公用经费比较。两者相等仅在全部单位均为行政或参公单位时正常。各地口径不一，记为警告。"
    )
    severity = "warning"
    tags = ("机关运行经费", "narrative", "cross-table")
    template = (
        "说明第 {line} 行“{quote}”：机关运行经费 {stated} 万元，超过{where} {base} 万元"
        "（多 {difference} 万元）"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        stated = stated_admin_costs(document)
        base = public_funds(document) if stated is not None else None
        if stated is None or base is None:
            return
        sentence, amount, text = stated
        # The stated figure is rounded to its own last digit (2,180.26 for 21,802,560 元).
        if amount - half_unit(context, amount, narrative_decimals(document)) <= base.amount:
            return
        fields = {
            "stated": text,
            "where": base.name,
            "base": str(base.amount),
            "difference": str(amount - base.amount),
        }
        evidence = (text_evidence(sentence, "说明原文", amount), base.evidence)
        yield text_finding(type(self), sentence, fields, evidence, base.amount, amount, None, base.location)
