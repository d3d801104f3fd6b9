"""Acceptance: seed 004, 株洲高新技术产业开发区企业服务局 2024 部门决算 (nine tables + 绩效自评表).

Every expected value was read from /work/shared/seeds/004_711672de32b8e3d1.txt; ``Lnnn`` in the
comments is the line of that file. The print is clean, but its meta lines wrap ("部门：株洲高新技术
产业开发区企" + "业服务局", L119–120), titles carry no year, 公开07/08表 print "无" in their 合计
row, and the 三公 table's only data row prints integers ("2 … 2 0 … 0", L301).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.model import Document, Section, Table
from tests.conftest import seed

UNIT = "株洲高新技术产业开发区企业服务局"
TOTAL = Decimal("387.79")
BASIC = Decimal("218.50")
PROJECT = Decimal("169.30")
CODES = ["2010301", "2010302", "2080505", "2089999", "2101101", "2101103", "2210201"]


def cols(*parts: str) -> list[str]:
    """Column paths written space-separated (no normalised path contains a space)."""
    return " ".join(parts).split()


def doc() -> Document:
    return seed("004")


def table(type_id: str) -> Table:
    return doc().table(type_id)


def section(heading: str) -> Section:
    return next(s for s in doc().narrative if s.heading == heading)


# --- document meta, tables, 目录 ---------------------------------------------------------------


def test_meta_kind_scope_year_and_wrapped_unit_name() -> None:
    d = doc()
    # L3–7 "2024年度" / "株洲高新技术产业开发区企" / "业服务局部门决算公开"; no unit code printed.
    assert (d.kind, d.scope, d.year, d.unit_name, d.unit_code) == (
        "final_account",
        "department",
        2024,
        UNIT,
        None,
    )
    assert (d.source.name, d.source.format) == ("004_711672de32b8e3d1.txt", "text")


PROJECT_EVAL = "performance.project_self_eval"
EXPECTED_TABLES = [
    ("final.summary", "收入支出决算总表"),  # L87
    ("final.income", "收入决算表"),  # L115
    ("final.expenditure", "支出决算表"),  # L138
    ("final.fiscal_summary", "财政拨款收入支出决算总表"),  # L161
    ("final.gpb_expenditure", "一般公共预算财政拨款支出决算表"),  # L191
    ("final.gpb_basic", "一般公共预算财政拨款基本支出决算明细表"),  # L212
    ("final.gov_fund", "政府性基金预算财政拨款收入支出决算表"),  # L252
    ("final.soe_capital", "国有资本经营预算财政拨款支出决算表"),  # L269
    ("final.three_public", "财政拨款“三公”经费支出决算表"),  # L286
    ("performance.overall_self_eval", "2024年度部门（单位）整体支出绩效自评表"),  # L611
    (PROJECT_EVAL, "2024年度项目支出绩效自评表"),  # L642 政府雇员经费
    (PROJECT_EVAL, "2024年度项目支出绩效自评表"),  # L671 企业服务专项经费
    (PROJECT_EVAL, "2024年度项目支出绩效自评表"),  # L699 优化营商环境专项经费
    (PROJECT_EVAL, "2024 年度项目支出绩效自评表"),  # L724 三高办要素保障组工作经费
    (PROJECT_EVAL, "2024 年度项目支出绩效自评表"),  # L753 企业数据库平台建设专项经费
    (PROJECT_EVAL, "2024 年度项目支出绩效自评表"),  # L782 办公场地能耗费
]


def test_every_table_recognised_in_print_order() -> None:
    assert [(t.type, t.title) for t in doc().tables] == EXPECTED_TABLES
    assert [t.at.line for t in doc().tables_of(PROJECT_EVAL)] == [642, 671, 699, 724, 753, 782]


def test_listed_tables_of_the_toc_all_present() -> None:
    # 目录 L18–26 lists the nine tables; the body prints all nine (07 and 08 empty, L252 / L269).
    listed = [(e.number, e.title, e.type, e.present, e.at.line) for e in doc().listed_tables]
    assert listed == [
        ("一", "收入支出决算总表", "final.summary", True, 18),
        ("二", "收入决算表", "final.income", True, 19),
        ("三", "支出决算表", "final.expenditure", True, 20),
        ("四", "财政拨款收入支出决算总表", "final.fiscal_summary", True, 21),
        ("五", "一般公共预算财政拨款支出决算表", "final.gpb_expenditure", True, 22),
        ("六", "一般公共预算财政拨款基本支出决算明细表", "final.gpb_basic", True, 23),
        ("七", "政府性基金预算财政拨款收入支出决算表", "final.gov_fund", True, 24),
        ("八", "国有资本经营预算财政拨款支出决算表", "final.soe_capital", True, 25),
        ("九", "财政拨款“三公”经费支出决算表", "final.three_public", True, 26),
    ]
    assert doc().absent_tables == []


# --- per-table meta and columns ---------------------------------------------------------------

CODED = cols("项目/功能分类科目编码 项目/科目名称")
THREE = cols("合计 因公出国（境）费 公务用车购置及运行维护费/小计 公务用车购置及运行维护费/公务用车购置费")
THREE += cols("公务用车购置及运行维护费/公务用车运行维护费 公务接待费")
FUNDS = "支出/国有资本经营预算财政拨款"
SPENT = cols("本年支出/小计 本年支出/基本支出 本年支出/项目支出")

COLUMNS: list[tuple[str, str, str, list[str]]] = [
    ("final.summary", "公开01表", "printed", ["收入/决算数", "支出/决算数"]),  # L94–96
    # L124–125 "项 目" spans 功能分类 科目编码 | 科目名称; "附属单位上 缴收入" wraps
    (
        "final.income",
        "公开02表",
        "printed",
        CODED + cols("本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入"),
    ),
    (
        "final.expenditure",  # L147–148
        "公开03表",
        "printed",
        CODED + cols("本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出"),
    ),
    (
        "final.fiscal_summary",  # L170–171 "金 额", "合 计"
        "公开04表",
        "printed",
        cols("收入/金额 支出/合计 支出/一般公共预算财政拨款 支出/政府性基金预算财政拨款", FUNDS),
    ),
    ("final.gpb_expenditure", "公开05表", "printed", CODED + SPENT),  # L198–199
    ("final.gpb_basic", "公开06表", "printed", ["经济分类科目编码", "科目名称", "决算数"]),  # L219
    (
        "final.gov_fund",  # L260–261 "科目代码"
        "公开07表",
        "printed",
        cols("项目/科目代码 项目/科目名称 年初结转和结余 本年收入") + SPENT + ["年末结转和结余"],
    ),
    (
        "final.soe_capital",  # L277–278
        "公开08表",
        "printed",
        cols("项目/科目代码 项目/科目名称 本年支出/合计 本年支出/基本支出 本年支出/项目支出"),
    ),
    # L297–299: the 决算数 half lost its 因公出国（境）费 heading (headings shift one column left
    # under 决算数), so the twelve numbered columns (L300) take the standard names.
    ("final.three_public", "公开09表", "template", [f"{p}/{c}" for p in ("预算数", "决算数") for c in THREE]),
]


@pytest.mark.parametrize(("type_id", "number", "source", "columns"), COLUMNS)
def test_table_number_money_unit_header_source_and_columns(
    type_id: str, number: str, source: str, columns: list[str]
) -> None:
    t = table(type_id)
    assert (t.number, t.money_unit, t.header_source) == (number, "万元", source)
    assert t.columns == columns


@pytest.mark.parametrize(
    ("type_id", "unit_name"),
    [
        ("final.summary", UNIT),  # L89
        ("final.income", UNIT),  # L119–120 "部门：株洲高新技术产业开发区企" / "业服务局"
        ("final.expenditure", UNIT),  # L142–143 "部门：株洲高新技术产业" / "开发区企业服务局"
        ("final.fiscal_summary", UNIT),  # L165–166 "部门：株洲高新技术产业开发区企业" / "服务局"
        ("final.gpb_expenditure", UNIT),  # L193
        ("final.gpb_basic", UNIT),  # L214
        ("final.gov_fund", UNIT),  # L256 prints the name without "部门："
        ("final.soe_capital", UNIT),  # L273
        # L290–293 "株洲高新区" / "技术产业" / "开发区企" / "业服务局", no "部门：": the print says 高新区
        ("final.three_public", "株洲高新区技术产业开发区企业服务局"),
    ],
)
def test_table_unit_name_from_wrapped_meta_lines(type_id: str, unit_name: str) -> None:
    assert table(type_id).unit_name == unit_name


def test_table_line_spans() -> None:
    spans = {"final.income": (115, 136), "final.expenditure": (138, 159), "final.gpb_basic": (212, 250)}
    spans |= {"final.gov_fund": (252, 267), "final.soe_capital": (269, 284), "final.three_public": (286, 303)}
    assert {type_id: table(type_id).lines for type_id in spans} == spans


# --- values -------------------------------------------------------------------------------------

VALUES: list[tuple[str, dict[str, str], str, Decimal | None]] = [
    # 公开01表
    ("final.summary", {"label": "一、一般公共预算财政拨款收入"}, "收入/决算数", TOTAL),  # L97
    ("final.summary", {"label": "一、一般公共服务支出"}, "支出/决算数", Decimal("337.36")),  # L97
    ("final.summary", {"label": "五、事业收入"}, "收入/决算数", None),  # L101
    ("final.summary", {"label": "七、社会保障和就业支出"}, "支出/决算数", Decimal("18.49")),  # L103
    ("final.summary", {"label": "八、卫生健康支出"}, "支出/决算数", Decimal("17")),  # L104 "17"
    ("final.summary", {"label": "九、住房保障支出"}, "支出/决算数", Decimal("14.93")),  # L105
    ("final.summary", {"label": "本年收入合计"}, "收入/决算数", TOTAL),  # L106
    ("final.summary", {"label": "本年支出合计"}, "支出/决算数", TOTAL),  # L106
    ("final.summary", {"label": "总计", "side": "收入"}, "收入/决算数", TOTAL),  # L109
    ("final.summary", {"label": "总计", "side": "支出"}, "支出/决算数", TOTAL),  # L109
    # 公开02表
    ("final.income", {"label": "合计"}, "本年收入合计", TOTAL),  # L127
    ("final.income", {"code": "2010301"}, "财政拨款收入", Decimal("168.07")),  # L128
    ("final.income", {"code": "2010301"}, "事业收入", None),
    ("final.income", {"code": "2010302"}, "本年收入合计", PROJECT),  # L129
    ("final.income", {"code": "2080505"}, "本年收入合计", Decimal("17.86")),  # L130
    ("final.income", {"code": "2089999"}, "财政拨款收入", Decimal("0.63")),  # L131
    ("final.income", {"code": "2101101"}, "本年收入合计", Decimal("6.83")),  # L132
    ("final.income", {"code": "2101103"}, "本年收入合计", Decimal("10.17")),  # L133
    ("final.income", {"code": "2210201"}, "财政拨款收入", Decimal("14.93")),  # L134
    # 公开03表
    ("final.expenditure", {"label": "合计"}, "本年支出合计", TOTAL),  # L150
    ("final.expenditure", {"label": "合计"}, "基本支出", BASIC),
    ("final.expenditure", {"label": "合计"}, "项目支出", PROJECT),
    ("final.expenditure", {"code": "2010301"}, "基本支出", Decimal("168.07")),  # L151
    ("final.expenditure", {"code": "2010302"}, "项目支出", PROJECT),  # L152
    ("final.expenditure", {"code": "2010302"}, "基本支出", None),
    ("final.expenditure", {"code": "2089999"}, "本年支出合计", Decimal("0.63")),  # L154
    # 公开04表
    ("final.fiscal_summary", {"label": "一、一般公共预算财政拨款"}, "收入/金额", TOTAL),  # L173
    ("final.fiscal_summary", {"label": "一、一般公共服务支出"}, "支出/合计", Decimal("337.36")),  # L173
    ("final.fiscal_summary", {"label": "八、卫生健康支出"}, "支出/一般公共预算财政拨款", Decimal("17.00")),
    ("final.fiscal_summary", {"label": "本年支出合计"}, "支出/合计", TOTAL),  # L182
    ("final.fiscal_summary", {"label": "总计", "side": "收入"}, "收入/金额", TOTAL),  # L187
    ("final.fiscal_summary", {"label": "总计", "side": "支出"}, "支出/国有资本经营预算财政拨款", None),
    # 公开05表
    ("final.gpb_expenditure", {"label": "合计"}, "本年支出/小计", TOTAL),  # L201
    ("final.gpb_expenditure", {"label": "合计"}, "本年支出/基本支出", BASIC),
    ("final.gpb_expenditure", {"label": "合计"}, "本年支出/项目支出", PROJECT),
    ("final.gpb_expenditure", {"code": "2010302"}, "本年支出/小计", Decimal("169.3")),  # L203 "169.3"
    ("final.gpb_expenditure", {"code": "2080505"}, "本年支出/基本支出", Decimal("17.86")),  # L204
    # 公开06表 (人员经费 block; 公用经费 blocks 302 and 307/310/399)
    ("final.gpb_basic", {"code": "301"}, "决算数", Decimal("177.5")),  # L220
    ("final.gpb_basic", {"code": "30101"}, "决算数", Decimal("50.04")),  # L221
    ("final.gpb_basic", {"code": "30103"}, "决算数", Decimal("52.46")),  # L223
    ("final.gpb_basic", {"code": "30107"}, "决算数", None),  # L225
    ("final.gpb_basic", {"code": "30110"}, "决算数", Decimal("6.83")),  # L228
    ("final.gpb_basic", {"code": "302"}, "决算数", Decimal("33.3")),  # L220
    ("final.gpb_basic", {"code": "30201"}, "决算数", Decimal("4.29")),  # L221
    ("final.gpb_basic", {"code": "30239"}, "决算数", Decimal("8.53")),  # L245
    ("final.gpb_basic", {"code": "30299"}, "决算数", Decimal("8.74")),  # L247
    ("final.gpb_basic", {"code": "310"}, "决算数", Decimal("7.65")),  # L223
    ("final.gpb_basic", {"code": "31002"}, "决算数", Decimal("0.85")),  # L225
    ("final.gpb_basic", {"code": "31007"}, "决算数", Decimal("6.80")),  # L229
    # L248: totals print truncated (情况说明 L373/L375: 177.55 and 40.95), kept as printed
    ("final.gpb_basic", {"label": "人员经费合计", "side": "人员经费"}, "决算数", Decimal("177.5")),
    ("final.gpb_basic", {"label": "公用经费合计", "side": "公用经费"}, "决算数", Decimal("40.9")),
    # 公开07/08表: 合计 prints "无" (L263, L280), not an amount
    ("final.gov_fund", {"label": "合计"}, "年初结转和结余", None),
    ("final.soe_capital", {"label": "合计"}, "本年支出/合计", None),
]


@pytest.mark.parametrize(("type_id", "match", "column", "expected"), VALUES)
def test_printed_amount(type_id: str, match: dict[str, str], column: str, expected: Decimal | None) -> None:
    assert table(type_id).amount(column, **match) == expected


def test_amounts_keep_printed_text_scale_and_line() -> None:
    health = table("final.summary").find(label="八、卫生健康支出").values["支出/决算数"]  # L104
    assert (health.text, str(health.amount), health.at.line) == ("17", "17", 104)
    same = table("final.fiscal_summary").find(label="八、卫生健康支出").values["支出/合计"]  # L180
    assert (same.text, str(same.amount), same.at.line) == ("17.00", "17.00", 180)
    admin = table("final.gpb_expenditure").find(code="2010302").values  # L203: "169.3" | "" | "169.30"
    assert [(k, v.text) for k, v in admin.items()] == [
        ("本年支出/小计", "169.3"),
        ("本年支出/项目支出", "169.30"),
    ]


def test_two_sided_rows_sides_kinds_and_lines() -> None:
    t = table("final.summary")
    assert [len([r for r in t.rows if r.side == s]) for s in ("收入", "支出")] == [12, 13]
    totals = [(r.side, r.label, r.at.line) for r in t.rows if r.kind == "total"]
    assert totals == [
        ("收入", "本年收入合计", 106),
        ("收入", "总计", 109),
        ("支出", "本年支出合计", 106),
        ("支出", "总计", 109),
    ]
    f = table("final.fiscal_summary")
    # L180 prints 八、卫生健康支出 with no 收入 行次: only its 支出 row exists
    assert [(r.side, r.label) for r in f.rows if r.at.line == 180] == [("支出", "八、卫生健康支出")]
    assert [len([r for r in f.rows if r.side == s]) for s in ("收入", "支出")] == [9, 12]


@pytest.mark.parametrize("type_id", ["final.income", "final.expenditure", "final.gpb_expenditure"])
def test_function_codes_rows_and_kinds(type_id: str) -> None:
    rows = table(type_id).rows
    assert [(r.code, r.kind) for r in rows] == [(None, "total"), *((c, "item") for c in CODES)]
    assert (rows[0].label, rows[2].label) == ("合计", "一般行政管理事务")


def test_coded_row_provenance() -> None:
    assert [r.at.line for r in table("final.expenditure").rows] == list(range(150, 158))
    row = table("final.gpb_expenditure").find(code="2210201")
    assert (row.label, row.at.line, row.values["本年支出/小计"].at.line) == ("住房公积金", 208, 208)


def test_basic_blocks_sides_and_totals() -> None:
    t = table("final.gpb_basic")
    staff = [r for r in t.rows if r.side == "人员经费"]
    public = [r for r in t.rows if r.side == "公用经费"]
    assert (len(staff), len(public)) == (28, 55)
    assert [(r.label, r.kind, r.at.line) for r in t.rows if r.kind == "total"] == [
        ("人员经费合计", "total", 248),
        ("公用经费合计", "total", 248),
    ]
    assert [r.code for r in public if r.code and len(r.code) == 3] == ["302", "307", "310", "399"]
    assert t.find(code="39999").label == "其他支出"  # L245


def test_three_public_integer_row() -> None:
    t = table("final.three_public")
    # L301 "2 | | | | | 2 | 0 | | | | | 0": budgeted 2 (all 公务接待费), spent 0
    assert len(t.rows) == 1
    row = t.rows[0]
    assert {k: (v.text, v.amount) for k, v in row.values.items()} == {
        "预算数/合计": ("2", Decimal("2")),
        "预算数/公务接待费": ("2", Decimal("2")),
        "决算数/合计": ("0", Decimal("0")),
        "决算数/公务接待费": ("0", Decimal("0")),
    }
    assert (row.at.line, t.empty_note) == (301, None)


@pytest.mark.parametrize(
    ("type_id", "note", "line"),
    [
        (
            "final.gov_fund",
            "说明：我单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。",
            263,
        ),
        ("final.soe_capital", "说明：我单位没有使用国有资本经营预算安排的支出，故本表无数据。", 280),
    ],
)
def test_empty_tables_note_and_total_row(type_id: str, note: str, line: int) -> None:
    t = table(type_id)
    assert t.empty_note == note
    assert [(r.label, r.kind, r.at.line, [c.text for c in r.values.values()]) for r in t.rows] == [
        ("合计", "total", line, ["无"])
    ]


# --- narrative ----------------------------------------------------------------------------------

PART_THREE = [
    *("一、收入支出决算总体情况说明", "二、收入决算情况说明", "三、支出决算情况说明"),
    *("四、财政拨款收入支出决算总体情况说明", "五、一般公共预算财政拨款支出决算情况说明"),
    *("六、一般公共预算财政拨款基本支出决算情况说明", "七、政府性基金预算财政拨款收入支出决算情况"),
    *("八、国有资本经营预算财政拨款收入支出决算情况", "九、财政拨款三公经费支出决算情况说明"),
    *("十、关于机关运行经费支出说明", "十一、一般性支出情况说明", "十二、关于政府采购支出说明"),
    *("十三、关于国有资产占用情况说明", "十四、关于2024年度预算绩效情况的说明", "十五、其他"),
]


def test_narrative_parts() -> None:
    parts = [(s.heading, s.at.line) for s in doc().narrative if s.level == 0]
    # L51+53 "第一部分" / "株洲高新技术产业开发区 企业服务局概况"; L469+471 "第五部分" / "附 件"
    assert parts == [
        ("第一部分 株洲高新技术产业开发区 企业服务局概况", 51),
        ("第二部分 部门决算表", 83),
        ("第三部分 2024年度部门决算情况说明", 305),
        ("第四部分 名词解释", 449),
        ("第五部分 附 件", 469),
    ]


def test_narrative_sections_of_part_three() -> None:
    inside = [s for s in doc().narrative if 305 < (s.at.line or 0) < 449]
    assert [s.heading for s in inside if s.level == 1] == PART_THREE
    assert [(s.heading, s.at.line) for s in inside if s.level == 2] == [
        ("（一）一般公共预算财政拨款支出决算总体情况", 327),
        ("（二）一般公共预算财政拨款支出决算结构情况", 331),
        ("（三）一般公共预算财政拨款支出决算具体情况", 335),
        ("（一）“三公”经费财政拨款支出决算总体情况说明", 387),
        ("（二）“三公”经费财政拨款支出决算具体情况说明", 401),
        ("（一）绩效管理工作开展情况", 431),
        ("（二）部门（单位）整体支出绩效情况", 435),
        ("（三）存在的问题及原因分析", 439),
    ]


def test_glossary_entries_are_paragraphs_not_headings() -> None:
    # L453 "一、财政拨款收入：指…": definitions under 第四部分, not sections
    assert [s.heading for s in doc().narrative if 449 < (s.at.line or 0) < 469] == []


def test_narrative_paragraphs_with_figures() -> None:
    total = section("一、收入支出决算总体情况说明").paragraphs  # L311
    assert [(p.at.line, p.text) for p in total] == [
        (311, "2024年度收、支总计387.79万元。与上年相比，减少8.73万元，减少2.2%，主要是因为厉行节约。")
    ]
    detail = section("（三）一般公共预算财政拨款支出决算具体情况").paragraphs[0]  # L337
    assert (detail.at.line, detail.text) == (
        337,
        "2024年度财政拨款支出年初预算数为359.31万元，支出决算数为387.79万元，完成年初预算的107.93%，其中：",
    )
    staff = section("六、一般公共预算财政拨款基本支出决算情况说明").paragraphs[1]  # L373
    assert (staff.at.line, staff.text) == (
        373,
        "人员经费177.55万元，占基本支出的81.26%，主要包括基本工资、津贴补贴、奖金、社会保障缴费、住房公积金。",
    )
