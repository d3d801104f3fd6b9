"""Every error and warning of the first four families on each readable sample, each reviewed on the page.

Rows are [rule, page, table, row code, column, printed figure, expected figure]. Pages were checked
with ``budgetlens debug FILE --page N`` (the rendered page, not the text layer). Rounding differences
appear only as ``rounding-difference`` info findings (test_rounding_is_info_only). The families and
the rule pinned elsewhere are those of test_seeds.py.
"""

from __future__ import annotations

import copy
from decimal import Decimal as D

import pytest

from budgetlens.rules import check_document, flatten
from budgetlens.rules.registry import all_rules
from tests.conftest import SAMPLES, read_once
from tests.rules.test_seeds import FAMILIES, OWN_MODULE

FIELDS = ["rule", "page", "table", "code", "column", "actual", "expected"]
RULES = [r for r in all_rules() if r.family in FAMILIES and r.id not in OWN_MODULE]
FILES = {
    "01": "01-2026-上海市审计局本级-单位预算.pdf",
    "09": "09-2026-北京市公安局-部门预算报表.pdf",
    "14": "14-2026-深圳市信访局-部门预算.pdf",
    "18": "18-2026-重庆市人民政府办公厅-部门预算.pdf",
    "22": "22-2026-广州市信访局-部门预算.pdf",
    "26": "26-2026-苏州市交通运输局-部门预算.pdf",
    "31": "31-2026-杭州市气象局-部门预算.pdf",
    "32": "32-2024-国家信访局-部门决算.pdf",
    "36": "36-2026-长沙市信访局-部门预算.pdf",
    "40": "40-2026-福州市商务局-部门预算.pdf",
    "43": "43-2022-西安市卫生健康委员会汇总-部门决算.pdf",
    "50": "50-2019-佛山市轨道交通局-部门决算.pdf",
    "52": "52-2026-烟台市财政局-部门预算.pdf",
    "56": "56-2026-长春市信访局本级-部门预算.pdf",
    "77": "77-2024-中共上海市普陀区委社会工作部-部门决算.pdf",
    "78": "78-2024-上海市XX局模板-部门决算模板.pdf",
    "85": "85-2026-XX单位空白模板-单位预算模板.xls",
    "86": "86-2026-XX局空白模板-部门预算模板.xlsx",
}


def problems(key: str) -> list[list[object]]:
    findings = check_document(read_once(SAMPLES / FILES[key]), rules=RULES)
    return flatten([f for f in findings if f.severity != "info"], FIELDS)


def test_sample_01_shanghai_audit_bureau() -> None:
    # Real document error: page 7 (财务收支预算总表) prints 收入总计 blank while 一、财政拨款收入 and
    # 1、一般公共预算 print 195,774,300 and 支出总计 prints 195,774,300; the 收入预算总表 (pages 8–9)
    # 合计 is 195,774,300. One blank cell, three comparisons that see it.
    assert problems("01") == [
        ["cross-table-figure", 7, "budget.summary", None, "收入/预算数", D("0"), D("195774300")],
        ["two-sided-totals", 7, "budget.summary", None, "支出/合计", D("195774300"), D("0")],
        ["two-sided-totals", 7, "budget.summary", None, "收入/预算数", D("0"), D("195774300")],
    ]


def test_sample_09_beijing_public_security() -> None:
    # Real omissions: 预算07表 政府性基金预算支出表 (page 13) and 预算08表 国有资本经营预算支出表
    # (page 14) are printed with no figures and no note; the document is tables only, no 说明.
    assert problems("09") == [
        ["empty-table-note", 13, "budget.gov_fund", None, None, None, None],
        ["empty-table-note", 14, "budget.soe_capital", None, None, None, None],
    ]


@pytest.mark.parametrize("key", ["14", "18", "22", "26", "31", "36", "40", "52", "77"])
def test_clean_samples(key: str) -> None:
    # Reviewed clean. 14: the 一般公共预算支出表（按经济分类） with its 基本支出 column (pages 28–30)
    # stands for the 基本支出表. 18: the empty 政府性基金 table (page 19) has its 备注 under it.
    # 22/26/31/52: the 收入总表 layouts (grouped by 财政拨款收入/其他资金收入, 本年收入/上年结转结余)
    # and the 人员支出/日常公用支出 columns add up. 31, 40, 52, 77: the empty 政府性基金/国有资本经营
    # tables are explained in the 说明 (e.g. 31 page 9 "本部门 2026 年没有使用政府性基金预算拨款安排的支出").
    # 77: 04 表's 年初财政拨款结转和结余 lines repeat the fund names and are not this year's figures.
    assert problems(key) == []


def test_sample_32_national_petition_bureau() -> None:
    # Real document error, page 17 说明: 收、支总计 22066.59 万元, 各增加 5834.37 万元, 增长 35.74%;
    # 5834.37 ÷ (22066.59 − 5834.37 = 16232.22) = 35.94%.
    assert problems("32") == [["narrative-change", 17, None, None, None, D("35.74"), D("35.94")]]


def test_sample_43_xian_health_commission() -> None:
    # Reviewed clean. The 目录 (page 3) lists nine tables and the body prints nine: the ninth is the
    # 财政拨款“三公”经费及会议费、培训费支出决算表 (公开09表, page 161), printed with one row per measure
    # (预算数 | 决算数); its parts add up (591.60 = 136.48 + 455.12, 593.46 = 591.60 + 1.86) and the 说明
    # states the same figures (预算 593.46, 决算 587.55). The 国有资本经营 table is empty and explained.
    assert problems("43") == []


def test_sample_50_foshan_rail_transit() -> None:
    # The 2019 目录 lists eight tables and the body prints eight: 2019 final accounts had no
    # 国有资本经营预算财政拨款支出决算表 yet. The empty 政府性基金 table is explained in the 说明 (page 25:
    # 政府性基金预算财政拨款收入 0万元).
    assert problems("50") == []
    document = copy.deepcopy(read_once(SAMPLES / FILES["50"]))
    document.year = 2020  # from 2020 on, the ninth table is required
    found = [f for f in check_document(document, rules=RULES) if f.severity != "info"]
    assert [(f.rule, f.location.table) for f in found] == [("required-table-missing", "final.soe_capital")]


def test_sample_56_changchun_petition_bureau() -> None:
    assert problems("56") == [
        # Real document error, page 8 (支出总表): 2014002 and 2014099 print 当年预算/小计 0.00 with
        # 项目支出 458.00 and 16.56 and 合计 458.00 and 16.56; the 20140 款 小计 1378.41 then exceeds its
        # 项 (903.85 + 0.00 + 0.00).
        ["code-hierarchy-sum", 8, "budget.expenditure", "20140", "当年预算/小计", D("1378.41"), D("903.85")],
        ["row-identity", 8, "budget.expenditure", "2014002", "合计", D("458.00"), D("0.00")],
        ["row-identity", 8, "budget.expenditure", "2014002", "当年预算/小计", D("0.00"), D("458.00")],
        ["row-identity", 8, "budget.expenditure", "2014099", "合计", D("16.56"), D("0.00")],
        ["row-identity", 8, "budget.expenditure", "2014099", "当年预算/小计", D("0.00"), D("16.56")],
        # Real omissions: 预算表 8 (page 13) and 预算表 10 (page 15) are blank, with no note and no word
        # in the 说明.
        ["empty-table-note", 13, "budget.gov_fund", None, None, None, None],
        ["empty-table-note", 15, "budget.soe_capital", None, None, None, None],
    ]


@pytest.mark.parametrize("key", ["78", "85", "86"])
def test_blank_templates_are_quiet(key: str) -> None:
    # Blank templates (no table has a figure): empty tables are the template's design, not nine
    # omissions; the template itself is named by other rules (XX placeholders).
    assert problems(key) == []


@pytest.mark.parametrize("key", sorted(FILES))
def test_rounding_is_info_only(key: str) -> None:
    for finding in check_document(read_once(SAMPLES / FILES[key]), rules=RULES):
        if finding.rule == "rounding-difference":
            assert finding.severity == "info"
            assert finding.raised_by is not None
            assert finding.tolerance is not None
            assert finding.difference is not None
            assert abs(finding.difference) <= finding.tolerance
