"""The PDF reader on real published PDFs: every value asserted here was read off the rendered page."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from budgetlens import read_document
from budgetlens.errors import UnreadableError
from budgetlens.ingest.raw import Grid, RawDocument, TextLine
from budgetlens.ingest.registry import read_path
from tests.conftest import SAMPLES

NATIONAL = "32-2024-国家信访局-部门决算.pdf"
SHANGHAI = "01-2026-上海市审计局本级-单位预算.pdf"
SHENZHEN = "14-2026-深圳市信访局-部门预算.pdf"
GUANGZHOU = "22-2026-广州市信访局-部门预算.pdf"
YANTAI = "52-2026-烟台市财政局-部门预算.pdf"


@cache
def raw(name: str) -> RawDocument:
    path = SAMPLES / name
    if not path.exists():
        pytest.fail(f"sample missing: {path} (set BUDGETLENS_SHARED to the shared/ folder)")
    return read_path(path)


def grids(name: str, page: int) -> list[Grid]:
    return [b for b in raw(name).blocks if isinstance(b, Grid) and b.at.page == page]


def texts(rows: list[list[str]] | Grid) -> list[list[str]]:
    if isinstance(rows, Grid):
        return [[c.text for c in row] for row in rows.rows]
    return rows


def lines(name: str, page: int) -> list[TextLine]:
    return [b for b in raw(name).blocks if isinstance(b, TextLine) and b.at.page == page]


def test_national_final_account_source() -> None:
    document = raw(NATIONAL)
    assert document.source.format == "pdf"
    assert document.source.pages == 50
    assert document.source.name == NATIONAL


def test_national_01_table_title_meta_and_grid_in_reading_order() -> None:
    page = [b for b in raw(NATIONAL).blocks if b.at.page == 7]
    assert [b.text for b in page[:4] if isinstance(b, TextLine)] == [
        "收入支出决算总表",
        "公开 01 表",
        "部门：国家信访局",
        "金额单位：万元",
    ]
    # 部门 and 金额单位 share a printed line: one line number, two pieces
    assert [(b.at.line, b.at.column) for b in page[2:4]] == [(3, 0), (3, 1)]
    grid = page[4]
    assert isinstance(grid, Grid)
    rows = texts(grid)
    assert rows[0] == ["收入", "", "", "支出", "", ""]  # merged headers print in their first column
    assert rows[3] == ["一、一般公共预算财政拨款收入", "1", "19,572.91", "一、一般公共服务支出", "32",
                       "10,685.56"]  # fmt: skip
    assert rows[-1] == ["总计", "31", "22,066.59", "总计", "62", "22,066.59"]
    assert len(rows) == 34
    assert (grid.rows[3][2].at.page, grid.rows[3][2].at.line, grid.rows[3][2].at.column) == (7, 7, 2)


def test_national_page_numbers_are_left_out() -> None:
    assert "5" not in [line.text for line in lines(NATIONAL, 7)]
    assert lines(NATIONAL, 7)[-1].text.startswith("注：本表反映部门本年度的总收支")


def test_national_02_income_table_header_spans_and_codes() -> None:
    (grid,) = grids(NATIONAL, 8)
    rows = texts(grid)
    assert rows[0][:3] == ["项目", "", "本年收入合计"]
    assert rows[1][:3] == ["科目代码", "科目名称", ""]
    assert rows[2] == ["栏次", "", "1", "2", "3", "4", "5", "6", "7"]
    assert rows[8] == ["2014003", "机关服务", "839.13", "229.19", "", "", "", "", "609.94"]
    assert rows[-1] == ["2210203", "购房补贴", "331.00", "331.00", "", "", "", "", ""]


def test_national_06_three_blocks_side_by_side() -> None:
    (grid,) = grids(NATIONAL, 12)
    rows = texts(grid)
    assert rows[0] == ["人员经费", "", "", "公用经费", "", "", "", "", ""]
    assert rows[5] == ["30103", "奖金", "143.61", "30203", "咨询费", "1.55", "310", "资本性支出", "27.24"]
    assert rows[-1] == ["人员经费合计", "", "7,967.72", "公用经费合计", "", "", "", "", "2,266.65"]


def test_national_self_evaluation_continues_on_the_next_page() -> None:
    (grid,) = grids(NATIONAL, 31)
    rows = texts(grid)
    assert rows[1][1:8] == ["满意度指标", "服务对象满意度指标", "受训学员满意率", "≥95%", "100%", "10", "10"]
    assert rows[-1] == ["总分", "", "", "", "", "", "100", "98", ""]
    # wrapped cell text is joined top to bottom without the line breaks
    assert rows[0][5] == (
        "持续开展分层分类精准培训，信访干部的政治素养和履职能力明显提升，干事创业的精气神持续提振"
    )


def test_shanghai_summary_header_of_merged_cells() -> None:
    (grid,) = grids(SHANGHAI, 7)
    rows = texts(grid)
    assert rows[:4] == [
        ["本年收入", "", "本年支出", "", "", "", ""],
        ["项目", "预算数", "项目", "预算数", "", "", ""],
        ["", "", "", "合计", "基本支出", "", "项目支出"],
        ["", "", "", "", "人员经费", "公用经费", ""],
    ]
    assert rows[4] == ["一、财政拨款收入", "195,774,300", "一、一般公共服务支出", "134,339,860", "93,654,340",
                       "20,825,520", "19,860,000"]  # fmt: skip
    assert rows[-1] == ["收入总计", "", "支出总计", "195,774,300", "153,268,740", "21,802,560", "20,703,000"]


def test_shanghai_continuation_page_has_rows_only() -> None:
    assert lines(SHANGHAI, 9) == []
    (grid,) = grids(SHANGHAI, 9)
    rows = texts(grid)
    assert rows[0] == ["208", "08", "", "抚恤", "801,000", "801,000", "", "", ""]
    assert rows[-1] == ["合计", "", "", "", "195,774,300", "195,774,300", "", "", ""]
    assert grid.rows[0][0].at.line == 1


def test_shenzhen_continued_summary_repeats_its_header() -> None:
    (grid,) = grids(SHENZHEN, 16)
    rows = texts(grid)
    assert rows[:3] == [
        ["收 入", "", "支 出", ""],
        ["项 目", "2026 年预算数", "项 目", "2026 年预算数"],
        ["", "", "四、卫生健康支出", "84.39"],
    ]
    assert ["本年收入合计", "4,676.96", "本年支出合计", "4,684.30"] in rows
    assert rows[-1] == ["收入总计", "4,684.30", "支出总计", "4,684.30"]
    assert "- 13 -" not in [line.text for line in lines(SHENZHEN, 16)]


def test_shenzhen_three_public_table_has_three_header_rows() -> None:
    (grid,) = grids(SHENZHEN, 31)
    rows = texts(grid)
    assert rows[0][:3] == ["预算单位", "年度", "总计"]
    assert rows[1][11] == "小计"
    assert rows[3][:4] == ["深圳市信访局", "2025 年", "5.58", "0.00"]


def test_guangzhou_continuation_of_the_economic_table() -> None:
    (grid,) = grids(GUANGZHOU, 13)
    rows = texts(grid)
    assert rows[:2] == [["部门预算支出经济科目", "预算"], ["[30227]委托业务费", "36.00"]]
    assert rows[-1] == ["[31002]办公设备购置", "2.80"]
    assert [line.text for line in lines(GUANGZHOU, 13)] == ["注：无。"]


def test_guangzhou_title_below_the_unit_line_in_the_content_stream() -> None:
    # the file draws 单位名称 first; reading order follows the page, top to bottom
    assert [line.text for line in lines(GUANGZHOU, 5)][:5] == [
        "第二部分 2026年部门预算表",
        "表1",
        "收支总体情况表",
        "单位名称：广州市信访局",
        "单位：万元",
    ]


def test_rotated_page_is_read_upright() -> None:
    (grid,) = grids(YANTAI, 20)  # /Rotate 90
    rows = texts(grid)
    assert rows[1] == ["类", "款", "", "类", "款", "", "小计", "人员支出", "日常公用支出"]
    assert rows[3] == ["302", "01", "办公费", "502", "01", "办公经费", "83.91", "", "83.91"]


def test_pdf_of_blank_pages_is_refused(tmp_path: Path) -> None:
    # scans (sample 11) are read by OCR: tests/ingest/test_ocr.py
    blank = pdfium.PdfDocument.new()
    blank.new_page(595, 842)
    path = tmp_path / "blank.pdf"
    blank.save(path)
    with pytest.raises(UnreadableError, match=r"blank\.pdf 没有可读取的内容：页面上没有文字。"):
        read_path(path)


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    data = (SAMPLES / GUANGZHOU).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableError, match="不是完整的 PDF 文件"):
        read_path(cut)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    trailer = b"<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] >>"
    path = tmp_path / "locked.pdf"
    path.write_bytes(_pdf(objects, trailer))
    with pytest.raises(UnreadableError, match="加密"):
        read_path(path)


def _pdf(objects: list[bytes], trailer: bytes) -> bytes:
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + b"trailer\n" + trailer + f"\nstartxref\n{xref}\n%%EOF\n".encode()


def test_national_final_account_is_recognised_from_pdf() -> None:
    document = read_document(SAMPLES / NATIONAL)
    assert (document.kind, document.scope, document.year, document.unit_name) == (
        "final_account",
        "department",
        2024,
        "国家信访局",
    )
    assert [t.type for t in document.tables] == [
        "final.summary",
        "final.income",
        "final.expenditure",
        "final.fiscal_summary",
        "final.gpb_expenditure",
        "final.gpb_basic",
        "final.gov_fund",
        "final.soe_capital",
        "final.three_public",
        "performance.project_self_eval",
    ]
    income = document.table("final.income")
    assert income.money_unit == "万元"
    assert income.number == "公开02表"
    assert income.amount("其他收入", code="2014003") == Decimal("609.94")
    cell = income.find(code="2014003").values["本年收入合计"]
    assert (cell.text, cell.at.page, cell.at.column) == ("839.13", 8, 2)
    expenditure = document.table("final.gpb_expenditure")
    assert expenditure.amount("本年支出/项目支出", label="合计") == Decimal("3499.42")
