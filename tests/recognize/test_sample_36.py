"""Sample 36: 长沙市信访局 2026 部门预算 (Changsha/Hunan template + 绩效目标表, PDF, 32 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
财政拨款收支总表 and 一般公共预算基本支出表 continue on a second page; the 绩效目标表 run over
pages 22–32.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "36-2026-长沙市信访局-部门预算.pdf"
UNIT = "长沙市信访局"
THREE = "三公经费预（决）算数（财政拨款）"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gpb_basic", "budget.three_public", "budget.gov_fund",
    "performance.project_targets", "performance.overall_targets",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, UNIT)


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert [e.number for e in d.listed_tables] == [str(n) for n in range(1, 11)]
    assert all(e.present for e in d.listed_tables)


def test_pages() -> None:
    d = doc()
    assert [t.pages for t in d.tables][:8] == [[12], [13], [14], [15, 16], [17], [18, 19], [20], [21]]
    assert d.table("performance.overall_targets").pages == [30, 31, 32]
    assert {t.unit_name for t in d.tables} == {UNIT}
    assert {t.money_unit for t in d.tables} == {"万元"}


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "一、本级财政拨款收入"}, "收入/本年预算", "1935.36", 12),
    ("budget.summary", {"label": "一、基本支出"}, "支出/本年预算", "1517.95", 12),
    ("budget.summary", {"label": "二、项目支出"}, "支出/本年预算", "417.41", 12),
    ("budget.expenditure", {"label": "合计"}, "项目支出", "417.41", 14),
    ("budget.expenditure", {"code": "20140"}, "总计", "1935.36", 14),
    ("budget.expenditure", {"code": "2014001"}, "基本支出", "1517.95", 14),
    ("budget.fiscal_summary", {"label": "收入总计"}, "收入/金额", "1935.36", 16),
    ("budget.fiscal_summary", {"label": "支出总计"}, "支出/一般公共预算", "1935.36", 16),
    ("budget.gpb_basic", {"code": "30202"}, "公用经费", "14.00", 19),
    ("budget.gpb_basic", {"code": "30213"}, "总计", "2.14", 19),
    ("budget.gpb_basic", {"code": "30228"}, "人员类", "10.92", 19),
    ("budget.gpb_basic", {"code": "30228"}, "公用经费", "6.18", 19),
    ("budget.gpb_basic", {"code": "30239"}, "人员类", "32.76", 19),
    ("budget.three_public", {"label": "合计"}, f"{THREE}/小计", "8.00", 20),
    ("budget.three_public", {"label": UNIT}, f"{THREE}/公务接待费", "3.00", 20),
    ("budget.three_public", {"label": UNIT}, f"{THREE}/其中：公务用车运行费", "5.00", 20),
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
    three = doc().table("budget.three_public")
    assert three.amount(f"{THREE}/因公出国（境）费", label=UNIT) is None


def test_project_targets_items() -> None:
    # Pages 22–29 print four projects (the 合计 417.41 also counts the 涉密 projects the 注 says were
    # left out); each repeats its name and 资金总额 atop its continuation pages.
    items = doc().table("performance.project_targets").performance
    assert [(i.name, i.facts["资金总额"].text, i.at.page) for i in items] == [
        ("基层及其他信访业务工作经费专项", "35.78", 22),
        ("人民来访接待中心及特护期运行专项", "10.22", 23),
        ("人民来访接待中心业务专项", "102.80", 25),
        ("信访业务工作专项", "138.11", 27),
    ]
    cost = next(x for x in items[0].indicators if x.name == "总成本")
    assert (cost.level1, cost.comparison, cost.target, cost.unit, cost.at.page) == (
        "成本指标", "≤", "35.78", "万元", 22
    )  # fmt: skip
    solved = next(x for x in items[3].indicators if x.name == "调解化解信访问题数量")
    assert (solved.level2, solved.comparison, solved.target, solved.unit, solved.at.page) == (
        "数量指标", "≥", "4000", "件次", 28
    )  # fmt: skip
