"""Every error and warning the catalogue finds in the five real seeds, each reviewed against the text.

Rows are [rule, line, row code, column, printed figure, expected figure]. Rounding differences appear
only as ``rounding-difference`` info findings and are not pinned here (see test_rounding_is_info_only).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from budgetlens.rules import check_document, flatten
from budgetlens.rules.registry import get_rule
from tests.conftest import seed

FIELDS = ["rule", "line", "code", "column", "actual", "expected"]
# The families pinned here; every other family pins its findings on every seed and sample in its own
# test module (tests/rules/test_<family>_rules.py).
FAMILIES = {"arithmetic", "cross_table", "completeness", "narrative"}
OWN_MODULE = {"narrative-parts-missing"}  # completeness rules pinned with the spending rules


def problems(key: str) -> list[list[object]]:
    findings = check_document(seed(key))
    mine = [
        f
        for f in findings
        if f.severity != "info" and get_rule(f.rule).family in FAMILIES and f.rule not in OWN_MODULE
    ]
    return flatten(mine, FIELDS)


def test_seed_000_budget_zhuzhou_industry_service() -> None:
    assert problems("000") == [
        # Real document errors: the 目录 lists 2 收入总表 and the two 支出预算分类汇总表 (lines 13, 15, 16);
        # the body goes from 收支总表 straight to 支出总表 and never prints them.
        ["listed-table-missing", 13, None, None, None, None],
        ["listed-table-missing", 15, None, None, None, None],
        ["listed-table-missing", 16, None, None, None, None],
        # Conversion defect: in 公用经费(按政府预算经济分类) (lines 296–299) each row prints 19.03 under
        # 机关商品和服务支出/其他商品和服务支出 and 对事业单位经常性补助/合计, with 机关…/合计 and
        # 对事业单位…/商品和服务支出 blank: the two figures sit one column left of where the subtotals
        # say they belong (a unit 事业运行 paid 19.03 of 对事业单位经常性补助/商品和服务支出).
        ["row-identity", 296, None, "对事业单位经常性补助/合计", D("19.03"), D("0")],
        ["row-identity", 296, None, "机关商品和服务支出/合计", D("0"), D("19.03")],
        ["row-identity", 297, None, "对事业单位经常性补助/合计", D("19.03"), D("0")],
        ["row-identity", 297, None, "机关商品和服务支出/合计", D("0"), D("19.03")],
        ["row-identity", 298, None, "对事业单位经常性补助/合计", D("19.03"), D("0")],
        ["row-identity", 298, None, "机关商品和服务支出/合计", D("0"), D("19.03")],
        ["row-identity", 299, "2010350", "对事业单位经常性补助/合计", D("19.03"), D("0")],
        ["row-identity", 299, "2010350", "机关商品和服务支出/合计", D("0"), D("19.03")],
    ]


def test_seed_001_budget_changsha_clean() -> None:
    # All eight tables agree exactly (2,314.68 = 1,003.01 + 1,311.67 everywhere).
    assert problems("001") == []


def test_seed_002_budget_zhuzhou_approval_bureau() -> None:
    # Same template and the same real omission as 000: three tables listed in the 目录, absent from the body.
    assert problems("002") == [
        ["listed-table-missing", 13, None, None, None, None],
        ["listed-table-missing", 15, None, None, None, None],
        ["listed-table-missing", 16, None, None, None, None],
    ]


def test_seed_003_final_wuhan_enterprise_service() -> None:
    assert problems("003") == [
        # Conversion defect: 公开01表 prints 本年支出合计 "497.8" and the 类 rows "34. 3", "29. 6", "52. 9",
        # where 公开03/04表 print 497.84, 34.31, 29.67, 52.97: cells cut short by the conversion.
        ["cross-table-figure", 106, None, "支出/金额", D("497.8"), D("497.84")],
        ["two-sided-totals", 106, None, "支出/金额", D("497.8"), D("497.69")],
        ["two-sided-totals", 109, None, "支出/金额", D("497.84"), D("497.8")],
        # Conversion defect: 公开03表 line 162 (2010399) lost its 本年支出合计 105.83 (公开02/05表 print
        # 105.83 = 0.78 + 105.05), so the 合计 line no longer equals its 项 and the row breaks J03-a.
        ["code-hierarchy-sum", 160, None, "本年支出合计", D("497.84"), D("392.01")],
        ["row-identity", 162, "2010399", "本年支出合计", D("0"), D("105.83")],
        # Real document error: 公开05表 基本支出 392.79 (= Σ its rows) but 公开06表 人员经费合计 377.31 +
        # 公用经费合计 15.42 (Σ 302 + 310) = 392.73: the 06 table is 0.06 short. The printed "15. 4" adds
        # a conversion cut (15.42 → 15.4) on top, reported by block-totals.
        ["cross-table-figure", 231, None, "本年支出/基本支出", D("392.79"), D("392.71")],
        ["block-totals", 284, None, "决算数", D("15.4"), D("15.42")],
        # Real document error: 说明 line 421 states 公用经费 15.48 万元 (= 392.79 − 377.31, the 05 表's
        # 基本支出 less 人员经费) while 公开06表 公用经费合计 prints "15. 4" and its rows sum to 15.42:
        # text and table disagree by 0.06 at least (the cut "15.4" adds 0.02 of conversion).
        ["narrative-table-figure", 421, None, "决算数", D("15.48"), D("15.4")],
    ]


def test_seed_004_final_zhuzhou_hitech_enterprise_bureau() -> None:
    assert problems("004") == [
        # 公开06表 prints 301 "177.5" and 公用经费合计 "40.9" while their parts sum to 177.55 and
        # 40.95 (33.3 + 7.65), and 公开05表 基本支出 218.50 = 177.55 + 40.95: both cells lost their last
        # digit (truncated, not rounded: 177.55 would round to 177.6). A defect of the print or its
        # conversion; the text as published is inconsistent.
        ["cross-table-figure", 201, None, "本年支出/基本支出", D("218.50"), D("218.4")],
        ["econ-class-sum", 220, "301", "决算数", D("177.5"), D("177.55")],
        ["block-totals", 248, None, "决算数", D("40.9"), D("40.95")],
        # Real document errors: 说明 lines 349 and 355 print 完成年初预算的 102.39% and 103.41% for
        # 17.86 / 15.47 = 115.45% and 0.63 / 0.47 = 134.04% (the other five 项 of the list are right,
        # e.g. 168.07 / 155.69 = 107.95%); the amounts match 公开05表 and the stated differences 2.39 / 0.16.
        ["narrative-completion-rate", 349, None, None, D("102.39"), D("115.45")],
        ["narrative-completion-rate", 355, None, None, D("103.41"), D("134.04")],
        # The same cut cells as above, now against the 说明: 人员经费 177.55 and 公用经费 40.95 (lines
        # 373, 375; 05表 基本支出 218.50 = 177.55 + 40.95) vs 公开06表 "177.5" and "40.9" (line 248).
        # The text is right; the table as published is not.
        ["narrative-table-figure", 373, None, "决算数", D("177.55"), D("177.5")],
        ["narrative-table-figure", 375, None, "决算数", D("40.95"), D("40.9")],
    ]


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_rounding_is_info_only(key: str) -> None:
    for finding in check_document(seed(key)):
        if finding.rule == "rounding-difference":
            assert finding.severity == "info"
            assert finding.raised_by is not None
            assert finding.tolerance is not None
            assert finding.difference is not None
            assert abs(finding.difference) <= finding.tolerance


def test_messages_show_what_was_compared() -> None:
    finding = next(f for f in check_document(seed("003")) if f.rule == "two-sided-totals")
    assert "34.3（原文“34. 3”）" in finding.message
    assert "497.8" in finding.message
    assert "497.69" in finding.message
    assert [e.text for e in finding.evidence][:3] == ["497.8", "380. 89", "34. 3"]
    # One figure against one other: its printed text once, not the sum of one part repeated.
    single = next(f for f in check_document(seed("003")) if f.rule == "cross-table-figure")
    assert single.message == (
        "2024年度收入支出决算总表「本年支出合计」支出/金额 为 497.8，"
        "2024年度支出决算表「合计」本年支出合计 为 497.84（原文“497. 84”），相差 -0.04"
    )


def test_rounding_example_of_seed_000() -> None:
    remark = next(
        f
        for f in check_document(seed("000"))
        if f.rule == "rounding-difference" and f.location.code == "21011" and f.location.column == "合计"
    )
    assert remark.raised_by == "code-hierarchy-sum"
    assert (remark.actual, remark.expected, remark.tolerance) == (D("15.76"), D("15.77"), D("0.010"))
