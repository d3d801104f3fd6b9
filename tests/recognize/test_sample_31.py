"""Sample 31: 杭州市气象局 2026 部门预算 (Zhejiang template 表1–表11, PDF, 25 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
Titles print as ``表1：2026年市级部门收支预算总表`` (number, year and 市级 dropped when classified).
The 目录 lists the narrative parts only, so no table is listed; every table fits one page.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "31-2026-杭州市气象局-部门预算.pdf"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gpb_basic", "budget.three_public", "budget.gov_fund",
    "budget.soe_capital", "budget.project_expenditure", "budget.project_performance",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, "杭州市气象局")
    assert d.listed_tables == []


def test_tables_numbers_and_pages() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [t.number for t in d.tables] == [f"表{n}" for n in range(1, 12)]
    assert [t.pages for t in d.tables] == [[p] for p in range(15, 26)]
    assert {t.unit_name for t in d.tables} == {"杭州市气象局"}


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "一、财政拨款"}, "收入/预算数", "5753.07", 15),
    ("budget.summary", {"label": "七、其他收入"}, "收入/预算数", "123.61", 15),
    ("budget.summary", {"label": "本年收入合计"}, "收入/预算数", "5876.67", 15),
    ("budget.summary", {"label": "行政单位离退休"}, "支出/预算数", "193.24", 15),
    ("budget.summary", {"label": "气象事业机构"}, "支出/预算数", "650.68", 15),
    ("budget.summary", {"label": "气象服务"}, "支出/预算数", "2103.61", 15),
    ("budget.three_public", {"label": "合计"}, "“三公”经费合计", "24.02", 21),
    ("budget.three_public", {"label": "杭州市气象局"}, "公务接待费", "5.93", 21),
    (
        "budget.three_public",
        {"label": "杭州市气象服务中心（杭州市预警信息发布中心）"},
        "公务接待费",
        "0.09",
        21,
    ),
    ("budget.three_public", {"label": "杭州市气象局"}, "公务用车购置及运行费/公务用车运行维护费", "7.20", 21),
    ("budget.project_expenditure", {"label": "合计"}, "单位资金", "123.61", 24),
    ("budget.project_expenditure", {"label": "气象业务建设"}, "财政拨款收入/一般公共预算", "1002.10", 24),
    ("budget.project_expenditure", {"label": "气象设施维护及科普"}, "总计", "887.90", 24),
    ("budget.project_expenditure", {"label": "专业系统维护及科普"}, "单位资金", "28.69", 24),
    ("budget.project_performance", {"label": "气象业务建设"}, "金额", "1097.02", 25),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.amount, cell.at.page) == (Decimal(amount), page)
