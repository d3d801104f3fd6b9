"""The 三公, 机关运行经费, 政府采购, 国有资产 rules and narrative-parts-missing: every error and warning they
find in the real seeds and samples (each reviewed against the page), and problems injected into copies of
real documents found with the right rule and place while the unaltered document does not have them."""

from __future__ import annotations

import copy
from decimal import Decimal as D
from pathlib import Path

import pytest

from budgetlens.model import Cell, Document
from budgetlens.rules import all_rules, check_document, flatten, get_rule
from budgetlens.rules.spending.three_public import (
    ABROAD,
    BUDGET,
    CAR,
    PURCHASE,
    RUNNING,
    TOTAL,
    item_of,
    stated_items,
    table_figures,
)
from budgetlens.rules.spending.topics import has_narrative, present
from tests.conftest import SAMPLES, read_once, seed

MINE = [r for r in all_rules() if r.family == "spending" or r.id == "narrative-parts-missing"]
FIELDS = ["rule", "page", "line", "column", "actual", "expected"]


def sample(number: str) -> Document:
    return read_once(next(SAMPLES.glob(f"{number}-*")))


def _found(document: Document, severities: tuple[str, ...] = ("error", "warning")) -> list[list[object]]:
    findings = check_document(document, rules=MINE)
    return flatten([f for f in findings if f.severity in severities], FIELDS)


def _new(document: Document, original: Document) -> list[list[object]]:
    old = _found(original)
    return [row for row in _found(document) if row not in old]


def _edit(original: Document, line: int, old: str, new: str, page: int | None = None) -> Document:
    document = copy.deepcopy(original)
    paragraphs = [
        p
        for s in document.narrative
        for p in s.paragraphs
        if p.at.line == line and (page is None or p.at.page == page) and old in p.text
    ]
    assert len(paragraphs) == 1, f"no paragraph at line {line} with {old!r}"
    paragraphs[0].text = paragraphs[0].text.replace(old, new)
    return document


# --- every error and warning on the real documents ----------------------------------------------------

PINNED: dict[str, list[list[object]]] = {
    "000": [],  # tables only (荷塘区 预算表 file): no narrative, nothing to check
    "001": [],  # 三公 1.90 = 0 + 1.90 + 0 (= table), 采购 19.66 = 1.06 + 0 + 18.6, 1 公务用车 = 0+0+0+0+1
    "002": [],
    "003": [],  # all 三公 0 (table blank), 采购 28.78 = 0.25 + 0 + 28.53, 机关运行经费 0 ≤ 公用经费
    "004": [
        # Real problem (text lines 371–375 and 413): 机关运行经费 “218.5万元” is the whole 基本支出 (218.5 =
        # 人员经费 177.55 + 公用经费 40.95), far above the 公用经费 it is part of; the 06 table prints the
        # 公用经费合计 cut short by the conversion as “40.9” (the text says 40.95).
        ["admin-costs-over-public-funds", None, 413, "决算数", D("218.5"), D("40.9")],
    ],
}
SAMPLE_PINNED: dict[str, list[list[object]]] = {
    "01": [],  # 三公 237.92 = 201.80 + 28.00 + 8.12; 机关运行经费 2,180.26 = 21,802,560 元 公用经费 rounded
    "09": [],  # 报表 file without narrative (its 说明 is the scanned sample 11); 采购 表 A+B+C = 合计
    "14": [],
    "18": [],  # 三公 394.49 = 184.49 + 10 + 0 + 200.00; 表九 采购 4,542.69 = 110.00 + 4,432.69
    "22": [],
    "26": [],  # 采购 3,668.17 = 532.93 + 56 + 3,079.24 in text and 政府采购支出表
    # Real omission (page 11 is the only place naming it, in the 名词解释): the 说明 never states the
    # 机关运行经费 (杭州市气象局 has 日常公用支出 838.27 万元, so it is not a “none”).
    "31": [["narrative-parts-missing", 3, 1, None, None, None]],
    "32": [],  # 三公 76.43/46.21 and parts = 公开09表; 15 辆 = 1 + 2 + 2 + 1 + 3 + 6; 机关运行经费 = 公用经费
    "36": [],
    # Real problem (page 40 line 3 and page 28 line 10, read on the rendered pages): 机关运行经费
    # 337.82 万元 exceeds the 一般公共预算拨款基本支出 公用经费 310.04 万元 the same 说明 states.
    "40": [["admin-costs-over-public-funds", 40, 3, None, D("337.82"), D("310.04")]],
    "43": [],  # 三公 587.55 ÷ 593.46 = 99%; 517 辆 = 57 + 52 + 375 + 33
    "50": [],
    "52": [],
    "56": [],
    "77": [],
    "78": [],  # blank template: XX placeholders, no figures
    "85": [],
    "86": [],
}


@pytest.mark.parametrize("key", sorted(PINNED))
def test_seed_findings_are_the_reviewed_ones(key: str) -> None:
    assert _found(seed(key)) == PINNED[key]


@pytest.mark.parametrize("number", sorted(SAMPLE_PINNED))
def test_sample_findings_are_the_reviewed_ones(number: str) -> None:
    assert _found(sample(number)) == SAMPLE_PINNED[number]


def test_rounding_is_info_only() -> None:
    # 32 p.24: “三公” 决算 46.21 vs 4.69 + 40.61 + 0.9 = 46.20 (the table prints the same rounding).
    findings = [f for f in check_document(sample("32"), rules=MINE) if f.severity == "info"]
    assert [(f.rule, f.raised_by, f.location.line, f.actual, f.expected) for f in findings] == [
        ("rounding-difference", "three-public-parts-sum", 16, D("46.21"), D("46.20"))
    ]
    assert findings[0].tolerance == D("0.060")


# --- injected problems ----------------------------------------------------------------------------------


def test_three_public_text_contradicts_the_table() -> None:
    original = sample("32")
    document = _edit(
        original, 16, "因公出国（境）费支出决算为 4.69 万元", "因公出国（境）费支出决算为 4.96 万元", 24
    )
    assert _new(document, original) == [
        # 4.96 ÷ table 预算数 30.00 = 16.53%, printed 15.63%
        ["three-public-completion-rate", 24, 16, None, D("15.63"), D("16.53")],
        # 4.96 + 40.61 + 0.9 = 46.47 ≠ 46.21
        ["three-public-parts-sum", 24, 16, None, D("46.21"), D("46.47")],
        ["three-public-table-figure", 24, 16, "决算数/因公出国（境）费", D("4.96"), D("4.69")],
    ]
    finding = next(f for f in check_document(document, rules=MINE) if f.rule == "three-public-table-figure")
    assert "因公出国（境）费决算数 4.96 万元" in finding.message
    assert "相差 0.27 万元" in finding.message
    assert [e.role for e in finding.evidence] == ["说明原文", "表格数"]


def test_three_public_completion_rate_worded_as_share_of_the_budget() -> None:
    # 32 p.24: “支出预算为 76.43万元，2024 年度支出决算为 46.21 万元” (a year between: not the generic
    # narrative-completion-rate wording) — 46.21 ÷ 76.43 = 60.46%.
    original = sample("32")
    document = _edit(original, 16, "完成预算的 60.46%", "占预算的 66.46%", 24)
    assert _new(document, original) == [
        ["three-public-completion-rate", 24, 16, None, D("66.46"), D("60.46")]
    ]


def test_budget_three_public_text_contradicts_the_table() -> None:
    original = sample("01")
    document = _edit(original, 4, "因公出国（境）费201.80万元", "因公出国（境）费210.80万元", 20)
    assert _new(document, original) == [
        ["three-public-parts-sum", 20, 3, None, D("237.92"), D("246.92")],
        ["three-public-table-figure", 20, 4, "“三公”经费预算数/因公出国(境)费", D("210.80"), D("201.80")],
    ]


def test_procurement_parts_do_not_sum_and_sme_exceeds_total() -> None:
    original = seed("003")
    document = _edit(original, 446, "政府采购服务支出28.53万元", "政府采购服务支出27.53万元")
    assert _new(document, original) == [["procurement-parts-sum", None, 446, None, D("28.78"), D("27.78")]]
    document = _edit(original, 446, "授予中小企业合同金额28.53万元", "授予中小企业合同金额38.53万元")
    finding = next(f for f in check_document(document, rules=MINE) if f.rule == "procurement-parts-sum")
    assert (finding.location.line, finding.actual, finding.expected) == (446, D("38.53"), D("28.78"))
    assert "中小企业合同金额 38.53 万元超过总额 28.78 万元" in finding.message


def test_procurement_text_contradicts_the_table() -> None:
    original = sample("18")
    document = _edit(original, 10, "政府采购预算总额 4,542.69 万元", "政府采购预算总额 4,452.69 万元", 4)
    assert _new(document, original) == [
        ["procurement-parts-sum", 4, 10, None, D("4452.69"), D("4542.69")],
        ["procurement-table-figure", 4, 10, "总计", D("4452.69"), D("4542.69")],
    ]


def test_procurement_shares_are_left_to_narrative_share() -> None:
    # “占政府采购支出总额的99.13%” (28.53 ÷ 28.78) is a share: narrative-share checks it, not this family.
    document = _edit(seed("003"), 446, "占政府采购支出总额的99.13%", "占政府采购支出总额的89.13%")
    assert _new(document, seed("003")) == []
    share = [
        f for f in check_document(document, rules=[get_rule("narrative-share")]) if f.location.line == 446
    ]
    assert [(f.actual, f.expected) for f in share] == [(D("89.13"), D("99.13"))]


def test_procurement_table_does_not_sum() -> None:
    original = sample("18")
    document = copy.deepcopy(original)
    table = document.table("budget.procurement")
    row = next(r for r in table.rows if r.label == "服务")
    old = row.values["总计"]
    row.values["总计"] = Cell("4,422.69", D("4422.69"), old.at)
    assert _new(document, original) == [
        ["procurement-table-sum", 21, 5, "总计", D("4542.69"), D("4532.69")],
        # and the 说明's 服务 4,432.69 (page 4) no longer matches the row
        ["procurement-table-figure", 4, 10, "总计", D("4432.69"), D("4422.69")],
    ]


def test_admin_costs_exceed_public_funds() -> None:
    original = seed("003")
    document = _edit(original, 442, "机关运行经费支出0万元", "机关运行经费支出25.5万元")
    # The 06 table's 公用经费合计 is printed “15.4” (cut short; the text says 15.48).
    assert _new(document, original) == [
        ["admin-costs-over-public-funds", None, 442, "决算数", D("25.5"), D("15.4")]
    ]


def test_admin_costs_text_contradicts_the_table() -> None:
    # 22 p.21–22: “本部门机关运行经费安排444.39万元”; p.15 行政经费 row 合计 444.39.
    original = sample("22")
    document = _edit(original, 21, "机关运行经费安排444.39万元", "机关运行经费安排434.39万元", 21)
    expected = [["admin-costs-table-figure", 21, 21, "合计", D("434.39"), D("444.39")]]
    assert _new(document, original) == expected


def test_required_part_deleted() -> None:
    original = seed("003")
    document = copy.deepcopy(original)
    document.narrative = [s for s in document.narrative if "政府采购" not in s.heading]
    found = [f for f in check_document(document, rules=MINE) if f.rule == "narrative-parts-missing"]
    assert [(f.location.line, f.extra["part"], f.message) for f in found] == [
        (44, "政府采购", "情况说明缺少政府采购支出情况的说明（未见含“政府采购”的标题或段落）")
    ]
    assert not [f for f in check_document(original, rules=MINE) if f.rule == "narrative-parts-missing"]


def test_vehicle_counts_do_not_sum() -> None:
    original = sample("32")
    document = _edit(original, 12, "共有车辆 15 辆", "共有车辆 16 辆", 26)
    assert _new(document, original) == [["vehicle-count-sum", 26, 12, None, D("16"), D("15")]]


def test_fleet_above_vehicles() -> None:
    original = sample("32")
    document = _edit(original, 11, "年末实际保有量为 15辆", "年末实际保有量为 17辆", 25)
    assert _new(document, original) == [["fleet-over-vehicles", 25, 11, None, D("17"), D("15")]]
    finding = next(f for f in check_document(document, rules=MINE) if f.rule == "fleet-over-vehicles")
    assert "多于国有资产说明第 12 行所述车辆 15 辆" in finding.message


def test_vehicle_list_with_a_nested_breakdown_is_not_summed() -> None:
    original = sample("32")
    document = _edit(original, 12, "其他用车 6 辆", "其他用车 6 辆，其中新能源汽车 2 辆", 26)
    assert _new(document, original) == []


def test_basic_spending_above_three_public() -> None:
    original = sample("32")
    document = copy.deepcopy(original)
    table = document.table("final.gpb_basic")
    row = next(r for r in table.rows if r.code == "30217")
    old = row.values["决算数"]
    row.values["决算数"] = Cell("1.20", D("1.20"), old.at)
    assert _new(document, original) == [
        ["basic-spending-over-three-public", 12, 22, "决算数", D("1.20"), D("0.90")]
    ]


# --- reading the parts ----------------------------------------------------------------------------------


def test_items_of_three_public_columns_and_labels() -> None:
    assert item_of("预算数/公务用车购置及运行维护费/小计") == CAR
    assert item_of("三公经费预（决）算数（财政拨款）/其中：公务用车购置") == PURCHASE
    assert item_of("“三公”经费预算数/公务用车购置及运行费/运行费") == RUNNING
    assert item_of("当年预算/因公出国（境）费/小计") == ABROAD
    assert item_of("当年预算/因公出国（境）费/科研因公出国（境）费用") is None
    assert item_of("2026年预算数/合计") == TOTAL
    assert item_of("“三公”经费财政拨款预算总额") == TOTAL
    assert item_of("“三公”经费", label=True) == TOTAL
    assert item_of("机关运行经费预算数") is None


def test_three_public_table_takes_this_years_figures() -> None:
    # 18 p.20 prints 2025年预算数 and 2026年预算数 side by side; 14 p.31 a row per 年度.
    (total,) = table_figures(sample("18"))[(TOTAL, BUDGET)]
    assert (total.column, total.value) == ("2026年预算数/合计", D("394.49"))
    (total,) = table_figures(sample("14"))[(TOTAL, BUDGET)]
    year = total.row.values["年度"].text
    assert (year, total.column, total.value) == ("2026 年", "总计/一般公共预算", D("5.58"))


def test_initial_budget_is_not_compared_with_the_adjusted_budget() -> None:
    # A 决算 table's 预算数 is the 全年预算数: a stated 年初预算 may differ from it.
    original = sample("32")
    document = _edit(original, 16, "支出预算为 76.43万元", "支出年初预算为 70.43万元", 24)
    assert [row for row in _new(document, original) if row[0] == "three-public-table-figure"] == []
    assert [s.initial for s in stated_items(document) if s.stated.text == "70.43"] == [True]


def test_stated_items_skip_changes_last_year_and_averages() -> None:
    # 56 p.18: “2026年“三公经费”预算数为7.61万元，2025年预算数为9.23万元，…减少1.62万元”
    said = [(s.item, s.measure, s.stated.text) for s in stated_items(sample("56"))]
    assert said == [(TOTAL, "预算数", "7.61"), (CAR, "预算数", "6.75"), ("公务接待费", "预算数", "0.86")]
    # 32 p.25: “平均每辆 2.71 万元” is no figure of the table
    assert "2.71" not in [s.stated.text for s in stated_items(sample("32"))]


def test_narrative_presence() -> None:
    assert not has_narrative(sample("09"))
    assert has_narrative(sample("31"))
    assert not present(sample("31"), "机关运行经费")  # only in the 名词解释
    assert all(present(seed("001"), t) for t in ("三公", "机关运行经费", "政府采购", "国有资产", "绩效"))


def test_samples_exist() -> None:
    assert all(any(Path(SAMPLES).glob(f"{n}-*")) for n in SAMPLE_PINNED)
