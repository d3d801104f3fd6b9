"""Acceptance: seed 000, 株洲市荷塘区产业服务中心 (048001), 2024 部门预算, Hunan county template.

Every expected value was read from /work/shared/seeds/000_2dc7f0fcd8664e1f.txt; ``Lnnn`` in the
comments is the line of that file.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.model import Document, Row, Table
from tests.conftest import seed

UNIT = "株洲市荷塘区产业服务中心"
EMPTY_NOTE = "注：如本表格为空，则表示本年度未安排此项目。"
Selector = dict[str, str]


def doc() -> Document:
    return seed("000")


def cols(*parts: str) -> list[str]:
    """Column paths written space-separated (no printed path contains a space once normalised)."""
    return " ".join(parts).split()


def pick(table: Table, selector: Selector) -> Row:
    """The one row a selector names: ``{"unit": "048001"}`` for a unit row, else `Table.find` fields."""
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
    assert (d.unit_name, d.unit_code) == (UNIT, "048001")


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
    # L303 prints an em dash "—" where the 目录 has "--".
    (
        "budget.gpb_basic_goods_dept_econ",
        "一般公共预算基本支出表—公用经费(商品和服务支出)(按部门预算经济分类)",
    ),
    ("budget.three_public", "一般公共预算“三公”经费支出表"),
    ("budget.gov_fund", "政府性基金预算支出表"),
    ("budget.gov_fund_gov_econ", "政府性基金预算支出分类汇总表（按政府预算经济分类）"),
    ("budget.gov_fund_dept_econ", "政府性基金预算支出分类汇总表（按部门预算经济分类）"),
    ("budget.soe_capital", "国有资本经营预算支出表"),
    ("budget.special_account", "财政专户管理资金预算支出表"),
    ("budget.special_funds", "专项资金预算汇总表"),
    ("performance.project_targets", "专项资金支出方向绩效目标表"),
    ("performance.overall_targets", "部门整体支出绩效目标表"),
]
BUDGET_TYPES = [t for t, _ in TABLES if t.startswith("budget.")]


def test_every_printed_table_recognised_in_order() -> None:
    assert [(t.type, t.title) for t in doc().tables] == TABLES


def test_table_title_lines() -> None:
    starts = {t.type: t.at.line for t in doc().tables}
    assert starts["budget.summary"] == 36
    assert starts["budget.special_funds"] == 397
    assert starts["performance.overall_targets"] == 444
    assert doc().table("budget.expenditure").lines == (80, 106)
    assert doc().table("budget.gpb_basic").lines == (188, 220)


def test_money_unit_unit_name_and_header_source_of_budget_tables() -> None:
    tables = [doc().table(t) for t in BUDGET_TYPES]
    # L192 prints "单位：万元" instead of "金额单位：万元": still the money unit.
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
    "budget.gpb_expenditure": cols(
        "功能科目/类 功能科目/款 功能科目/项 科目编码 科目名称 合计 基本支出/小计",
        "基本支出/人员经费/工资福利支出 基本支出/人员经费/对个人和家庭的补助 基本支出/公用经费 项目支出",
    ),
    "budget.gpb_basic": cols(
        "部门预算支出经济分类科目/科目代码 部门预算支出经济分类科目/科目名称",
        "本年一般公共预算基本支出/合计 本年一般公共预算基本支出/人员经费 本年一般公共预算基本支出/公用经费",
    ),
    "budget.gpb_basic_wages_gov_econ": cols(
        "功能科目/类 功能科目/款 功能科目/项 单位代码 单位名称（功能科目） 总计 机关工资福利支出/合计",
        "机关工资福利支出/工资奖金津补贴 机关工资福利支出/社会保障缴费 机关工资福利支出/住房公积金",
        "机关工资福利支出/其他工资福利支出 对事业单位经常性补助/合计",
        "对事业单位经常性补助/工资福利支出 对事业单位经常性补助/其他对事业单位补助",
    ),
    # L249-250: the last group 其他工资福利支出 spans 合计 | 伙食补助费 | 医疗费 | 其他工资福利支出.
    "budget.gpb_basic_wages_dept_econ": cols(
        "功能科目/类 功能科目/款 功能科目/项 单位代码 单位名称（功能科目） 总计",
        "工资津补贴/合计 工资津补贴/基本工资 工资津补贴/津贴补贴 工资津补贴/奖金 工资津补贴/绩效工资",
        "社会保障缴费/合计 社会保障缴费/机关事业单位基本养老保险缴费 社会保障缴费/职业年金缴费",
        "社会保障缴费/职工基本医疗保险缴费 社会保障缴费/公务员医疗补助缴费 社会保障缴费/其他社会保障缴费",
        "住房公积金 其他工资福利支出/合计 其他工资福利支出/伙食补助费 其他工资福利支出/医疗费",
        "其他工资福利支出/其他工资福利支出",
    ),
    "budget.gpb_basic_family_dept_econ": cols(
        "功能科目/类 功能科目/款 功能科目/项 单位代码 单位名称（功能科目） 总计 离休费 退休费",
        "退职（役）费 抚恤金 生活补助 救济费 医疗费补助 助学金 奖励金 代缴社会保险费 个人农业生产补贴",
        "其他对个人和家庭的补助",
    ),
    "budget.gpb_basic_goods_gov_econ": cols(
        "功能科目/类 功能科目/款 功能科目/项 单位代码 单位名称（功能科目） 总计 机关商品和服务支出/合计",
        "机关商品和服务支出/办公经费 机关商品和服务支出/会议费 机关商品和服务支出/培训费",
        "机关商品和服务支出/专用材料购置费 机关商品和服务支出/委托业务费 机关商品和服务支出/公务接待费",
        "机关商品和服务支出/因公出国（境）费用 机关商品和服务支出/公务用车运行维护费",
        "机关商品和服务支出/维修(护)费 机关商品和服务支出/其他商品和服务支出 对事业单位经常性补助/合计",
        "对事业单位经常性补助/商品和服务支出 对事业单位经常性补助/其他对事业单位补助",
    ),
    "budget.three_public": cols(
        "单位编码 单位名称 “三公”经费合计 因公出国（境）费 公务用车购置及运行费/小计",
        "公务用车购置及运行费/公务用车购置费 公务用车购置及运行费/公务用车运行费 公务接待费",
    ),
    "budget.gov_fund": cols(
        "科目编码 科目名称 合计 本年政府性基金预算支出/小计 本年政府性基金预算支出/人员经费/工资福利支出",
        "本年政府性基金预算支出/人员经费/对个人和家庭的补助 本年政府性基金预算支出/公用经费 项目支出",
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


def test_goods_dept_econ_has_all_27_printed_expense_columns() -> None:
    columns = doc().table("budget.gpb_basic_goods_dept_econ").columns
    assert len(columns) == 33  # L309: 类 款 项 单位代码 单位名称 总计 + 27 expense columns
    assert columns[5:8] == ["总计", "办公费", "印刷费"]
    assert columns[-3:] == ["其他交通费用", "税金及附加费用", "其他商品和服务支出"]


S, G = "收入", "支出"
FUNC, DEPT, GOV = "按功能分类", "按部门预算经济分类", "按政府预算经济分类"
VALUES: list[tuple[str, Selector, str, str]] = [
    # 收支总表 L44-76
    ("budget.summary", {"label": "一、一般公共预算拨款收入", "side": S}, "收入/预算数", "353.11"),
    ("budget.summary", {"label": "经费拨款", "side": S}, "收入/预算数", "353.11"),
    ("budget.summary", {"label": "本年收入合计", "side": S}, "收入/预算数", "353.11"),
    ("budget.summary", {"label": "收入总计", "side": S}, "收入/预算数", "353.11"),
    ("budget.summary", {"label": "（一）一般公共服务支出", "group": FUNC}, "支出/预算数", "302.23"),
    ("budget.summary", {"label": "（八）社会保障和就业支出", "group": FUNC}, "支出/预算数", "22.92"),
    ("budget.summary", {"label": "（十）卫生健康支出", "group": FUNC}, "支出/预算数", "15.76"),
    ("budget.summary", {"label": "（二十）住房保障支出", "group": FUNC}, "支出/预算数", "12.19"),
    ("budget.summary", {"label": "一、基本支出", "group": DEPT}, "支出/预算数", "175.11"),
    ("budget.summary", {"label": "商品和服务支出", "group": DEPT}, "支出/预算数", "19.03"),
    ("budget.summary", {"label": "按项目管理的商品和服务支出", "group": DEPT}, "支出/预算数", "178.00"),
    ("budget.summary", {"label": "五、对事业单位经常性补助", "group": GOV}, "支出/预算数", "353.11"),
    ("budget.summary", {"label": "支出总计", "group": GOV}, "支出/预算数", "353.11"),
    # 支出总表 L88-106
    ("budget.expenditure", {"label": "合计"}, "合计", "353.11"),
    ("budget.expenditure", {"label": "合计"}, "基本支出", "175.11"),
    ("budget.expenditure", {"label": "合计"}, "项目支出", "178.00"),
    ("budget.expenditure", {"unit": "048001"}, "合计", "353.11"),
    ("budget.expenditure", {"code": "2010350"}, "基本支出", "124.23"),
    ("budget.expenditure", {"code": "2010350"}, "项目支出", "178.00"),
    ("budget.expenditure", {"code": "2080506"}, "合计", "7.34"),
    ("budget.expenditure", {"code": "2101103"}, "合计", "9.32"),
    ("budget.expenditure", {"code": "2210201"}, "基本支出", "12.19"),
    # 财政拨款收支总表 L120-152
    ("budget.fiscal_summary", {"label": "一、本年收入", "side": S}, "收入/预算数", "353.11"),
    ("budget.fiscal_summary", {"label": "收入总计", "side": S}, "收入/预算数", "353.11"),
    ("budget.fiscal_summary", {"label": "（一）一般公共服务支出", "side": G}, "支出/预算数", "302.23"),
    ("budget.fiscal_summary", {"label": "（十）卫生健康支出", "side": G}, "支出/预算数", "15.76"),
    ("budget.fiscal_summary", {"label": "支出总计", "side": G}, "支出/预算数", "353.11"),
    # 一般公共预算支出表 L166-184
    ("budget.gpb_expenditure", {"label": "合计"}, "合计", "353.11"),
    ("budget.gpb_expenditure", {"label": "合计"}, "基本支出/人员经费/对个人和家庭的补助", "0.00"),
    ("budget.gpb_expenditure", {"label": "合计"}, "基本支出/公用经费", "19.03"),
    ("budget.gpb_expenditure", {"label": "合计"}, "项目支出", "178.00"),
    ("budget.gpb_expenditure", {"unit": "048"}, "基本支出/小计", "175.11"),
    ("budget.gpb_expenditure", {"code": "2010350"}, "基本支出/人员经费/工资福利支出", "105.20"),
    ("budget.gpb_expenditure", {"code": "20805"}, "合计", "22.03"),
    ("budget.gpb_expenditure", {"code": "2089999"}, "基本支出/小计", "0.89"),
    ("budget.gpb_expenditure", {"code": "2101102"}, "合计", "6.45"),
    # 一般公共预算基本支出表 L196-218
    ("budget.gpb_basic", {"code": "301"}, "本年一般公共预算基本支出/合计", "156.08"),
    ("budget.gpb_basic", {"code": "30101"}, "本年一般公共预算基本支出/人员经费", "44.19"),
    ("budget.gpb_basic", {"code": "30113"}, "本年一般公共预算基本支出/人员经费", "12.19"),
    ("budget.gpb_basic", {"code": "302"}, "本年一般公共预算基本支出/公用经费", "19.03"),
    ("budget.gpb_basic", {"code": "30239"}, "本年一般公共预算基本支出/公用经费", "7.03"),
    ("budget.gpb_basic", {"label": "合计"}, "本年一般公共预算基本支出/合计", "175.11"),
    ("budget.gpb_basic", {"label": "合计"}, "本年一般公共预算基本支出/人员经费", "156.08"),
    ("budget.gpb_basic", {"label": "合计"}, "本年一般公共预算基本支出/公用经费", "19.03"),
    # 人员经费(工资福利支出)(按政府预算经济分类) L230-239
    ("budget.gpb_basic_wages_gov_econ", {"label": "合计"}, "总计", "156.08"),
    ("budget.gpb_basic_wages_gov_econ", {"label": "合计"}, "对事业单位经常性补助/工资福利支出", "156.08"),
    ("budget.gpb_basic_wages_gov_econ", {"code": "2010350"}, "对事业单位经常性补助/合计", "105.20"),
    ("budget.gpb_basic_wages_gov_econ", {"code": "2210201"}, "总计", "12.19"),
    # 人员经费(工资福利支出)(按部门预算经济分类) L251-260
    ("budget.gpb_basic_wages_dept_econ", {"label": "合计"}, "工资津补贴/基本工资", "44.19"),
    ("budget.gpb_basic_wages_dept_econ", {"label": "合计"}, "社会保障缴费/合计", "38.69"),
    ("budget.gpb_basic_wages_dept_econ", {"label": "合计"}, "住房公积金", "12.19"),
    ("budget.gpb_basic_wages_dept_econ", {"code": "2010350"}, "工资津补贴/奖金", "33.00"),
    ("budget.gpb_basic_wages_dept_econ", {"code": "2101103"}, "社会保障缴费/公务员医疗补助缴费", "3.60"),
    ("budget.gpb_basic_wages_dept_econ", {"code": "2101103"}, "社会保障缴费/其他社会保障缴费", "5.72"),
    # 公用经费(商品和服务支出)(按政府预算经济分类) L296-299: the print puts 19.03 under
    # 其他商品和服务支出 (cell 16) and 对事业单位经常性补助/合计 (cell 17); asserted as printed.
    ("budget.gpb_basic_goods_gov_econ", {"label": "合计"}, "总计", "19.03"),
    ("budget.gpb_basic_goods_gov_econ", {"label": "合计"}, "机关商品和服务支出/其他商品和服务支出", "19.03"),
    ("budget.gpb_basic_goods_gov_econ", {"code": "2010350"}, "对事业单位经常性补助/合计", "19.03"),
    # 公用经费(商品和服务支出)(按部门预算经济分类) L311-314
    ("budget.gpb_basic_goods_dept_econ", {"label": "合计"}, "总计", "19.03"),
    ("budget.gpb_basic_goods_dept_econ", {"code": "2010350"}, "办公费", "3.70"),
    ("budget.gpb_basic_goods_dept_econ", {"code": "2010350"}, "福利费", "2.16"),
    ("budget.gpb_basic_goods_dept_econ", {"code": "2010350"}, "其他交通费用", "7.03"),
    # 三公 L328-330
    ("budget.three_public", {"label": "合计"}, "“三公”经费合计", "0.15"),
    ("budget.three_public", {"label": "合计"}, "公务接待费", "0.15"),
    ("budget.three_public", {"unit": "048001"}, "“三公”经费合计", "0.15"),
    # 专项资金预算汇总表 L406-409
    ("budget.special_funds", {"label": "合计"}, "预算额度/总计", "178.00"),
    ("budget.special_funds", {"label": "合计"}, "预算编制方式/编入部门预算金额", "178.00"),
    ("budget.special_funds", {"label": "政府雇员经费"}, "预算额度/一般公共预算/经费拨款", "168.00"),
    ("budget.special_funds", {"label": "平台机构工作运营费"}, "预算额度/总计", "10.00"),
]


@pytest.mark.parametrize(("type_id", "selector", "column", "expected"), VALUES, ids=value_ids(VALUES))
def test_printed_amount(type_id: str, selector: Selector, column: str, expected: str) -> None:
    row = pick(doc().table(type_id), selector)
    assert row.values[column].amount == Decimal(expected)


EMPTY = [
    ("budget.gpb_basic_family_gov_econ", "总计", 272),
    ("budget.gpb_basic_family_dept_econ", "总计", 284),
    ("budget.gov_fund", "合计", 343),
    ("budget.gov_fund_gov_econ", "总计", 355),
    ("budget.gov_fund_dept_econ", "总计", 367),
    ("budget.soe_capital", "合计", 380),
    ("budget.special_account", "合计", 393),
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


def test_expenditure_codes_normalised_from_split_columns() -> None:
    table = doc().table("budget.expenditure")
    assert [r.code for r in table.rows if r.kind == "item"] == [
        *("201", "20103", "2010350", "208", "20805", "2080505", "2080506", "20899", "2089999"),
        *("210", "21011", "2101102", "2101103", "221", "22102", "2210201"),
    ]


def test_unit_and_total_rows() -> None:
    table = doc().table("budget.expenditure")
    head = [(r.kind, r.code, r.unit_code, r.label) for r in table.rows[:3]]
    # L89 prints the department code 048 as its own name.
    assert head == [
        ("total", None, None, "合计"),
        ("unit", None, "048", "048"),
        ("unit", None, "048001", UNIT),
    ]
    gpb = doc().table("budget.gpb_expenditure")
    assert [(r.kind, r.unit_code, r.label) for r in gpb.rows[1:3]] == [
        ("unit", "048", UNIT),
        ("unit", "048001", UNIT),
    ]
    three = doc().table("budget.three_public")
    assert [(r.kind, r.unit_code) for r in three.rows] == [
        ("total", None),
        ("unit", "048"),
        ("unit", "048001"),
    ]


def test_function_rows_of_economic_tables_carry_unit_code() -> None:
    table = doc().table("budget.gpb_basic_wages_dept_econ")
    codes = [(r.kind, r.code, r.unit_code) for r in table.rows if r.code]
    assert codes == [
        ("item", code, "048001")
        for code in ("2010350", "2080505", "2080506", "2089999", "2101102", "2101103", "2210201")
    ]


def test_special_fund_projects_are_items_of_unit_048001() -> None:
    table = doc().table("budget.special_funds")
    rows = [(r.kind, r.code, r.unit_code, r.label) for r in table.rows]
    # L408-409: the 单位名称（专项名称） column names a project of unit 048001, not a unit.
    assert rows == [
        ("total", None, None, "合计"),
        ("unit", None, "048", UNIT),
        ("item", None, "048001", "政府雇员经费"),
        ("item", None, "048001", "平台机构工作运营费"),
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
    assert table.find(label="二、年终结转结余", side=G).values == {}


def test_row_and_cell_provenance() -> None:
    summary = doc().table("budget.summary")
    cell = summary.find(label="五、对事业单位经常性补助", group=GOV).values["支出/预算数"]
    assert (cell.text, cell.at.line, cell.at.column) == ("353.11", 48, 7)
    assert summary.find(label="五、对事业单位经常性补助", group=GOV).at.line == 48
    assert doc().table("budget.expenditure").find(code="2010350").at.line == 93
    assert doc().table("budget.gpb_basic").find(label="合计").at.line == 218
    wages = doc().table("budget.gpb_basic_wages_dept_econ").find(code="2101103")
    assert (wages.at.line, wages.values["社会保障缴费/其他社会保障缴费"].at.column) == (259, 16)
    assert doc().table("budget.special_funds").find(label="平台机构工作运营费").at.line == 409


def test_gpb_basic_rows_in_printed_order() -> None:
    rows = doc().table("budget.gpb_basic").rows
    # L196-218: economic codes printed out of numeric order; kept as printed, 合计 last.
    assert [r.code for r in rows[:5]] == ["301", "30103", "30107", "30102", "30101"]
    assert [(r.kind, r.label) for r in rows[-2:]] == [("item", "其他交通费用"), ("total", "合计")]
    assert len(rows) == 23
