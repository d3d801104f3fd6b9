"""Sample 14: 深圳市信访局 2026 部门预算 (Shenzhen template, PDF, 33 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
Each table page repeats ``表 N`` above the title: a table number, so tables continued over two or
three pages stay one table.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "14-2026-深圳市信访局-部门预算.pdf"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.basic_expenditure",
    "budget.project_expenditure", "budget.fiscal_summary", "budget.gpb_expenditure",
    "budget.gpb_expenditure_econ", "budget.three_public", "budget.gov_fund", "budget.soe_capital",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, "深圳市信访局")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert [e.title for e in d.listed_tables][3:5] == ["基本支出总表", "项目支出总表"]
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    assert [t.number for t in d.tables] == [f"表{n}" for n in range(1, 12)]
    assert [t.pages for t in d.tables] == [
        [15, 16], [17], [18, 19, 20], [21, 22], [23], [24, 25], [26, 27], [28, 29, 30], [31], [32], [33],
    ]  # fmt: skip
    assert {t.unit_name for t in d.tables} == {"深圳市信访局"}
    assert {t.money_unit for t in d.tables} == {"万元"}


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "1.一般公共预算拨款", "side": "收入"}, "收入/2026年预算数", "4676.96", 15),
    ("budget.summary", {"label": "上年结余、结转"}, "收入/2026年预算数", "7.34", 16),
    ("budget.summary", {"label": "购房补贴"}, "支出/2026年预算数", "553.33", 16),
    ("budget.summary", {"label": "支出总计"}, "支出/2026年预算数", "4684.30", 16),
    ("budget.income", {"label": "深圳市信访局"}, "收入总计", "4684.30", 17),
    ("budget.expenditure", {"code": "2014004"}, "项目支出", "1592.29", 18),
    ("budget.expenditure", {"code": "2080505"}, "基本支出", "201.65", 19),
    ("budget.expenditure", {"code": "2210203"}, "支出总计", "553.33", 20),
    ("budget.basic_expenditure", {"label": "办公费"}, "财政拨款/一般公共预算拨款", "21.00", 21),
    ("budget.basic_expenditure", {"label": "退休费"}, "总计", "184.15", 22),
    (
        "budget.project_expenditure",
        {"label": "信访大厅运行"},
        "2026年预算/财政拨款/一般公共预算拨款",
        "596.94",
        23,
    ),
    ("budget.project_expenditure", {"label": "信访大厅运行"}, "2026年预算/上年结余、结转", "6.90", 23),
    ("budget.fiscal_summary", {"label": "本年收入合计"}, "收入/2026年预算数", "4676.96", 25),
    ("budget.gpb_expenditure_econ", {"code": "30101"}, "基本支出", "356.33", 28),
    ("budget.gpb_expenditure_econ", {"code": "30213"}, "支出总计", "52.34", 29),
    ("budget.gpb_expenditure_econ", {"code": "30227"}, "项目支出", "1143.78", 29),
    ("budget.gpb_expenditure_econ", {"code": "30299"}, "基本支出", "24.55", 30),
    (
        "budget.three_public",
        {"label": "深圳市信访局"},
        "公务接待费/一般公共预算",
        "2.98",
        31,
    ),  # the 2025 line
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.amount, cell.at.page) == (Decimal(amount), page)


def test_rows_are_labelled_by_item_not_unit() -> None:
    econ = doc().table("budget.gpb_expenditure_econ")
    assert econ.find(code="30207").label == "邮电费"
    assert econ.rows[0].label == "深圳市信访局"


def test_project_header_as_printed() -> None:
    """Page 23: an empty cell over 总计 beside ``支出项目类别``; ``2026 年预算`` spans the rest."""
    assert doc().table("budget.project_expenditure").columns == [
        "支出项目类别", "总计", "2026年预算/财政拨款/一般公共预算拨款",
        "2026年预算/财政拨款/政府性基金预算拨款", "2026年预算/财政拨款/国有资本经营预算拨款",
        "2026年预算/财政专户管理资金", "2026年预算/单位资金/事业收入",
        "2026年预算/单位资金/事业单位经营收入", "2026年预算/单位资金/上级补助收入",
        "2026年预算/单位资金/附属单位上缴收入", "2026年预算/单位资金/其他收入", "2026年预算/上年结余、结转",
    ]  # fmt: skip
    cell = doc().table("budget.project_expenditure").find(label="深圳市信访局").values["总计"]
    assert (cell.amount, cell.at.page) == (Decimal("1612.29"), 23)


def test_empty_tables_keep_their_note() -> None:
    assert doc().table("budget.gov_fund").notes == ["注：本表本年无发生额。"]


def test_narrative_keeps_the_parts() -> None:
    headings = [s.heading for s in doc().narrative]
    assert "第五部分 财政拨款“三公”经费预算情况" in headings
