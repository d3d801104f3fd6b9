"""Acceptance: seed 003, 武汉市江汉区企业服务中心 2024 部门决算 (national nine tables 公开01–09表).

Every expected value was read from /work/shared/seeds/003_ad50221802a8c10b.txt; ``Lnnn`` in the
comments is the line of that file. The PDF conversion is heavily defective: amounts carry stray
spaces ("380. 89"), 公开01表 prints truncated cells ("34. 3" where 公开04表 L194 prints 34.31),
codes are split or mangled ("201 0350", "208 80502", "221 .0203"), and the headers of 公开02/03/04/
05/07/09表 print vertical or garbled characters, so their columns come from the standard template.
Truncated cells are asserted as printed: the extractor must never complete them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.model import Document, Section, Table
from tests.conftest import seed

UNIT = "武汉市江汉区企业服务中心"
TOTAL = Decimal("497.84")
BASIC = Decimal("392.79")
PROJECT = Decimal("105.05")
SPLIT = ["功能分类科目编码/类", "功能分类科目编码/款", "功能分类科目编码/项", "科目名称"]
CODES = [
    *("2010350", "2010399", "2080502", "2080505", "2080599", "2101102", "2101103", "2101199"),
    *("2210201", "2210202", "2210203"),
]


def cols(text: str) -> list[str]:
    """Column paths written space-separated (no normalised path contains a space)."""
    return text.split()


def doc() -> Document:
    return seed("003")


def table(type_id: str) -> Table:
    return doc().table(type_id)


def section(heading: str) -> Section:
    return next(s for s in doc().narrative if s.heading == heading)


# --- document meta, tables, 目录 ---------------------------------------------------------------


def test_meta_kind_scope_year_unit_name() -> None:
    d = doc()
    # L1 "2024 年度武汉市江汉区企业服务中心 部门决算公开"; the cover prints no unit code.
    meta = ("final_account", "department", 2024, UNIT, None)
    assert (d.kind, d.scope, d.year, d.unit_name, d.unit_code) == meta
    assert (d.source.name, d.source.format) == ("003_ad50221802a8c10b.txt", "text")


EXPECTED_TABLES = [
    ("final.summary", "2024年度收入支出决算总表"),  # L68
    ("final.income", "2024年度收入决算表"),  # L115
    ("final.expenditure", "2024年度支出决算表"),  # L149
    ("final.fiscal_summary", "2024年度财政拨款收入支出决算总表"),  # L175
    ("final.gpb_expenditure", "2024年度一般公共预算财政拨款支出决算表"),  # L222
    ("final.gpb_basic", "2024年度一般公共预算财政拨款基本支出决算明细表"),  # L246
    ("final.gov_fund", "2024年度政府性基金预算财政拨款收入支出决算表"),  # L288
    ("final.soe_capital", "2024年度国有资本经营预算财政拨款支出决算表"),  # L305
    ("final.three_public", '2024 年度财政拨款 "三公" 经费支出决算表'),  # L322
    # L547+549 and L629+631: titles wrapped before "表" / "自评表"
    ("performance.overall_self_eval", "一、2024年度武汉市江汉区企业服务中心整体绩效自评表"),
    ("performance.project_self_eval", "二、2024年度综合性工作经费项目绩效自评表"),  # L603
    ("performance.project_self_eval", "三、2024年度党建工作及微信公众号运营经费项目绩效自评表"),
    ("performance.project_self_eval", "四、江汉区数字店小二平台专项经费项目绩效自评表"),  # L661
]


def test_every_table_recognised_in_print_order() -> None:
    assert [(t.type, t.title) for t in doc().tables] == EXPECTED_TABLES


def test_listed_tables_of_the_toc_all_present() -> None:
    # 目录 L14–22 "- 一、收入支出决算总表" … "- 九、财政拨款"三公"经费支出决算表"
    listed = [(e.number, e.title, e.type, e.present, e.at.line) for e in doc().listed_tables]
    assert listed == [
        ("一", "收入支出决算总表", "final.summary", True, 14),
        ("二", "收入决算表", "final.income", True, 15),
        ("三", "支出决算表", "final.expenditure", True, 16),
        ("四", "财政拨款收入支出决算总表", "final.fiscal_summary", True, 17),
        ("五", "一般公共预算财政拨款支出决算表", "final.gpb_expenditure", True, 18),
        ("六", "一般公共预算财政拨款基本支出决算明细表", "final.gpb_basic", True, 19),
        ("七", "政府性基金预算财政拨款收入支出决算表", "final.gov_fund", True, 20),
        ("八", "国有资本经营预算财政拨款支出决算表", "final.soe_capital", True, 21),
        ("九", '财政拨款"三公"经费支出决算表', "final.three_public", True, 22),
    ]
    assert doc().absent_tables == []


# --- per-table meta and columns ---------------------------------------------------------------

THREE = cols("合计 因公出国（境）费 公务用车购置及运行维护费/小计 公务用车购置及运行维护费/公务用车购置费")
THREE += cols("公务用车购置及运行维护费/公务用车运行维护费 公务接待费")
CARRY = cols("年初结转和结余 本年收入 本年支出/小计 本年支出/基本支出 本年支出/项目支出 年末结转和结余")
FUNDS = cols("支出/一般公共预算财政拨款 支出/政府性基金预算财政拨款 支出/国有资本经营预算财政拨款")
INCOME = cols("本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入")
SPENDING = cols("本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出")
GPB = cols("本年支出/小计 本年支出/基本支出 本年支出/项目支出")
SOE_CODES = cols("项目/功能分类科目编码/类 项目/功能分类科目编码/款 项目/功能分类科目编码/项 项目/科目名称")

COLUMNS: list[tuple[str, str, str, list[str]]] = [
    # L77–79 收入 | 支出 over 项目 | 行次 | 金额: readable, two-sided (value columns only)
    ("final.summary", "公开01表", "printed", ["收入/金额", "支出/金额"]),
    # L124–132 vertical characters ("上 级 补 助 收 入" over nine rows): template
    ("final.income", "公开02表", "template", SPLIT + INCOME),
    # L158 "上级上级支出", "属单 位补 助支 出": garbled
    ("final.expenditure", "公开03表", "template", SPLIT + SPENDING),
    # L183–185 "単位: 万元 支 出", "章数 政府性 基金财 算财政 拨款": garbled
    ("final.fiscal_summary", "公开04表", "template", ["收入/决算数", "支出/小计", *FUNDS]),
    # L228–229: "本年支出" prints off-centre (over 基本支出), "功能分类科目 目编码": template names
    ("final.gpb_expenditure", "公开05表", "template", SPLIT + GPB),
    # L255: three [编码 | 名称 | 决算数] blocks, one column list
    ("final.gpb_basic", "公开06表", "printed", ["经济分类科目编码", "科目名称", "决算数"]),
    # L296–297: "本年支出" lost over 小计 | 基本支出 | 项目支出
    ("final.gov_fund", "公开07表", "template", SPLIT + CARRY),
    # L313–315 readable; 项 prints "次" (L315 "类 款 次") and "功能分类 科目编码" sits centred over the
    # three code columns: all three are code columns under 项目/功能分类科目编码.
    (
        "final.soe_capital",
        "公开08表",
        "printed",
        SOE_CODES + cols("本年支出/合计 本年支出/基本支出 本年支出/项目支出"),
    ),
    # L330–334 vertical characters ("田八山", "页", "贝"): template
    ("final.three_public", "公开09表", "template", [f"{p}/{c}" for p in ("预算数", "决算数") for c in THREE]),
]


@pytest.mark.parametrize(("type_id", "number", "source", "columns"), COLUMNS)
def test_table_number_unit_header_source_and_columns(
    type_id: str, number: str, source: str, columns: list[str]
) -> None:
    t = table(type_id)
    assert (t.number, t.money_unit, t.unit_name, t.header_source) == (number, "万元", UNIT, source)
    assert t.columns == columns


def test_table_line_spans() -> None:
    spans = {"final.income": (115, 147), "final.expenditure": (149, 173), "final.gpb_basic": (246, 286)}
    spans |= {"final.gov_fund": (288, 303), "final.soe_capital": (305, 320), "final.three_public": (322, 340)}
    assert {type_id: table(type_id).lines for type_id in spans} == spans


# --- values -------------------------------------------------------------------------------------

VALUES: list[tuple[str, dict[str, str], str, Decimal | None]] = [
    # 公开01表
    ("final.summary", {"label": "一、一般公共预算财政拨款收入"}, "收入/金额", TOTAL),  # L80
    ("final.summary", {"label": "一、一般公共服务支出"}, "支出/金额", Decimal("380.89")),  # L80 "380. 89"
    ("final.summary", {"label": "四、上级补助收入"}, "收入/金额", None),  # L83
    # L87/88/98/106: truncated cells (34.31, 29.67, 52.97, 497.84 in L194/195/205/213), kept as printed
    ("final.summary", {"label": "八、社会保障和就业支出"}, "支出/金额", Decimal("34.3")),
    ("final.summary", {"label": "九、卫生健康支出"}, "支出/金额", Decimal("29.6")),
    ("final.summary", {"label": "十九、住房保障支出"}, "支出/金额", Decimal("52.9")),
    ("final.summary", {"label": "本年支出合计"}, "支出/金额", Decimal("497.8")),
    ("final.summary", {"label": "本年收入合计"}, "收入/金额", TOTAL),  # L106
    ("final.summary", {"label": "总计", "side": "收入"}, "收入/金额", TOTAL),  # L109
    ("final.summary", {"label": "总计", "side": "支出"}, "支出/金额", TOTAL),  # L109
    # 公开02表
    ("final.income", {"label": "合计"}, "本年收入合计", TOTAL),  # L133 "497. 84"
    ("final.income", {"label": "合计"}, "财政拨款收入", TOTAL),
    ("final.income", {"code": "2010350"}, "本年收入合计", Decimal("275.06")),  # L134 "201 0350"
    ("final.income", {"code": "2010399"}, "财政拨款收入", Decimal("105.83")),  # L135
    ("final.income", {"code": "2080502"}, "本年收入合计", Decimal("5.91")),  # L136
    ("final.income", {"code": "2101199"}, "本年收入合计", Decimal("2.04")),  # L141 "2101199"
    ("final.income", {"code": "2210203"}, "财政拨款收入", Decimal("15.68")),  # L144 "221 0203"
    ("final.income", {"code": "2210201"}, "上级补助收入", None),  # L142
    # 公开03表
    ("final.expenditure", {"label": "合计"}, "本年支出合计", TOTAL),  # L160
    ("final.expenditure", {"label": "合计"}, "基本支出", BASIC),
    ("final.expenditure", {"label": "合计"}, "项目支出", PROJECT),
    # L162 "201 2010399": its 本年支出合计 cell (105.83 in L135/L233) was lost in conversion
    ("final.expenditure", {"code": "2010399"}, "本年支出合计", None),
    ("final.expenditure", {"code": "2010399"}, "基本支出", Decimal("0.78")),
    ("final.expenditure", {"code": "2010399"}, "项目支出", PROJECT),
    ("final.expenditure", {"code": "2101199"}, "基本支出", Decimal("2.04")),  # L168 "210 2101199"
    ("final.expenditure", {"code": "2210202"}, "本年支出合计", Decimal("6.15")),  # L170
    # 公开04表
    ("final.fiscal_summary", {"label": "一、一般公共预算财政拨款"}, "收入/决算数", TOTAL),  # L187
    ("final.fiscal_summary", {"label": "一、一般公共服务支出"}, "支出/小计", Decimal("380.89")),
    ("final.fiscal_summary", {"label": "八、社会保障和就业支出"}, "支出/小计", Decimal("34.31")),  # L194
    ("final.fiscal_summary", {"label": "九、卫生健康支出"}, "支出/一般公共预算财政拨款", Decimal("29.67")),
    ("final.fiscal_summary", {"label": "十九、住房保障支出"}, "支出/小计", Decimal("52.97")),  # L205
    ("final.fiscal_summary", {"label": "本年支出合计"}, "支出/一般公共预算财政拨款", TOTAL),  # L213
    ("final.fiscal_summary", {"label": "总计", "side": "收入"}, "收入/决算数", TOTAL),  # L218
    ("final.fiscal_summary", {"label": "总计", "side": "支出"}, "支出/政府性基金预算财政拨款", None),
    # 公开05表
    ("final.gpb_expenditure", {"label": "合计"}, "本年支出/小计", TOTAL),  # L231
    ("final.gpb_expenditure", {"label": "合计"}, "本年支出/基本支出", BASIC),
    ("final.gpb_expenditure", {"label": "合计"}, "本年支出/项目支出", PROJECT),
    ("final.gpb_expenditure", {"code": "2010350"}, "本年支出/小计", Decimal("275.06")),  # L232 ".0350"
    ("final.gpb_expenditure", {"code": "2010399"}, "本年支出/基本支出", Decimal("0.78")),  # L233
    ("final.gpb_expenditure", {"code": "2080502"}, "本年支出/小计", Decimal("5.91")),  # L234 "80502"
    ("final.gpb_expenditure", {"code": "2080599"}, "本年支出/基本支出", Decimal("0.26")),  # L236
    ("final.gpb_expenditure", {"code": "2101199"}, "本年支出/小计", Decimal("2.04")),  # L239 "其何"
    ("final.gpb_expenditure", {"code": "2210202"}, "本年支出/小计", Decimal("6.15")),  # L241
    ("final.gpb_expenditure", {"code": "2210203"}, "本年支出/项目支出", None),  # L242 ".0203"
    # 公开06表
    ("final.gpb_basic", {"code": "301", "side": "人员经费"}, "决算数", Decimal("369.36")),  # L256
    ("final.gpb_basic", {"code": "30103"}, "决算数", None),  # L259
    ("final.gpb_basic", {"code": "30107"}, "决算数", Decimal("168.72")),  # L261
    ("final.gpb_basic", {"code": "303"}, "决算数", Decimal("7.95")),  # L270
    ("final.gpb_basic", {"code": "30307"}, "决算数", Decimal("2.04")),  # L277
    ("final.gpb_basic", {"code": "302", "side": "公用经费"}, "决算数", Decimal("15.02")),  # L256
    ("final.gpb_basic", {"code": "30203"}, "决算数", Decimal("0.3")),  # L259
    ("final.gpb_basic", {"code": "30228"}, "决算数", Decimal("3.82")),  # L278
    ("final.gpb_basic", {"code": "310"}, "决算数", Decimal("0.4")),  # L256
    ("final.gpb_basic", {"code": "31002"}, "决算数", Decimal("0.4")),  # L257
    # L284 "L 员经费合计" (人 misread as "L"), asserted as printed
    ("final.gpb_basic", {"label": "L员经费合计", "side": "人员经费"}, "决算数", Decimal("377.31")),
]


@pytest.mark.parametrize(("type_id", "match", "column", "expected"), VALUES)
def test_printed_amount(type_id: str, match: dict[str, str], column: str, expected: Decimal | None) -> None:
    assert table(type_id).amount(column, **match) == expected


def test_truncated_cells_keep_printed_text_and_line() -> None:
    t = table("final.summary")
    cells = [t.find(label=label).values["支出/金额"] for label in ("八、社会保障和就业支出", "本年支出合计")]
    assert [(c.text, c.amount, c.at.line) for c in cells] == [
        ("34. 3", Decimal("34.3"), 87),
        ("497.8", Decimal("497.8"), 106),
    ]


def test_two_sided_rows_sides_kinds_and_lines() -> None:
    t = table("final.summary")
    assert [len([r for r in t.rows if r.side == s]) for s in ("收入", "支出")] == [12, 30]
    totals = [(r.side, r.label, r.at.line) for r in t.rows if r.kind == "total"]
    assert totals == [
        ("收入", "本年收入合计", 106),
        ("收入", "总计", 109),
        ("支出", "本年支出合计", 106),
        ("支出", "总计", 109),
    ]
    f = table("final.fiscal_summary")
    assert [len([r for r in f.rows if r.side == s]) for s in ("收入", "支出")] == [9, 29]
    assert [(r.side, r.kind, r.at.line) for r in f.rows if r.label == "十九、住房保障支出"] == [
        ("支出", "item", 205)
    ]
    assert [r.label for r in f.rows if r.kind == "total"] == ["本年收入合计", "总计", "本年支出合计", "总计"]


@pytest.mark.parametrize("type_id", ["final.income", "final.expenditure", "final.gpb_expenditure"])
def test_split_and_mangled_codes_normalised_to_seven_digits(type_id: str) -> None:
    rows = table(type_id).rows
    assert [(r.code, r.kind) for r in rows] == [(None, "total"), *((c, "item") for c in CODES)]
    assert rows[0].label == "合计"


def test_coded_row_provenance() -> None:
    assert [r.at.line for r in table("final.income").rows] == list(range(133, 145))
    row = table("final.gpb_expenditure").find(code="2101199")  # L239 "210 2101199 其何"
    cell = row.values["本年支出/小计"]
    assert (row.label, row.at.line) == ("其他行政事业单位医疗支出", 239)
    assert (cell.text, cell.amount, cell.at.line) == ("2. 04", Decimal("2.04"), 239)


# --- 公开06表: three blocks --------------------------------------------------------------------


def test_basic_blocks_staff_side_codes_and_total() -> None:
    t = table("final.gpb_basic")
    staff = [(r.code, r.kind) for r in t.rows if r.side == "人员经费"]
    assert [c for c, _ in staff] == [
        *("301", "30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111"),
        *("30112", "30113", "30114", "30199", "303", "30301", "30302", "30303", "30304", "30305"),
        *("30306", "30307", "30308", "30309", "30310", "30311", "30399", None),
    ]
    assert [k for _, k in staff] == ["item"] * 27 + ["total"]
    assert t.find(code="30108").label == "机关事业单位基本养老保险缴费"  # L262 wrapped "基 本养老"


def test_basic_blocks_public_side_item_codes() -> None:
    # L256–283: 302 block then 310 block; L284 "公用经费合计 | 1 | 1 | 15. 4" is the footer, not items.
    codes = [r.code for r in table("final.gpb_basic").rows if r.side == "公用经费" and r.kind == "item"]
    assert codes == [
        *("302", "30201", "30202", "30203", "30204", "30205", "30206", "30207", "30208", "30209"),
        *("30211", "30212", "30213", "30214", "30215", "30216", "30217", "30218", "30224", "30225"),
        *("30226", "30227", "30228", "30229", "30231", "30239", "30240", "30299"),
        *("310", "31002", "31003", "31007", "31013", "31022", "31099"),
    ]


def test_basic_blocks_garbled_public_total() -> None:
    # L284: label "公用经费合计" drifted into block 2's amount column, debris "1 | 1" in block 3,
    # and the amount is truncated: "15. 4" (情况说明 L421 says 15.48). Asserted as printed.
    row = table("final.gpb_basic").find(label="公用经费合计", side="公用经费")
    assert (row.kind, row.at.line, row.values["决算数"].amount) == ("total", 284, Decimal("15.4"))


# --- empty tables 07, 08, 09 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_id", "note"),
    [
        ("final.gov_fund", "注:本部门无政府性基金预算财政拨款收支"),  # L303
        ("final.soe_capital", "注:本部门无国有资本经营预算财政拨款支出"),  # L320
        ("final.three_public", '注:本部门无"三公"经费支出'),  # L340
    ],
)
def test_empty_tables_carry_their_note(type_id: str, note: str) -> None:
    t = table(type_id)
    assert t.empty_note == note
    assert t.notes[-1] == note


def test_empty_tables_rows() -> None:
    # L299 / L316: a 合计 row without figures; 公开09表 prints no data row at all (L336–337).
    rows = [
        (r.label, r.kind, r.values, r.at.line)
        for t in ("final.gov_fund", "final.soe_capital")
        for r in table(t).rows
    ]
    assert rows == [("合计", "total", {}, 299), ("合计", "total", {}, 316)]
    assert table("final.three_public").rows == []


# --- narrative ----------------------------------------------------------------------------------

PARTS_AND_SECTIONS = [
    (0, "第一部分 武汉市江汉区企业服务中心概况", 44),
    (1, "一、部门主要职责", 46),
    (1, "二、机构设置情况", 62),
    (0, "第二部分 武汉市江汉区企业服务中心 2024 年度部门决算表", 66),
    (0, "第三部分 武汉市江汉区企业服务中心 2024 年度部门决算情况说明", 342),
    (1, "一、收入支出决算总体情况说明", 344),
    (1, "二、收入决算情况说明", 351),
    (1, "三、支出决算情况说明", 360),
    (1, "四、财政拨款收入支出决算总体情况说明", 366),
    (1, "五、一般公共预算财政拨款支出决算情况说明", 374),
    (1, "六、一般公共预算财政拨款基本支出决算情况说明", 415),
    (1, "七、政府性基金预算财政拨款收入支出决算情况说明", 423),  # heading and text share L423
    (1, "八、国有资本经营预算财政拨款支出决算情况说明", 425),
    (1, '九、财政拨款"三公"经费支出决算情况说明', 429),
    (1, "十、机关运行经费支出说明", 440),
    (1, "十一、政府采购支出说明", 444),
    (1, "十二、国有资产占用情况说明", 450),
    (1, "十三、预算绩效情况说明", 454),
    (0, "第四部分 2024年重点工作完成情况", 480),
    (1, "一、管好用好企业综合服务平台", 482),
    (1, "二、搭建中小企业服务体系", 486),
    (1, "三、推动楼宇经济高质量发展", 492),
    (0, "第五部分 名词解释", 505),
    (0, "第六部分 附件", 545),
]


def test_narrative_parts_and_sections() -> None:
    got = [(s.level, s.heading, s.at.line) for s in doc().narrative if s.level <= 1]
    assert got == PARTS_AND_SECTIONS


def test_section_seven_heading_shares_its_line_with_its_text() -> None:
    seven = section("七、政府性基金预算财政拨款收入支出决算情况说明")
    assert [p.text for p in seven.paragraphs] == ["本部门当年无政府性基金预算财政拨款收入支出。"]


def test_narrative_subsections_of_part_three() -> None:
    got = [(s.heading, s.at.line) for s in doc().narrative if s.level == 2 and 342 < (s.at.line or 0) < 480]
    assert got == [
        ("(一)一般公共预算财政拨款支出决算总体情况", 376),
        ("(二)一般公共预算财政拨款支出决算结构情况", 380),
        ("(三)一般公共预算财政拨款支出决算具体情况", 388),
        # L431/L435: sub-headings of 九、 printed with a trailing "。"
        ('(一)"三公"经费财政拨款支出决算总体情况说明。', 431),
        ('(二)"三公"经费财政拨款支出决算具体情况说明。', 435),
        ("(一)预算绩效管理工作开展情况", 456),
        ("(二)部门(单位)整体支出自评结果", 460),
        ("(三)项目支出自评结果", 464),
        ("(四) 绩效自评结果应用情况", 476),
    ]


def test_wrapped_list_items_are_not_headings() -> None:
    narrative = doc().narrative
    # L54 "(七)承担做好…日常管理" wraps to L56; L408 "9. 住房保障支出…(项)," wraps to L410;
    # L535 "(十四)项目支出:指…" wraps to L537: list items and definitions, not headings.
    assert [s.heading for s in narrative if s.level == 2 and (s.at.line or 0) < 342] == []
    assert [s.heading for s in narrative if s.level == 3] == []
    assert [s.heading for s in narrative if ":指" in s.heading or "：指" in s.heading] == []


def test_narrative_paragraphs_with_figures() -> None:
    spending = section("三、支出决算情况说明").paragraphs  # L362
    assert [p.at.line for p in spending] == [362]
    assert spending[0].text.endswith(
        "其中:基本支出 392.79万元,占本年支出 78.9%;项目支出 105.05万元,占本年支出 21.1%。"
    )
    detail = section("(三)一般公共预算财政拨款支出决算具体情况").paragraphs[0]  # L390
    assert detail.at.line == 390
    assert detail.text.split(",")[:3] == [
        "2024年度一般公共预算财政拨款支出年初预算为 568.18 万元",
        "支出决算为 497.84 万元",
        "完成年初预算的 87.62%。其中:基本支出 392.79 万元",
    ]
    basic = section("六、一般公共预算财政拨款基本支出决算情况说明").paragraphs
    # L419 / L421: 人员经费 377.31 matches 公开06表 L284; 公用经费 15.48 is what "15. 4" truncates
    assert [(p.at.line, p.text.split(",")[0]) for p in basic[1:3]] == [
        (419, "人员经费 377. 31 万元"),
        (421, "公用经费 15.48 万元"),
    ]
