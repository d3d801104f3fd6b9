"""Sample 78: 上海市XX局 2024 部门决算 blank template (official 上海 部门决算 form, PDF, 23 pages).

A blank template: it prints no figures at all, so instead of values this module asserts what the
rendered pages show (the last argument is the 1-based PDF page): the table types, titles, pages,
columns and row structure, and that every recognised cell is empty. The unit prints as
``上海市 XX 局`` (spaced); the nine titles print without a number (the 目录 numbers them 一、…九、).
Example rows (205 教育支出 …) stand between ``…`` placeholder rows, which are not rows. The
财政拨款收入支出决算总表 continues on page 9 without a repeated title or header.
"""

from __future__ import annotations

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once
from tests.recognize.printed import Selector, assert_blank, case_ids

PATH = SAMPLES / "78-2024-上海市XX局模板-部门决算模板.pdf"


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "final.summary", "final.income", "final.expenditure", "final.fiscal_summary", "final.gpb_expenditure",
    "final.gpb_basic", "final.three_public", "final.gov_fund", "final.soe_capital",
]  # fmt: skip

TITLES = [
    "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("final_account", "department", 2024, "上海市XX局")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [t.title for t in d.tables] == TITLES
    assert [e.type for e in d.listed_tables] == TYPES
    assert [e.title for e in d.listed_tables] == TITLES
    assert [e.number for e in d.listed_tables] == ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    assert [t.number for t in d.tables] == [None] * 9
    assert [t.pages for t in d.tables] == [[5], [6], [7], [8, 9], [10], [11], [12], [13], [14]]
    assert {t.money_unit for t in d.tables} == {"万元"}
    assert d.table("final.fiscal_summary").lines is None  # two pages


COLUMNS: dict[str, list[str]] = {
    "final.summary": ["收入/决算数", "支出/决算数"],
    "final.income": [
        "项目/功能分类科目编码", "项目/科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入",
        "经营收入", "附属单位上缴收入", "其他收入",
    ],
    "final.expenditure": [
        "项目/功能分类科目编码", "项目/科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出",
        "经营支出", "对附属单位补助支出",
    ],
    "final.fiscal_summary": [
        "收入/决算数", "支出/合计", "支出/一般公共预算财政拨款", "支出/政府性基金预算财政拨款",
        "支出/国有资本经营预算财政拨款",
    ],
    "final.gpb_expenditure": ["项目/功能分类科目编码", "项目/科目名称", "合计", "基本支出", "项目支出"],
    "final.gpb_basic": ["经济分类科目编码", "科目名称", "决算数"],
    "final.three_public": [
        "财政拨款“三公”经费/合计/预算数",
        "财政拨款“三公”经费/合计/决算数",
        "财政拨款“三公”经费/因公出国（境）费/预算数",
        "财政拨款“三公”经费/因公出国（境）费/决算数",
        "财政拨款“三公”经费/公务用车购置及运行维护费/小计/预算数",
        "财政拨款“三公”经费/公务用车购置及运行维护费/小计/决算数",
        "财政拨款“三公”经费/公务用车购置及运行维护费/公务用车购置费/预算数",
        "财政拨款“三公”经费/公务用车购置及运行维护费/公务用车购置费/决算数",
        "财政拨款“三公”经费/公务用车购置及运行维护费/公务用车运行维护费/预算数",
        "财政拨款“三公”经费/公务用车购置及运行维护费/公务用车运行维护费/决算数",
        "财政拨款“三公”经费/公务接待费/预算数",
        "财政拨款“三公”经费/公务接待费/决算数",
    ],
}  # fmt: skip

# 政府性基金 and 国有资本经营 (pages 13, 14): the 合计 row prints on the header's last line, beside the
# 本年支出 sub-headers 合计 | 基本支出 | 项目支出.
CARRY = [
    "年初结转和结余", "本年收入", "本年支出/合计", "本年支出/基本支出", "本年支出/项目支出", "年末结转和结余",
]  # fmt: skip
EMPTY_NOTES = {
    "final.gov_fund": "说明：上海市 XX 局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。",
    "final.soe_capital": "说明：上海市 XX 局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。",
}


@pytest.mark.parametrize("type_id", list(COLUMNS), ids=[t.split(".")[1] for t in COLUMNS])
def test_columns(type_id: str) -> None:
    table = doc().table(type_id)
    assert table.columns == COLUMNS[type_id]
    assert table.header_source == "printed"


@pytest.mark.parametrize("type_id", ["final.gov_fund", "final.soe_capital"])
def test_fund_table_columns(type_id: str) -> None:
    table = doc().table(type_id)
    assert table.columns == ["项目/功能分类科目编码", "项目/科目名称", *CARRY]
    assert [(r.label, r.kind, r.values, r.at.page) for r in table.rows] == [
        ("合计", "total", {}, table.pages[0])
    ]
    # under the 注: the template's instruction (kept with the table) and the 说明 the empty table needs
    assert table.notes[1].startswith("无")
    assert table.notes[1].endswith("仍保留该表格式，并在本表下方作下述说明：")
    assert table.empty_note == table.notes[2] == EMPTY_NOTES[type_id]


def test_notes_stay_out_of_the_narrative() -> None:
    texts = [p.text for s in doc().narrative for p in s.paragraphs]
    assert not any("保留该表格式" in t or "故本表无数据" in t for t in texts)


def test_the_template_holds_no_values() -> None:
    checked = 0
    for table in doc().tables:  # 三公 prints only blank rows and reads none; the fund tables an empty 合计
        for row in table.rows:
            for column in table.columns:
                cell = row.values.get(column)
                blank = cell is None or (not cell.text.strip() and cell.amount is None)
                assert blank, (table.type, row.label, column)
                checked += 1
    assert checked == 40 * 2 + 6 * 9 + 6 * 8 + 36 * 5 + 6 * 5 + 67 * 3 + 2 * 8  # every row of every column


def test_row_structure() -> None:
    d = doc()
    assert [len(t.rows) for t in d.tables[:6]] == [40, 6, 6, 36, 6, 67]
    example = ["205", "20502", "2050205", "207", "20799"]
    for type_id in ("final.income", "final.expenditure", "final.gpb_expenditure"):
        assert [r.code for r in d.table(type_id).rows if r.code] == example
    assert d.table("final.income").find(code="20799").label == "其他文化旅游体育与传媒支出"  # wraps in print
    gpb_basic = d.table("final.gpb_basic")
    assert len([r for r in gpb_basic.rows if r.side == "人员经费"]) == 28
    assert gpb_basic.find(code="31099").label == "其他资本性支出"
    # the 2024 form ends the 支出 list with 二十四、抗疫特别国债安排的支出 (no 债务还本/付息 lines)
    summary = d.table("final.summary")
    assert [r.label for r in summary.rows if r.side == "支出"][-5:] == [
        "二十四、抗疫特别国债安排的支出",
        "本年支出合计",
        "结余分配",
        "年末结转和结余",
        "总计",
    ]


# Rows whose cells are printed blank, with the page each row is on.
BLANKS: list[tuple[str, Selector, str, int]] = [
    ("final.summary", {"label": "一、一般公共预算财政拨款收入"}, "收入/决算数", 5),
    ("final.summary", {"label": "总计", "side": "支出"}, "支出/决算数", 5),
    ("final.income", {"label": "合计"}, "本年收入合计", 6),
    ("final.income", {"code": "2050205"}, "财政拨款收入", 6),
    ("final.expenditure", {"code": "20799"}, "项目支出", 7),
    ("final.fiscal_summary", {"label": "一、一般公共服务支出"}, "支出/合计", 8),
    ("final.fiscal_summary", {"label": "二十二、灾害防治及应急管理支出"}, "支出/合计", 9),
    ("final.fiscal_summary", {"label": "总计", "side": "支出"}, "支出/一般公共预算财政拨款", 9),
    ("final.gpb_expenditure", {"label": "合计"}, "合计", 10),
    ("final.gpb_basic", {"code": "30101"}, "决算数", 11),
    ("final.gpb_basic", {"label": "公用经费合计"}, "决算数", 11),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "page"),
    BLANKS,
    ids=case_ids(BLANKS),
)
def test_blank_cells(type_id: str, selector: Selector, column: str, page: int) -> None:
    assert_blank(doc(), type_id, selector, column, page)
