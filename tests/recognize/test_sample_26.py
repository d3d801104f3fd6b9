"""Sample 26: 苏州市交通运输局 2026 部门预算 (Jiangsu template 公开01–13表, PDF, 36 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
A running head (``苏州市交通运输局 2026 年度部门预算公开``) opens every page: it must neither end a
table nor enter the narrative; tables continue over pages without a repeated title.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "26-2026-苏州市交通运输局-部门预算.pdf"
HEAD = "苏州市交通运输局 2026 年度部门预算公开"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.fiscal_expenditure", "budget.fiscal_basic_econ", "budget.gpb_expenditure", "budget.gpb_basic",
    "budget.three_public", "budget.gov_fund", "budget.soe_capital", "budget.admin_costs",
    "budget.procurement",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, "苏州市交通运输局")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    assert [t.number for t in d.tables] == [f"公开{n:02d}表" for n in range(1, 14)]
    assert [t.pages for t in d.tables][:8] == [
        [8],
        [9],
        [10, 11],
        [12, 13],
        [14, 15],
        [16, 17],
        [18, 19],
        [20, 21],
    ]
    assert d.table("budget.procurement").pages == [26, 27, 28, 29, 30]


def test_running_head_is_not_narrative() -> None:
    paragraphs = [p.text for s in doc().narrative for p in s.paragraphs]
    assert not any(HEAD in p for p in paragraphs)
    assert HEAD not in [s.heading for s in doc().narrative]


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "一、一般公共预算拨款收入"}, "收入/预算数", "242360.10", 8),
    ("budget.summary", {"label": "九、其他收入"}, "收入/预算数", "7617.01", 8),
    ("budget.summary", {"label": "十四、交通运输支出"}, "支出/预算数", "237947.90", 8),
    ("budget.expenditure", {"code": "2149901"}, "项目支出", "186525.21", 11),
    ("budget.expenditure", {"code": "221"}, "基本支出", "8967.92", 11),
    ("budget.expenditure", {"code": "2210203"}, "合计", "3414.62", 11),
    ("budget.fiscal_basic_econ", {"code": "30299"}, "本年财政拨款基本支出/公用经费", "1407.36", 17),
    ("budget.fiscal_basic_econ", {"code": "30302"}, "本年财政拨款基本支出/人员经费", "1963.51", 17),
    ("budget.fiscal_basic_econ", {"code": "30399"}, "本年财政拨款基本支出/合计", "40.84", 17),
    ("budget.three_public", {"label": ""}, "“三公”经费合计", "345.63", 22),
    ("budget.three_public", {"label": ""}, "公务用车购置及运行维护费/公务用车购置费", "154.97", 22),
    ("budget.three_public", {"label": ""}, "公务接待费", "46.51", 22),
    ("budget.three_public", {"label": ""}, "培训费", "305.79", 22),
    ("budget.admin_costs", {"label": "合计"}, "机关运行经费支出", "379.20", 25),
    ("budget.admin_costs", {"code": "30211"}, "机关运行经费支出", "97.80", 25),
    ("budget.admin_costs", {"code": "30228"}, "机关运行经费支出", "50.00", 25),
    ("budget.admin_costs", {"code": "30299"}, "机关运行经费支出", "130.90", 25),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.amount, cell.at.page) == (Decimal(amount), page)


PROCUREMENT = [
    ({"label": "合计"}, "资金来源/一般公共预算资金", "3668.17", 26),
    ({"label": "货物"}, "总计", "532.93", 26),
    ({"label": "体检费"}, "总计", "107.54", 29),
    ({"label": "苏州地方铁路专题研究"}, "资金来源/一般公共预算资金", "40.00", 30),
]


def test_procurement_header_and_rows() -> None:
    """公开13表 (pages 26–30): a two-row header ending in 总计, then rows of categories, units, purchases."""
    table = doc().table("budget.procurement")
    assert table.columns == [
        "专项名称", "经济科目", "采购品目名称", "采购组织形式", "资金来源/一般公共预算资金",
        "资金来源/政府性基金", "资金来源/其他资金", "资金来源/上年结转和结余资金", "总计",
    ]  # fmt: skip
    assert table.rows[0].kind == "total"
    for selector, column, amount, page in PROCUREMENT:
        cell = table.find(**selector).values[column]
        assert (cell.amount, cell.at.page) == (Decimal(amount), page)
    copier = table.rows[3]  # 定额 | 印刷费 | 复印纸 | 集中采购机构采购 | 2.00 under 苏州市交通运输局, page 26
    texts = {k: v.text for k, v in copier.values.items()}
    assert (copier.label, texts["经济科目"], texts["采购品目名称"], texts["采购组织形式"]) == (
        "定额", "印刷费", "复印纸", "集中采购机构采购",
    )  # fmt: skip
    assert (texts["总计"], copier.at.page) == ("2.00", 26)


def test_procurement_row_cut_by_the_page_break() -> None:
    """The last row of page 29 prints ``其他商品和服`` | ``车辆加油、添加燃料服``; page 30 opens with the
    rest (``务支出`` | ``务``): one row."""
    table = doc().table("budget.procurement")
    cut = [r for r in table.rows if r.values.get("资金来源/一般公共预算资金") and r.at.page == 29][-1]
    texts = {k: v.text for k, v in cut.values.items()}
    assert (texts["经济科目"], texts["采购品目名称"], texts["总计"]) == (
        "其他商品和服务支出",
        "车辆加油、添加燃料服务",
        "1.00",
    )
    assert all(r.label for r in table.rows)


def test_empty_tables_say_why() -> None:
    d = doc()
    assert d.table("budget.soe_capital").empty_note == "注：本部门无国有资本经营预算支出，故本表无数据。"
