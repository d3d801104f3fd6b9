"""Sample 18: 重庆市人民政府办公厅 2026 部门预算 (Chongqing template 表一–表十二, PDF, 24 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
``表一`` … prints above each title; 表二/三/五/六 continue on a second page that repeats the header.
The document has no 目录.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "18-2026-重庆市人民政府办公厅-部门预算.pdf"
UNIT = "重庆市人民政府办公厅"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gpb_basic", "budget.gov_fund", "budget.three_public",
    "budget.procurement", "performance.overall_targets", "performance.project_targets",
    "performance.project_targets",
]  # fmt: skip
NUMBERS = ["表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九", "表十", "表十一", "表十二"]


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, UNIT)
    assert d.listed_tables == []


def test_tables_numbers_and_pages() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [t.number for t in d.tables] == NUMBERS
    assert [t.pages for t in d.tables][:9] == [
        [9],
        [10, 11],
        [12, 13],
        [14],
        [15, 16],
        [17, 18],
        [19],
        [20],
        [21],
    ]
    assert {t.unit_name for t in d.tables[:10]} == {UNIT}


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "合计", "side": "收入"}, "收入/预算数", "19230.18", 9),
    ("budget.summary", {"label": "五、事业收入资金"}, "收入/预算数", "812.48", 9),
    ("budget.summary", {"label": "三、社会保障和就业支出"}, "支出/预算数", "1595.94", 9),
    ("budget.summary", {"label": "五、资源勘探工业信息等支出"}, "支出/预算数", "673.17", 9),
    ("budget.income", {"code": "2101199"}, "总计", "73.68", 11),
    ("budget.income", {"code": "2150516"}, "一般公共预算拨款收入", "673.17", 11),
    ("budget.income", {"code": "2210201"}, "总计", "539.91", 11),
    ("budget.gpb_basic", {"code": "30299"}, "基本支出/公用经费", "301.12", 18),
    ("budget.gpb_basic", {"code": "3030102"}, "基本支出/人员经费", "20.10", 18),
    ("budget.gpb_basic", {"code": "30305"}, "基本支出/总计", "537.05", 18),
    ("budget.three_public", {"label": ""}, "2025年预算数/合计", "396.97", 20),
    ("budget.three_public", {"label": ""}, "2026年预算数/合计", "394.49", 20),
    ("budget.three_public", {"label": ""}, "2026年预算数/公务用车购置及运行费/小计", "200.00", 20),
    ("budget.three_public", {"label": ""}, "2026年预算数/公务接待费", "10.00", 20),
    ("budget.procurement", {"label": "合计"}, "总计", "4542.69", 21),
    ("budget.procurement", {"label": "货物"}, "一般公共预算拨款收入", "110.00", 21),
    ("budget.procurement", {"label": "服务"}, "总计", "4432.69", 21),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.amount, cell.at.page) == (Decimal(amount), page)


def test_continuation_header_is_not_data() -> None:
    income = doc().table("budget.income")
    assert [r.label for r in income.rows].count("科目名称") == 0
    assert len(income.rows) == 27


def test_overall_targets_flat_indicator_list() -> None:
    # Page 22 (表十): 单位名称 above the form, the goal below 当年整体绩效目标, then a plain list of
    # 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重(%) | 是否核心 without 一级/二级.
    [item] = doc().table("performance.overall_targets").performance
    assert item.name == UNIT
    assert item.goal is not None
    assert item.goal.startswith("贯彻落实党中央和国务院的决策部署")
    assert item.goal.endswith("保障已建项目运行顺畅。")
    assert len(item.indicators) == 10
    got = [(x.name, x.comparison, x.target, x.unit, x.weight, x.at.page) for x in item.indicators]
    assert got[0] == ("市政府门户网站优化整改次数", "≥", "4", "次", Decimal(10), 22)
    assert got[3] == ("人大代表建议和政协提案办理率", "=", "100", "%", Decimal(10), 22)  # printed ＝
    assert got[8] == ("市政府门户网站和政务新媒体访问量", "≥", "2000", "万人次", Decimal(5), 22)
    assert got[9] == ("市政府网络可用率", "≥", "99.5", "%", Decimal(5), 22)
    assert sum((x.weight or Decimal(0) for x in item.indicators), Decimal(0)) == 100
    assert {(x.level1, x.level2) for x in item.indicators} == {("", "")}


def test_project_targets() -> None:
    # Page 23 (表十一) is an empty form (备注：…故此表无数据): no project, not 主管部门 as a name.
    special, general = [t for t in doc().tables if t.type == "performance.project_targets"]
    assert special.performance == []
    # Page 24 (表十二): 序号 | 项目名称 | 当年财政拨款预算金额 | 当年绩效目标 | 指标名称 … 指标权重(%).
    [item] = general.performance
    assert item.name == "市政府办公厅业务及日常运行项目"
    assert item.goal == "完成各项业务工作，分别达到工作要求，保障市政府办公厅的正常运转。"
    amount = item.facts["当年财政拨款预算金额"]
    assert (amount.text, amount.amount, amount.at.page) == ("8,534.17", Decimal("8534.17"), 24)
    assert "单位编码" not in item.facts  # the 1 left of the name is the 序号
    assert len(item.indicators) == 11
    got = [(x.name, x.comparison, x.target, x.unit, x.weight) for x in item.indicators]
    assert got[0] == ("民呼我为（“12345”）咨询一次性解答率", "≥", "70", "%", Decimal(15))
    assert got[6] == ("市政府门户网站优化整改次数", "≥", "4", "次", Decimal(5))
    assert got[10] == ("年度预算执行率", "=", "100", "%", Decimal(10))
    assert sum((x.weight or Decimal(0) for x in item.indicators), Decimal(0)) == 100
