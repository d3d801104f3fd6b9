"""The consistency rules (year, unit, money unit): problems injected into copies of real documents are
found with the right rule and place, the unaltered documents are not, and every error and warning
these rules find in each seed and readable sample is pinned, each checked against the document."""

from __future__ import annotations

import copy

import pytest

from budgetlens.model import Document
from budgetlens.rules import all_rules, check_document, flatten
from budgetlens.rules.consistency.names import unit_key
from budgetlens.rules.consistency.years import REPORT_YEAR, years_in
from tests.conftest import SAMPLES, read_once, seed

CONSISTENCY = [r for r in all_rules() if r.family == "consistency"]
FIELDS = ["rule", "severity", "page", "line", "table"]


def _found(document: Document) -> list[list[object]]:
    return flatten(check_document(document, rules=CONSISTENCY), FIELDS)


def _sample(key: str) -> Document:
    paths = sorted(SAMPLES.glob(f"{key}-*"))
    if not paths:
        pytest.fail(f"sample {key} missing in {SAMPLES}")
    return read_once(paths[0])


def _copy(document: Document) -> Document:
    return copy.deepcopy(document)


def _paragraph(document: Document, line: int, old: str, new: str) -> Document:
    paragraphs = [p for s in document.narrative for p in s.paragraphs if p.at.line == line and old in p.text]
    assert len(paragraphs) == 1, f"no paragraph at line {line} with {old!r}"
    paragraphs[0].text = paragraphs[0].text.replace(old, new)
    return document


# --- report-year-heading ---


def test_table_title_with_last_years_year_in_a_seed() -> None:
    document = _copy(seed("003"))
    table = document.table("final.expenditure")
    table.title = table.title.replace("2024年度", "2023年度")
    findings = check_document(document, rules=CONSISTENCY)
    assert flatten(findings, FIELDS) == [["report-year-heading", "error", None, 149, "final.expenditure"]]
    assert findings[0].message == "表格标题“2023年度支出决算表”印的是 2023 年，报告年度为 2024 年"
    assert _found(seed("003")) == []


def test_table_title_with_another_year_in_a_pdf_sample() -> None:
    document = _copy(_sample("01"))
    table = document.table("budget.income")
    assert table.title == "2026年预算单位收入预算总表"
    table.title = "2025年预算单位收入预算总表"
    findings = check_document(document, rules=CONSISTENCY)
    assert flatten(findings, FIELDS) == [["report-year-heading", "error", 8, 1, "budget.income"]]
    assert findings[0].message.startswith("表格标题“2025年预算单位收入预算总表”印的是 2025 年")
    assert _found(_sample("01")) == []


def test_toc_entry_with_another_year() -> None:
    document = _copy(_sample("01"))
    entry = document.listed_tables[1]
    entry.title = entry.title.replace("2026", "2027")
    assert _found(document) == [["report-year-heading", "error", 2, 8, "budget.income"]]


def test_narrative_heading_with_another_year() -> None:
    document = _copy(seed("003"))
    section = next(s for s in document.narrative if s.at.line == 342)
    section.heading = section.heading.replace("2024 年度", "2023 年度")
    findings = check_document(document, rules=CONSISTENCY)
    assert flatten(findings, FIELDS) == [["report-year-heading", "error", None, 342, None]]
    assert "章节标题“第三部分 武汉市江汉区企业服务中心 2023 年度部门决算情况说明”" in findings[0].message


def test_heading_may_compare_with_the_year_before() -> None:
    document = _copy(seed("003"))
    section = next(s for s in document.narrative if s.at.line == 342)
    section.heading = "三、2024年度与2023年度决算相比情况"
    assert _found(document) == []
    section.heading = "三、2022年度与2023年度决算相比情况"
    assert _found(document) == [["report-year-heading", "error", None, 342, None]]


def test_project_years_in_performance_titles_are_not_report_years() -> None:
    # 43 (2022 决算) self-evaluates "西安市级1.5TMRI（2021年医疗卫生机构能力提升补助资金）项目"; a
    # performance title is wrong only where its year names the accounts ("2021年度项目支出绩效自评表").
    document = _copy(seed("003"))
    table = next(t for t in document.tables if t.type.startswith("performance.") and "2024" in t.title)
    table.title = "（2021年医疗卫生机构能力提升补助资金）项目绩效自评表"
    assert _found(document) == []
    table.title = "2021年度项目支出绩效自评表"
    assert _found(document) == [["report-year-heading", "error", table.at.page, table.at.line, table.type]]


# --- report-year-text ---


def test_narrative_sentence_stating_another_years_accounts() -> None:
    document = _paragraph(_copy(seed("003")), 354, "2024年度收入合计", "2022年度收入合计")
    findings = check_document(document, rules=CONSISTENCY)
    assert flatten(findings, FIELDS) == [["report-year-text", "warning", None, 354, None]]
    assert findings[0].message.startswith("说明第 354 行“2022年度收入合计 497.84万元,")
    assert findings[0].message.endswith("提到 2022 年（“2022年度收入”），报告年度为 2024 年")


def test_years_that_are_no_report_years_are_not_read() -> None:
    # The year before (comparison), next year's budget in a final account (003 line 478 "在编制 2025 年
    # 预算时"), plans and dates are all normal.
    document = _copy(seed("003"))
    _paragraph(document, 354, "2024年度收入合计", "到2035年远景目标实现时,2024年度收入合计")
    _paragraph(document, 362, "2024年度支出合计", "2023年度决算支出和2024年度支出合计")
    assert _found(document) == []
    assert [m.year for m in years_in("编制 2025 年预算时,对标2035年远景目标", REPORT_YEAR)] == [2025]


def test_a_budget_may_not_speak_of_next_years_budget() -> None:
    document = _paragraph(_copy(seed("001")), 64, "2024 年本单位收入预算", "2025 年本单位收入预算")
    assert _found(document) == [["report-year-text", "warning", None, 64, None]]


# --- unit-name-consistent ---


def test_table_naming_another_unit() -> None:
    document = _copy(seed("003"))
    table = document.table("final.gpb_expenditure")
    table.unit_name = "武汉市江岸区企业服务中心"
    findings = check_document(document, rules=CONSISTENCY)
    assert flatten(findings, FIELDS) == [
        ["unit-name-consistent", "error", None, 222, "final.gpb_expenditure"]
    ]
    assert findings[0].message == (
        "“2024年度一般公共预算财政拨款支出决算表”的单位为“武汉市江岸区企业服务中心”，"
        "与文档单位“武汉市江汉区企业服务中心”不一致"
    )


def test_changed_unit_name_in_a_pdf_sample() -> None:
    document = _copy(_sample("32"))
    document.table("final.income").unit_name = "国家信访局机关服务中心"
    assert _found(document) == [["unit-name-consistent", "error", 8, 1, "final.income"]]


def test_own_level_and_summary_variants_are_the_same_unit() -> None:
    # 56: cover 长春市信访局（本级）, tables 长春市信访局; 43: 西安市卫生健康委员会（汇总）; 52 keeps the
    # label 部门（单位）： in the table's unit line.
    assert unit_key("长春市信访局(本级)") == unit_key("长春市信访局") == unit_key("长春市信访局本级")
    assert unit_key("西安市卫生健康委员会（汇总）") == unit_key("西安市卫生健康委员会")
    assert unit_key("部门（单位）：烟台市财政局") == unit_key("烟台市 财政局")
    assert unit_key("株洲高新区技术产业开发区企业服务局") != unit_key("株洲高新技术产业开发区企业服务局")


def test_without_a_cover_name_the_tables_majority_is_the_unit() -> None:
    document = _copy(seed("003"))
    document.unit_name = None
    document.table("final.income").unit_name = "武汉市江汉区企业服务中心办公室"
    assert _found(document) == [["unit-name-consistent", "error", None, 115, "final.income"]]


# --- unit-code-consistent ---


def test_unit_row_with_another_code() -> None:
    document = _copy(seed("000"))
    table = document.table("budget.expenditure")
    row = next(r for r in table.rows if r.kind == "unit" and r.unit_code == "048001")
    row.unit_code = "048010"
    findings = check_document(document, rules=CONSISTENCY)
    assert flatten(findings, [*FIELDS, "label"]) == [
        ["unit-code-consistent", "error", None, row.at.line, "budget.expenditure", "株洲市荷塘区产业服务中心"]
    ]
    assert "编码为 048010，封面单位编码为 048001" in findings[0].message
    # The department's prefix (048) is the same unit's code.
    assert _found(seed("000")) == []


def test_subordinate_unit_with_two_codes() -> None:
    document = _copy(_sample("26"))
    rows = [
        (t, r)
        for t in document.tables
        for r in t.rows
        if r.kind == "unit" and r.label == "苏州市港航事业发展中心"
    ]
    assert [r.unit_code for _, r in rows] == ["123003"]
    document.table("budget.expenditure").rows.append(copy.deepcopy(rows[0][1]))
    document.table("budget.expenditure").rows[-1].unit_code = "123030"
    found = _found(document)
    assert found == [
        ["unit-code-consistent", "error", rows[0][1].at.page, rows[0][1].at.line, "budget.expenditure"]
    ]


# --- money-unit-missing / money-unit-mismatch ---


def test_table_without_a_money_unit() -> None:
    document = _copy(seed("003"))
    document.table("final.income").money_unit = None
    findings = check_document(document, rules=CONSISTENCY)
    assert flatten(findings, FIELDS) == [["money-unit-missing", "warning", None, 115, "final.income"]]
    assert findings[0].message == "“2024年度收入决算表”印有金额，但没有注明金额单位（元或万元）"


def test_empty_table_needs_no_money_unit() -> None:
    document = _copy(seed("003"))
    document.table("final.soe_capital").money_unit = None  # 公开08表: 本表无数据
    assert _found(document) == []


def test_same_total_under_another_money_unit() -> None:
    # 01 prints its tables in 元 and the 三公 table in 万元 (normal); a 万元 on the 收入预算总表 would make
    # its 合计 195,774,300.00 万元, the same digits as the 财务收支预算总表's 元.
    document = _copy(_sample("01"))
    document.table("budget.income").money_unit = "万元"
    findings = check_document(document, rules=CONSISTENCY)
    assert flatten(findings, FIELDS) == [["money-unit-mismatch", "error", 9, 12, "budget.income"]]
    assert "（单位：万元）的「合计」收入预算/合计为 195,774,300，" in findings[0].message
    assert "（单位：元）的合计数字相同" in findings[0].message
    assert findings[0].actual == 195_774_300


# --- every error and warning on every real document ---


def _pinned(document: Document) -> list[list[object]]:
    findings = [f for f in check_document(document, rules=CONSISTENCY) if f.severity != "info"]
    return flatten(findings, ["rule", "page", "line", "title"])


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_seed_consistent(key: str) -> None:
    # Years, unit names and codes agree in every table title, heading and unit row.
    assert _pinned(seed(key)) == []


def test_seed_004_three_public_table_names_another_unit() -> None:
    assert _pinned(seed("004")) == [
        # Real document error: 公开09表 (line 286) prints its 部门 as "株洲高新区 / 技术产业 / 开发区企 /
        # 业服务局" (lines 290–293): "株洲高新区技术产业开发区企业服务局", where the cover and the other
        # eight tables print 株洲高新技术产业开发区企业服务局.
        ["unit-name-consistent", None, 286, "财政拨款“三公”经费支出决算表"],
    ]


SAMPLE_KEYS = [
    "01",
    "09",
    "14",
    "18",
    "22",
    "26",
    "31",
    "32",
    "36",
    "40",
    "43",
    "50",
    "52",
    "56",
    "77",
    "78",
    "85",
    "86",
]


@pytest.mark.parametrize("key", SAMPLE_KEYS)
def test_sample_consistent(key: str) -> None:
    # Each sample's titles, headings and 说明 print only the report year (and the year before to compare);
    # 01's tables in 元 beside its 三公 table in 万元 share no total; 56's tables name 长春市信访局 for the
    # cover's 长春市信访局（本级）, 52's keep the label 部门（单位）：, both the same unit.
    assert _pinned(_sample(key)) == []


def test_nothing_to_compare_without_year_or_unit() -> None:
    # A document whose cover gave no year and no unit, and whose tables print no unit line: the year and
    # unit rules have no reference and stay silent rather than guess.
    document = _copy(seed("003"))
    document.year = None
    document.unit_name = None
    for table in document.tables:
        table.unit_name = None
        table.title = table.title.replace("2024", "2019")
    assert _found(document) == []
