"""Sample 22: 广州市信访局 2026 部门预算 (Guangzhou template, PDF, 25 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
``表N`` prints right-aligned above each title; the 经济分类 table prints codes inside the label
(``[30227]委托业务费``).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "22-2026-广州市信访局-部门预算.pdf"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gpb_basic", "budget.gpb_project_econ", "budget.three_public",
    "budget.gov_fund", "budget.soe_capital", "budget.basic_expenditure", "budget.project_expenditure",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, "广州市信访局")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert d.listed_tables[2].title == "本年支出总体情况表"
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    assert [t.number for t in d.tables] == [f"表{n}" for n in range(1, 13)]
    assert [t.pages for t in d.tables] == [
        [5, 6], [7], [8], [9, 10], [11], [12, 13], [14], [15], [16], [17], [18], [19, 20],
    ]  # fmt: skip
    assert {t.unit_name for t in d.tables} == {"广州市信访局"}


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "本年收入合计"}, "收入/预算", "3944.08", 6),
    ("budget.summary", {"label": "上年结转结余"}, "收入/预算", "0.00", 6),
    ("budget.summary", {"label": "支出总计"}, "支出/预算", "3944.08", 6),
    ("budget.expenditure", {"label": "合计"}, "基本支出", "3204.78", 8),
    ("budget.expenditure", {"code": "2014001"}, "项目支出", "28.00", 8),
    ("budget.expenditure", {"code": "2014099"}, "合计", "314.02", 8),
    ("budget.expenditure", {"code": "208"}, "基本支出", "419.35", 8),
    ("budget.gpb_basic", {"code": "30227"}, "预算", "36.00", 13),
    ("budget.gpb_basic", {"code": "30239"}, "预算", "65.19", 13),
    ("budget.gpb_basic", {"code": "303"}, "预算", "352.35", 13),
    ("budget.gpb_basic", {"code": "30302"}, "预算", "347.84", 13),
    ("budget.three_public", {"label": "行政经费"}, "合计", "444.39", 15),
    ("budget.three_public", {"label": "“三公”经费"}, "一般公共预算", "4.80", 15),
    ("budget.three_public", {"label": "2.公务用车运行维护费"}, "合计", "2.50", 15),
    ("budget.three_public", {"label": "（三）公务接待费支出"}, "合计", "2.30", 15),
    ("budget.basic_expenditure", {"label": "广州市信访局（本级）"}, "财政拨款/一般公共预算", "3204.78", 18),
    ("budget.basic_expenditure", {"label": "对个人和家庭的补助"}, "总计", "352.35", 18),
    ("budget.project_expenditure", {"label": "信访工作专项经费"}, "总计", "100.00", 20),
    (
        "budget.project_expenditure",
        {"label": "广州市信访局2025-2026年信息化运维项目"},
        "财政拨款/合计",
        "40.41",
        20,
    ),
    ("budget.project_expenditure", {"label": "信访宣传经费"}, "其他资金", "0.00", 20),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.amount, cell.at.page) == (Decimal(amount), page)


def test_bracketed_codes_become_codes() -> None:
    basic = doc().table("budget.gpb_basic")
    assert basic.find(code="30231").label == "公务用车运行维护费"


def test_empty_tables_keep_their_note() -> None:
    assert doc().table("budget.gov_fund").empty_note == "注：本表本年无发生额。"
