"""Problems injected into copies of real documents are found with the right rule and place.

Seeds (text) and PDF samples: most tests edit a deep copy of the recognised document (``read_once``);
``test_pdf_text_layer_*`` edit the PDF itself, rewriting one text object with PDFium (pypdfium2
``FPDFText_SetText``) and reading the saved file back.
"""

from __future__ import annotations

import copy
import ctypes
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from budgetlens import read_document
from budgetlens.model import Cell, Document, Paragraph, Table
from budgetlens.rules import check_document, flatten
from budgetlens.rules.registry import all_rules
from tests.conftest import SAMPLES, read_once, seed
from tests.rules.test_samples import FILES

RULES = [r for r in all_rules() if r.family in {"arithmetic", "cross_table", "completeness", "narrative"}]


def _set(table: Table, code: str | None, column: str, text: str, *, label: str | None = None) -> None:
    row = table.find(code=code, label=label) if label else table.find(code=code)
    cell = row.values[column]
    row.values[column] = Cell(text, Decimal(text), cell.at)


def _new(
    document: Document, before: Document, fields: tuple[str, ...] = ("rule", "line", "column", "actual")
) -> list[list[object]]:
    old = {tuple(r) for r in flatten(check_document(before, rules=RULES), list(fields))}
    return [r for r in flatten(check_document(document, rules=RULES), list(fields)) if tuple(r) not in old]


def _sample(key: str) -> Document:
    return read_once(SAMPLES / FILES[key])


def _paragraph(document: Document, page: int, line: int) -> Paragraph:
    return next(p for s in document.narrative for p in s.paragraphs if (p.at.page, p.at.line) == (page, line))


def _edit(document: Document, page: int, line: int, old: str, new: str) -> None:
    paragraph = _paragraph(document, page, line)
    assert old in paragraph.text
    paragraph.text = paragraph.text.replace(old, new, 1)


PLACE = ("rule", "page", "line", "table", "column", "actual", "expected")


def test_altered_total_breaks_the_hierarchy_and_cross_table_figure() -> None:
    document = copy.deepcopy(seed("001"))
    _set(document.table("budget.expenditure"), None, "总计", "2314.78", label="合计")
    found = _new(document, seed("001"))
    assert ["code-hierarchy-sum", 168, "总计", Decimal("2314.78")] in found
    assert ["row-identity", 168, "总计", Decimal("2314.78")] in found
    assert ["cross-table-figure", 135, "支出/本年预算", Decimal("2314.68")] in found


def test_altered_cell_breaks_the_row_identity() -> None:
    document = copy.deepcopy(seed("004"))
    _set(document.table("final.expenditure"), "2101103", "基本支出", "10.71")
    found = _new(document, seed("004"))
    assert ["row-identity", 156, "本年支出合计", Decimal("10.17")] in found
    assert ["code-hierarchy-sum", 150, "基本支出", Decimal("218.50")] in found


def test_altered_two_sided_total() -> None:
    document = copy.deepcopy(seed("004"))
    _set(document.table("final.summary"), None, "收入/决算数", "388.79", label="本年收入合计")
    found = _new(document, seed("004"))
    assert ["two-sided-totals", 106, "收入/决算数", Decimal("388.79")] in found
    assert ["cross-table-figure", 106, "收入/决算数", Decimal("388.79")] in found


def test_altered_econ_class() -> None:
    document = copy.deepcopy(seed("003"))
    _set(document.table("final.gpb_basic"), "303", "决算数", "8.95")
    found = _new(document, seed("003"))
    assert ["econ-class-sum", 270, "决算数", Decimal("8.95")] in found
    assert ["block-totals", 284, "决算数", Decimal("377.31")] in found


def test_deleted_listed_table() -> None:
    document = copy.deepcopy(seed("003"))
    document.tables = [t for t in document.tables if t.type != "final.three_public"]
    for entry in document.listed_tables:
        if entry.type == "final.three_public":
            entry.present = False
    findings = [f for f in check_document(document) if f.rule == "listed-table-missing"]
    assert flatten(findings, ["rule", "severity", "line", "table"]) == [
        ["listed-table-missing", "error", 22, "final.three_public"]
    ]


def test_missing_required_table_not_in_the_toc() -> None:
    document = copy.deepcopy(seed("004"))
    document.tables = [t for t in document.tables if t.type != "final.gov_fund"]
    document.listed_tables = [e for e in document.listed_tables if e.type != "final.gov_fund"]
    findings = [f for f in check_document(document) if f.rule == "required-table-missing"]
    assert flatten(findings, ["rule", "table"]) == [["required-table-missing", "final.gov_fund"]]
    assert not [f for f in check_document(seed("004")) if f.rule == "required-table-missing"]


def test_empty_table_without_note() -> None:
    document = copy.deepcopy(seed("003"))
    document.table("final.gov_fund").empty_note = None
    # The 说明 still says so (line 370 无政府性基金预算财政拨款收入, line 423 本部门当年无政府性基金…):
    # explained, no warning. Without the 说明 the empty table is unexplained.
    assert not [f for f in check_document(document, rules=RULES) if f.rule == "empty-table-note"]
    document.narrative = []
    findings = [f for f in check_document(document, rules=RULES) if f.rule == "empty-table-note"]
    assert flatten(findings, ["rule", "severity", "table"]) == [
        ["empty-table-note", "warning", "final.gov_fund"]
    ]
    assert not [f for f in check_document(seed("003"), rules=RULES) if f.rule == "empty-table-note"]


def test_pdf_text_layer_altered_total(tmp_path: Path) -> None:
    """Real PDF edit: sample 31 page 21 (表7 “三公”经费预算表) 合计 row “三公”经费合计 24.02 → 25.02;
    its parts still print 公务用车购置及运行费 18.00 + 公务接待费 6.02."""
    path = _rewrite_pdf(SAMPLES / FILES["31"], 21, "24.02", "25.02", tmp_path)
    found = _new(read_document(path), _sample("31"), PLACE)
    assert found == [
        ["row-identity", 21, 6, "budget.three_public", "“三公”经费合计", Decimal("25.02"), Decimal("24.02")]
    ]


def test_pdf_text_layer_altered_cell_breaks_the_row_identity(tmp_path: Path) -> None:
    """Real PDF edit: sample 31 page 21, row 杭州市气象局: 公务接待费 5.93 → 6.93, while its “三公”经费
    合计 still prints 13.13 = 公务用车购置及运行费 7.20 + 5.93."""
    path = _rewrite_pdf(SAMPLES / FILES["31"], 21, "5.93", "6.93", tmp_path)
    found = _new(read_document(path), _sample("31"), PLACE)
    assert found == [
        ["row-identity", 21, 7, "budget.three_public", "“三公”经费合计", Decimal("13.13"), Decimal("14.13")]
    ]


def test_sample_altered_income_cell_breaks_the_header_tree_identity() -> None:
    # Sample 22 page 7 (收入总体情况表): 广州市信访局 财政拨款收入/一般公共预算 3944.08 → 3944.18; 合计
    # 3944.08 is the sum of every group's columns (Y2-a from the header tree).
    document = copy.deepcopy(_sample("22"))
    _set(document.table("budget.income"), None, "财政拨款收入/一般公共预算", "3944.18", label="广州市信访局")
    found = _new(document, _sample("22"), PLACE)
    assert ["row-identity", 7, 7, "budget.income", "合计", Decimal("3944.08"), Decimal("3944.18")] in found


def test_sample_altered_total_of_a_final_account() -> None:
    # Sample 77 page 8 (支出决算表): 合计 本年支出合计 307.82 → 308.82; its 类 and 基本支出 105.58 + 项目支出
    # 202.24 still add to 307.82, the 收入支出决算总表 prints 307.82, and the 说明 (page 17) gives
    # 一般公共预算财政拨款支出 307.82 as 100.00% of it.
    document = copy.deepcopy(_sample("77"))
    _set(document.table("final.expenditure"), None, "本年支出合计", "308.82", label="合计")
    found = _new(document, _sample("77"), ("rule", "page", "table", "column", "actual", "expected"))
    assert found == [
        ["code-hierarchy-sum", 8, "final.expenditure", "本年支出合计", Decimal("308.82"), Decimal("307.82")],
        ["row-identity", 8, "final.expenditure", "本年支出合计", Decimal("308.82"), Decimal("307.82")],
        ["narrative-share", 17, None, None, Decimal("100.00"), Decimal("99.68")],
        ["cross-table-figure", 5, "final.summary", "支出/决算数", Decimal("307.82"), Decimal("308.82")],
    ]


def test_sample_deleted_listed_table() -> None:
    # Sample 77: the 目录 (page 2 line 12) lists the 财政拨款“三公”经费支出决算表; the body loses it.
    document = copy.deepcopy(_sample("77"))
    document.tables = [t for t in document.tables if t.type != "final.three_public"]
    for entry in document.listed_tables:
        if entry.type == "final.three_public":
            entry.present = False
    found = _new(document, _sample("77"), ("rule", "page", "line", "table"))
    assert found == [["listed-table-missing", 2, 12, "final.three_public"]]


def test_sample_emptied_table_the_text_still_cites() -> None:
    # Sample 77: the 基本支出决算表 (page 13) loses every figure; the 说明 (page 20) still gives 人员经费
    # 95.36 万元 and nothing says why the table is empty.
    document = copy.deepcopy(_sample("77"))
    for row in document.table("final.gpb_basic").rows:
        row.values = {}
    found = _new(document, _sample("77"), ("rule", "page", "table"))
    assert found == [["empty-table-note", 13, "final.gpb_basic"]]


def test_sample_text_figure_differs_from_the_table() -> None:
    # Sample 77 page 20 line 10: 人员经费95.36 万元 → 96.36; 基本支出决算表 prints 95.36.
    document = copy.deepcopy(_sample("77"))
    _edit(document, 20, 10, "人员经费95.36", "人员经费96.36")
    found = _new(document, _sample("77"), PLACE)
    assert found == [
        ["narrative-table-figure", 20, 10, "final.gpb_basic", "决算数", Decimal("96.36"), Decimal("95.36")]
    ]


def test_sample_swapped_less_than() -> None:
    # Sample 32 page 22 line 9: 年初预算 2457.85, 决算 1788.46 — "决算数小于预算数" becomes 大于.
    document = copy.deepcopy(_sample("32"))
    _edit(document, 22, 9, "决算数小于预算数", "决算数大于预算数")
    found = _new(document, _sample("32"), ("rule", "page", "line", "expected"))
    assert found == [["narrative-direction", 22, 9, Decimal("-669.39")]]


def test_sample_swapped_increase() -> None:
    # Sample 77 page 17 line 14: 财政拨款收入支出总计增加307.82 万元 becomes 减少 (2023: nothing).
    document = copy.deepcopy(_sample("77"))
    _edit(document, 17, 14, "总计增加", "总计减少")
    found = _new(document, _sample("77"), ("rule", "page", "line"))
    assert found == [["narrative-direction", 17, 14]]


def test_sample_broken_share() -> None:
    # Sample 32 page 21 line 7: 一般公共服务（类）支出 9846.82 万元，占 71.7% (of 13733.8) → 73.7%.
    document = copy.deepcopy(_sample("32"))
    _edit(document, 21, 7, "占 71.7%", "占 73.7%")
    found = _new(document, _sample("32"), PLACE)
    assert found == [["narrative-share", 21, 7, None, None, Decimal("73.7"), Decimal("71.7")]]


def test_sample_broken_completion_rate() -> None:
    # Sample 32 page 21 line 13: 年初预算 15068.55, 决算 13733.8, 完成年初预算的 91.14% → 93.14%.
    document = copy.deepcopy(_sample("32"))
    _edit(document, 21, 13, "91.14%", "93.14%")
    found = _new(document, _sample("32"), PLACE)
    assert found == [["narrative-completion-rate", 21, 13, None, None, Decimal("93.14"), Decimal("91.14")]]


def test_sample_altered_change_amount() -> None:
    # Sample 32 page 25 line 22: 机关运行经费 2266.65 万元, 增加 318.58 万元 → 328.58, 增长 16.35% stays:
    # 328.58 ÷ (2266.65 − 328.58) = 16.95%.
    document = copy.deepcopy(_sample("32"))
    _edit(document, 25, 22, "增加 318.58", "增加 328.58")
    found = _new(document, _sample("32"), PLACE)
    assert found == [["narrative-change", 25, 22, None, None, Decimal("16.35"), Decimal("16.95")]]


def _rewrite_pdf(source: Path, page: int, old: str, new: str, folder: Path) -> Path:
    """A copy of ``source`` whose first text object reading ``old`` on ``page`` reads ``new``."""
    document = pdfium.PdfDocument(source)
    pdf_page = document[page - 1]
    textpage = pdf_page.get_textpage()
    for obj in pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
        size = pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFTextObj_GetText(
            obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size
        )
        text = buffer.raw.decode("utf-16-le").rstrip("\x00")
        if text.strip() == old:
            replacement = ctypes.create_string_buffer(text.replace(old, new).encode("utf-16-le") + b"\0\0")
            assert pdfium_c.FPDFText_SetText(
                obj.raw, ctypes.cast(replacement, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
            )
            break
    else:
        raise AssertionError(f"text {old!r} not found on page {page}")
    textpage.close()
    assert pdfium_c.FPDFPage_GenerateContent(pdf_page.raw)
    target = folder / source.name
    document.save(target)
    document.close()
    return target


def test_sample_altered_cell_of_a_header_tree_table() -> None:
    # Sample 01 page 18 (基本支出部门预算经济分类预算表, 元): 合计 row 人员经费 153,268,740 → 153,268,750;
    # 合计 175,071,300 = 人员经费 + 公用经费 21,802,560 (Y6-a read from the header tree) and the
    # 301 + 303 rows still add to 153,268,740.
    document = copy.deepcopy(_sample("01"))
    _set(document.table("budget.gpb_basic"), None, "一般公共预算基本支出/人员经费", "153268750", label="合计")
    found = _new(document, _sample("01"), PLACE)
    assert found == [
        [
            "block-totals",
            18,
            19,
            "budget.gpb_basic",
            "一般公共预算基本支出/人员经费",
            Decimal("153268750"),
            Decimal("153268740"),
        ],
        [
            "row-identity",
            18,
            19,
            "budget.gpb_basic",
            "一般公共预算基本支出/合计",
            Decimal("175071300"),
            Decimal("175071310"),
        ],
    ]


def test_sample_carry_over_column_breaks_its_subtotal() -> None:
    # Sample 56 page 12 (“三公”经费表, split 当年预算 | 上年结转结余): 上年结转结余/公务接待费 0.00 → 0.50
    # while 上年结转结余/小计 stays 0.00 and “三公”经费合计 7.61 = 当年预算/小计 7.61 + 0.00.
    document = copy.deepcopy(_sample("56"))
    table = document.table("budget.three_public")
    row = table.rows[0]
    row.values["上年结转结余/公务接待费"] = Cell(
        "0.50", Decimal("0.50"), row.values["上年结转结余/公务接待费"].at
    )
    found = _new(document, _sample("56"), ("rule", "page", "table", "column", "actual", "expected"))
    assert found == [
        ["row-identity", 12, "budget.three_public", "上年结转结余/小计", Decimal("0.00"), Decimal("0.50")]
    ]
