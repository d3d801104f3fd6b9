"""The Excel writer: sheets, merged header cells, text cells and the print setup (read back with openpyxl)."""

from __future__ import annotations

import copy
import io

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from budgetlens.report.document_xlsx import document_xlsx
from tests.conftest import SAMPLES, read_once, seed

SAMPLE_32 = SAMPLES / "32-2024-国家信访局-部门决算.pdf"


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_one_sheet_per_table_after_the_cover() -> None:
    book = _book(document_xlsx(read_once(SAMPLE_32)))
    assert book.sheetnames[:3] == ["封面", "01 收入支出决算总表", "02 收入决算表"]
    assert len(book.sheetnames) == 10  # the cover and nine tables; the performance table is not printed
    assert book["封面"]["A1"].value == "2024年度国家信访局部门决算公开"
    assert max(len(name) for name in book.sheetnames) <= 31


def test_income_sheet_title_meta_merged_header_and_text_values() -> None:
    sheet = _book(document_xlsx(read_once(SAMPLE_32)))["02 收入决算表"]
    assert isinstance(sheet, Worksheet)
    assert [sheet.cell(r, 1).value for r in range(1, 5)] == [
        "收入决算表",
        "公开02表",
        "部门：国家信访局",
        "金额单位：万元",
    ]
    assert "A1:I1" in sheet.merged_cells  # the title over the table's width
    assert "A5:B5" in sheet.merged_cells  # 项目 over 科目代码 | 科目名称
    assert "C5:C6" in sheet.merged_cells  # 本年收入合计 down both header rows
    assert [c.value for c in sheet[6]][:2] == ["科目代码", "科目名称"]
    total = sheet[7]
    assert [c.value for c in total] == [
        None,
        "合计",
        "20,451.35",
        "19,572.91",
        None,
        None,
        None,
        None,
        "878.44",
    ]
    assert total[2].data_type == "s"  # the printed text, never a float
    assert total[2].border.left.style == "thin"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_text_that_looks_like_a_formula_stays_text() -> None:
    document = copy.deepcopy(seed("003"))
    document.tables[1].rows[1].label = "=SUM(A1:A9)"
    sheet = _book(document_xlsx(document))["02 2024年度收入决算表"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "=SUM(A1:A9)")
    assert cell.data_type == "s"
