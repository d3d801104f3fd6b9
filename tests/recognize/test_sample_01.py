"""Sample 01: 上海市审计局 2026 单位预算 (Shanghai 市级单位预算 template, PDF, 20 pages).

Every expected value was read on the rendered page (pNN is the 1-based PDF page). Tables print
amounts in 元, the 三公 table in 万元; 收入预算总表, 支出预算总表, the 一般公共预算 tables continue on a
second page without a repeated title.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "01-2026-上海市审计局本级-单位预算.pdf"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gov_fund", "budget.soe_capital", "budget.gpb_basic",
    "budget.three_public",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "unit", 2026, "上海市审计局")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert all(e.present for e in d.listed_tables)
    assert d.listed_tables[3].title == "2026年预算单位财政拨款收支预算总表"


def test_pages_and_money_units() -> None:
    d = doc()
    assert [t.pages for t in d.tables] == [[7], [8, 9], [10, 11], [12], [13, 14], [15], [16], [17, 18], [19]]
    assert [t.money_unit for t in d.tables] == ["元"] * 8 + ["万元"]
    assert d.table("budget.income").lines is None  # two pages: lines would mix pages
    assert d.table("budget.summary").lines == (1, 14)
    assert {t.unit_name for t in d.tables} == {"上海市审计局"}


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "一、财政拨款收入", "side": "收入"}, "收入/预算数", "195774300", 7),
    ("budget.summary", {"label": "一、一般公共服务支出"}, "支出/公用经费", "20825520", 7),
    ("budget.summary", {"label": "一、一般公共服务支出"}, "支出/项目支出", "19860000", 7),
    ("budget.summary", {"label": "三、卫生健康支出"}, "支出/项目支出", "42000", 7),
    ("budget.summary", {"label": "支出总计"}, "支出/人员经费", "153268740", 7),
    ("budget.summary", {"label": "支出总计"}, "支出/项目支出", "20703000", 7),
    ("budget.income", {"code": "2010801"}, "收入预算/合计", "114479860", 8),
    ("budget.income", {"code": "2080599"}, "收入预算/财政拨款收入", "82800", 8),
    ("budget.income", {"code": "2080801"}, "收入预算/合计", "801000", 9),
    ("budget.income", {"code": "2210203"}, "收入预算/合计", "17800000", 9),
    ("budget.income", {"label": "合计"}, "收入预算/财政拨款收入", "195774300", 9),
    ("budget.fiscal_summary", {"label": "收入总计"}, "收入/预算数", "195774300", 12),
    ("budget.fiscal_summary", {"label": "二、社会保障和就业支出"}, "支出/一般公共预算", "23992440", 12),
    ("budget.gpb_basic", {"code": "30101"}, "一般公共预算基本支出/人员经费", "21000000", 17),
    ("budget.gpb_basic", {"code": "30213"}, "一般公共预算基本支出/公用经费", "3202300", 18),
    ("budget.gpb_basic", {"code": "30302"}, "一般公共预算基本支出/人员经费", "4994400", 18),
    ("budget.gpb_basic", {"label": "合计"}, "一般公共预算基本支出/合计", "175071300", 18),
    ("budget.three_public", {"label": ""}, "“三公”经费预算数/因公出国(境)费", "201.80", 19),
    ("budget.three_public", {"label": ""}, "“三公”经费预算数/公务接待费", "8.12", 19),
    ("budget.three_public", {"label": ""}, "机关运行经费预算数", "2180.26", 19),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.amount, cell.at.page) == (Decimal(amount), page)


def test_blank_cells_stay_blank() -> None:
    summary = doc().table("budget.summary")
    assert summary.amount("收入/预算数", label="收入总计") is None  # printed empty
    assert summary.amount("支出/项目支出", label="四、住房保障支出") is None


def test_narrative_sections() -> None:
    headings = [s.heading for s in doc().narrative]
    assert "一、2026年“三公”经费预算情况说明" in headings
    assert "三、政府采购预算情况" in headings
