"""Sample 52: 烟台市财政局 2026 部门预算 (Shandong template, 公开表1–12, PDF, 49 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
``公开表N`` prints right-aligned above each title; amounts print with thousands separators
(``9,069.47``) and cells without a figure print blank, not ``0.00``. The 目录 names 公开表12
``政府采购预算情况表`` while the table itself is titled ``政府采购预算表``. Codes print split into
类/款/项 columns; 公开表6 and 公开表10 print each 部门经济分类 code twice (once under 机关 50x and once
under 对事业单位经常性补助 505), so those rows are told apart by their 政府预算经济分类 name.
公开表8 and 公开表9 print an empty grid with a note below. Pages 32–46 hold 12 政策和项目预算绩效目标表
(not in the 目录).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "52-2026-烟台市财政局-部门预算.pdf"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gpb_basic", "budget.three_public", "budget.gov_fund",
    "budget.soe_capital", "budget.basic_expenditure", "budget.project_expenditure", "budget.procurement",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, "烟台市财政局")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert d.listed_tables[0].title == "收支总体情况表"
    assert d.listed_tables[11].title == "政府采购预算情况表"
    assert d.tables[11].title == "政府采购预算表"
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    assert [t.number for t in d.tables] == [f"公开表{n}" for n in range(1, 13)]
    assert [t.pages for t in d.tables] == [
        [10], [11, 12], [13, 14], [15, 16], [17, 18], [19, 20], [21], [22], [23], [24, 25], [26], [27],
    ]  # fmt: skip
    assert {t.money_unit for t in d.tables} == {"万元"}


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "一、财政拨款收入"}, "收入/预算数", "9,069.47", 10),
    ("budget.summary", {"label": "一、一般公共服务支出"}, "支出/预算数", "7,231.78", 10),
    ("budget.summary", {"label": "七、社会保障和就业支出"}, "支出/预算数", "1,060.25", 10),
    ("budget.summary", {"label": "十七、住房保障支出"}, "支出/预算数", "416.75", 10),
    ("budget.summary", {"label": "收入总计"}, "收入/预算数", "9,069.47", 10),
    ("budget.income", {"label": "合计"}, "财政拨款收入/一般公共预算收入", "9,069.47", 11),
    ("budget.income", {"code": "2010601"}, "合计", "2,990.74", 11),
    ("budget.income", {"code": "2080599"}, "财政拨款收入/一般公共预算收入", "6.57", 12),
    ("budget.income", {"code": "2101103"}, "合计", "84.50", 12),
    ("budget.expenditure", {"label": "合计"}, "基本支出", "6,012.90", 13),
    ("budget.expenditure", {"code": "2010602"}, "项目支出", "2,160.74", 13),
    ("budget.expenditure", {"code": "2101102"}, "基本支出", "62.64", 14),
    ("budget.expenditure", {"code": "221"}, "合计", "416.75", 14),
    ("budget.fiscal_summary", {"label": "四、教育支出"}, "支出/一般公共预算", "25.00", 15),
    ("budget.fiscal_summary", {"label": "本年支出合计"}, "支出/总计", "9,069.47", 16),
    ("budget.fiscal_summary", {"label": "支出总计"}, "支出/一般公共预算", "9,069.47", 16),
    ("budget.gpb_expenditure", {"label": "合计"}, "基本支出/人员支出", "5,355.29", 17),
    ("budget.gpb_expenditure", {"label": "合计"}, "基本支出/日常公用支出", "657.61", 17),
    ("budget.gpb_expenditure", {"code": "2010601"}, "基本支出/日常公用支出", "484.47", 17),
    ("budget.gpb_expenditure", {"code": "2010650"}, "基本支出/人员支出", "1,042.91", 17),
    ("budget.gpb_expenditure", {"code": "2080599"}, "基本支出/日常公用支出", "6.57", 17),
    ("budget.gpb_expenditure", {"code": "2210201"}, "基本支出/人员支出", "416.75", 18),
    ("budget.gpb_basic", {"code": "30107"}, "基本支出预算/小计", "269.01", 19),
    ("budget.gpb_basic", {"code": "30212"}, "基本支出预算/日常公用支出", "13.00", 20),
    ("budget.gpb_basic", {"code": "303"}, "基本支出预算/人员支出", "452.03", 20),
    ("budget.gpb_basic", {"code": "30309"}, "基本支出预算/小计", "0.17", 20),
    ("budget.three_public", {"label": ""}, "2025年预算数/合计", "10.40", 21),
    ("budget.three_public", {"label": ""}, "2026年预算数/合计", "23.40", 21),
    ("budget.three_public", {"label": ""}, "2026年预算数/因公出国（境）经费", "13.00", 21),
    ("budget.three_public", {"label": ""}, "2026年预算数/公务接待费", "5.00", 21),
    ("budget.basic_expenditure", {"label": "合计"}, "合计", "6,012.90", 24),
    ("budget.basic_expenditure", {"code": "30201"}, "财政拨款/一般公共预算", "83.91", 25),
    ("budget.basic_expenditure", {"code": "30305"}, "合计", "7.70", 25),
    ("budget.project_expenditure", {"label": "合计"}, "合计", "3,056.57", 26),
    ("budget.project_expenditure", {"label": "会计工作经费"}, "合计", "322.00", 26),
    ("budget.project_expenditure", {"label": "中介服务费-政府项目审查费"}, "财政拨款/小计", "800.00", 26),
    ("budget.project_expenditure", {"label": "网络运行维护费、公务仓维护费"}, "合计", "482.83", 26),
    ("budget.procurement", {"label": "合计"}, "合计", "2,153.44", 27),
    ("budget.procurement", {"code": "2010601"}, "合计", "3.00", 27),
    ("budget.procurement", {"code": "2010699"}, "财政拨款/一般公共预算", "612.00", 27),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "text", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, text: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.text, cell.amount, cell.at.page) == (text, Decimal(text.replace(",", "")), page)


# Cells the page prints blank: the row is read, the cell holds no value.
BLANKS: list[tuple[str, Selector, str, int]] = [
    ("budget.summary", {"label": "政府性基金预算收入"}, "收入/预算数", 10),
    ("budget.summary", {"label": "结转下年"}, "支出/预算数", 10),
    ("budget.expenditure", {"label": "合计"}, "结转下年", 13),
    ("budget.expenditure", {"code": "2010601"}, "项目支出", 13),
    ("budget.gpb_expenditure", {"code": "2010602"}, "基本支出/小计", 17),
    ("budget.three_public", {"label": ""}, "2025年预算数/因公出国（境）经费", 21),
    ("budget.three_public", {"label": ""}, "2026年预算数/公务用车购置及运行维护费/公务用车购置经费", 21),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "page"),
    BLANKS,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(BLANKS)],
)
def test_blank_cells(type_id: str, selector: Selector, column: str, page: int) -> None:
    table = doc().table(type_id)
    assert column in table.columns
    assert table.find(**selector).at.page == page
    assert table.amount(column, **selector) is None


def test_economic_codes_print_twice() -> None:
    basic = doc().table("budget.gpb_basic")
    rows = [r for r in basic.rows if r.code == "301"]
    names = [r.values["政府预算支出经济分类科目名称"].text for r in rows]
    assert names == ["机关工资福利支出", "对事业单位经常性补助"]
    assert [r.values["基本支出预算/小计"].text for r in rows] == ["3,479.46", "1,423.81"]
    assert [r.values["基本支出预算/小计"].at.page for r in rows] == [19, 19]


def test_fund_tables_without_figures() -> None:
    d = doc()
    assert [len(d.table(t).rows) for t in ("budget.gov_fund", "budget.soe_capital")] == [0, 0]
