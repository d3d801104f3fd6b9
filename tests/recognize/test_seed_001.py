"""Acceptance tests: seed 001, 长沙市企业服务中心 2024 部门预算 (Changsha city template).

Every expected value below was read from /work/shared/seeds/001_35844fc53e2b775b.txt; the comments
give the source line. Amounts print with thousands separators ("2,314.68") and keep their scale.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from budgetlens.model import Document, Section, Table
from tests.conftest import seed

TOTAL = Decimal("2314.68")
BASIC = Decimal("1003.01")
PROJECT = Decimal("1311.67")


def doc() -> Document:
    return seed("001")


def table(type_id: str) -> Table:
    return doc().table(type_id)


def section(heading: str) -> Section:
    found = [s for s in doc().narrative if s.heading == heading]
    assert len(found) == 1, f"{len(found)} sections headed {heading!r}"
    return found[0]


# --- document meta ---------------------------------------------------------------------------


def test_meta_kind_scope_year_and_unit_name() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2024, "长沙市企业服务中心")
    assert (d.source.name, d.source.format) == ("001_35844fc53e2b775b.txt", "text")


def test_meta_unit_code_from_performance_tables() -> None:
    # 单位编码 column of the 绩效目标表: lines 320, 465 print "501009"; the cover prints no code.
    assert doc().unit_code == "501009"


# --- tables present, 目录 ----------------------------------------------------------------------

EXPECTED_TABLES = [
    ("budget.summary", "2024年部门收支总体情况表"),  # line 121
    ("budget.income", "2024年部门收入总体情况表"),  # line 142
    ("budget.expenditure", "2024年部门支出总体情况表"),  # line 159
    ("budget.fiscal_summary", "2024年财政拨款收支总体情况表"),  # lines 176 and 207 (continued)
    ("budget.gpb_expenditure", "2024年一般公共预算支出情况表"),  # line 221
    ("budget.gpb_basic", "2024年一般公共预算基本支出情况表"),  # lines 238 and 263 (continued)
    ("budget.three_public", "2024年一般公共预算“三公”经费支出情况表"),  # line 286
    ("budget.gov_fund", "2024年政府性基金预算支出情况表"),  # line 299
    ("performance.project_targets", "2024年项目支出绩效目标表"),  # lines 311–454, 8 pages
    ("performance.overall_targets", "2024年部门整体支出绩效目标表"),  # lines 456–512, 3 pages
]


def test_every_table_recognised_once_in_print_order() -> None:
    # continued pages join their table; of the performance tables only presence/type/title here
    assert [(t.type, t.title) for t in doc().tables] == EXPECTED_TABLES


TABLE_LINES = {  # title line … last note line
    **{"budget.summary": (121, 140), "budget.income": (142, 157), "budget.expenditure": (159, 174)},
    **{"budget.fiscal_summary": (176, 219), "budget.gpb_expenditure": (221, 236)},
    **{"budget.gpb_basic": (238, 284), "budget.three_public": (286, 297), "budget.gov_fund": (299, 309)},
}


def test_table_line_spans_meta_and_header_source() -> None:
    tables = [t for t in doc().tables if t.type in TABLE_LINES]
    assert {t.type: t.lines for t in tables} == TABLE_LINES
    for t in tables:
        assert (t.unit_name, t.money_unit, t.header_source) == ("长沙市企业服务中心", "万元", "printed")


def test_listed_tables_of_the_toc_all_present() -> None:
    # 目录 lines 20–29: "1、部门收支总表" … "10、部门整体支出绩效目标表".
    listed = [(e.number, e.title, e.type, e.present, e.at.line) for e in doc().listed_tables]
    assert listed == [
        ("1", "部门收支总表", "budget.summary", True, 20),
        ("2", "部门收入总表", "budget.income", True, 21),
        ("3", "部门支出总表", "budget.expenditure", True, 22),
        ("4", "财政拨款收支总表", "budget.fiscal_summary", True, 23),
        ("5", "一般公共预算支出表", "budget.gpb_expenditure", True, 24),
        ("6", "一般公共预算基本支出表", "budget.gpb_basic", True, 25),
        ("7", "一般公共预算“三公”经费支出表", "budget.three_public", True, 26),
        ("8", "政府性基金预算支出表", "budget.gov_fund", True, 27),
        ("9", "项目支出绩效目标表", "performance.project_targets", True, 28),
        ("10", "部门整体支出绩效目标表", "performance.overall_targets", True, 29),
    ]
    assert doc().absent_tables == []


# --- column header paths -----------------------------------------------------------------------

SPLIT = ["科目编码/类", "科目编码/款", "科目编码/项", "功能科目"]
THREE = "三公经费预（决）算数（财政拨款）"
THREE_LEAVES = ("小计", "公务接待费", "因公出国（境）费", "公务用车购置及运行费")
THREE_LEAVES += ("其中：公务用车购置", "其中：公务用车运行费")


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize(
    ("type_id", "columns"),
    [
        # line 127–128: 收 入 | 支 出 over 项 目 | 本年预算 (two-sided: value columns only)
        ("budget.summary", ["收入/本年预算", "支出/本年预算"]),
        # lines 148–149: 本级财政拨款 spans 金额 | 其中：经费拨款; wrapped words lose their spaces
        (
            "budget.income",
            _words(
                "类 款 项 功能科目 合计 本级财政拨款/金额 本级财政拨款/其中：经费拨款 财政专户管理事业收入"
                " 事业单位经营服务收入 上级补助收入 其它收入 事业收入 上年结转"
            ),
        ),
        # lines 165–166: 科目编码 spans 类 | 款 | 项
        (
            "budget.expenditure",
            [*SPLIT, *_words("总计 基本支出 项目支出 事业单位经营支出 对附属单位补助支出 上缴上级支出")],
        ),
        # lines 182–183
        (
            "budget.fiscal_summary",
            _words("收入/金额 支出/合计 支出/一般公共预算 支出/政府性基金预算 支出/国有资本经营预算"),
        ),
        ("budget.gpb_expenditure", [*SPLIT, "总计", "基本支出", "项目支出"]),  # lines 227–228
        # line 244 prints "人员类" (not 人员经费): asserted as printed
        ("budget.gpb_basic", _words("经济科目编码 经济科目名称 总计 人员类 公用经费")),
        # lines 292–293: 三公经费预（决）算数（财政拨款） spans the six value columns
        ("budget.three_public", ["部门名称", *(f"{THREE}/{c}" for c in THREE_LEAVES)]),
        ("budget.gov_fund", [*SPLIT, "总计", "基本支出", "项目支出"]),  # lines 305–306
    ],
)
def test_column_header_paths(type_id: str, columns: list[str]) -> None:
    assert table(type_id).columns == columns


# --- values --------------------------------------------------------------------------------------

VALUES: list[tuple[str, dict[str, str], str, Decimal | None]] = [
    # 部门收支总体情况表
    ("budget.summary", {"label": "一、本级财政拨款收入", "side": "收入"}, "收入/本年预算", TOTAL),  # 129
    ("budget.summary", {"label": "本年收入合计", "side": "收入"}, "收入/本年预算", TOTAL),  # 135
    ("budget.summary", {"label": "收入总计", "side": "收入"}, "收入/本年预算", TOTAL),  # 138
    ("budget.summary", {"label": "一、基本支出", "side": "支出"}, "支出/本年预算", BASIC),  # 129
    ("budget.summary", {"label": "二、项目支出", "side": "支出"}, "支出/本年预算", PROJECT),  # 130
    ("budget.summary", {"label": "本年支出合计", "side": "支出"}, "支出/本年预算", TOTAL),  # 135
    ("budget.summary", {"label": "支出总计", "side": "支出"}, "支出/本年预算", TOTAL),  # 138
    ("budget.summary", {"label": "七、上年结转", "side": "收入"}, "收入/本年预算", None),  # 136
    # 部门收入总体情况表
    ("budget.income", {"label": "合计"}, "合计", TOTAL),  # 151
    ("budget.income", {"label": "合计"}, "本级财政拨款/金额", TOTAL),
    ("budget.income", {"label": "合计"}, "本级财政拨款/其中：经费拨款", TOTAL),
    ("budget.income", {"code": "215"}, "合计", TOTAL),  # 152
    ("budget.income", {"code": "21505"}, "本级财政拨款/金额", TOTAL),  # 153
    ("budget.income", {"code": "2150550"}, "合计", BASIC),  # 154
    ("budget.income", {"code": "2150550"}, "本级财政拨款/其中：经费拨款", BASIC),
    ("budget.income", {"code": "2150599"}, "合计", PROJECT),  # 155
    ("budget.income", {"code": "2150599"}, "上年结转", None),
    # 部门支出总体情况表
    ("budget.expenditure", {"label": "合计"}, "总计", TOTAL),  # 168
    ("budget.expenditure", {"label": "合计"}, "基本支出", BASIC),
    ("budget.expenditure", {"label": "合计"}, "项目支出", PROJECT),
    ("budget.expenditure", {"code": "2150550"}, "基本支出", BASIC),  # 171
    ("budget.expenditure", {"code": "2150550"}, "项目支出", None),
    ("budget.expenditure", {"code": "2150599"}, "项目支出", PROJECT),  # 172
    # 财政拨款收支总体情况表 (page 1: 184–205; page 2: 215–217)
    ("budget.fiscal_summary", {"label": "一、本年收入", "side": "收入"}, "收入/金额", TOTAL),  # 184
    ("budget.fiscal_summary", {"label": "1、一般公共预算拨款收入"}, "收入/金额", TOTAL),  # 185
    ("budget.fiscal_summary", {"label": "一、本年支出"}, "支出/合计", TOTAL),  # 184
    ("budget.fiscal_summary", {"label": "一、本年支出"}, "支出/一般公共预算", TOTAL),
    ("budget.fiscal_summary", {"label": "14、资源勘探工业信息等支出"}, "支出/合计", TOTAL),  # 198
    ("budget.fiscal_summary", {"label": "14、资源勘探工业信息等支出"}, "支出/一般公共预算", TOTAL),
    ("budget.fiscal_summary", {"label": "收入总计", "side": "收入"}, "收入/金额", TOTAL),  # 217
    ("budget.fiscal_summary", {"label": "支出总计", "side": "支出"}, "支出/合计", TOTAL),  # 217
    ("budget.fiscal_summary", {"label": "支出总计"}, "支出/一般公共预算", TOTAL),
    ("budget.fiscal_summary", {"label": "支出总计"}, "支出/政府性基金预算", None),
    # 一般公共预算支出情况表
    ("budget.gpb_expenditure", {"label": "合计"}, "总计", TOTAL),  # 230
    ("budget.gpb_expenditure", {"code": "21505"}, "基本支出", BASIC),  # 232
    ("budget.gpb_expenditure", {"code": "2150599"}, "项目支出", PROJECT),  # 234
    # 一般公共预算基本支出情况表 (page 1: 246–261; page 2: 271–282)
    ("budget.gpb_basic", {"label": "合计"}, "总计", BASIC),  # 246
    ("budget.gpb_basic", {"label": "合计"}, "人员类", Decimal("934.91")),
    ("budget.gpb_basic", {"label": "合计"}, "公用经费", Decimal("68.10")),
    ("budget.gpb_basic", {"code": "301"}, "总计", Decimal("617.21")),  # 247
    ("budget.gpb_basic", {"code": "30101"}, "人员类", Decimal("98.37")),  # 248
    ("budget.gpb_basic", {"code": "30103"}, "总计", Decimal("202.50")),  # 250
    ("budget.gpb_basic", {"code": "30113"}, "总计", Decimal("61.25")),  # 257
    ("budget.gpb_basic", {"code": "302"}, "公用经费", Decimal("68.10")),  # 259
    ("budget.gpb_basic", {"code": "30207"}, "总计", Decimal("2.50")),  # 271
    ("budget.gpb_basic", {"code": "30207"}, "人员类", None),
    ("budget.gpb_basic", {"code": "30239"}, "公用经费", Decimal("11.50")),  # 277
    ("budget.gpb_basic", {"code": "30299"}, "总计", Decimal("44.06")),  # 278
    ("budget.gpb_basic", {"code": "303"}, "人员类", Decimal("317.70")),  # 279
    ("budget.gpb_basic", {"code": "30302"}, "总计", Decimal("256.99")),  # 280
    ("budget.gpb_basic", {"code": "30309"}, "总计", Decimal("0.01")),  # 281
    ("budget.gpb_basic", {"code": "30399"}, "人员类", Decimal("60.70")),  # 282
    # 一般公共预算“三公”经费支出情况表
    ("budget.three_public", {"label": "合计"}, f"{THREE}/小计", Decimal("1.90")),  # 294
    ("budget.three_public", {"label": "合计"}, f"{THREE}/公务接待费", None),
    ("budget.three_public", {"label": "合计"}, f"{THREE}/公务用车购置及运行费", Decimal("1.90")),
    ("budget.three_public", {"label": "合计"}, f"{THREE}/其中：公务用车运行费", Decimal("1.90")),
    ("budget.three_public", {"label": "长沙市工业和信息化局"}, f"{THREE}/小计", Decimal("1.90")),  # 295
]


@pytest.mark.parametrize(("type_id", "match", "column", "expected"), VALUES)
def test_printed_amount(type_id: str, match: dict[str, str], column: str, expected: Decimal | None) -> None:
    assert table(type_id).amount(column, **match) == expected


def test_amounts_keep_printed_text_and_scale() -> None:
    cell = table("budget.summary").find(label="收入总计").values["收入/本年预算"]
    assert (cell.text, str(cell.amount), cell.at.line, cell.at.column) == ("2,314.68", "2314.68", 138, 1)
    nine = table("budget.gpb_basic").find(code="30102").values["总计"]  # line 249 "9.00"
    assert (nine.text, str(nine.amount)) == ("9.00", "9.00")


def test_summary_rows_per_side_in_print_order() -> None:
    t = table("budget.summary")
    income = [(r.label, r.kind, r.at.line) for r in t.rows if r.side == "收入"]
    assert [x[0] for x in income] == _words(
        "一、本级财政拨款收入 二、财政专户管理事业收入 三、事业单位经营服务收入 四、上级补助收入"
        " 五、其它收入 六、事业收入 本年收入合计 七、上年结转 收入总计"
    )
    assert [x[2] for x in income] == [129, 130, 131, 132, 133, 134, 135, 136, 138]
    assert [x[1] for x in income] == ["item"] * 6 + ["total", "item", "total"]
    spending = [(r.label, r.kind, r.at.line) for r in t.rows if r.side == "支出"]
    assert [x[0] for x in spending] == _words(
        "一、基本支出 二、项目支出 三、事业单位经营支出 四、对附属单位补助支出 五、上缴上级支出"
        " 本年支出合计 六、结余分配 七、结转下年 支出总计"
    )
    assert [x[2] for x in spending] == [129, 130, 131, 132, 133, 135, 136, 137, 138]
    assert [x[1] for x in spending] == ["item"] * 5 + ["total", "item", "item", "total"]
    assert t.find(label="一、基本支出").at.column == 2


def test_fiscal_summary_is_one_table_over_two_pages() -> None:
    t = table("budget.fiscal_summary")
    assert len(doc().tables_of("budget.fiscal_summary")) == 1
    assert [len([r for r in t.rows if r.side == side]) for side in ("收入", "支出")] == [6, 25]
    other = t.find(label="22、其他支出")  # line 215, second page
    assert (other.side, other.kind, other.at.line, other.values) == ("支出", "item", 215, {})
    carry = [(r.side, r.at.line) for r in t.rows if r.label in ("二、上年结转", "二、结转下年")]
    assert carry == [("收入", 216), ("支出", 216)]
    # "收 入 总 计" / "支 出 总 计" print with spaces (line 217)
    assert [(r.label, r.kind) for r in t.rows if r.at.line == 217] == [
        ("收入总计", "total"),
        ("支出总计", "total"),
    ]


@pytest.mark.parametrize("type_id", ["budget.income", "budget.expenditure", "budget.gpb_expenditure"])
def test_function_codes_split_over_lei_kuan_xiang(type_id: str) -> None:
    # "215" | "" | "" ; "" | "05" | "" (款 under 类 215) ; "215" | "05" | "50"
    rows = [(r.code, r.label, r.kind) for r in table(type_id).rows]
    assert rows == [
        (None, "合计", "total"),
        ("215", "资源勘探工业信息等支出", "item"),
        ("21505", "工业和信息产业监管", "item"),
        ("2150550", "事业运行", "item"),
        # line 155 prints "其他工业和信息产业监管 支出": a wrapped cell; the label is one word
        ("2150599", "其他工业和信息产业监管支出", "item"),
    ]


def test_income_row_provenance() -> None:
    t = table("budget.income")
    assert [r.at.line for r in t.rows] == [151, 152, 153, 154, 155]
    assert t.find(code="21505").values["合计"].at.line == 153


def test_gpb_basic_is_one_table_with_both_pages() -> None:
    t = table("budget.gpb_basic")
    assert len(doc().tables_of("budget.gpb_basic")) == 1
    assert [r.code for r in t.rows] == [
        None,
        *("301", "30101", "30102", "30103", "30107", "30108", "30109", "30110"),
        *("30111", "30112", "30113", "30199"),
        *("302", "30201", "30203", "30207", "30213", "30216", "30228", "30229"),
        *("30231", "30239", "30299"),
        *("303", "30302", "30309", "30399"),
    ]
    postage = t.find(code="30207")
    assert (postage.label, postage.kind, postage.at.line) == ("邮电费", "item", 271)
    assert t.find(code="30213").label == "维修（护）费"
    assert (t.rows[0].label, t.rows[0].kind) == ("合计", "total")


def test_three_public_rows() -> None:
    t = table("budget.three_public")
    # line 295 names the parent bureau 长沙市工业和信息化局, not this unit: a defect of the print.
    assert [(r.label, r.at.line) for r in t.rows] == [("合计", 294), ("长沙市工业和信息化局", 295)]
    assert t.rows[0].kind == "total"
    assert t.empty_note is None


def test_empty_gov_fund_table_has_no_rows_and_its_note() -> None:
    t = table("budget.gov_fund")
    note = "注：本表反映部门本年度政府性基金预算收入支出情况，此表如无数字则表示单位无该项支出。"  # line 309
    assert t.rows == []
    assert t.notes == [note]
    assert t.empty_note == note


# --- narrative -----------------------------------------------------------------------------------

_PART_ONE_HEADING = re.compile(r"^(?:[一二三四五六七]、|（[一二三四五六七]）)")


def test_part_headings() -> None:
    parts = [(s.heading, s.at.line) for s in doc().narrative if s.heading.startswith("第")]
    assert parts == [("第一部分 部门预算公开说明", 33), ("第二部分 2024 年部门预算表", 119)]


def test_part_one_section_headings_and_levels() -> None:
    # Section.level: "its depth (1 = 一、)" (model.py); （一） is one deeper.
    sections = [
        (s.heading, s.level, s.at.line) for s in doc().narrative if _PART_ONE_HEADING.match(s.heading)
    ]
    assert sections == [
        ("一、部门基本概况", 1, 35),
        ("（一）职能职责", 2, 37),
        ("（二）机构设置", 2, 53),
        ("二、部门预算单位构成", 1, 57),
        ("三、部门收支总体情况", 1, 62),
        ("四、一般公共预算拨款支出", 1, 81),
        ("五、政府性基金预算支出", 1, 91),
        ("六、其他重要事项的情况说明", 1, 95),
        ("七、名词解释", 1, 111),
    ]


def test_numbered_subheading_under_duties() -> None:
    # line 39 "#### 1. 职能职责" is a heading one level below （一）职能职责, over items （1）…（6）.
    duties = section("1. 职能职责")
    assert (duties.level, duties.at.line) == (3, 39)
    assert [p.at.line for p in duties.paragraphs] == [41, 43, 45, 47, 49, 51]
    assert duties.paragraphs[5].text == "（6）完成市工业和信息化局交办的其他任务。"


INCOME_PARAGRAPH = (
    "（一）收入预算：包括一般公共预算、政府性基金、国有资本经营预算等财政拨款收入，以及经营收入、事业收入等单位资金。"
    "2024 年本单位收入预算 2314.68 万元，其中，一般公共预算拨款 2314.68 万元。"
    "收入较去年减少 198.10 万元，下降 7.88%。"
    "主要是（一）减少 2023 年项目评审室建设项目经费 197 万元，2023 年该项目已按照原定计划时间建立好，"
    "并在当年度正式启用该评审室进行评审工作。因此，2024 年减少了该项业务经费。"
    "（二）按照省市过紧日子的文件要求，对一般性支出和政府采购服务进行相应经费预算的压缩。"
)
GPB_PARAGRAPH = (
    "2024年本单位一般公共预算拨款支出2314.68万元，其中：资源勘探信息等支出2314.68万元，占100.00%。"
    "具体安排情况如下："
)
THREE_PUBLIC_PARAGRAPH = (
    "（二）“三公”经费预算：2024年长沙市企业服务中心“三公”经费预算数为1.90万元，其中，公务接待费0.00万元，"
    "公务用车购置及运行费1.90万元（其中，公务用车购置费0.00万元，公务用车运行费1.90万元），因公出国（境）费0.00万元。"
    "2024年“三公”经费预算较2023年减少0.10万元，主要是单位厉行节约，落实中央八项规定要求，进一步减少三公经费支出。"
)
PERFORMANCE_PARAGRAPH = (
    "（六）预算绩效目标说明：本单位所有支出实行绩效目标管理。"
    "纳入 2024 年部门整体支出绩效目标的金额为 2314.68 万元，"
    "其中，基本支出 1003.01 万元，项目支出 1311.67 万元，具体绩效目标详见报表。"
)


@pytest.mark.parametrize(
    ("heading", "line", "text"),
    [
        ("三、部门收支总体情况", 64, INCOME_PARAGRAPH),  # bold run-in "**（一）收入预算：**" loses its marks
        ("四、一般公共预算拨款支出", 83, GPB_PARAGRAPH),
        ("六、其他重要事项的情况说明", 99, THREE_PUBLIC_PARAGRAPH),
        ("六、其他重要事项的情况说明", 109, PERFORMANCE_PARAGRAPH),
    ],
)
def test_paragraph_text_with_figures(heading: str, line: int, text: str) -> None:
    paragraph = next(p for p in section(heading).paragraphs if p.at.line == line)
    assert paragraph.text == text


@pytest.mark.parametrize(
    ("heading", "lines"),
    [
        ("四、一般公共预算拨款支出", [83, 85, 87]),  # 87 "…事业发展目标而发" + 89 "生的支出，…"
        # 105 "…单位价值100万元以上设备0台。2024" + 107 "年拟新增配置公务用车 0 辆，…"
        ("六、其他重要事项的情况说明", [97, 99, 101, 103, 105, 109]),
        ("七、名词解释", [113, 115]),  # 115 "…住宿费、" + 117 "伙食费、培训费、公杂费等等支出。"
    ],
)
def test_paragraphs_broken_by_a_page_break_are_joined(heading: str, lines: list[int]) -> None:
    assert [p.at.line for p in section(heading).paragraphs] == lines


def test_project_paragraph_joined_across_page_break() -> None:
    text = next(p.text for p in section("四、一般公共预算拨款支出").paragraphs if p.at.line == 87)
    assert "主要是单位为完成特定行政工作任务或事业发展目标而发生的支出，包括有关事业发展专项" in text
    assert text.endswith("助力制造业企业高质量发展系列专项培训工作。")
