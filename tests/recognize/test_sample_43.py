"""Sample 43: 西安市卫生健康委员会（汇总） 2022 部门决算 (Shaanxi/Xi'an 公开01–09表, PDF, 171 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
The file name says 2026 but the document is the 2022 final account of the whole department (汇总).
Amounts print with thousands separators (``2,480,372.70``); the expected values below are the printed
text. The 公开 tables sit near the end (pages 146–161) after the narrative and about 90 pages of 绩效自评表
(部门整体 on pages 30–31, one 项目 table per page on pages 55–141). 收入决算表, 支出决算表 and
一般公共预算财政拨款支出决算表 run over three pages and repeat their header on each; the 基本支出决算表
prints three code/name/amount panels side by side and its 人员经费合计/公用经费合计 on a second page.
公开08表 prints only an empty 合计 row. 公开09表 (财政拨款“三公”经费及会议费、培训费支出决算表, page 161)
prints one row per measure (预算数 | 决算数) under the item columns; it is read as the one row of the national
print, with 预算数/… and 决算数/… columns. The first 目录 (pages 2–3) lists the tables by 一、… headings (九
wraps onto a second line); a second one on page 145 (表1…表9 with 是否空表) is not read.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once
from tests.recognize.printed import Selector, assert_printed, case_ids

PATH = SAMPLES / "43-2022-西安市卫生健康委员会汇总-部门决算.pdf"
UNIT = "西安市卫生健康委员会(汇总)"  # printed with full-width brackets, NFKC-normalised
GPB = "支出/一般公共预算财政拨款"
GOAL55 = "将病媒生物密度控制在国家标准范围之内，减少病媒生物传播疾病，顺利通过中省对我市进行的工作考核。"


def doc() -> Document:
    return read_once(PATH)


NINE = [
    "final.summary", "final.income", "final.expenditure", "final.fiscal_summary", "final.gpb_expenditure",
    "final.gpb_basic", "final.gov_fund", "final.soe_capital", "final.three_public",
]  # fmt: skip
THREE = "财政拨款安排的“三公”经费/"


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("final_account", "department", 2022, UNIT)


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert d.tables[0].type == "performance.overall_self_eval"
    assert [t.type for t in d.tables if t.type.startswith("final.")] == NINE
    assert [e.type for e in d.listed_tables] == NINE
    assert [e.number for e in d.listed_tables] == list("一二三四五六七八九")
    assert d.listed_tables[0].title == "收入支出决算总表"
    # 九 wraps onto a second line (``…支出决`` / ``算表``), as does 九 of the 说明 part (``算情况说明``)
    assert d.listed_tables[8].title == "财政拨款“三公”经费及会议费、培训费支出决算表"
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    tables = [d.table(t) for t in NINE]
    assert [t.number for t in tables] == [f"公开{n:02d}表" for n in range(1, 10)]
    assert [t.pages for t in tables] == [
        [146], [147, 148, 149], [150, 151, 152], [153], [154, 155, 156], [157, 158], [159], [160], [161],
    ]  # fmt: skip
    assert {t.unit_name for t in tables} == {UNIT}
    assert {t.money_unit for t in tables} == {"万元"}
    assert d.table("performance.overall_self_eval").pages == [30, 31]


VALUES: list[tuple[str, Selector, str, str, int]] = [
    ("final.summary", {"label": "一、一般公共预算财政拨款收入"}, "收入/决算数", "296,030.91", 146),
    ("final.summary", {"label": "五、事业收入"}, "收入/决算数", "1,110,972.11", 146),
    ("final.summary", {"label": "年初结转和结余"}, "收入/决算数", "465,278.48", 146),
    ("final.summary", {"label": "总计", "side": "收入"}, "收入/决算数", "2,480,372.70", 146),
    ("final.summary", {"label": "九、卫生健康支出"}, "支出/决算数", "1,474,833.23", 146),
    ("final.summary", {"label": "结余分配"}, "支出/决算数", "6,374.88", 146),
    ("final.summary", {"label": "本年支出合计"}, "支出/决算数", "2,074,962.01", 146),
    ("final.income", {"label": "合计"}, "财政拨款收入", "805,251.56", 147),
    ("final.income", {"code": "205"}, "其他收入", "1.00", 147),
    ("final.income", {"code": "2080505"}, "其他收入", "0.03", 147),
    ("final.income", {"code": "210"}, "事业收入", "1,103,109.26", 147),
    ("final.income", {"code": "21002"}, "本年收入合计", "1,289,079.68", 148),
    ("final.income", {"code": "2100207"}, "事业收入", "105,720.90", 148),
    ("final.income", {"code": "2109999"}, "其他收入", "16,511.87", 149),
    ("final.income", {"code": "2290402"}, "财政拨款收入", "509,220.66", 149),
    ("final.expenditure", {"label": "合计"}, "基本支出", "1,168,039.29", 150),
    ("final.expenditure", {"label": "合计"}, "项目支出", "906,922.72", 150),
    ("final.expenditure", {"code": "2050302"}, "项目支出", "1,193.71", 150),
    ("final.expenditure", {"code": "21002"}, "基本支出", "1,101,406.11", 151),
    ("final.expenditure", {"code": "2100410"}, "项目支出", "73,179.07", 151),
    ("final.expenditure", {"code": "2101102"}, "项目支出", "4,043.00", 152),
    ("final.fiscal_summary", {"label": "一般公共预算财政拨款"}, "收入/金额", "95.39", 153),
    ("final.fiscal_summary", {"label": "政府性基金预算财政拨款"}, "收入/金额", "58,830.98", 153),
    ("final.fiscal_summary", {"label": "总计", "side": "收入"}, "收入/金额", "864,177.93", 153),
    ("final.fiscal_summary", {"label": "本年支出合计"}, "支出/合计", "864,099.38", 153),
    ("final.fiscal_summary", {"label": "年末结转和结余"}, GPB, "78.55", 153),
    ("final.fiscal_summary", {"label": "总计", "side": "支出"}, GPB, "296,126.29", 153),
    ("final.gpb_expenditure", {"label": "合计"}, "本年支出/项目支出", "197,441.45", 154),
    ("final.gpb_expenditure", {"code": "210"}, "本年支出/基本支出", "75,799.23", 154),
    ("final.gpb_expenditure", {"code": "21002"}, "本年支出/项目支出", "68,810.97", 155),
    ("final.gpb_expenditure", {"code": "21004"}, "本年支出/小计", "140,737.70", 155),
    ("final.gpb_expenditure", {"code": "21011"}, "本年支出/基本支出", "822.74", 156),
    ("final.gpb_basic", {"code": "301"}, "决算数", "92,835.98", 157),
    ("final.gpb_basic", {"code": "30107"}, "决算数", "24,198.72", 157),
    ("final.gpb_basic", {"code": "30203"}, "决算数", "0.98", 157),
    ("final.gpb_basic", {"code": "30231"}, "决算数", "450.96", 157),
    ("final.gpb_basic", {"code": "31002"}, "决算数", "7.17", 157),
    ("final.gpb_basic", {"code": "30399"}, "决算数", "174.71", 158),
    ("final.gpb_basic", {"code": "30239"}, "决算数", "274.54", 158),
    ("final.gpb_basic", {"label": "人员经费合计"}, "决算数", "96,513.21", 158),
    ("final.gpb_basic", {"label": "公用经费合计"}, "决算数", "2,093.08", 158),
    ("final.gov_fund", {"label": "合计"}, "年初结转和结余", "58,830.98", 159),
    ("final.gov_fund", {"code": "2290402"}, "本年支出/项目支出", "568,051.63", 159),
    # 公开09表 prints one row per measure: 预算数 and 决算数 become the columns' first level
    ("final.three_public", {"label": ""}, f"预算数/{THREE}小计", "593.46", 161),
    ("final.three_public", {"label": ""}, f"预算数/{THREE}公务用车购置及运行维护费/小计", "591.60", 161),
    (
        "final.three_public",
        {"label": ""},
        f"预算数/{THREE}公务用车购置及运行维护费/公务用车购置费",
        "136.48",
        161,
    ),
    (
        "final.three_public",
        {"label": ""},
        f"预算数/{THREE}公务用车购置及运行维护费/公务用车运行维护费",
        "455.12",
        161,
    ),
    ("final.three_public", {"label": ""}, f"预算数/{THREE}公务接待费", "1.86", 161),
    ("final.three_public", {"label": ""}, "预算数/会议费", "86.81", 161),
    ("final.three_public", {"label": ""}, "预算数/培训费", "2,795.78", 161),
    ("final.three_public", {"label": ""}, f"决算数/{THREE}小计", "587.55", 161),
    ("final.three_public", {"label": ""}, f"决算数/{THREE}公务用车购置及运行维护费/小计", "587.44", 161),
    (
        "final.three_public",
        {"label": ""},
        f"决算数/{THREE}公务用车购置及运行维护费/公务用车购置费",
        "136.48",
        161,
    ),
    (
        "final.three_public",
        {"label": ""},
        f"决算数/{THREE}公务用车购置及运行维护费/公务用车运行维护费",
        "450.96",
        161,
    ),
    ("final.three_public", {"label": ""}, f"决算数/{THREE}公务接待费", "0.11", 161),
    ("final.three_public", {"label": ""}, "决算数/会议费", "86.81", 161),
    ("final.three_public", {"label": ""}, "决算数/培训费", "2,795.78", 161),
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "printed", "page"),
    VALUES,
    ids=case_ids(VALUES),
)
def test_values(type_id: str, selector: Selector, column: str, printed: str, page: int) -> None:
    assert_printed(doc(), type_id, selector, column, printed, page)


def test_blank_cells_stay_blank() -> None:
    d = doc()
    summary = d.table("final.summary")
    assert summary.amount("收入/决算数", label="三、国有资本经营预算财政拨款收入") is None
    assert summary.amount("收入/决算数", label="使用非财政拨款结余") is None
    assert d.table("final.income").amount("上级补助收入", label="合计") is None
    assert d.table("final.expenditure").amount("基本支出", code="2100408") is None
    assert d.table("final.gpb_basic").amount("决算数", code="30106") is None
    assert d.table("final.gov_fund").amount("本年支出/基本支出", label="合计") is None
    assert d.table("final.gov_fund").amount("年末结转和结余", label="合计") is None
    soe = d.table("final.soe_capital")
    assert [r.label for r in soe.rows] == ["合计"]
    assert soe.rows[0].values == {}
    three = d.table("final.three_public")
    assert len(three.rows) == 1
    assert f"决算数/{THREE}因公出国（境）费用" in three.columns
    assert three.amount(f"预算数/{THREE}因公出国（境）费用", label="") is None  # blank on both rows
    assert three.amount(f"决算数/{THREE}因公出国（境）费用", label="") is None


def test_project_self_evaluations() -> None:
    items = [p for t in doc().tables_of("performance.project_self_eval") for p in t.performance]
    assert len(items) == 87  # one per page, 55–141
    assert [p.at.page for p in items] == list(range(55, 142))
    first = items[0]
    assert first.name == "2022年病媒生物防制"
    assert {k: (c.text, c.at.page) for k, c in first.facts.items()} == {
        "主管部门": ("西安市卫生健康委员会", 55),
        "实施单位": ("西安市卫生健康委员会", 55),
        "年初预算数": ("240", 55),
        "全年预算数": ("229.19", 55),
        "全年执行数": ("229.19", 55),
        "分值": ("10", 55),
        "执行率(B/A)": ("100.00%", 55),
        "得分": ("10.00", 55),
        "当年财政拨款/年初预算数": ("240", 55),
        "当年财政拨款/全年预算数": ("229.19", 55),
        "当年财政拨款/全年执行数": ("229.19", 55),
        "实际完成情况": (GOAL55, 55),  # the 年度总体目标完成情况 block prints the same text twice
        "总分/分值": ("100", 55),
        "总分/得分": ("100", 55),
    }
    cost = first.indicators[3]
    assert (cost.level2, cost.name, cost.target, cost.actual, cost.weight, cost.score) == (
        "成本指标",
        "指标1：全年项目经费支出",
        "240万元",
        "229.19万元",
        Decimal("12.5"),
        Decimal("12.5"),
    )
    assert first.goal == GOAL55  # 预期目标（年初设定）
    assert items[-1].name == "西安市第一医院迁建项目（设备购置）"


def test_wrapped_project_titles_continue_the_table() -> None:
    # Pages 84, 90 and 113 wrap the title over two lines; the second line does not start another table.
    tables = doc().tables_of("performance.project_self_eval")
    assert [(t.title, t.pages[0], t.pages[-1]) for t in tables] == [
        ("西安市级2022年病媒生物防制项目绩效自评表", 55, 141),
    ]
    items = {p.at.page: p for p in tables[0].performance}
    assert items[84].name == "西安市公共卫生中心（西安市疾病预防控制中心新址）建设公务运转"
    assert items[84].goal == (
        "西安市公共卫生中心（西安市疾控新址）建设项目，于2020年2月21日由市政府常务会议决定启动，"
        "被列为西安市2020年重点建设项目，该项目已于2021年7月封顶，预计2022年7月交付使用。"
    )
    assert items[84].facts["实际完成情况"].text == (
        "该项目已于2021年7月封顶，截止2022年12月底，除核酸实验室以外，其他楼栋尚未交付使用。"
    )
    assert (items[84].facts["全年预算数"].text, items[84].facts["全年执行数"].text) == ("499.75", "326.71")
    assert items[90].name == "西安市公共卫生中心（西安市疾病预防控制中心新址）项目建设"
    assert items[90].facts["全年执行数"].text == "5,000.00"
    assert items[113].name == "征用西安城北医院停车场及部分业务用房"
    assert (items[113].facts["全年执行数"].text, items[113].facts["执行率(B/A)"].text) == ("229.9", "99.96%")


def test_overall_self_evaluation_totals() -> None:
    overall = doc().table("performance.overall_self_eval").performance[0]
    assert overall.name == "西安市卫生健康委员会"
    facts = {k: (c.text, c.at.page) for k, c in overall.facts.items()}
    # the 金额合计 row is the whole department's funds (the 年度资金总额 of a project table)
    assert facts["全年预算数"] == ("2,495,142.55", 30)
    assert facts["财政拨款/全年预算数"] == ("869,407.93", 30)
    assert facts["其他资金/全年预算数"] == ("1625734.62", 30)
    assert facts["全年执行数"] == ("2074962.01", 30)
    assert facts["财政拨款/全年执行数"] == ("869329.38", 30)
    assert facts["其他资金/全年执行数"] == ("1205632.63", 30)
    assert (facts["分值"], facts["执行率"], facts["得分"]) == (("10", 30), ("83.16%", 30), ("10", 30))
    assert facts["总分/得分"] == ("99.5", 31)  # the 总分 row prints on the second page


# 年度主要任务完成情况 (page 30): 任务名称 → 完成情况, 全年预算数 总额 | 财政拨款 | 其他资金,
# 全年执行数 总额, 执行率.
TASKS = [
    ("一般公共服务支出", "任务完成", "56", "56", "0", "56", "100.00%"),
    ("学前教育", "基本任务完成", "1292.55", "1182.59", "109.96", "1263.33", "97.74%"),
    ("其他教育支出", "部分任务完成", "3669", "268", "3401", "268", "7.30%"),
    ("公立医院", "部分任务完成", "1700895.6", "122020.6", "1578875", "1295897.69", "76.19%"),
    ("其他地方自行试点项目收益专项债券收入安排的支出", "任务完成", "568051.63", "568051.63", "0", "568051.63",
     "100.00%"),
]  # fmt: skip


def test_overall_self_evaluation_tasks() -> None:
    overall = doc().table("performance.overall_self_eval").performance[0]
    facts = {k: c.text for k, c in overall.facts.items()}
    names = [k.removesuffix("/完成情况") for k in facts if k.endswith("/完成情况")]
    assert len(names) == 17
    assert names[:3] == ["一般公共服务支出", "学前教育", "中等职业教育"]
    for name, done, budget, fiscal, other, spent, rate in TASKS:
        assert facts[f"{name}/完成情况"] == done
        assert facts[f"{name}/全年预算数"] == budget
        assert facts[f"{name}/财政拨款/全年预算数"] == fiscal
        assert facts[f"{name}/其他资金/全年预算数"] == other
        assert facts[f"{name}/全年执行数"] == spent
        assert facts[f"{name}/执行率"] == rate
    assert facts["学前教育/其他资金/全年执行数"] == "80.74"
    assert facts["其他地方自行试点项目收益专项债券收入安排的支出/分值"] == "0.72"
    assert facts["一般公共服务支出/主要内容"] == "保证日常经济运行调节方面支出。"
    # page 31: the indicator tree is headed 指标内容 (no 三级指标)
    assert len(overall.indicators) == 20
    eight = overall.indicators[7]
    fields = (eight.level1, eight.level2, eight.name, eight.target, eight.actual, eight.weight, eight.score)
    assert fields == (
        "产出指标", "数量指标", "指标8：引进高层次人次", "≥800人", "744人", Decimal("2"), Decimal("1.5"),
    )  # fmt: skip
    assert overall.goal is not None
    assert overall.goal.startswith("目标1：全面加强党的建设目标2：")
