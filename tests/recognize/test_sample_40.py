"""Sample 40: 福州市商务局 2026 部门预算 (Fujian template, PDF, 43 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page; the
printed page numbers are three lower). Each table prints a section heading ``一、收支预算总表`` … ``十、``
above its title ``2026 年度收支预算总表``; the 目录 lists the ten tables by those headings (一 … 十), and
the heading's number is the table's number.
支出预算总表, 一般公共预算拨款支出预算表 and 一般公共预算基本支出经济分类情况表 continue on further pages
without a repeated header. The 收支预算总表 prints its 支出 totals wrapped over two lines
(``24995.9`` / ``4``). The 项目支出绩效目标表 (one table heading, eight projects, pages 29–39) is a
section of the 情况说明, not an entry of the 目录.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "40-2026-福州市商务局-部门预算.pdf"
UNIT = "福州市商务局"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


LISTED = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gov_fund", "budget.soe_capital", "budget.gpb_expenditure_econ",
    "budget.gpb_basic", "budget.three_public",
]  # fmt: skip
TYPES = [*LISTED, "performance.project_targets"]


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, UNIT)


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == LISTED
    assert [e.number for e in d.listed_tables] == list("一二三四五六七八九十")
    assert d.listed_tables[0].title == "收支预算总表"  # dot leaders and page dropped
    assert d.listed_tables[9].title == "一般公共预算“三公”经费支出预算表"
    assert all(e.present for e in d.listed_tables)
    assert [t.title for t in d.tables][:2] == ["2026 年度收支预算总表", "2026 年度收入预算总表"]


def test_table_pages() -> None:
    d = doc()
    assert [t.pages for t in d.tables] == [
        [11], [12], [13, 14], [15], [16, 17], [18], [19], [20], [21, 22, 23], [24],
        list(range(29, 40)),
    ]  # fmt: skip
    assert {t.money_unit for t in d.tables[:10]} == {"万元"}
    # the section heading above each title (七、国有资本经营预算拨款支出预算表) numbers it as the 目录 does
    assert [t.number for t in d.tables[:10]] == list("一二三四五六七八九十")


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "一、一般公共预算拨款收入"}, "收入/预算数", "23195.94", 11),
    ("budget.summary", {"label": "二、政府性基金预算拨款收入"}, "收入/预算数", "1800.00", 11),
    ("budget.summary", {"label": "上年结转结余"}, "收入/预算数", "0.00", 11),
    ("budget.summary", {"label": "收入合计"}, "收入/预算数", "24995.94", 11),
    ("budget.summary", {"label": "十五、商业服务业等支出"}, "支出/预算数", "18800.00", 11),
    ("budget.summary", {"label": "支出合计"}, "支出/预算数", "24995.94", 11),  # wrapped 24995.9/4
    ("budget.income", {"label": "合计"}, "国有资本经营预算拨款收入", "0.00", 12),
    ("budget.income", {"label": "福州市商务发展促进中心"}, "合计", "337.92", 12),
    ("budget.income", {"label": UNIT}, "一般公共预算拨款收入", "22858.02", 12),
    ("budget.income", {"label": UNIT}, "政府性基金预算拨款收入", "1800.00", 12),
    ("budget.expenditure", {"label": "合计"}, "项目支出", "21134.69", 13),
    ("budget.expenditure", {"label": "合计"}, "对附属单位补助支出", "0.00", 13),
    ("budget.expenditure", {"code": "2011350"}, "基本支出", "245.05", 13),
    ("budget.expenditure", {"code": "2011350"}, "项目支出", "16.63", 13),
    ("budget.expenditure", {"code": "21602"}, "合计", "11600.00", 13),
    ("budget.expenditure", {"code": "2210203"}, "基本支出", "173.67", 14),
    ("budget.fiscal_summary", {"label": "支出合计"}, "支出/预算数", "24995.94", 15),
    ("budget.fiscal_summary", {"label": "十九、住房保障支出"}, "支出/预算数", "464.69", 15),
    ("budget.gpb_expenditure", {"label": "合计"}, "其中：/项目支出", "19334.69", 16),
    ("budget.gpb_expenditure", {"code": "2080505"}, "小计", "256.45", 16),
    ("budget.gpb_expenditure", {"code": "2210202"}, "其中：/基本支出", "43.77", 17),
    ("budget.gov_fund", {"label": "合计"}, "其中：/基本支出", "0.00", 18),
    ("budget.gov_fund", {"code": "2120815"}, "其中：/项目支出", "1800.00", 18),
    ("budget.soe_capital", {"label": "合计"}, "小计", "0.00", 19),
    ("budget.gpb_expenditure_econ", {"code": "302"}, "预算数", "19637.13", 20),
    ("budget.gpb_expenditure_econ", {"code": "310"}, "预算数", "7.60", 20),
    ("budget.gpb_basic", {"label": "合计"}, "预算数", "3861.25", 21),
    ("budget.gpb_basic", {"code": "30103"}, "预算数", "778.51", 21),
    ("budget.gpb_basic", {"code": "30226"}, "预算数", "72.00", 21),
    ("budget.gpb_basic", {"code": "30239"}, "预算数", "81.00", 22),
    ("budget.gpb_basic", {"code": "30302"}, "预算数", "0.32", 22),
    ("budget.gpb_basic", {"code": "31002"}, "预算数", "7.60", 22),
    ("budget.three_public", {"label": "合计"}, "预算数", "84.10", 24),
    ("budget.three_public", {"label": "1、因公出国（境）费用"}, "预算数", "70.00", 24),
    ("budget.three_public", {"label": "其中：（1）公务用车购置费"}, "预算数", "0.00", 24),
    ("budget.three_public", {"label": "（2）公务用车运行费"}, "预算数", "8.00", 24),
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
    d = doc()
    summary = d.table("budget.summary")
    assert summary.amount("收入/预算数", label="三、国有资本经营预算拨款收入") is None
    assert summary.amount("支出/预算数", label="九、卫生健康支出") is None
    assert d.table("budget.gpb_basic").amount("预算数", code="30106") is None
    assert d.table("budget.gpb_basic").amount("预算数", code="39999") is None  # last row, page 23
    assert d.table("budget.expenditure").amount("基本支出", code="2011302") is None


def test_empty_table_note() -> None:
    d = doc()
    # page 19: 合计 0.00 | 0.00 | 0.00 and a 备注 wrapped over two lines (``…安排的支`` / ``出。``)
    soe = d.table("budget.soe_capital")
    assert soe.empty_note == "备注：本部门 2026 年没有使用国有资本经营预算拨款安排的支出。"
    assert [(r.label, r.values["小计"].text, r.at.page) for r in soe.rows] == [("合计", "0.00", 19)]
    assert not any("备注" in p.text for s in d.narrative for p in s.paragraphs)


def test_project_targets() -> None:
    table = doc().table("performance.project_targets")
    assert [p.name for p in table.performance] == [
        "办公楼物业", "办公楼租金", "菜篮子工程建设专项资金", "口岸单位补贴",
        "商务发展资金", "商务工作专项经费", "房屋租金", "物业费",
    ]  # fmt: skip
    assert [p.at.page for p in table.performance] == [29, 31, 32, 33, 34, 36, 38, 39]
    rent = table.performance[6]
    assert (rent.facts["主管部门"].text, rent.facts["实施单位"].text) == (UNIT, "福州市商务发展促进中心")
    first = table.performance[0]
    assert first.goal == "根据《物业服务合同》租用面积 5137.26 平方米，年物业费每平米 50.4元。"
    assert [(i.level2, i.name, i.target, i.at.page) for i in first.indicators] == [
        ("经济成本指标", "物业成本控制率", "≤100%", 29),
        ("数量指标", "物业管理面积", "≤5137.26 平方米", 29),
        ("质量指标", "发现问题物业及时处理率", "=100%", 29),
        ("时效指标", "物业服务提供时间", "=24 小时/日", 30),  # continued on the next page
        ("社会效益指标", "火灾发生率", "≤0%", 30),
        ("服务对象满意度指标", "使用人员满意度", "≥90%", 30),
    ]


# 专项资金情况（万元）: 资金总额 = 财政拨款, 其他资金 0.00, on each project's first page.
FUNDS = [
    ("25.89", 29), ("202.17", 31), ("1800.00", 32), ("6200.00", 33),
    ("11600.00", 34), ("290.00", 36), ("14.74", 38), ("1.89", 39),
]  # fmt: skip


def test_project_target_funds() -> None:
    items = doc().table("performance.project_targets").performance
    for item, (amount, page) in zip(items, FUNDS, strict=True):
        facts = {k: (c.text, c.amount, c.at.page) for k, c in item.facts.items()}
        assert facts["资金总额"] == (amount, Decimal(amount), page)
        assert facts["财政拨款"] == (amount, Decimal(amount), page)
        assert facts["其他资金"] == ("0.00", Decimal("0.00"), page)
        # the fund rows are facts, not indicators (no 一级 name is a fund word)
        assert not any(i.level1 in ("资金总额", "财政拨款", "其他资金") for i in item.indicators)
    rent = items[1]  # page 31: 成本指标 first, six indicators
    assert (rent.indicators[0].level1, rent.indicators[0].name, rent.indicators[0].target) == (
        "成本指标",
        "财政投入总数",
        "≤184.94 万元",
    )
    assert len(rent.indicators) == 6
