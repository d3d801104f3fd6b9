"""Sample 86: 上海市普陀区 2026 区级部门预算 blank Excel template (.xlsx, 17 sheets, XX placeholders).

A blank template: only what is recognised is tested (meta, table types, 目录, narrative per
sheet), never values. Each sheet is one page; narrative never runs from one sheet into the next.
"""

from __future__ import annotations

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "86-2026-XX局空白模板-部门预算模板.xlsx"


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gov_fund", "budget.soe_capital", "budget.gpb_basic",
    "budget.three_public",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year) == ("budget", "department", 2026)
    assert d.unit_name == "上海市普陀区XX局"  # the 预算主管部门： line, not 区级


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert d.listed_tables[0].title == "2026年部门财务收支预算总表"
    assert all(e.present for e in d.listed_tables)


def test_one_sheet_per_table() -> None:
    d = doc()
    assert [t.pages for t in d.tables] == [[p] for p in range(7, 16)]
    assert [t.money_unit for t in d.tables] == ["元"] * 8 + ["万元"]
    assert d.table("budget.gpb_basic").columns[-2:] == [
        "一般公共预算基本支出/人员经费",
        "一般公共预算基本支出/公用经费",
    ]


def test_the_template_holds_no_amounts() -> None:
    assert not any(c.amount for t in doc().tables for r in t.rows for c in r.values.values())


def test_narrative_never_joins_sheets() -> None:
    sections = doc().narrative
    for section in sections:
        assert len({p.at.page for p in section.paragraphs}) <= 1, section.heading
    headings = [s.heading for s in sections]
    assert headings[:5] == ["XX（部门）主要职能", "XX（部门）机构设置", "1. XX本部", "2. ……", "名词解释"]
    assert "其他相关情况说明" in headings
    explanation = sections[headings.index("名词解释")]
    assert {p.at.page for p in explanation.paragraphs} == {5}
