"""The 说明-vs-tables rules: problems injected into copies of the seeds' narrative are found with the
right rule and line; the unaltered seeds do not have them; unparseable sentences yield nothing."""

from __future__ import annotations

import copy
from decimal import Decimal as D

import pytest

from budgetlens.model import Document
from budgetlens.rules import all_rules, check_document, flatten
from budgetlens.rules.narrative.figures import amounts, fold, label, sections
from tests.conftest import seed

NARRATIVE = [r for r in all_rules() if r.family == "narrative"]
FIELDS = ["rule", "severity", "line", "column", "actual", "expected"]


def _edit(key: str, line: int, old: str, new: str) -> Document:
    document = copy.deepcopy(seed(key))
    paragraphs = [p for s in document.narrative for p in s.paragraphs if p.at.line == line and old in p.text]
    assert len(paragraphs) == 1, f"no paragraph at line {line} with {old!r}"
    paragraphs[0].text = paragraphs[0].text.replace(old, new)
    return document


def _found(document: Document) -> list[list[object]]:
    return flatten(check_document(document, rules=NARRATIVE), FIELDS)


def _new(document: Document, key: str) -> list[list[object]]:
    old = _found(seed(key))
    return [row for row in _found(document) if row not in old]


def test_changed_amount_against_the_table_and_its_share() -> None:
    found = _new(_edit("004", 319, "基本支出218.5万元", "基本支出228.5万元"), "004")
    assert found == [
        ["narrative-share", "error", 319, None, D("56.34"), D("58.92")],
        ["narrative-table-figure", "error", 319, "基本支出", D("228.5"), D("218.50")],
    ]


def test_changed_class_amount_in_a_numbered_list() -> None:
    found = _new(_edit("003", 383, "380. 89 万元", "380. 98 万元"), "003")
    assert [
        "narrative-table-figure",
        "error",
        383,
        "支出/一般公共预算财政拨款",
        D("380.98"),
        D("380.89"),
    ] in found
    assert ["narrative-share", "error", 383, None, D("76.51"), D("76.53")] in found


def test_message_quotes_the_sentence_and_names_the_cell() -> None:
    document = _edit("003", 354, "收入合计 497.84万元", "收入合计 479.84万元")
    finding = next(f for f in check_document(document, rules=NARRATIVE) if f.rule == "narrative-table-figure")
    assert finding.message.startswith("说明第 354 行“2024年度收入合计 479.84万元,")
    assert "收入决算表「合计」本年收入合计（第 133 行）为 497.84（原文“497. 84”） 万元，相差 -18.00 万元" in (
        finding.message
    )
    assert (finding.location.table, finding.location.column) == ("final.income", "本年收入合计")
    assert [e.role for e in finding.evidence] == ["说明原文", "表格数"]
    assert finding.evidence[1].at.line == 133


def test_amounts_in_yuan_are_compared_in_wan() -> None:
    exact = _edit("004", 311, "收、支总计387.79万元", "收、支总计3877900元")
    assert _new(exact, "004") == []
    near = _edit("004", 311, "收、支总计387.79万元", "收、支总计3877949元")
    remarks = [f for f in check_document(near, rules=NARRATIVE) if f.rule == "rounding-difference"]
    assert [(f.severity, f.raised_by, f.actual, f.expected) for f in remarks] == [
        ("info", "narrative-table-figure", D("387.7949"), D("387.79"))
    ]
    wrong = _edit("004", 311, "收、支总计387.79万元", "收、支总计3878900元")
    assert ["narrative-table-figure", "error", 311, "收入/决算数", D("387.89"), D("387.79")] in _new(
        wrong, "004"
    )


@pytest.mark.parametrize(
    ("key", "line", "old", "new", "expected"),
    [
        ("004", 333, "占4.77%", "占7.47%", ["narrative-share", "error", 333, None, D("7.47"), D("4.77")]),
        (
            "003",
            356,
            "占本年收入 100%",
            "占本年收入 90%",
            ["narrative-share", "error", 356, None, D("90"), D("100")],
        ),
        ("003", 446, "99.13%", "91.13%", ["narrative-share", "error", 446, None, D("91.13"), D("99.13")]),
        ("004", 373, "81.26%", "81.62%", ["narrative-share", "error", 373, None, D("81.62"), D("81.26")]),
    ],
)
def test_broken_share(key: str, line: int, old: str, new: str, expected: list[object]) -> None:
    assert _new(_edit(key, line, old, new), key) == [expected]


def test_share_of_87_percent_is_right_at_its_printed_precision() -> None:
    # 004 line 333: 337.36 / 387.79 = 86.9955…%, printed "占87%" (0 decimals): no finding.
    assert not [f for f in check_document(seed("004"), rules=NARRATIVE) if f.location.line == 333]
    assert _new(_edit("004", 333, "占87%", "占86%"), "004") == [
        ["narrative-share", "error", 333, None, D("86"), D("87")]
    ]


def test_broken_completion_rate() -> None:
    # 003 line 390: 497.84 / 568.18 = 87.6201…% printed 87.62%: right; 78.62% is not.
    document = _edit("003", 390, "完成年初预算的 87.62%", "完成年初预算的 78.62%")
    assert _new(document, "003") == [
        ["narrative-completion-rate", "error", 390, None, D("78.62"), D("87.62")]
    ]
    three_public = _edit("004", 389, "完成预算的0%", "完成预算的50%")
    assert _new(three_public, "004") == [["narrative-completion-rate", "error", 389, None, D("50"), D("0")]]


def test_completion_rate_with_zero_budget_is_not_checked() -> None:
    assert _new(_edit("004", 393, "完成预算的0%", "完成预算的100%"), "004") == []


def test_swapped_increase_and_decrease() -> None:
    found = _new(_edit("003", 347, "各减少 338.02万元", "各增加 338.02万元"), "003")
    assert found == [["narrative-direction", "error", 347, None, None, None]]
    found = _new(_edit("004", 341, "决算数大于年初预算数", "决算数小于年初预算数"), "004")
    assert found == [["narrative-direction", "error", 341, None, None, D("12.38")]]
    found = _new(_edit("003", 397, "支出决算数小于年初预算数", "支出决算数大于年初预算数"), "003")
    assert found == [["narrative-direction", "error", 397, None, None, D("-36.61")]]


def test_broken_change_rate_and_difference() -> None:
    found = _new(_edit("004", 413, "增长9.63%", "增长6.93%"), "004")
    assert found == [["narrative-change", "error", 413, None, D("6.93"), D("9.63")]]
    found = _new(_edit("003", 362, "下降 40.44%", "下降 44.04%"), "003")
    assert found == [["narrative-change", "error", 362, None, D("44.04"), D("40.44")]]
    found = _new(_edit("004", 341, "年初预算数12.38万元", "年初预算数13.28万元"), "004")
    assert found == [["narrative-change", "error", 341, None, D("13.28"), D("12.38")]]


def test_unparseable_or_other_fund_sentences_yield_nothing() -> None:
    # 政府性基金 section: its 基本支出 is not the department's.
    assert _new(_edit("004", 379, "其中基本支出0万元", "其中基本支出9万元"), "004") == []
    # A share whose base the text does not name in a known way.
    assert _new(_edit("003", 458, "总额的100%", "总额的10%"), "003") == []
    # A 类 name that matches no table row (资源勘探信息等 ≠ 资源勘探工业信息等).
    assert _new(_edit("001", 83, "资源勘探信息等支出2314.68万元", "资源勘探信息等支出2000万元"), "001") == [
        ["narrative-share", "error", 83, None, D("100.00"), D("86.41")]
    ]
    # Two 预算/决算 pairs in one paragraph: the 大于/小于 wording is not attributed.
    two = _edit(
        "004", 341, "年初预算为155.69万元", "上年预算为100万元，支出决算为99万元；年初预算为155.69万元"
    )
    assert not [r for r in _new(two, "004") if r[0] == "narrative-direction"]


def test_seed_narrative_findings_are_only_the_reviewed_ones() -> None:
    assert _found(seed("001")) == []
    assert [r[:3] for r in _found(seed("003"))] == [["narrative-table-figure", "error", 421]]
    assert [r[:3] for r in _found(seed("004"))] == [
        ["narrative-completion-rate", "error", 349],
        ["narrative-completion-rate", "error", 355],
        ["narrative-table-figure", "error", 373],
        ["narrative-table-figure", "error", 375],
    ]


def test_reading_figures_from_text() -> None:
    assert fold("支 出决算为 5. 91 万元，占 76. 51％") == "支出决算为 5. 91 万元,占 76. 51%"
    assert label("2024年度收、支总计 ") == "收、支总计"
    assert label("其中:基本支出 ") == "基本支出"
    sentence = sections(seed("003"))[-1][0]  # any sentence object to read amounts with
    assert sentence.plain
    first = next(s for section in sections(seed("003")) for s in section if s.line == 383)
    assert [(a.label, a.amount) for a in amounts(first)] == [("一般公共服务(类)支出", D("380.89"))]


def test_class_breakdown_of_project_spending_is_not_the_class_total() -> None:
    # 001 line 87: “项目支出预算1311.67万元 … 其中：资源勘探信息等支出 1311.67 万元” names only 项目支出;
    # spelled as the table's 类 it still must not be compared with the 类 total (2,314.68).
    document = _edit("001", 87, "其中：资源勘探信息等支出", "其中：资源勘探工业信息等支出")
    assert _new(document, "001") == []
    whole = _edit("001", 83, "其中：资源勘探信息等支出2314.68万元", "其中：资源勘探工业信息等支出2314.86万元")
    assert ["narrative-table-figure", "error", 83, "总计", D("2314.86"), D("2314.68")] in _new(whole, "001")
