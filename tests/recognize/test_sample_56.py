"""Sample 56: 长春市信访局（本级）2026 部门预算 (Jilin template 预算表1–11, PDF, 20 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
Titles and meta lines print inside the first rows of each table's grid (``收支总表（预算表 1）`` /
``预算单位：长春市信访局 | 单位：万元``); the 目录 heading prints as two lines (目 / 录). No table
runs over a page.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "56-2026-长春市信访局本级-部门预算.pdf"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gpb_basic", "budget.three_public", "budget.gov_fund",
    "budget.project_expenditure", "budget.soe_capital", "performance.project_targets",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, "长春市信访局(本级)")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert all(e.present for e in d.listed_tables)


def test_titles_read_from_the_grid() -> None:
    d = doc()
    assert [t.number for t in d.tables] == [f"预算表{n}" for n in range(1, 12)]
    assert [t.pages for t in d.tables] == [[p] for p in range(6, 17)]
    assert {t.unit_name for t in d.tables[:10]} == {"长春市信访局"}
    assert {t.money_unit for t in d.tables[:10]} == {"万元"}


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "一、财政拨款收入"}, "收入/本年预算", "1682.76", 6),
    ("budget.summary", {"label": "二、社会保障和就业支出"}, "支出/本年预算", "178.42", 6),
    ("budget.summary", {"label": "三、卫生健康支出"}, "支出/编制预算", "32.65", 6),
    ("budget.summary", {"label": "四、住房保障支出"}, "支出/本年预算", "93.27", 6),
    ("budget.expenditure", {"label": "总计："}, "当年预算/基本支出", "1208.2", 8),
    ("budget.expenditure", {"code": "2014002"}, "当年预算/项目支出", "458.00", 8),
    ("budget.expenditure", {"code": "2014099"}, "合计", "16.56", 8),
    ("budget.expenditure", {"code": "2080501"}, "当年预算/基本支出", "72.62", 8),
    ("budget.gpb_basic", {"label": "合计"}, "当年预算/公用经费", "211.00", 11),
    ("budget.gpb_basic", {"code": "30101"}, "当年预算/人员经费", "297.50", 11),
    ("budget.gpb_basic", {"code": "30108"}, "合计", "105.80", 11),
    ("budget.gpb_basic", {"code": "30199"}, "当年预算/小计", "9.74", 11),
    ("budget.three_public", {"label": ""}, "“三公”经费合计", "7.61", 12),
    ("budget.three_public", {"label": ""}, "当年预算/公务用车购置及运行费/公务用车运行费", "6.75", 12),
    ("budget.three_public", {"label": ""}, "当年预算/公务接待费", "0.86", 12),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.amount, cell.at.page) == (Decimal(amount), page)
