"""Sample 09: 北京市公安局 2026 部门预算报表 (Beijing 附件2 预算01–12表, PDF, 32+ pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
There is no cover and no 目录: kind, scope and year come from the tables (预算01表… titles, the
``（2026年度）`` line of 预算12表) and the unit from the 部门整体支出绩效目标表. Amounts print with
six decimals; 预算05表 runs over pages 9–11 without a repeated title.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from budgetlens.model import PerformanceItem
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "09-2026-北京市公安局-部门预算报表.pdf"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gpb_basic", "budget.gov_fund", "budget.soe_capital",
    "budget.three_public", "budget.procurement", "performance.project_targets",
    "performance.overall_targets",
]  # fmt: skip


def test_document_meta_from_the_tables() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, "北京市公安局")
    assert d.listed_tables == []


def test_tables_numbers_and_pages() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [t.number for t in d.tables] == [f"预算{n:02d}表" for n in range(1, 13)]
    assert [t.pages for t in d.tables][:10] == [
        [1],
        [2],
        [3, 4, 5, 6, 7],
        [8],
        [9, 10, 11],
        [12],
        [13],
        [14],
        [15],
        [16],
    ]


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "一、一般公共预算拨款收入"}, "收入/预算数", "841579.924856", 1),
    ("budget.summary", {"label": "九、其他收入"}, "收入/预算数", "2428.738014", 1),
    ("budget.summary", {"label": "上年结转结余"}, "收入/预算数", "22043.257525", 1),
    ("budget.summary", {"label": "四、公共安全支出"}, "支出/预算数", "702789.592451", 1),
    ("budget.summary", {"label": "十一、城乡社区支出"}, "支出/预算数", "95.710000", 1),
    ("budget.summary", {"label": "支出总计"}, "支出/预算数", "866561.920395", 1),
    ("budget.gpb_expenditure", {"code": "2019999"}, "预算数/项目支出/项目支出总数", "21562.492850", 11),
    ("budget.gpb_expenditure", {"code": "2150299"}, "预算数/合计", "3000.000000", 11),
    ("budget.gpb_expenditure", {"label": "合计"}, "预算数/基本支出/人员经费", "546202.223861", 11),
    (
        "budget.gpb_expenditure",
        {"label": "合计"},
        "预算数/项目支出/扣除基建项目后预算数",
        "188400.642944",
        11,
    ),
    ("budget.three_public", {"label": ""}, "“三公”经费财政拨款预算总额", "9957.583785", 15),
    ("budget.three_public", {"label": ""}, "因公出国（境）费用", "132.525000", 15),
    ("budget.three_public", {"label": ""}, "公务接待费", "98.798248", 15),
    ("budget.procurement", {"label": "A-货物"}, "金额", "45568.950928", 16),
    ("budget.procurement", {"label": "B-工程"}, "金额", "6133.582301", 16),
    ("budget.procurement", {"label": "C-服务"}, "金额", "92206.945130", 16),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.amount, cell.at.page) == (Decimal(amount), page)


def test_code_dash_name_labels_split() -> None:
    gpb = doc().table("budget.gpb_expenditure")
    assert gpb.find(code="2120399").label == "其他城乡社区公共设施支出"


def _item(name: str) -> PerformanceItem:
    return next(i for i in doc().table("performance.project_targets").performance if i.name == name)


def _indicator(item: PerformanceItem, name: str) -> tuple[str | None, str | None, str | None, int | None]:
    x = next(x for x in item.indicators if x.name == name)
    return x.comparison, x.target, x.unit, x.at.page


def test_project_targets_one_item_per_project() -> None:
    # 预算11表 runs over pages 17–31 without a repeated title or header; merged cells that span a page
    # break leave clipped copies of their text between the grids. 3 named projects (page 17–18) and
    # 51 numbered ones (11000022T…-…) print, each its own item.
    table = doc().table("performance.project_targets")
    assert table.pages == list(range(17, 32))
    items = table.performance
    assert len(items) == 54
    assert [i.name for i in items[:4]] == [
        "公安行政管理",
        "公安信息网络购建",
        "信息化运行维护",
        "11000022T000000431783-教师业务培训费",
    ]
    facts = {k: (c.text, c.at.page) for k, c in items[0].facts.items()}
    assert facts == {
        "项目总额": ("161,796.229761", 17),
        "财政资金": ("157,457.387602", 17),
        "其他资金": ("4,338.842159", 17),
    }
    assert _indicator(items[0], "制作身份证及印制户口证照数量") == ("≥", "440", "万件", 17)
    assert _indicator(items[0], "机房租赁服务") == ("=", "6", "项", 17)  # printed ＝
    assert _indicator(items[0], "民警满意度") == ("≥", "90", "%", 18)  # the span continues on page 18
    assert items[2].facts["项目总额"].amount == Decimal("12577.526935")


def test_project_whose_name_prints_on_the_next_page() -> None:
    # Page 18's last span (培训人员合格率 …) prints blank name and amount cells; page 19 shows them.
    item = _item("11000022T000000431783-教师业务培训费")
    assert (item.at.page, item.facts["项目总额"].text, item.facts["项目总额"].at.page) == (18, "50", 19)
    assert _indicator(item, "培训人员合格率") == ("≥", "90", "%", 18)
    assert _indicator(item, "培训次数") == ("≥", "10", "次", 19)
    assert len(item.indicators) == 7
    # Page 30 shows the first half of the last project's name (11000026Y00000364) and its goal,
    # page 31 the rest (5516-禁毒科技中心互联网接入服务) and the amounts.
    last = doc().table("performance.project_targets").performance[-1]
    assert last.name == "11000026Y000003645516-禁毒科技中心互联网接入服务"
    assert (last.goal, last.facts["项目总额"].text) == ("通过项目实施，保障业务工作正常开展。", "5.8398")
    assert _indicator(last, "互联网带宽") == ("=", "20", "MB", 30)
    assert _indicator(last, "互联网利用率") == ("≥", "90", "%", 31)


def test_project_with_other_funds_only() -> None:
    # Page 26: 药品支出 prints 项目总额 350, a blank 财政资金 and 其他资金 350.
    item = _item("11000022T000000425495-药品支出")
    assert {k: c.text for k, c in item.facts.items()} == {"项目总额": "350", "其他资金": "350"}
