"""Sample 52: 烟台市财政局 2026 部门预算 (Shandong template, 公开表1–12, PDF, 49 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
``公开表N`` prints right-aligned above each title; amounts print with thousands separators
(``9,069.47``) and cells without a figure print blank, not ``0.00``. The 目录 names 公开表12
``政府采购预算情况表`` while the table itself is titled ``政府采购预算表``. Codes print split into
类/款/项 columns; 公开表6 and 公开表10 print each 部门经济分类 code twice (once under 机关 50x and once
under 对事业单位经常性补助 505), so those rows are told apart by their 政府预算经济分类 name.
公开表8 and 公开表9 print an empty grid with a note below. Pages 32–46 hold 12 政策和项目预算绩效目标表
(not in the 目录), one per project, under the heading ``（二）部门预算项目绩效目标表``: they are read as one
performance.project_targets table of 12 items. Each repeats the title and ``(2026年度)`` on every page; three
run over two pages (33–34, 35–36, 43–44) without repeating 项目名称. Project names repeat for another
实施单位 (公车统管费用 on pages 32 and 39, 财政工作专项经费 on 33, 40 and 41, 中介服务费 on 35 and 43).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once
from tests.recognize.printed import Selector, assert_blank, assert_printed, case_ids

PATH = SAMPLES / "52-2026-烟台市财政局-部门预算.pdf"


def doc() -> Document:
    return read_once(PATH)


TYPES = [
    "budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
    "budget.gpb_expenditure", "budget.gpb_basic", "budget.three_public", "budget.gov_fund",
    "budget.soe_capital", "budget.basic_expenditure", "budget.project_expenditure", "budget.procurement",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("budget", "department", 2026, "烟台市财政局")


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert [t.type for t in d.tables] == [*TYPES, "performance.project_targets"]
    assert [e.type for e in d.listed_tables] == TYPES
    assert d.listed_tables[0].title == "收支总体情况表"
    assert d.listed_tables[11].title == "政府采购预算情况表"
    assert d.tables[11].title == "政府采购预算表"
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    assert [t.number for t in d.tables] == [*(f"公开表{n}" for n in range(1, 13)), None]
    assert [t.pages for t in d.tables] == [
        [10], [11, 12], [13, 14], [15, 16], [17, 18], [19, 20], [21], [22], [23], [24, 25], [26], [27],
        list(range(32, 47)),
    ]  # fmt: skip
    assert {t.money_unit for t in d.tables[:12]} == {"万元"}
    assert {t.unit_name for t in d.tables[:12]} == {"烟台市财政局"}  # printed 部门（单位）：烟台市财政局


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("budget.summary", {"label": "一、财政拨款收入"}, "收入/预算数", "9,069.47", 10),
    ("budget.summary", {"label": "一、一般公共服务支出"}, "支出/预算数", "7,231.78", 10),
    ("budget.summary", {"label": "七、社会保障和就业支出"}, "支出/预算数", "1,060.25", 10),
    ("budget.summary", {"label": "十七、住房保障支出"}, "支出/预算数", "416.75", 10),
    ("budget.summary", {"label": "收入总计"}, "收入/预算数", "9,069.47", 10),
    ("budget.income", {"label": "合计"}, "财政拨款收入/一般公共预算收入", "9,069.47", 11),
    ("budget.income", {"code": "2010601"}, "合计", "2,990.74", 11),
    ("budget.income", {"code": "2080599"}, "财政拨款收入/一般公共预算收入", "6.57", 12),
    ("budget.income", {"code": "2101103"}, "合计", "84.50", 12),
    ("budget.expenditure", {"label": "合计"}, "基本支出", "6,012.90", 13),
    ("budget.expenditure", {"code": "2010602"}, "项目支出", "2,160.74", 13),
    ("budget.expenditure", {"code": "2101102"}, "基本支出", "62.64", 14),
    ("budget.expenditure", {"code": "221"}, "合计", "416.75", 14),
    ("budget.fiscal_summary", {"label": "四、教育支出"}, "支出/一般公共预算", "25.00", 15),
    ("budget.fiscal_summary", {"label": "本年支出合计"}, "支出/总计", "9,069.47", 16),
    ("budget.fiscal_summary", {"label": "支出总计"}, "支出/一般公共预算", "9,069.47", 16),
    ("budget.gpb_expenditure", {"label": "合计"}, "基本支出/人员支出", "5,355.29", 17),
    ("budget.gpb_expenditure", {"label": "合计"}, "基本支出/日常公用支出", "657.61", 17),
    ("budget.gpb_expenditure", {"code": "2010601"}, "基本支出/日常公用支出", "484.47", 17),
    ("budget.gpb_expenditure", {"code": "2010650"}, "基本支出/人员支出", "1,042.91", 17),
    ("budget.gpb_expenditure", {"code": "2080599"}, "基本支出/日常公用支出", "6.57", 17),
    ("budget.gpb_expenditure", {"code": "2210201"}, "基本支出/人员支出", "416.75", 18),
    ("budget.gpb_basic", {"code": "30107"}, "基本支出预算/小计", "269.01", 19),
    ("budget.gpb_basic", {"code": "30212"}, "基本支出预算/日常公用支出", "13.00", 20),
    ("budget.gpb_basic", {"code": "303"}, "基本支出预算/人员支出", "452.03", 20),
    ("budget.gpb_basic", {"code": "30309"}, "基本支出预算/小计", "0.17", 20),
    ("budget.three_public", {"label": ""}, "2025年预算数/合计", "10.40", 21),
    ("budget.three_public", {"label": ""}, "2026年预算数/合计", "23.40", 21),
    ("budget.three_public", {"label": ""}, "2026年预算数/因公出国（境）经费", "13.00", 21),
    ("budget.three_public", {"label": ""}, "2026年预算数/公务接待费", "5.00", 21),
    ("budget.basic_expenditure", {"label": "合计"}, "合计", "6,012.90", 24),
    ("budget.basic_expenditure", {"code": "30201"}, "财政拨款/一般公共预算", "83.91", 25),
    ("budget.basic_expenditure", {"code": "30305"}, "合计", "7.70", 25),
    ("budget.project_expenditure", {"label": "合计"}, "合计", "3,056.57", 26),
    ("budget.project_expenditure", {"label": "会计工作经费"}, "合计", "322.00", 26),
    ("budget.project_expenditure", {"label": "中介服务费-政府项目审查费"}, "财政拨款/小计", "800.00", 26),
    ("budget.project_expenditure", {"label": "网络运行维护费、公务仓维护费"}, "合计", "482.83", 26),
    ("budget.procurement", {"label": "合计"}, "合计", "2,153.44", 27),
    ("budget.procurement", {"code": "2010601"}, "合计", "3.00", 27),
    ("budget.procurement", {"code": "2010699"}, "财政拨款/一般公共预算", "612.00", 27),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "text", "page"),
    VALUES,
    ids=case_ids(VALUES),
)
def test_values(type_id: str, selector: Selector, column: str, text: str, page: int) -> None:
    assert_printed(doc(), type_id, selector, column, text, page)


# Cells the page prints blank: the row is read, the cell holds no value.
BLANKS: list[tuple[str, Selector, str, int]] = [
    ("budget.summary", {"label": "政府性基金预算收入"}, "收入/预算数", 10),
    ("budget.summary", {"label": "结转下年"}, "支出/预算数", 10),
    ("budget.expenditure", {"label": "合计"}, "结转下年", 13),
    ("budget.expenditure", {"code": "2010601"}, "项目支出", 13),
    ("budget.gpb_expenditure", {"code": "2010602"}, "基本支出/小计", 17),
    ("budget.three_public", {"label": ""}, "2025年预算数/因公出国（境）经费", 21),
    ("budget.three_public", {"label": ""}, "2026年预算数/公务用车购置及运行维护费/公务用车购置经费", 21),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "page"),
    BLANKS,
    ids=case_ids(BLANKS),
)
def test_blank_cells(type_id: str, selector: Selector, column: str, page: int) -> None:
    assert_blank(doc(), type_id, selector, column, page)


def test_economic_codes_print_twice() -> None:
    basic = doc().table("budget.gpb_basic")
    rows = [r for r in basic.rows if r.code == "301"]
    names = [r.values["政府预算支出经济分类科目名称"].text for r in rows]
    assert names == ["机关工资福利支出", "对事业单位经常性补助"]
    assert [r.values["基本支出预算/小计"].text for r in rows] == ["3,479.46", "1,423.81"]
    assert [r.values["基本支出预算/小计"].at.page for r in rows] == [19, 19]


GOVERNMENT_CODE = "政府预算支出经济分类科目编码"


def test_government_codes_are_kept() -> None:
    """公开表6 (pages 19–20) and 公开表10 (pages 24–25) print the 政府预算 经济分类 code in its own
    类|款 columns: it is the value of one code column beside its name (the row's code is the 部门 one)."""
    d = doc()
    basic, expenditure = d.table("budget.gpb_basic"), d.table("budget.basic_expenditure")
    assert basic.columns[2:5] == [
        "部门预算支出经济分类科目名称",
        GOVERNMENT_CODE,
        "政府预算支出经济分类科目名称",
    ]
    assert expenditure.columns[2:5] == [
        "部门预算支出经济分类科目",
        GOVERNMENT_CODE,
        "政府预算支出经济分类科目",
    ]
    for table, pages in ((basic, (19, 20)), (expenditure, (24, 25))):
        firsts = [r for r in table.rows if r.code == "301"]
        assert [r.values[GOVERNMENT_CODE].text for r in firsts] == ["501", "505"]
        wages = [r for r in table.rows if r.code == "30101"]
        assert [r.values[GOVERNMENT_CODE].text for r in wages] == ["50101", "50501"]
        assert [r.values[GOVERNMENT_CODE].at.page for r in wages] == [pages[0], pages[0]]
        for code, government in (
            ("30212", "50207"),
            ("30217", "50206"),
            ("30302", "50905"),
            ("30399", "50999"),
        ):
            cell = table.find(code=code).values[GOVERNMENT_CODE]
            assert (cell.text, cell.amount, cell.at.page) == (government, None, pages[1])
        assert GOVERNMENT_CODE not in table.find(label="合计").values


def test_fund_tables_without_figures() -> None:
    d = doc()
    assert [len(d.table(t).rows) for t in ("budget.gov_fund", "budget.soe_capital")] == [0, 0]
    # printed under the empty grid, in full-width brackets (pages 22 and 23)
    assert [d.table(t).empty_note for t in ("budget.gov_fund", "budget.soe_capital")] == [
        "（注：2026年没有使用政府性基金预算拨款安排的支出。）",
        "（注：2026年没有使用国有资本经营预算拨款安排的支出。）",
    ]


# 政策和项目预算绩效目标表 (pages 32–46): project, first page, 实施单位, 年度预算资金总额 (万元), which
# equals 其中：财政拨款.
PROJECTS = [
    ("公车统管费用", 32, "烟台市财政局", "30.00"),
    ("财政工作专项经费", 33, "烟台市财政局", "315.00"),
    ("中介服务费", 35, "烟台市财政局", "544.54"),
    ("会计工作经费", 37, "烟台市财政局", "322.00"),
    ("办公设备购置及质保金尾款", 38, "烟台市财政局", "101.20"),
    ("公车统管费用", 39, "烟台市财政集中支付中心", "0.50"),
    ("财政工作专项经费", 40, "烟台市财政集中支付中心", "49.50"),
    ("财政工作专项经费", 41, "烟台市财政预算评审中心", "23.00"),
    ("中介服务费-政府项目审查费", 42, "烟台市财政预算评审中心", "800.00"),
    ("中介服务费", 43, "烟台市财政预算绩效评价中心", "360.00"),
    ("网络运行维护费、公务仓维护费", 45, "烟台市国有资产运营保障中心", "482.83"),
    ("办公设备购置及质保金尾款", 46, "烟台市国有资产运营保障中心", "28.00"),
]


def test_project_targets() -> None:
    table = doc().table("performance.project_targets")
    assert table.title == "政策和项目预算绩效目标表"
    items = table.performance
    assert [
        (p.name, p.at.page, p.facts["实施单位"].text, p.facts["资金总额"].text) for p in items
    ] == PROJECTS
    for item, (_, page, _, amount) in zip(items, PROJECTS, strict=True):
        assert item.facts["主管部门及代码"].text == "228_烟台市财政局"
        assert (item.facts["资金总额"].amount, item.facts["资金总额"].at.page) == (Decimal(amount), page)
        assert item.facts["财政拨款"].amount == Decimal(amount)
        assert item.facts["其他资金"].text == "0.00"
    # the sum is the 3056.57 万元 of 预算资金 the 预算绩效管理情况说明 names (page 31)
    assert sum(p.facts["资金总额"].amount for p in items) == Decimal("3056.57")
    first = items[0]
    assert first.goal == (
        "通过科学合理的车辆统管，有效控制车辆使用成本，提高车辆运营效率和服务质量，确保车辆管理工作能够满足单位业务发展的需要。"
    )
    assert [(i.level1, i.level2, i.name, i.target, i.at.page) for i in first.indicators] == [
        ("成本指标", "经济成本", "年度车辆统管费用", "≤30万元", 32),
        ("产出指标", "数量指标", "车辆租赁次数", "≤400次", 32),
        ("产出指标", "质量指标", "车辆事故率", "≤5%", 32),
        ("产出指标", "时效指标", "车辆归还及时率", "≥95%", 32),
        ("效益指标", "经济效益指标", "有效保障出行工作正常运转", "有效保障", 32),
        ("效益指标", "经济效益指标", "有效提升工作效率", "有效提升", 32),
        ("满意度指标", "服务对象满意度指标", "出行人员满意度", "≥95%", 32),
    ]
    # 财政工作专项经费 continues on page 34 with its two 满意度 indicators
    assert [(i.name, i.target, i.at.page) for i in items[1].indicators[-2:]] == [
        ("职工满意度", "=100%", 34),
        ("会议、培训对象满意度", "≥95%", 34),
    ]
    assert len(items[1].indicators) == 18
    costs = [(i.name, i.target) for i in items[3].indicators if i.level1 == "成本指标"]  # page 37
    assert costs == [
        ("考试考务费总额", "≤157万元"),
        ("高端人才培养费用总额", "≤65万元"),
        ("小微企业增信会计数据标准深化试点工作费用总额", "≤100万元"),
    ]
    assert [(i.name, i.target) for i in items[-1].indicators][-1] == ("购置科室满意度", "≥95%")  # page 46
