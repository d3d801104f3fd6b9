"""Sample 77: 中共上海市普陀区委社会工作部 2024 部门决算 (上海 区级部门决算 template, PDF, 24 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
A department set up in 2024: one 财政拨款 source only, so most columns print blank. The nine tables
print their titles without a number (the 目录 numbers them 一、…九、); 收入决算表, 支出决算表 and
财政拨款收入支出决算总表 continue on a second page without a repeated title or header. The 三公,
政府性基金 and 国有资本经营 tables print no figures, each with a 说明 below it.
"""

from __future__ import annotations

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once
from tests.recognize.printed import Selector, assert_blank, assert_printed, case_ids

PATH = SAMPLES / "77-2024-中共上海市普陀区委社会工作部-部门决算.pdf"


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "final.summary", "final.income", "final.expenditure", "final.fiscal_summary", "final.gpb_expenditure",
    "final.gpb_basic", "final.three_public", "final.gov_fund", "final.soe_capital",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == (
        "final_account",
        "department",
        2024,
        "中共上海市普陀区委社会工作部",
    )


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == TYPES
    assert [e.type for e in d.listed_tables] == TYPES
    assert [e.number for e in d.listed_tables] == ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
    assert d.listed_tables[6].title == "财政拨款“三公”经费支出决算表"
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    assert [t.number for t in d.tables] == [None] * 9  # titles print without 表N
    assert [t.pages for t in d.tables] == [[5], [6, 7], [8, 9], [10, 11], [12], [13], [14], [15], [16]]
    assert {t.money_unit for t in d.tables} == {"万元"}
    assert d.table("final.summary").lines == (2, 36)
    assert d.table("final.income").lines is None  # two pages


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("final.summary", {"label": "一、一般公共预算财政拨款收入"}, "收入/决算数", "307.82", 5),
    ("final.summary", {"label": "本年收入合计"}, "收入/决算数", "307.82", 5),
    ("final.summary", {"label": "总计", "side": "收入"}, "收入/决算数", "307.82", 5),
    ("final.summary", {"label": "一、一般公共服务支出"}, "支出/决算数", "264.87", 5),
    ("final.summary", {"label": "十九、住房保障支出"}, "支出/决算数", "29.42", 5),
    ("final.summary", {"label": "本年支出合计"}, "支出/决算数", "307.82", 5),
    ("final.income", {"label": "合计"}, "本年收入合计", "307.82", 6),
    ("final.income", {"code": "2013999"}, "财政拨款收入", "202.24", 6),
    ("final.income", {"code": "2080505"}, "本年收入合计", "6.18", 6),
    ("final.income", {"code": "2101102"}, "财政拨款收入", "0.49", 7),
    ("final.income", {"code": "2210203"}, "本年收入合计", "11.72", 7),
    ("final.expenditure", {"label": "合计"}, "基本支出", "105.58", 8),
    ("final.expenditure", {"code": "201"}, "项目支出", "202.24", 8),
    ("final.expenditure", {"code": "2013901"}, "基本支出", "51.32", 8),
    ("final.expenditure", {"code": "2210201"}, "基本支出", "17.70", 9),
    ("final.fiscal_summary", {"label": "一、一般公共服务支出"}, "支出/一般公共预算财政拨款", "264.87", 10),
    ("final.fiscal_summary", {"label": "十九、住房保障支出"}, "支出/合计", "29.42", 11),
    ("final.fiscal_summary", {"label": "本年支出合计"}, "支出/合计", "307.82", 11),
    ("final.fiscal_summary", {"label": "总计", "side": "收入"}, "收入/决算数", "307.82", 11),
    ("final.gpb_expenditure", {"label": "合计"}, "项目支出", "202.24", 12),
    ("final.gpb_expenditure", {"code": "21011"}, "合计", "2.71", 12),
    ("final.gpb_basic", {"code": "301"}, "决算数", "95.36", 13),
    ("final.gpb_basic", {"code": "30102"}, "决算数", "39.72", 13),
    ("final.gpb_basic", {"code": "30103"}, "决算数", "0.00", 13),
    ("final.gpb_basic", {"code": "30112"}, "决算数", "0.09", 13),
    ("final.gpb_basic", {"code": "30239"}, "决算数", "2.43", 13),
    ("final.gpb_basic", {"code": "310"}, "决算数", "0.00", 13),
    ("final.gpb_basic", {"label": "人员经费合计"}, "决算数", "95.36", 13),
    ("final.gpb_basic", {"label": "公用经费合计"}, "决算数", "10.23", 13),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "amount", "page"),
    VALUES,
    ids=case_ids(VALUES),
)
def test_values(type_id: str, selector: Selector, column: str, amount: str, page: int) -> None:
    assert_printed(doc(), type_id, selector, column, amount, page)


# Cells the page prints blank: the row is read, the cell holds no value.
BLANKS: list[tuple[str, Selector, str, int]] = [
    ("final.summary", {"label": "二、政府性基金预算财政拨款收入"}, "收入/决算数", 5),
    ("final.income", {"label": "合计"}, "上级补助收入", 6),
    ("final.expenditure", {"code": "2013999"}, "基本支出", 8),
    ("final.fiscal_summary", {"label": "一、一般公共服务支出"}, "支出/政府性基金预算财政拨款", 10),
    ("final.gpb_expenditure", {"code": "2013901"}, "项目支出", 12),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "page"),
    BLANKS,
    ids=case_ids(BLANKS),
)
def test_blank_cells(type_id: str, selector: Selector, column: str, page: int) -> None:
    assert_blank(doc(), type_id, selector, column, page)


def test_tables_without_figures() -> None:
    d = doc()
    empty = [d.table(t) for t in ("final.three_public", "final.gov_fund", "final.soe_capital")]
    assert not [c for t in empty for r in t.rows for c in r.values.values() if c.amount is not None]
    assert [t.notes[0][:8] for t in empty] == ["注：本表反映部门"] * 3
    assert d.table("final.three_public").empty_note == (
        "说明：中共上海市普陀区委社会工作部本年度没有财政拨款“三公”经费支出，故本表无数据。"
    )


@pytest.mark.parametrize(
    ("type_id", "fund", "page"),
    [("final.gov_fund", "政府性基金", 15), ("final.soe_capital", "国有资本经营", 16)],
)
def test_fund_tables(type_id: str, fund: str, page: int) -> None:
    # 项目 spans 功能分类科目编码 | 科目名称; the 合计 row prints on the header's last line, beside the
    # 本年支出 sub-headers 合计 | 基本支出 | 项目支出. Below: 注, the template's instruction, the 说明.
    table = doc().table(type_id)
    assert table.columns == [
        "项目/功能分类科目编码", "项目/科目名称", "年初结转和结余", "本年收入", "本年支出/合计",
        "本年支出/基本支出", "本年支出/项目支出", "年末结转和结余",
    ]  # fmt: skip
    assert [(r.label, r.kind, r.values, r.at.page) for r in table.rows] == [("合计", "total", {}, page)]
    assert table.notes[1] == f"无{fund}预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明："
    assert (
        table.empty_note
        == table.notes[2]
        == (f"说明：中共上海市普陀区委社会工作部本年度没有{fund}预算财政拨款收入和支出，故本表无数据。")
    )


def test_narrative_starts_after_the_toc() -> None:
    d = doc()
    # the 目录 (pages 2–3) is no narrative; the tables' part title (page 5) prints without 第二部分, and
    # the 第三部分 title wraps its last word 说明 onto a second line (page 17)
    assert [(s.level, s.heading, s.at.page) for s in d.narrative if s.level == 0] == [
        (0, "第一部分 中共上海市普陀区委社会工作部概况", 4),
        (0, "中共上海市普陀区委社会工作部 2024 年度部门决算表", 5),
        (0, "第三部分 中共上海市普陀区委社会工作部 2024 年度部门决算情况说明", 17),
        (0, "第四部分 名词解释", 23),
    ]
    texts = [p.text for s in d.narrative for p in s.paragraphs]
    assert not any("保留该表格式" in t or "故本表无数据" in t for t in texts)
