"""Sample 50: 佛山市轨道交通局 2019 部门决算 (Guangdong 2019 template, eight 决算 tables, PDF, 31 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
The 2019 form has eight tables (no 国有资本经营预算 table); the 目录 lists them as 一、…八、 without page
numbers, and each table prints ``表N`` right-aligned above its title. Every table but 表7 runs over two
to four pages; the coded tables (表2, 3, 5, 8) print their 合计 row again, with the same figures, at the top
of each continuation page (pages 9, 11, 16, 23): the table keeps one 合计 row, the first. Every empty cell
prints ``0.00`` (表8 is all zeros), and 表4 misprints the 行次 of 二、外交支出 as 39.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from budgetlens.model import Row, Table
from tests.conftest import SAMPLES, read_once
from tests.recognize.printed import Selector, assert_printed, case_ids

PATH = SAMPLES / "50-2019-佛山市轨道交通局-部门决算.pdf"


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "final.summary", "final.income", "final.expenditure", "final.fiscal_summary", "final.gpb_expenditure",
    "final.gpb_basic", "final.three_public", "final.gov_fund",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("final_account", "department", 2019, "佛山市轨道交通局")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert d.listed_tables[0].title == "收入支出决算总表"
    assert d.listed_tables[6].title == "一般公共预算财政拨款“三公”经费支出决算表"
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    assert [t.number for t in d.tables] == [f"表{n}" for n in range(1, 9)]
    assert [t.pages for t in d.tables] == [
        [5, 6, 7], [8, 9], [10, 11], [12, 13, 14], [15, 16], [17, 18, 19, 20], [21], [22, 23],
    ]  # fmt: skip
    assert {t.unit_name for t in d.tables} == {"佛山市轨道交通局"}
    assert {t.money_unit for t in d.tables} == {"万元"}


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("final.summary", {"label": "一、一般公共预算财政拨款收入"}, "收入/决算数", "1668.14", 5),
    ("final.summary", {"label": "二、政府性基金预算财政拨款收入"}, "收入/决算数", "0.00", 5),
    ("final.summary", {"label": "七、其他收入"}, "收入/决算数", "0.01", 5),
    ("final.summary", {"label": "八、社会保障和就业支出"}, "支出/决算数", "76.23", 5),
    ("final.summary", {"label": "本年收入合计"}, "收入/决算数", "1668.14", 6),
    ("final.summary", {"label": "十三、交通运输支出"}, "支出/决算数", "1531.04", 6),
    ("final.summary", {"label": "十九、住房保障支出"}, "支出/决算数", "60.87", 6),
    ("final.summary", {"label": "年末结转和结余"}, "支出/决算数", "0.01", 7),
    ("final.summary", {"label": "总计", "side": "收入"}, "收入/决算数", "1668.14", 7),
    ("final.income", {"code": "2080505"}, "上级补助收入", "0.00", 8),
    ("final.income", {"code": "2140101"}, "本年收入合计", "609.30", 8),
    ("final.income", {"code": "2140101"}, "财政拨款收入", "609.29", 8),
    ("final.income", {"code": "2140101"}, "其他收入", "0.01", 8),
    ("final.income", {"code": "2210201"}, "财政拨款收入", "60.87", 9),
    ("final.expenditure", {"code": "214"}, "基本支出", "609.29", 10),
    ("final.expenditure", {"code": "2140102"}, "基本支出", "0.00", 10),
    ("final.expenditure", {"code": "2140102"}, "项目支出", "905.60", 10),
    ("final.expenditure", {"code": "22102"}, "本年支出合计", "60.87", 11),
    ("final.fiscal_summary", {"label": "一、一般公共预算财政拨款"}, "收入/金额", "1668.14", 12),
    ("final.fiscal_summary", {"label": "八、社会保障和就业支出"}, "支出/一般公共预算财政拨款", "76.23", 12),
    ("final.fiscal_summary", {"label": "十三、交通运输支出"}, "支出/合计", "1531.04", 13),
    ("final.fiscal_summary", {"label": "年初财政拨款结转和结余"}, "收入/金额", "0.00", 13),
    ("final.fiscal_summary", {"label": "总计", "side": "支出"}, "支出/合计", "1668.14", 14),
    ("final.gpb_expenditure", {"code": "2140199"}, "项目支出", "16.15", 15),
    ("final.gpb_expenditure", {"code": "2210201"}, "本年支出合计", "60.87", 16),
    ("final.gpb_basic", {"code": "301"}, "金额", "649.20", 17),
    ("final.gpb_basic", {"code": "30101"}, "金额", "301.79", 17),
    ("final.gpb_basic", {"code": "30113"}, "金额", "60.87", 17),
    ("final.gpb_basic", {"code": "30217"}, "金额", "0.16", 18),
    ("final.gpb_basic", {"code": "30239"}, "金额", "16.19", 18),
    ("final.gpb_basic", {"code": "30302"}, "金额", "0.00", 18),
    ("final.gpb_basic", {"code": "31002"}, "金额", "2.54", 19),
    ("final.gpb_basic", {"label": "人员经费合计"}, "金额", "649.20", 20),
    ("final.gpb_basic", {"label": "公用经费合计"}, "金额", "97.19", 20),
    ("final.three_public", {"label": ""}, "预算数/合计", "0.00", 21),
    ("final.three_public", {"label": ""}, "决算数/合计", "0.16", 21),
    ("final.three_public", {"label": ""}, "决算数/公务接待费", "0.16", 21),
    ("final.gov_fund", {"code": "2120801"}, "年初结转和结余", "0.00", 22),
    ("final.gov_fund", {"code": "2296003"}, "年末结转和结余", "0.00", 23),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=case_ids(VALUES),
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    assert_printed(doc(), type_id, selector, column, amount, page)


def first_total(table: Table) -> Row:
    return next(row for row in table.rows if row.label == "合计")


# The 合计 row on the first page of each coded table (it is printed again on every continuation page).
TOTALS: list[tuple[str, str, str, int]] = [
    ("final.income", "本年收入合计", "1668.14", 8),
    ("final.income", "其他收入", "0.01", 8),
    ("final.expenditure", "基本支出", "746.39", 10),
    ("final.expenditure", "项目支出", "921.75", 10),
    ("final.gpb_expenditure", "本年支出合计", "1668.14", 15),
    ("final.gov_fund", "本年支出/小计", "0.00", 22),
]


@pytest.mark.parametrize(
    ("type_id", "column", "amount", "page"),
    TOTALS,
    ids=case_ids(TOTALS),
)
def test_first_total_row(type_id: str, column: str, amount: str, page: int) -> None:
    total = first_total(doc().table(type_id))
    assert total.kind == "total"
    cell = total.values[column]
    assert (cell.text, cell.amount, cell.at.page) == (amount, Decimal(amount), page)


@pytest.mark.parametrize(
    ("type_id", "pages"),
    [
        ("final.income", [8, 9]),
        ("final.expenditure", [10, 11]),
        ("final.gpb_expenditure", [15, 16]),
        ("final.gov_fund", [22, 23]),
    ],
)
def test_total_reprinted_on_continuation_pages_is_one_row(type_id: str, pages: list[int]) -> None:
    table = doc().table(type_id)
    assert table.pages == pages
    totals = [row for row in table.rows if row.kind == "total"]
    assert [(r.label, r.at.page) for r in totals] == [("合计", pages[0])]
    assert table.find(label="合计") is totals[0]


def test_basic_table_keeps_both_sides() -> None:
    basic = doc().table("final.gpb_basic")
    assert basic.find(code="30101").side == "人员经费"
    assert basic.find(code="30239").side == "公用经费"
    assert basic.find(code="39908").label == "对民间非营利组织和群众性自治组织补贴"  # wraps over two lines
