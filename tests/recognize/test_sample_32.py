"""Sample 32: 国家信访局 2024 部门决算 (central 公开01–09表 + 4 项目支出绩效自评表, PDF, 36 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
The first 自评表 runs over pages 30–31: its 总分 row prints on the second page.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "32-2024-国家信访局-部门决算.pdf"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


NINE = [
    "final.summary", "final.income", "final.expenditure", "final.fiscal_summary", "final.gpb_expenditure",
    "final.gpb_basic", "final.gov_fund", "final.soe_capital", "final.three_public",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("final_account", "department", 2024, "国家信访局")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == [*NINE, "performance.project_self_eval"]
    listed = [e.type or "" for e in d.listed_tables]
    assert sorted(listed) == sorted(NINE)  # the 目录 lists 三公 (公开07表) before the two fund tables
    assert d.listed_tables[0].title == "收入支出决算总表"  # dot leaders and page dropped
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    assert [t.number for t in d.tables[:9]] == [f"公开{n:02d}表" for n in range(1, 10)]
    assert [t.pages for t in d.tables[:9]] == [[p] for p in range(7, 16)]
    assert d.tables[-1].pages == [30, 31, 32, 33, 34, 35, 36]
    assert d.tables[-1].lines is None


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("final.summary", {"label": "一、一般公共预算财政拨款收入"}, "收入/金额", "19572.91", 7),
    ("final.summary", {"label": "八、其他收入"}, "收入/金额", "878.44", 7),
    ("final.summary", {"label": "一、一般公共服务支出"}, "支出/金额", "10685.56", 7),
    ("final.summary", {"label": "五、教育支出"}, "支出/金额", "180.03", 7),
    ("final.summary", {"label": "八、社会保障和就业支出"}, "支出/金额", "2228.57", 7),
    ("final.income", {"label": "合计"}, "本年收入合计", "20451.35", 8),
    ("final.income", {"code": "2014001"}, "其他收入", "268.50", 8),
    ("final.income", {"code": "2014003"}, "财政拨款收入", "229.19", 8),
    ("final.income", {"code": "2014099"}, "本年收入合计", "7773.28", 8),
    ("final.income", {"code": "2080501"}, "财政拨款收入", "1028.48", 8),
    ("final.three_public", {"label": ""}, "预算数/合计", "76.43", 15),
    ("final.three_public", {"label": ""}, "预算数/公务接待费", "5.80", 15),
    ("final.three_public", {"label": ""}, "决算数/因公出国（境）费", "4.69", 15),
    ("final.three_public", {"label": ""}, "决算数/公务用车购置及运行维护费/公务用车运行维护费", "40.61", 15),
    ("final.three_public", {"label": ""}, "决算数/公务接待费", "0.90", 15),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.amount, cell.at.page) == (Decimal(amount), page)


def test_self_evaluation_runs_over_pages() -> None:
    table = doc().table("performance.project_self_eval")
    assert [p.name for p in table.performance] == [
        "信访干部培训专项",
        "信访研究宣传立法专项",
        "资产运行维护",
        "信息化运行维护",
    ]
    first = table.performance[0]
    assert (first.facts["总分/得分"].text, first.facts["总分/得分"].at.page) == ("98", 31)
    assert (first.facts["财政拨款/年初预算数"].text, first.facts["财政拨款/年初预算数"].at.page) == (
        "140.61",
        30,
    )
