"""Acceptance: seed 002, 株洲市荷塘区行政审批服务局 (052001), 2024 部门预算, Hunan county template.

Every expected value was read from /work/shared/seeds/002_8fd632e91e011919.txt; ``Lnnn`` in the
comments is the line of that file. Unlike seed 000, this print heads its 目录 "部门预算公开表"
(L9, no "目录"), prints 支出总表 amounts with stray spaces ("525. 41", L86-104) and prints the
一般公共预算支出表 header without its 类/款/项 row (L154-156).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.model import Document, Row, Table
from tests.conftest import seed

UNIT = "株洲市荷塘区行政审批服务局"
EMPTY_NOTE = "注：如本表格为空，则表示本年度未安排此项目。"
Selector = dict[str, str]


def doc() -> Document:
    return seed("002")


def cols(*parts: str) -> list[str]:
    """Column paths written space-separated (no printed path contains a space once normalised)."""
    return " ".join(parts).split()


def pick(table: Table, selector: Selector) -> Row:
    """The one row a selector names: ``{"unit": "052001"}`` for a unit row, else `Table.find` fields."""
    if "unit" in selector:
        rows = [r for r in table.rows if r.unit_code == selector["unit"] and r.code is None]
        assert len(rows) == 1, f"{len(rows)} unit rows {selector['unit']} in {table.type}"
        return rows[0]
    return table.find(**selector)


def value_ids(values: list[tuple[str, Selector, str, str]]) -> list[str]:
    """ASCII test ids: table id, the row's code or unit code (or its position) and the amount."""
    return [
        f"{t.split('.')[1]}-{sel.get('code') or sel.get('unit') or i}-{amount}"
        for i, (t, sel, _, amount) in enumerate(values)
    ]


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year) == ("budget", "department", 2024)
    assert (d.unit_name, d.unit_code) == (UNIT, "052001")


TABLES = [
    ("budget.summary", "收支总表"),
    ("budget.expenditure", "支出总表"),
    ("budget.fiscal_summary", "财政拨款收支总表"),
    ("budget.gpb_expenditure", "一般公共预算支出表"),
    ("budget.gpb_basic", "一般公共预算基本支出表"),
    ("budget.gpb_basic_wages_gov_econ", "一般公共预算基本支出表--人员经费(工资福利支出)(按政府预算经济分类)"),
    (
        "budget.gpb_basic_wages_dept_econ",
        "一般公共预算基本支出表--人员经费(工资福利支出)(按部门预算经济分类)",
    ),
    (
        "budget.gpb_basic_family_gov_econ",
        "一般公共预算基本支出表--人员经费(对个人和家庭的补助)(按政府预算经济分类)",
    ),
    (
        "budget.gpb_basic_family_dept_econ",
        "一般公共预算基本支出表--人员经费(对个人和家庭的补助)（按部门预算经济分类）",
    ),
    (
        "budget.gpb_basic_goods_gov_econ",
        "一般公共预算基本支出表--公用经费(商品和服务支出)（按政府预算经济分类）",
    ),
    (
        "budget.gpb_basic_goods_dept_econ",
        "一般公共预算基本支出表--公用经费(商品和服务支出)(按部门预算经济分类)",
    ),
    ("budget.three_public", "一般公共预算“三公”经费支出表"),
    ("budget.gov_fund", "政府性基金预算支出表"),
    ("budget.gov_fund_gov_econ", "政府性基金预算支出分类汇总表（按政府预算经济分类）"),
    ("budget.gov_fund_dept_econ", "政府性基金预算支出分类汇总表（按部门预算经济分类）"),
    ("budget.soe_capital", "国有资本经营预算支出表"),
    ("budget.special_account", "财政专户管理资金预算支出表"),
    ("budget.special_funds", "专项资金预算汇总表"),
    # L402 and L432 print one 专项资金支出方向绩效目标表 per project; performance tables continue
    # over a repeated title by design (recognize/document.py `_continues`), so they are one table.
    ("performance.project_targets", "专项资金支出方向绩效目标表"),
    ("performance.overall_targets", "部门整体支出绩效目标表"),
]
BUDGET_TYPES = [t for t, _ in TABLES if t.startswith("budget.")]


def test_every_printed_table_recognised_in_order() -> None:
    assert [(t.type, t.title) for t in doc().tables] == TABLES


def test_table_title_lines() -> None:
    starts = {t.type: t.at.line for t in doc().tables}
    assert starts["budget.summary"] == 36
    assert starts["budget.special_funds"] == 386
    assert starts["performance.project_targets"] == 402
    assert starts["performance.overall_targets"] == 463
    assert doc().table("budget.expenditure").lines == (78, 104)
    assert doc().table("budget.gpb_basic").lines == (179, 211)


def test_money_unit_unit_name_and_header_source_of_budget_tables() -> None:
    tables = [doc().table(t) for t in BUDGET_TYPES]
    # L183 prints "单位：万元" instead of "金额单位：万元": still the money unit.
    assert {t.type: t.money_unit for t in tables} == dict.fromkeys(BUDGET_TYPES, "万元")
    assert {t.type: t.unit_name for t in tables} == dict.fromkeys(BUDGET_TYPES, UNIT)
    assert {t.type: t.header_source for t in tables} == dict.fromkeys(BUDGET_TYPES, "printed")


def test_listed_but_absent_tables_reported() -> None:
    absent = [(e.number, e.title, e.type) for e in doc().absent_tables]
    assert absent == [
        ("2", "收入总表", "budget.income"),
        ("4", "支出预算分类汇总表（按政府预算经济分类）", "budget.expenditure_gov_econ"),
        ("5", "支出预算分类汇总表（按部门预算经济分类）", "budget.expenditure_dept_econ"),
    ]
    assert [e.at.line for e in doc().absent_tables] == [13, 15, 16]


def test_no_table_invented() -> None:
    d = doc()
    assert len(d.listed_tables) == 23
    assert [e.number for e in d.listed_tables] == [str(n) for n in range(1, 24)]
    listed_present = [e.type for e in d.listed_tables if e.present]
    assert listed_present == [t.type for t in d.tables]
    for absent in ("budget.income", "budget.expenditure_gov_econ", "budget.expenditure_dept_econ"):
        assert d.tables_of(absent) == []


COLUMNS = {
    "budget.summary": ["收入/预算数", "支出/预算数"],
    "budget.fiscal_summary": ["收入/预算数", "支出/预算数"],
    "budget.expenditure": cols(
        "功能科目/类 功能科目/款 功能科目/项 科目编码 科目名称 合计 基本支出 项目支出",
        "事业单位经营支出 上缴上级支出 对附属单位补助支出",
    ),
    # L154-156 print no 类/款/项 row under 功能科目; the three code columns are still 类, 款, 项
    # (as in this document's 支出总表, L84-85), not three columns all named 功能科目.
    "budget.gpb_expenditure": cols(
        "功能科目/类 功能科目/款 功能科目/项 科目编码 科目名称 合计 基本支出/小计",
        "基本支出/人员经费/工资福利支出 基本支出/人员经费/对个人和家庭的补助 基本支出/公用经费 项目支出",
    ),
    "budget.gpb_basic": cols(
        "部门预算支出经济分类科目/科目代码 部门预算支出经济分类科目/科目名称",
        "本年一般公共预算基本支出/合计 本年一般公共预算基本支出/人员经费 本年一般公共预算基本支出/公用经费",
    ),
    # L240-241: the last group 其他工资福利支出 spans 合计 | 伙食补助费 | 医疗费 | 其他工资福利支出.
    "budget.gpb_basic_wages_dept_econ": cols(
        "功能科目/类 功能科目/款 功能科目/项 单位代码 单位名称（功能科目） 总计",
        "工资津补贴/合计 工资津补贴/基本工资 工资津补贴/津贴补贴 工资津补贴/奖金 工资津补贴/绩效工资",
        "社会保障缴费/合计 社会保障缴费/机关事业单位基本养老保险缴费 社会保障缴费/职业年金缴费",
        "社会保障缴费/职工基本医疗保险缴费 社会保障缴费/公务员医疗补助缴费 社会保障缴费/其他社会保障缴费",
        "住房公积金 其他工资福利支出/合计 其他工资福利支出/伙食补助费 其他工资福利支出/医疗费",
        "其他工资福利支出/其他工资福利支出",
    ),
    "budget.three_public": cols(
        "单位编码 单位名称 “三公”经费合计 因公出国（境）费 公务用车购置及运行费/小计",
        "公务用车购置及运行费/公务用车购置费 公务用车购置及运行费/公务用车运行费 公务接待费",
    ),
    "budget.special_funds": cols(
        "单位代码 单位名称（专项名称） 预算额度/总计 预算额度/一般公共预算/一般公共预算小计",
        "预算额度/一般公共预算/经费拨款 预算额度/一般公共预算/纳入一般公共预算管理的非税收入",
        "预算额度/一般公共预算/一般债券 预算额度/一般公共预算/外国政府和国际组织贷款",
        "预算额度/一般公共预算/外国政府和国际组织赠款 预算额度/政府性基金 预算额度/国有资本经营预算",
        "预算额度/社会保险基金预算资金 预算编制方式/编入部门预算金额 预算编制方式/财政代编金额",
    ),
}


@pytest.mark.parametrize("type_id", list(COLUMNS))
def test_column_header_paths(type_id: str) -> None:
    assert doc().table(type_id).columns == COLUMNS[type_id]


S, G = "收入", "支出"
FUNC, DEPT, GOV = "按功能分类", "按部门预算经济分类", "按政府预算经济分类"
VALUES: list[tuple[str, Selector, str, str]] = [
    # 收支总表 L44-76
    ("budget.summary", {"label": "一、一般公共预算拨款收入", "side": S}, "收入/预算数", "525.41"),
    ("budget.summary", {"label": "经费拨款", "side": S}, "收入/预算数", "525.41"),
    ("budget.summary", {"label": "本年收入合计", "side": S}, "收入/预算数", "525.41"),
    ("budget.summary", {"label": "收入总计", "side": S}, "收入/预算数", "525.41"),
    ("budget.summary", {"label": "（一）一般公共服务支出", "group": FUNC}, "支出/预算数", "464.85"),
    ("budget.summary", {"label": "（八）社会保障和就业支出", "group": FUNC}, "支出/预算数", "27.24"),
    ("budget.summary", {"label": "（十）卫生健康支出", "group": FUNC}, "支出/预算数", "18.75"),
    ("budget.summary", {"label": "（二十）住房保障支出", "group": FUNC}, "支出/预算数", "14.57"),
    ("budget.summary", {"label": "一、基本支出", "group": DEPT}, "支出/预算数", "209.59"),
    ("budget.summary", {"label": "工资福利支出", "group": DEPT}, "支出/预算数", "186.28"),
    ("budget.summary", {"label": "二、项目支出", "group": DEPT}, "支出/预算数", "315.82"),
    ("budget.summary", {"label": "一、机关工资福利支出", "group": GOV}, "支出/预算数", "186.28"),
    ("budget.summary", {"label": "二、机关商品和服务支出", "group": GOV}, "支出/预算数", "339.14"),
    ("budget.summary", {"label": "支出总计", "group": GOV}, "支出/预算数", "525.41"),
    # 支出总表 L86-104 (printed "525. 41" …)
    ("budget.expenditure", {"label": "合计"}, "合计", "525.41"),
    ("budget.expenditure", {"label": "合计"}, "基本支出", "209.59"),
    ("budget.expenditure", {"label": "合计"}, "项目支出", "315.82"),
    ("budget.expenditure", {"unit": "052001"}, "合计", "525.41"),
    ("budget.expenditure", {"code": "2010301"}, "基本支出", "149.03"),
    ("budget.expenditure", {"code": "2080505"}, "合计", "17.56"),
    ("budget.expenditure", {"code": "20899"}, "合计", "0.90"),
    ("budget.expenditure", {"code": "2101101"}, "合计", "11.95"),
    ("budget.expenditure", {"code": "2210201"}, "基本支出", "14.57"),
    # 财政拨款收支总表 L114-146
    ("budget.fiscal_summary", {"label": "一、本年收入", "side": S}, "收入/预算数", "525.41"),
    ("budget.fiscal_summary", {"label": "经费拨款", "side": S}, "收入/预算数", "525.41"),
    ("budget.fiscal_summary", {"label": "收入总计", "side": S}, "收入/预算数", "525.41"),
    ("budget.fiscal_summary", {"label": "（八）社会保障和就业支出", "side": G}, "支出/预算数", "27.24"),
    ("budget.fiscal_summary", {"label": "（二十）住房保障支出", "side": G}, "支出/预算数", "14.57"),
    ("budget.fiscal_summary", {"label": "支出总计", "side": G}, "支出/预算数", "525.41"),
    # 一般公共预算支出表 L157-175
    ("budget.gpb_expenditure", {"label": "合计"}, "合计", "525.41"),
    ("budget.gpb_expenditure", {"label": "合计"}, "基本支出/人员经费/对个人和家庭的补助", "0.00"),
    ("budget.gpb_expenditure", {"label": "合计"}, "基本支出/公用经费", "23.32"),
    ("budget.gpb_expenditure", {"label": "合计"}, "项目支出", "315.82"),
    ("budget.gpb_expenditure", {"unit": "052"}, "基本支出/小计", "209.59"),
    ("budget.gpb_expenditure", {"code": "2010301"}, "基本支出/人员经费/工资福利支出", "125.72"),
    ("budget.gpb_expenditure", {"code": "2080506"}, "合计", "8.78"),
    ("budget.gpb_expenditure", {"code": "2101103"}, "基本支出/小计", "6.80"),
    # 一般公共预算基本支出表 L187-209
    ("budget.gpb_basic", {"code": "301"}, "本年一般公共预算基本支出/合计", "186.28"),
    ("budget.gpb_basic", {"code": "30101"}, "本年一般公共预算基本支出/人员经费", "51.88"),
    ("budget.gpb_basic", {"code": "30102"}, "本年一般公共预算基本支出/人员经费", "9.24"),
    ("budget.gpb_basic", {"code": "302"}, "本年一般公共预算基本支出/公用经费", "23.32"),
    ("budget.gpb_basic", {"code": "30226"}, "本年一般公共预算基本支出/公用经费", "2.00"),
    ("budget.gpb_basic", {"code": "30239"}, "本年一般公共预算基本支出/合计", "8.92"),
    ("budget.gpb_basic", {"label": "合计"}, "本年一般公共预算基本支出/合计", "209.59"),
    ("budget.gpb_basic", {"label": "合计"}, "本年一般公共预算基本支出/人员经费", "186.28"),
    ("budget.gpb_basic", {"label": "合计"}, "本年一般公共预算基本支出/公用经费", "23.32"),
    # 人员经费(工资福利支出)(按政府预算经济分类) L221-230
    ("budget.gpb_basic_wages_gov_econ", {"label": "合计"}, "总计", "186.28"),
    ("budget.gpb_basic_wages_gov_econ", {"label": "合计"}, "机关工资福利支出/工资奖金津补贴", "125.72"),
    ("budget.gpb_basic_wages_gov_econ", {"label": "合计"}, "机关工资福利支出/社会保障缴费", "45.99"),
    ("budget.gpb_basic_wages_gov_econ", {"label": "合计"}, "机关工资福利支出/住房公积金", "14.57"),
    ("budget.gpb_basic_wages_gov_econ", {"code": "2101101"}, "机关工资福利支出/社会保障缴费", "11.95"),
    # 人员经费(工资福利支出)(按部门预算经济分类) L242-251
    ("budget.gpb_basic_wages_dept_econ", {"label": "合计"}, "工资津补贴/绩效工资", "24.81"),
    ("budget.gpb_basic_wages_dept_econ", {"label": "合计"}, "社会保障缴费/合计", "45.99"),
    ("budget.gpb_basic_wages_dept_econ", {"label": "合计"}, "社会保障缴费/职工基本医疗保险缴费", "7.67"),
    ("budget.gpb_basic_wages_dept_econ", {"code": "2101101"}, "社会保障缴费/公务员医疗补助缴费", "4.28"),
    ("budget.gpb_basic_wages_dept_econ", {"code": "2101103"}, "社会保障缴费/其他社会保障缴费", "6.80"),
    # 公用经费(商品和服务支出)(按政府预算经济分类) L287-290
    ("budget.gpb_basic_goods_gov_econ", {"label": "合计"}, "总计", "23.32"),
    ("budget.gpb_basic_goods_gov_econ", {"label": "合计"}, "机关商品和服务支出/办公经费", "15.20"),
    ("budget.gpb_basic_goods_gov_econ", {"label": "合计"}, "机关商品和服务支出/委托业务费", "4.87"),
    ("budget.gpb_basic_goods_gov_econ", {"code": "2010301"}, "机关商品和服务支出/维修(护)费", "2.00"),
    # 公用经费(商品和服务支出)(按部门预算经济分类) L302-305
    ("budget.gpb_basic_goods_dept_econ", {"label": "合计"}, "总计", "23.32"),
    ("budget.gpb_basic_goods_dept_econ", {"code": "2010301"}, "劳务费", "2.00"),
    ("budget.gpb_basic_goods_dept_econ", {"code": "2010301"}, "委托业务费", "2.87"),
    ("budget.gpb_basic_goods_dept_econ", {"code": "2010301"}, "其他交通费用", "8.92"),
    # 三公 L317-319
    ("budget.three_public", {"label": "合计"}, "“三公”经费合计", "0.30"),
    ("budget.three_public", {"label": "合计"}, "公务接待费", "0.30"),
    ("budget.three_public", {"unit": "052001"}, "“三公”经费合计", "0.30"),
    # 专项资金预算汇总表 L395-398
    ("budget.special_funds", {"label": "合计"}, "预算额度/总计", "315.82"),
    ("budget.special_funds", {"label": "合计"}, "预算编制方式/编入部门预算金额", "315.82"),
    ("budget.special_funds", {"label": "政府雇员经费"}, "预算额度/一般公共预算/经费拨款", "265.82"),
    ("budget.special_funds", {"label": "政务服务经费"}, "预算额度/总计", "50.00"),
]


@pytest.mark.parametrize(("type_id", "selector", "column", "expected"), VALUES, ids=value_ids(VALUES))
def test_printed_amount(type_id: str, selector: Selector, column: str, expected: str) -> None:
    row = pick(doc().table(type_id), selector)
    assert row.values[column].amount == Decimal(expected)


def test_amounts_with_stray_spaces_keep_printed_text() -> None:
    total = doc().table("budget.expenditure").find(label="合计").values["合计"]
    assert (total.text, total.amount) == ("525. 41", Decimal("525.41"))
    cell = doc().table("budget.expenditure").find(code="20899").values["基本支出"]
    assert (cell.text, cell.amount) == ("0. 90", Decimal("0.90"))


EMPTY = [
    ("budget.gpb_basic_family_gov_econ", "总计", 263),
    ("budget.gpb_basic_family_dept_econ", "总计", 275),
    ("budget.gov_fund", "合计", 332),
    ("budget.gov_fund_gov_econ", "总计", 344),
    ("budget.gov_fund_dept_econ", "总计", 356),
    ("budget.soe_capital", "合计", 369),
    ("budget.special_account", "合计", 382),
]


@pytest.mark.parametrize(("type_id", "column", "line"), EMPTY)
def test_empty_table_has_note_and_zero_total(type_id: str, column: str, line: int) -> None:
    table = doc().table(type_id)
    assert table.empty_note == EMPTY_NOTE
    assert [(r.kind, r.label, r.at.line) for r in table.rows] == [("total", "合计", line)]
    assert {k: v.amount for k, v in table.rows[0].values.items()} == {column: Decimal("0.00")}


def test_tables_with_data_have_no_empty_note() -> None:
    empty = {t for t, _, _ in EMPTY}
    with_data = [t for t in BUDGET_TYPES if t not in empty]
    assert {t: doc().table(t).empty_note for t in with_data} == dict.fromkeys(with_data, None)


FUNCTION_CODES = [
    *("201", "20103", "2010301", "208", "20805", "2080505", "2080506", "20899", "2089999"),
    *("210", "21011", "2101101", "2101103", "221", "22102", "2210201"),
]


def test_expenditure_codes_normalised_from_split_columns() -> None:
    table = doc().table("budget.expenditure")
    assert [r.code for r in table.rows if r.kind == "item"] == FUNCTION_CODES
    # L86 prints 合计 in the 科目编码 column, L87 the department code 052 as its own name.
    assert [(r.kind, r.code, r.unit_code, r.label) for r in table.rows[:3]] == [
        ("total", None, None, "合计"),
        ("unit", None, "052", "052"),
        ("unit", None, "052001", UNIT),
    ]


def test_gpb_expenditure_rows_without_split_header_row() -> None:
    table = doc().table("budget.gpb_expenditure")
    assert [(r.kind, r.code, r.unit_code, r.label) for r in table.rows[:4]] == [
        ("total", None, None, "合计"),
        ("unit", None, "052", UNIT),
        ("unit", None, "052001", UNIT),
        ("item", "201", None, "一般公共服务支出"),
    ]
    assert [r.code for r in table.rows if r.kind == "item"] == FUNCTION_CODES
    assert table.find(code="2101101").label == "行政单位医疗"


def test_gpb_expenditure_values_hold_only_amount_columns() -> None:
    table = doc().table("budget.gpb_expenditure")
    amount_columns = set(COLUMNS["budget.gpb_expenditure"][5:])
    stray = {(r.at.line, k) for r in table.rows for k in r.values if k not in amount_columns}
    assert stray == set()


def test_unit_and_total_rows() -> None:
    three = doc().table("budget.three_public")
    assert [(r.kind, r.unit_code, r.label) for r in three.rows] == [
        ("total", None, "合计"),
        ("unit", "052", UNIT),
        ("unit", "052001", UNIT),
    ]
    wages = doc().table("budget.gpb_basic_wages_gov_econ")
    assert [(r.kind, r.unit_code) for r in wages.rows[:3]] == [
        ("total", None),
        ("unit", "052"),
        ("unit", "052001"),
    ]


def test_function_rows_of_economic_tables_carry_unit_code() -> None:
    table = doc().table("budget.gpb_basic_wages_dept_econ")
    codes = [(r.kind, r.code, r.unit_code) for r in table.rows if r.code]
    assert codes == [
        ("item", code, "052001")
        for code in ("2010301", "2080505", "2080506", "2089999", "2101101", "2101103", "2210201")
    ]


def test_special_fund_projects_are_items_of_unit_052001() -> None:
    table = doc().table("budget.special_funds")
    rows = [(r.kind, r.code, r.unit_code, r.label) for r in table.rows]
    # L397-398: the 单位名称（专项名称） column names a project of unit 052001, not a unit.
    assert rows == [
        ("total", None, None, "合计"),
        ("unit", None, "052", UNIT),
        ("item", None, "052001", "政府雇员经费"),
        ("item", None, "052001", "政务服务经费"),
    ]


def test_two_sided_summary_sides_and_groups() -> None:
    table = doc().table("budget.summary")
    counts: dict[tuple[str | None, str | None], int] = {}
    for row in table.rows:
        counts[(row.side, row.group)] = counts.get((row.side, row.group), 0) + 1
    # L44-76: 27 + 3 income lines; 30 + 3 function, 16 + 3 dept-economic, 14 + 3 gov-economic lines.
    assert counts == {(S, None): 30, (G, FUNC): 33, (G, DEPT): 19, (G, GOV): 17}
    totals = [(r.side, r.group, r.label) for r in table.rows if r.kind == "total"]
    assert totals == [
        (S, None, "本年收入合计"),
        (S, None, "收入总计"),
        *[(G, g, label) for g in (FUNC, DEPT, GOV) for label in ("本年支出合计", "支出总计")],
    ]


def test_fiscal_summary_sides() -> None:
    table = doc().table("budget.fiscal_summary")
    assert [r.group for r in table.rows] == [None] * 46
    assert [r.side for r in table.rows] == [S] * 13 + [G] * 33
    assert table.find(label="二、上年结转", side=S).values == {}


def test_row_and_cell_provenance() -> None:
    summary = doc().table("budget.summary")
    cell = summary.find(label="二、机关商品和服务支出", group=GOV).values["支出/预算数"]
    assert (cell.text, cell.at.line, cell.at.column) == ("339.14", 45, 7)
    assert summary.find(label="二、机关商品和服务支出", group=GOV).at.line == 45
    assert doc().table("budget.expenditure").find(code="2010301").at.line == 91
    assert doc().table("budget.gpb_basic").find(label="合计").at.line == 209
    wages = doc().table("budget.gpb_basic_wages_dept_econ").find(code="2101101")
    assert (wages.at.line, wages.values["社会保障缴费/公务员医疗补助缴费"].at.column) == (249, 15)
    assert doc().table("budget.special_funds").find(label="政务服务经费").at.line == 398
