"""The text rules (placeholders, doubled punctuation, figures without a unit): slips injected into copies
of real documents are found with the right rule and place, the unaltered documents are not, and every
error and warning these rules find in each seed and readable sample is pinned, each checked against the
document (`budgetlens extract FILE --format text --rows`, `budgetlens debug FILE --page N`)."""

from __future__ import annotations

import copy

import pytest

from budgetlens.model import Document
from budgetlens.rules import all_rules, check_document, flatten
from budgetlens.rules.text.doubled_punctuation import doubled
from budgetlens.rules.text.placeholder import placeholders
from tests.conftest import SAMPLES, read_once, seed

TEXT = [r for r in all_rules() if r.family == "text"]
FIELDS = ["rule", "severity", "page", "line", "table"]


def _found(document: Document) -> list[list[object]]:
    return flatten(check_document(document, rules=TEXT), FIELDS)


def _new(document: Document, original: Document) -> list[list[object]]:
    old = _found(original)
    return [row for row in _found(document) if row not in old]


def _sample(key: str) -> Document:
    paths = sorted(SAMPLES.glob(f"{key}-*"))
    if not paths:
        pytest.fail(f"sample {key} missing in {SAMPLES}")
    return read_once(paths[0])


def _paragraph(key: str, line: int, old: str, new: str) -> Document:
    document = copy.deepcopy(seed(key))
    paragraphs = [p for s in document.narrative for p in s.paragraphs if p.at.line == line and old in p.text]
    assert len(paragraphs) == 1, f"no paragraph at line {line} with {old!r}"
    paragraphs[0].text = paragraphs[0].text.replace(old, new)
    return document


# --- placeholder-left ---


def test_xx_left_in_a_paragraph() -> None:
    document = _paragraph("003", 354, "收入合计 497.84万元", "收入合计 XX万元")
    findings = check_document(document, rules=TEXT)
    assert flatten(findings, FIELDS) == [["placeholder-left", "error", None, 354, None]]
    assert findings[0].message.startswith("第 354 行说明段落“2024年度收入合计 XX万元,与 2023年度相比")
    assert findings[0].message.endswith("留有模板占位符：“XX”")
    assert _found(seed("003")) == []


def test_xx_left_in_a_tables_unit_name() -> None:
    document = copy.deepcopy(seed("003"))
    document.table("final.income").unit_name = "武汉市XX区企业服务中心"
    findings = check_document(document, rules=TEXT)
    assert flatten(findings, [*FIELDS, "title"]) == [
        ["placeholder-left", "error", None, 115, "final.income", "2024年度收入决算表"]
    ]
    assert (
        findings[0].message == "“2024年度收入决算表”表头单位名称“武汉市XX区企业服务中心”留有模板占位符：“XX”"
    )


def test_xx_left_in_the_documents_unit_is_reported_once() -> None:
    # The cover names the unit; tables printing the same name are not reported again.
    document = copy.deepcopy(seed("003"))
    document.unit_name = "武汉市XX区企业服务中心"
    for table in document.tables:
        if table.unit_name:
            table.unit_name = document.unit_name
    findings = check_document(document, rules=TEXT)
    assert flatten(findings, FIELDS) == [["placeholder-left", "error", None, None, None]]
    assert findings[0].message == "封面单位名称“武汉市XX区企业服务中心”留有模板占位符：“XX”"


def test_placeholders_in_a_pdf_table_title_and_row_label() -> None:
    document = copy.deepcopy(_sample("32"))
    table = document.table("final.expenditure")
    table.title = "XXXX年度支出决算表"
    table.rows[3].label = "【科目名称】"
    found = _new(document, _sample("32"))
    assert found == [
        ["placeholder-left", "error", 9, 1, "final.expenditure"],
        ["placeholder-left", "error", table.rows[3].at.page, table.rows[3].at.line, "final.expenditure"],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("XXXX年度部门决算", ["XXXX"]),
        ("收入预算x,xxx万元，比上年增加（减少）XXX万元", ["x,xxx", "增加（减少）", "XXX"]),
        ("××单位待填写", ["××", "待填写"]),
        ("0000年度", ["0000"]),
        ("下属X家机关", ["X"]),
        ("减少（增加）0万元，下降（增长）0%", ["减少（增加）", "下降（增长）"]),
        ("【单位名称】（如持平作持平表述）", ["【单位名称】", "（如持平作持平表述）"]),
        # Not placeholders: a single X in a word, Latin words and Roman numerals, a real 10000, a heading
        # in brackets.
        ("超高端X射线体层摄影设备（CT）、移动式C型臂X光机2台", []),
        ("Windows XP、XXL 号、XXI 世纪", []),
        ("预算10000元，编码 20000", []),
        ("【部门职能】", []),
    ],
)
def test_placeholder_tokens(text: str, expected: list[str]) -> None:
    assert placeholders(text) == expected


def test_template_alternatives_left_in_a_seed() -> None:
    # 004 line 399 keeps the template's two wordings: "与上年相比减少（增加）0万元，减少（增长）0%".
    findings = [f for f in check_document(seed("004"), rules=TEXT) if f.rule == "placeholder-left"]
    assert [f.extra["placeholders"] for f in findings] == ["减少（增加）、减少（增长）"]


# --- doubled-punctuation ---


def test_doubled_comma() -> None:
    document = _paragraph("004", 311, "减少8.73万元，减少2.2%", "减少8.73万元，，减少2.2%")
    findings = check_document(document, rules=TEXT)
    assert _new(document, seed("004")) == [["doubled-punctuation", "warning", None, 311, None]]
    finding = next(f for f in findings if f.rule == "doubled-punctuation")
    assert finding.message == "第 311 行说明段落中标点重复：“减少8.73万元，，减少2.2%，主”（，，）"


def test_full_stop_then_comma() -> None:
    document = _paragraph("004", 311, "387.79万元。与上年相比", "387.79万元。，与上年相比")
    assert _new(document, seed("004")) == [["doubled-punctuation", "warning", None, 311, None]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("力量。。围绕", ["。。"]),
        ("增加144.81%，。", ["，。"]),
        ("其中：；基本支出", ["：；"]),
        ("办公室、、人事科", ["、、"]),
        # Not doubled: ellipses, dashes, marks a quote or bracket separates, decimals.
        ("主要用于……。", []),
        ("等等。。。", []),
        ("——", []),
        ("“三公”经费。", []),
        ("（一）、（二）", []),
        ("12.38，", []),
    ],
)
def test_doubled_marks(text: str, expected: list[str]) -> None:
    assert [marks for marks, _ in doubled(text)] == expected


# --- figure-missing-unit ---


def test_amount_without_wan_yuan() -> None:
    document = _paragraph("004", 311, "减少8.73万元，", "减少8.73，")
    assert _new(document, seed("004")) == [["figure-missing-unit", "warning", None, 311, None]]
    finding = next(f for f in check_document(document, rules=TEXT) if f.rule == "figure-missing-unit")
    assert finding.message == (
        "说明第 311 行“与上年相比，减少8.73，减少2.2%，主要是因为厉行节约。”"
        "中的“减少8.73”后没有单位（万元、元或 %）"
    )


def test_rate_without_percent_in_a_pdf_sample() -> None:
    document = copy.deepcopy(_sample("32"))
    paragraph = next(p for s in document.narrative for p in s.paragraphs if "%" in p.text and p.at.page == 17)
    paragraph.text = paragraph.text.replace("%", "", 1)
    assert _new(document, _sample("32")) == [["figure-missing-unit", "warning", 17, paragraph.at.line, None]]


def test_counts_years_zeros_and_units_are_not_reported() -> None:
    document = _paragraph(
        "004",
        311,
        "减少8.73万元，",
        "减少8.73万元，共有车辆 3 辆，为2024，预算为0，合计 12 个项目，支出第2，增长 5.2%，",
    )
    assert _new(document, seed("004")) == []


# --- every error and warning on every real document ---


def _pinned(document: Document) -> list[list[object]]:
    findings = [f for f in check_document(document, rules=TEXT) if f.severity != "info"]
    findings.sort(key=lambda f: (f.location.page or 0, f.location.line or 0))
    return [
        [
            f.rule,
            f.location.page,
            f.location.line,
            f.extra.get("placeholders") or f.extra.get("marks") or f.extra.get("figures"),
        ]
        for f in findings
    ]


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_seed_without_text_slips(key: str) -> None:
    assert _pinned(seed(key)) == []


def test_seed_004_template_wording_left() -> None:
    assert _pinned(seed("004")) == [
        # Real document error: 说明 line 399 "与上年相比减少（增加）0万元，减少（增长）0%": the template's two
        # wordings were never reduced to one.
        ["placeholder-left", None, 399, "减少（增加）、减少（增长）"],
    ]


@pytest.mark.parametrize(
    "key", ["01", "09", "14", "18", "22", "26", "31", "32", "36", "50", "52", "56", "77"]
)
def test_sample_without_text_slips(key: str) -> None:
    # No placeholder (09, 43 print "X射线", "C型臂X光机": a single X), no doubled mark, no bare figure.
    assert _pinned(_sample(key)) == []


def test_sample_40_doubled_full_stop() -> None:
    assert _pinned(_sample("40")) == [
        # Real document slip: page 9 line 11 (paragraph from line 8) "贡献商务力量。。围绕上述任务"
        # (page image checked).
        ["doubled-punctuation", 9, 8, "。。"],
    ]


def test_sample_43_comma_then_full_stop() -> None:
    assert _pinned(_sample("43")) == [
        # Real document slip: page 11 line 3 (paragraph from page 10 line 6) ends "增加144.81%，。"
        # (page image checked).
        ["doubled-punctuation", 10, 6, "，。"],
    ]


def test_sample_78_blank_final_account_template() -> None:
    # A blank official template: every finding is a real placeholder, one per paragraph, heading or name.
    assert _pinned(_sample("78")) == [
        # Cover: the unit is 上海市XX局 (a blank official template, page 1).
        ["placeholder-left", 1, None, "XX"],
        # 第一部分 概况 (p.4): 上海市 XX 局 in the heading and the scope paragraphs.
        ["placeholder-left", 4, 1, "XX"],
        ["placeholder-left", 4, 6, "XX"],
        ["placeholder-left", 4, 8, "XX"],
        # p.5: the tables' part title (上海市 XX 局 2024 年度部门决算表); p.13–14: the empty tables' 说明
        # (说明：上海市 XX 局本年度没有…), a table note placed at the table (its title, line 1).
        ["placeholder-left", 5, 1, "XX"],
        ["placeholder-left", 13, 1, "XX"],
        ["placeholder-left", 14, 1, "XX"],
        # 第三部分 情况说明 (p.15–17): every figure XXX/XX, the reason XXXXXXXX, both wordings 增加（减少）,
        # 增长（下降）, 大于（小于）, and the instructions （如持平作持平表述）（不涉及的不列）.
        ["placeholder-left", 15, 1, "XX"],
        ["placeholder-left", 15, 3, "XX、XXX、增加（减少）、增长（下降）"],
        ["placeholder-left", 15, 5, "XXXXXXXX、（如持平作持平表述）"],
        ["placeholder-left", 15, 7, "XXX、XX、（不涉及的不列）"],
        ["placeholder-left", 15, 11, "XXX、XX"],
        ["placeholder-left", 15, 12, "XXX、XX、（不涉及的不列）"],
        ["placeholder-left", 15, 15, "XX、XXX、增加（减少）、增长（下降）、XXXXXXXX、（如持平作持平表述）"],
        ["placeholder-left", 15, 20, "XXX、XX、增加（减少）"],
        ["placeholder-left", 16, 1, "XXX、增长（下降）、XX、XXXXXXXX、（如持平作持平表述）"],
        ["placeholder-left", 16, 4, "XXX"],
        ["placeholder-left", 16, 5, "XXX、XX、（不涉及的不列）"],
        ["placeholder-left", 16, 8, "XXX、XX、大于（小于）、XXXXXXXX、（如持平作持平表述）"],
        ["placeholder-left", 16, 11, "XXXXXXXX、XXX、大于（小于）、（如持平作持平表述）"],
        ["placeholder-left", 16, 15, "XXXXXXXX、XXX、大于（小于）、（如持平作持平表述）"],
        ["placeholder-left", 16, 22, "XXX、（不涉及的不列）"],
        ["placeholder-left", 17, 6, "XXX、XX、小于（大于）、XXXXXXXX、（如持平作持平表述）"],
        ["placeholder-left", 17, 12, "减少（增加）、XXX、下降（增长）、XX"],
        ["placeholder-left", 17, 14, "减少（增加）、XXX、下降（增长）、XX、XXXXXXXX、（如持平作持平表述）"],
        ["placeholder-left", 17, 22, "XXX、XX"],
        # p.18: 三公 headings and paragraphs (支出 XXX 万元, 团组 XX 个, 主要用于 XXXXXXXX).
        ["placeholder-left", 18, 4, "XXX"],
        ["placeholder-left", 18, 5, "XX、XXXXXXXX"],
        ["placeholder-left", 18, 6, "XX"],
        ["placeholder-left", 18, 7, "XX、XXXXXXXX"],
        ["placeholder-left", 18, 9, "XX、XXXXXXXX、XXX"],
        ["placeholder-left", 18, 12, "XX"],
        ["placeholder-left", 18, 13, "XX、XXXXXXXX"],
        ["placeholder-left", 18, 17, "XX"],
        ["placeholder-left", 18, 19, "XXX"],
        ["placeholder-left", 18, 21, "XX、XXXXXXXX、XXX、大于（小于）、（如持平作持平表述）"],
        # p.19–21: 政府性基金/国有资本 (XX（类）XX（款）XX（项）), 绩效, 机关运行, 采购, 车辆 (XX 辆).
        ["placeholder-left", 19, 5, "XX"],
        ["placeholder-left", 19, 8, "XXX"],
        ["placeholder-left", 19, 10, "XX、XXXXXXXX、XXX、大于（小于）、（如持平作持平表述）"],
        ["placeholder-left", 19, 17, "XX"],
        ["placeholder-left", 19, 20, "XX、XXXX、XXX"],
        ["placeholder-left", 20, 6, "XX"],
        ["placeholder-left", 20, 10, "XXX、增加（减少）、增长（下降）、XX、XXXXXXXX、（如持平作持平表述）"],
        ["placeholder-left", 20, 14, "XX"],
        ["placeholder-left", 20, 16, "XX、XXX"],
        ["placeholder-left", 20, 19, "XX"],
        ["placeholder-left", 21, 5, "XX"],
        # p.22 名词解释: 主要是：XXXXXXXX 收入等.
        ["placeholder-left", 22, 5, "XXXXXXXX"],
        ["placeholder-left", 22, 8, "XXXXXXXX"],
        ["placeholder-left", 22, 11, "XXXXXXXX"],
    ]


def test_sample_85_blank_unit_budget_template() -> None:
    assert _pinned(_sample("85")) == [
        # Cover sheet: 预算单位：上海市普陀区XX单位 (blank official Excel template).
        ["placeholder-left", 1, None, "XX"],
        # Sheets 3–4: 单位职能/机构 headings and paragraphs (XX（单位）, XX是…, 设XX个内设机构).
        ["placeholder-left", 3, 1, "XX"],
        ["placeholder-left", 3, 3, "XX"],
        ["placeholder-left", 4, 1, "XX"],
        ["placeholder-left", 4, 3, "XX"],
        # Sheet 6 编制说明: x,xxx 万元, 增加（减少）XXX, xxxxxx; the three “xx”科目x,xxx万元 items.
        ["placeholder-left", 6, 3, "XX、x,xxx、增加（减少）、XXX"],
        ["placeholder-left", 6, 3, "x,xxx、增加（减少）、XXX"],
        ["placeholder-left", 6, 3, "增加（减少）、xxxxxx"],
        ["placeholder-left", 6, 4, "xx、x,xxx"],
        ["placeholder-left", 6, 5, "xx、x,xxx"],
        ["placeholder-left", 6, 6, "xx、x,xxx"],
        # Sheet 16 (其他说明, all in the cell of row 3): 三公 (XXX 万元, 增加（减少）), 机关运行经费 with the
        # instruction （若无，则写…）, 采购, 绩效 and 车辆 paragraphs (XX 辆): one finding per paragraph.
        ["placeholder-left", 16, 3, "XXX、增加（减少）"],
        ["placeholder-left", 16, 3, "XXX、增加（减少）"],
        ["placeholder-left", 16, 3, "XXX、增加（减少）"],
        ["placeholder-left", 16, 3, "XXX、增加（减少）"],
        ["placeholder-left", 16, 3, "XX、XXX、（若无，则写“本单位无机关运行经费。”）"],
        ["placeholder-left", 16, 3, "XXX"],
        ["placeholder-left", 16, 3, "XX"],
        ["placeholder-left", 16, 3, "XXX"],
        ["placeholder-left", 16, 3, "XX"],
        ["placeholder-left", 16, 3, "XX"],
    ]


def test_sample_86_blank_department_budget_template() -> None:
    assert _pinned(_sample("86")) == [
        # Cover sheet: 预算主管部门：上海市普陀区XX局 (blank official Excel template).
        ["placeholder-left", 1, None, "XX"],
        # Sheets 3–4: 部门职能/机构 (XX（部门）, XX本部, 行政单位XX家).
        ["placeholder-left", 3, 1, "XX"],
        ["placeholder-left", 3, 3, "XX"],
        ["placeholder-left", 4, 1, "XX"],
        ["placeholder-left", 4, 3, "XX"],
        ["placeholder-left", 4, 3, "XX"],
        ["placeholder-left", 4, 3, "XX"],
        # Sheet 6 编制说明: x,xxx 万元, 增加（减少）XXX, xxxxxx; the three “xx”科目x,xxx万元 items.
        ["placeholder-left", 6, 3, "XX、x,xxx、增加（减少）、XXX"],
        ["placeholder-left", 6, 3, "x,xxx、增加（减少）、XXX"],
        ["placeholder-left", 6, 3, "增加（减少）、xxxxxx"],
        ["placeholder-left", 6, 4, "xx、x,xxx"],
        ["placeholder-left", 6, 5, "xx、x,xxx"],
        ["placeholder-left", 6, 6, "xx、x,xxx"],
        # Sheet 16 (其他说明, row 3): as in 85, plus 下属X家机关和X家参公事业单位 and 政府采购预算X万元.
        ["placeholder-left", 16, 3, "XXX、增加（减少）"],
        ["placeholder-left", 16, 3, "XXX、增加（减少）"],
        ["placeholder-left", 16, 3, "XXX、增加（减少）"],
        ["placeholder-left", 16, 3, "XXX、增加（减少）"],
        ["placeholder-left", 16, 3, "XX、X、XXX、（若无，则写“本部门无机关运行经费。”）"],
        ["placeholder-left", 16, 3, "X、XXX"],
        ["placeholder-left", 16, 3, "XXX"],
        ["placeholder-left", 16, 3, "XX"],
        ["placeholder-left", 16, 3, "XXX"],
        ["placeholder-left", 16, 3, "XX"],
        ["placeholder-left", 16, 3, "XX"],
        # Sheet 17: the heading XX项目经费情况说明.
        ["placeholder-left", 17, 1, "XX"],
    ]
