"""The code rules (family codes): each fires on an edited copy of a real seed at the right place, stays
quiet on what is not a problem, and finds exactly the reviewed problems of every real document.

Rows are [rule, severity, page, line, code, label].
"""

from __future__ import annotations

import copy

import pytest

from budgetlens.model import Document, Row, Table
from budgetlens.rules import Finding, all_rules, check_document, flatten
from tests.conftest import SAMPLES, read_once, seed

FIELDS = ["rule", "severity", "page", "line", "code", "label"]
CODE_RULES = [rule for rule in all_rules() if rule.family == "codes"]


def findings(document: Document) -> list[Finding]:
    return [f for f in check_document(document, rules=CODE_RULES) if f.severity != "info"]


def problems(document: Document) -> list[list[object]]:
    return flatten(findings(document), FIELDS)


def edited_001() -> Document:
    return copy.deepcopy(seed("001"))


def row(document: Document, table_type: str, code: str) -> Row:
    return document.table(table_type).find(code=code)


def test_the_family_has_five_rules() -> None:
    assert sorted(r.id for r in CODE_RULES) == [
        "code-name-inconsistent",
        "code-name-mismatch",
        "code-parent-missing",
        "code-structure",
        "code-unknown",
    ]


# --- code-structure -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("215055", "支出功能分类编码应为 3 位（类）、5 位（款）、7 位（项），这里是 6 位"),
        ("21505501", "支出功能分类编码应为 3 位（类）、5 位（款）、7 位（项），这里是 8 位"),
        ("215O550", "编码只能由数字组成"),
        ("4150550", "首位数字不属于任何政府收支分类"),
    ],
)
def test_code_of_a_wrong_shape_is_an_error(code: str, problem: str) -> None:
    document = edited_001()
    row(document, "budget.gpb_expenditure", "2150550").code = code
    assert problems(document) == [["code-structure", "error", None, 233, code, "事业运行"]]
    [finding] = findings(document)
    assert finding.message.startswith(f"第 233 行2024年一般公共预算支出情况表「{code} 事业运行」：")
    assert problem in finding.message
    assert finding.location.table == "budget.gpb_expenditure"


def test_economic_code_of_a_wrong_shape() -> None:
    document = edited_001()
    row(document, "budget.gpb_basic", "30213").code = "3021"
    assert problems(document) == [["code-structure", "error", None, 272, "3021", "维修（护）费"]]
    assert (
        "部门预算支出经济分类编码应为 3 位（类）、5 位（款）、7 位（项），这里是 4 位"
        in findings(document)[0].message
    )


def test_table_of_unit_codes_is_not_a_code_list() -> None:
    # Sample 26 reads its 收入总表's unit line ``123 苏州市交通运输局`` as a coded row: not a code list.
    document = read_once(SAMPLES / "26-2026-苏州市交通运输局-部门预算.pdf")
    assert document.table("budget.income").rows[1].code == "123"
    assert problems(document) == []


# --- code-parent-missing -------------------------------------------------------------------------


def test_item_without_its_printed_parent() -> None:
    document = copy.deepcopy(seed("000"))
    table = document.table("budget.expenditure")
    table.rows.remove(table.find(code="20805"))
    # Reported once for the missing 款, at its first 项 (2080506 shares it).
    assert problems(document) == [
        ["code-parent-missing", "error", None, 96, "2080505", "机关事业单位基本养老保险缴费支出"]
    ]
    [finding] = findings(document)
    assert finding.message == (
        "第 96 行支出总表「2080505 机关事业单位基本养老保险缴费支出」的上级款「20805」没有列出"
        "（表中列出了其他款级科目）"
    )
    assert finding.extra == {"parent": "20805"}


def test_level_the_table_never_prints_is_not_required() -> None:
    # Seed 001's 支出情况表 prints one 款 (21505): without it the table prints 类 and 项 only.
    document = edited_001()
    table = document.table("budget.gpb_expenditure")
    table.rows.remove(table.find(code="21505"))
    assert problems(document) == []


def test_missing_class_reported_once_for_its_economic_items() -> None:
    document = edited_001()
    table = document.table("budget.gpb_basic")
    table.rows.remove(table.find(code="302"))
    assert problems(document) == [["code-parent-missing", "error", None, 260, "30201", "办公费"]]


def test_table_printing_only_items_needs_no_parents() -> None:
    # 决算公开 03 表 and others print only 项 rows: the template, not a problem.
    document = edited_001()
    table = document.table("budget.gpb_expenditure")
    table.rows = [r for r in table.rows if r.code not in ("215", "21505")]
    assert problems(document) == []


# --- code-name-inconsistent ----------------------------------------------------------------------


def test_same_code_printed_under_two_names() -> None:
    document = edited_001()
    row(document, "budget.expenditure", "2150550").label = "行政运行"
    assert problems(document) == [
        ["code-name-inconsistent", "warning", None, 171, "2150550", "行政运行"],
        # The registry knows 2150550 as 事业运行 (seen in this very seed): the new name differs too.
        ["code-name-mismatch", "warning", None, 171, "2150550", "行政运行"],
    ]
    inconsistent = findings(document)[0]
    assert inconsistent.message == (
        "编码 2150550 在第 154 行2024年部门收入总体情况表印为“事业运行”，"
        "在第 171 行2024年部门支出总体情况表印为“行政运行”"
    )
    assert [(ev.at.line, ev.label) for ev in inconsistent.evidence] == [(154, "事业运行"), (171, "行政运行")]


@pytest.mark.parametrize(
    "label", ["维修(护)费", "维修 〔护〕 费", "维修［护］费", "维修（护）费 ", "维修护费"]
)
def test_bracket_styles_and_spaces_are_the_same_name(label: str) -> None:
    document = edited_001()
    row(document, "budget.gpb_basic", "30213").label = label
    assert problems(document) == []


def test_name_cut_short_by_conversion_is_the_same_name() -> None:
    # Seed 004 prints 30231 as 公务用车运行维护 (line 244): the cell lost its last character.
    document = edited_001()
    row(document, "budget.gpb_basic", "30231").label = "公务用车运行维护"
    assert problems(document) == []


# --- code-unknown --------------------------------------------------------------------------------


def test_unknown_code_reported_once_at_its_first_place() -> None:
    document = edited_001()
    for table_type in ("budget.income", "budget.expenditure", "budget.gpb_expenditure"):
        row(document, table_type, "2150599").code = "2150597"
    assert problems(document) == [
        ["code-unknown", "warning", None, 155, "2150597", "其他工业和信息产业监管支出"]
    ]
    assert findings(document)[0].message == (
        "第 155 行2024年部门收入总体情况表「2150597 其他工业和信息产业监管支出」："
        "支出功能分类编码 2150597 未在内置科目编码表中登记，请核对"
    )


def test_unknown_economic_code() -> None:
    document = edited_001()
    row(document, "budget.gpb_basic", "30229").code = "30230"
    assert problems(document) == [["code-unknown", "warning", None, 275, "30230", "福利费"]]


# --- code-name-mismatch --------------------------------------------------------------------------


def test_known_code_under_another_name() -> None:
    document = edited_001()
    row(document, "budget.gpb_basic", "30213").label = "维护（护）费"
    assert problems(document) == [["code-name-mismatch", "warning", None, 272, "30213", "维护（护）费"]]
    [finding] = findings(document)
    assert finding.message == (
        "第 272 行2024年一般公共预算基本支出情况表「30213 维护（护）费」："
        "编码表中部门预算支出经济分类 30213 的名称为“维修（护）费”"
    )
    assert finding.reference is not None
    assert finding.reference.startswith("domain/econ_dept_from_gbc_template_2024.csv")
    assert [(e.role, e.text) for e in finding.evidence] == [
        ("印制名称", "30213 维护（护）费"),
        ("编码表名称", "维修（护）费"),
    ]


def test_reconstructed_registry_name_stays_quiet() -> None:
    # 50207 is known only from a reconstructed list (因公出国（境）费用): no reason to warn.
    document = edited_001()
    changed = row(document, "budget.gpb_basic", "30399")
    changed.code, changed.label = "50207", "因公出国费用"
    assert problems(document) == []


def test_name_of_another_year() -> None:
    # Seed 000 prints 20805 行政事业单位养老支出 (line 95); read as a 2019 document, the registry's 2019
    # name is 行政事业单位离退休 (sample 50).
    document = copy.deepcopy(seed("000"))
    document.year = 2019
    assert problems(document) == [
        ["code-name-mismatch", "warning", None, 95, "20805", "行政事业单位养老支出"]
    ]
    assert findings(document)[0].message.endswith(
        "编码表中支出功能分类 20805 的名称为“行政事业单位离退休”"
        "（“行政事业单位养老支出”是 2022–2026 年的名称）"
    )
    assert problems(seed("000")) == []  # as printed, in 2024


# --- every real document --------------------------------------------------------------------------

SEED_PROBLEMS: dict[str, list[list[object]]] = {
    # The five seeds print well-formed codes, every parent, one name per code and the registry's names
    # (seed 004's names cut by the conversion, e.g. 公务用车运行维护 at line 244, are not different names).
    "000": [],
    "001": [],
    "002": [],
    "003": [],
    "004": [],
}

SAMPLE_PROBLEMS: dict[str, list[list[object]]] = {
    "01-2026-上海市审计局本级-单位预算.pdf": [],
    "09-2026-北京市公安局-部门预算报表.pdf": [],
    "14-2026-深圳市信访局-部门预算.pdf": [],
    "18-2026-重庆市人民政府办公厅-部门预算.pdf": [],
    "22-2026-广州市信访局-部门预算.pdf": [],
    "26-2026-苏州市交通运输局-部门预算.pdf": [],
    "31-2026-杭州市气象局-部门预算.pdf": [],
    "32-2024-国家信访局-部门决算.pdf": [],
    "36-2026-长沙市信访局-部门预算.pdf": [],
    "40-2026-福州市商务局-部门预算.pdf": [],
    "43-2022-西安市卫生健康委员会汇总-部门决算.pdf": [],
    "50-2019-佛山市轨道交通局-部门决算.pdf": [],
    "52-2026-烟台市财政局-部门预算.pdf": [
        # Real deviation: 公开表6 (p.20) prints the 部门预算经济分类 类 303 as 对个人和家庭补助; the
        # official name (2024 template) is 对个人和家庭的补助, which the same row prints for 政府预算 509.
        ["code-name-mismatch", "warning", 20, 19, "303", "对个人和家庭补助"],
    ],
    "56-2026-长春市信访局本级-部门预算.pdf": [
        # Real document errors in 预算表 6 (p.11): line 20 prints 30208 取暖费 and line 21 30208 物业管理费
        # (物业管理费 is 30209); line 23 prints 30213 as 维护（护）费 for 维修（护）费.
        ["code-name-inconsistent", "warning", 11, 21, "30208", "物业管理费"],
        ["code-name-mismatch", "warning", 11, 21, "30208", "物业管理费"],
        ["code-name-mismatch", "warning", 11, 23, "30213", "维护（护）费"],
    ],
    "77-2024-中共上海市普陀区委社会工作部-部门决算.pdf": [],
    "78-2024-上海市XX局模板-部门决算模板.pdf": [],
    "85-2026-XX单位空白模板-单位预算模板.xls": [],
    "86-2026-XX局空白模板-部门预算模板.xlsx": [],
}


@pytest.mark.parametrize("key", sorted(SEED_PROBLEMS))
def test_seed(key: str) -> None:
    assert problems(seed(key)) == SEED_PROBLEMS[key]


@pytest.mark.parametrize("name", sorted(SAMPLE_PROBLEMS), ids=lambda name: name[:2])
def test_sample(name: str) -> None:
    assert problems(read_once(SAMPLES / name)) == SAMPLE_PROBLEMS[name]


def test_sample_52_dual_code_table_reads_the_departmental_codes() -> None:
    # 公开表6 prints 部门预算 类|款 and 政府预算 类|款 side by side: the row codes are the first pair's.
    document = read_once(SAMPLES / "52-2026-烟台市财政局-部门预算.pdf")
    table: Table = document.table("budget.gpb_basic")
    assert [(r.code, r.label) for r in table.rows[1:4]] == [
        ("301", "工资福利支出"),
        ("30101", "基本工资"),
        ("30102", "津贴补贴"),
    ]
    # 公开表5 prints only the 项 digits under a 款 (``| | 01 | 行政运行``).
    assert document.table("budget.gpb_expenditure").rows[3].code == "2010601"


def test_revenue_code_in_an_expenditure_table_is_not_checked_against_the_partial_revenue_list() -> None:
    document = edited_001()
    row(document, "budget.gpb_basic", "30399").code = "10399"  # 其他收入 in the reconstructed list
    row(document, "budget.gpb_basic", "30309").code = "10398"  # in no list
    assert problems(document) == []


def test_sample_56_messages_name_both_places() -> None:
    document = read_once(SAMPLES / "56-2026-长春市信访局本级-部门预算.pdf")
    inconsistent, mismatch, _ = findings(document)
    title = "本年一般公共预算基本支出表(预算表 6)"
    assert inconsistent.message == (
        f"编码 30208 在第 11 页{title}印为“取暖费”，在第 11 页{title}印为“物业管理费”"
    )
    assert [(e.at.page, e.at.line, e.label) for e in inconsistent.evidence] == [
        (11, 20, "取暖费"),
        (11, 21, "物业管理费"),
    ]
    assert mismatch.message == (
        f"第 11 页{title}「30208 物业管理费」：编码表中部门预算支出经济分类 30208 的名称为“取暖费”"
    )
