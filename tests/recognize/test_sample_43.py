"""Sample 43: 西安市卫生健康委员会（汇总） 2022 部门决算 (Shaanxi/Xi'an 公开01–09表, PDF, 171 pages).

Every expected value was read on the rendered page (the last argument is the 1-based PDF page).
The file name says 2026 but the document is the 2022 final account of the whole department (汇总).
Amounts print with thousands separators (``2,480,372.70``); the expected values below are the printed
text. The 公开 tables sit near the end (pages 146–161) after the narrative and about 90 pages of 绩效自评表
(部门整体 on pages 30–31, one 项目 table per page on pages 55–141). 收入决算表, 支出决算表 and
一般公共预算财政拨款支出决算表 run over three pages and repeat their header on each; the 基本支出决算表
prints three code/name/amount panels side by side and its 人员经费合计/公用经费合计 on a second page.
公开08表 prints only an empty 合计 row. The first 目录 (pages 2–3) lists the tables by 一、… headings; a
second one on page 145 (表1…表9 with 是否空表) is not read.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens import Document
from tests.conftest import SAMPLES, read_once

PATH = SAMPLES / "43-2022-西安市卫生健康委员会汇总-部门决算.pdf"
UNIT = "西安市卫生健康委员会(汇总)"  # printed with full-width brackets, NFKC-normalised
GPB = "支出/一般公共预算财政拨款"
Selector = dict[str, str]


def doc() -> Document:
    return read_once(PATH)


EIGHT = [
    "final.summary", "final.income", "final.expenditure", "final.fiscal_summary", "final.gpb_expenditure",
    "final.gpb_basic", "final.gov_fund", "final.soe_capital",
]  # fmt: skip


def test_document_meta() -> None:
    d = doc()
    assert (d.kind, d.scope, d.year, d.unit_name) == ("final_account", "department", 2022, UNIT)


def test_tables_follow_the_toc() -> None:
    d = doc()
    assert d.tables[0].type == "performance.overall_self_eval"
    assert [t.type for t in d.tables if t.type.startswith("final.")][:8] == EIGHT
    assert [e.type for e in d.listed_tables][:8] == EIGHT
    assert [e.number for e in d.listed_tables][:8] == list("一二三四五六七八")
    assert d.listed_tables[0].title == "收入支出决算总表"
    assert all(e.present for e in d.listed_tables)


def test_table_numbers_and_pages() -> None:
    d = doc()
    tables = [d.table(t) for t in EIGHT]
    assert [t.number for t in tables] == [f"公开{n:02d}表" for n in range(1, 9)]
    assert [t.pages for t in tables] == [
        [146], [147, 148, 149], [150, 151, 152], [153], [154, 155, 156], [157, 158], [159], [160],
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
]


@pytest.mark.parametrize(
    ("type_id", "selector", "column", "printed", "page"),
    VALUES,
    ids=[f"{v[0].split('.')[1]}-{i}" for i, v in enumerate(VALUES)],
)
def test_values(type_id: str, selector: Selector, column: str, printed: str, page: int) -> None:
    cell = doc().table(type_id).find(**selector).values[column]
    assert (cell.text, cell.amount, cell.at.page) == (printed, Decimal(printed.replace(",", "")), page)


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
    assert items[-1].name == "西安市第一医院迁建项目（设备购置）"


def test_overall_self_evaluation_totals() -> None:
    overall = doc().table("performance.overall_self_eval").performance[0]
    assert overall.name == "西安市卫生健康委员会"
    facts = {k: (c.text, c.at.page) for k, c in overall.facts.items()}
    assert facts["金额合计/执行率"] == ("83.16%", 30)
    assert facts["总分/得分"] == ("99.5", 31)  # the 总分 row prints on the second page
