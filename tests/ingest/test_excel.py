"""The Excel reader on the two real blank templates, on workbooks written here, and on bad input."""

from __future__ import annotations

import datetime as dt
import struct
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from budgetlens import read_document
from budgetlens.errors import UnreadableError
from budgetlens.ingest.excel import ExcelReader
from budgetlens.ingest.excel_format import BUILTIN_FORMATS, render
from budgetlens.ingest.excel_xls import scan_xls
from budgetlens.ingest.raw import Block, Grid, RawDocument, TextLine
from budgetlens.ingest.registry import read_path
from budgetlens.model import Provenance, Source
from tests.conftest import SAMPLES, seed, seed_path

XLS = SAMPLES / "85-2026-XX单位空白模板-单位预算模板.xls"
XLSX = SAMPLES / "86-2026-XX局空白模板-部门预算模板.xlsx"


def _page(raw: RawDocument, page: int) -> list[Block]:
    return [b for b in raw.blocks if b.at.page == page]


def _texts(grid: Block) -> list[list[str]]:
    assert isinstance(grid, Grid)
    return [[c.text for c in row] for row in grid.rows]


@pytest.mark.parametrize(
    ("value", "code", "printed"),
    [
        (353.1, "0.00", "353.10"),
        (2314.6800000000003, "#,##0.00", "2,314.68"),
        (205.0, "General", "205"),
        (0.285, "0.00", "0.29"),  # stored 0.28499999999999998; Excel rounds half up on 15 digits
        (1.0049999999999999, "0.00", "1.01"),
        (-1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)"),
        (-1234.5, "#,##0.00", "-1,234.50"),
        (0, BUILTIN_FORMATS[43], "-"),
        (0.1234, "0.00%", "12.34%"),
        (12.5, '#,##0.00"元"_ ', "12.50元"),
        (5, "[$¥-804]#,##0.00", "¥5.00"),
        (1234567, "#,##0,", "1,235"),
        (dt.datetime(2024, 3, 5), 'yyyy"年"m"月"d"日"', "2024年3月5日"),
        (dt.datetime(2024, 3, 5, 14, 7), BUILTIN_FORMATS[22], "2024/3/5 14:07"),
        (dt.time(14, 7), "h:mm AM/PM", "2:07 PM"),
    ],
)
def test_numbers_and_dates_print_through_their_format(value: float, code: str, printed: str) -> None:
    assert render(value, code) == printed


def test_xls_template_sheets_titles_and_merged_header() -> None:
    raw = read_path(XLS)
    assert (raw.source.format, raw.source.pages) == ("xls", 16)
    names = [layout.name for layout in scan_xls(XLS.read_bytes(), XLS.name)]
    assert names[:3] == ["封面", "目录", "单位职能"]
    assert names[6] == "单位收支总表"
    assert names[-1] == "其他相关情况说明"
    cover = _page(raw, 1)
    assert [b.text for b in cover if isinstance(b, TextLine)] == [
        "上海市普陀区2026年区级单位预算",
        "预算单位：上海市普陀区XX单位",
    ]
    title, meta, grid, totals = _page(raw, 7)
    assert isinstance(title, TextLine)
    assert (title.text, title.at.line, title.at.column) == ("2026年预算单位财务收支预算总表", 2, 0)
    assert isinstance(meta, TextLine)
    assert meta.text == "编制单位：  单位：元"  # label cells A4 and G4 make one meta line
    # B6 of 本年收入 (A6:B6), D7:G7 of 预算数, and B8:B9 under 预算数 (B7:B9) print blank.
    assert _texts(grid)[:4] == [
        ["本年收入", "", "本年支出", "", "", "", ""],
        ["项目", "预算数", "项目", "预算数", "", "", ""],
        ["", "", "", "合计", "基本支出", "", "项目支出"],
        ["", "", "", "", "人员经费", "公用经费", ""],
    ]
    assert isinstance(grid, Grid)
    assert grid.rows[1][3].at == Provenance(page=7, line=7, column=3)
    # rows 17-20 are blank: the totals row is a second grid of the same table, padded to its width
    assert _texts(totals) == [["收入总计", "", "支出总计", "", "", "", ""]]
    codes = _texts(_page(raw, 8)[2])
    assert codes[3] == ["205", "", "", "教育支出", "", "", "", "", ""]  # a number printed as General
    assert codes[5] == ["205", "02", "05", "高等教育", "", "", "", "", ""]  # codes stored as text


def test_xlsx_template_sheets_merges_and_paragraphs() -> None:
    raw = read_path(XLSX)
    assert (raw.source.format, raw.source.pages) == ("xlsx", 17)
    assert {b.at.page for b in raw.blocks} == set(range(1, 18))
    income = _page(raw, 8)
    assert [b.text for b in income[:2] if isinstance(b, TextLine)] == [
        "2026年部门收入预算总表",
        "编制部门：  单位：元",
    ]
    header = _texts(income[2])[:3]
    assert header == [
        ["项目", "", "", "", "收入预算", "", "", "", ""],  # A6:D6 and E6:I6
        [
            "功能分类科目编码",
            "",
            "",
            "功能分类科目名称",
            "合计",
            "财政拨款收入",
            "事业收入",
            "事业单位 经营收入",
            "其他收入",
        ],
        ["类", "款", "项", "", "", "", "", "", ""],  # D7:D8 … I7:I8 merged down
    ]
    three_public = _texts(_page(raw, 15)[2])
    assert three_public[0] == ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"]
    assert three_public[2] == ["", "", "", "小计", "购置费", "运行费", ""]
    # a long merged paragraph cell (A3:A17) becomes one text line per line break, all at row 3
    duties = [b for b in _page(raw, 3) if isinstance(b, TextLine)]
    assert [b.text for b in duties[:3]] == ["XX（部门）主要职能", "XX是…。", "主要职能包括："]
    assert {(b.at.line, b.at.column) for b in duties[1:]} == {(3, 0)}


def test_templates_recognised_tables() -> None:
    department = read_document(XLSX)
    assert (department.kind, department.scope, department.year) == ("budget", "department", 2026)
    assert [t.type for t in department.tables] == [
        "budget.summary",
        "budget.income",
        "budget.expenditure",
        "budget.fiscal_summary",
        "budget.gpb_expenditure",
        "budget.gov_fund",
        "budget.soe_capital",
        "budget.gpb_basic",
        "budget.three_public",
    ]
    gpb = department.table("budget.gpb_expenditure")
    assert gpb.money_unit == "元"
    assert gpb.columns[-3:] == [
        "一般公共预算支出/合计",
        "一般公共预算支出/基本支出",
        "一般公共预算支出/项目支出",
    ]
    assert [r.code for r in gpb.rows] == ["205", "20502", "2050205", "207", "20799", None]
    assert gpb.rows[-1].label == "合计"
    assert gpb.rows[-1].at.line == 21  # the totals row after the blank rows still belongs to the table
    # The 单位 template titles say 预算单位…预算表: the same nine tables.
    unit = read_document(XLS)
    assert (unit.kind, unit.scope, unit.year) == ("budget", "unit", 2026)
    assert [t.type for t in unit.tables] == [t.type for t in department.tables]


def _write_workbook(path: Path) -> None:
    """Two tables on one sheet (formats, merges, a hidden row), a hidden sheet, a third sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "收支"
    sheet["A1"] = "收支总表"
    sheet.merge_cells("A1:C1")
    sheet["A2"] = "单位：万元"
    sheet.append(["项目", "金额", None])
    sheet.merge_cells("B3:C3")
    sheet.append(["合计", 353.1, 2314.6800000000003])
    sheet["B4"].number_format = "0.00"
    sheet["C4"].number_format = "#,##0.00"
    sheet.append(["隐藏行", 1, 2])
    sheet.row_dimensions[5].hidden = True
    sheet.append(["日期", dt.datetime(2024, 3, 5), None])
    sheet["B6"].number_format = 'yyyy"年"m"月"d"日"'
    sheet["A8"] = "支出总表"
    sheet.append(["项目", "金额"])
    hidden = book.create_sheet("隐藏")
    hidden["A1"] = "不应读出"
    hidden.sheet_state = "hidden"
    book.create_sheet("说明")["A1"] = "注：第三张表"
    book.save(path)


def test_written_workbook_formats_merges_hidden_rows_and_sheets(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    _write_workbook(path)
    raw = read_path(path)
    assert [(type(b).__name__, b.at.page, b.at.line) for b in raw.blocks] == [
        ("TextLine", 1, 1),
        ("TextLine", 1, 2),
        ("Grid", 1, 3),
        ("TextLine", 1, 8),
        ("Grid", 1, 9),
        ("TextLine", 3, 1),  # sheet 2 is hidden; sheet 3 keeps its number
    ]
    assert _texts(raw.blocks[2]) == [
        ["项目", "金额", ""],
        ["合计", "353.10", "2,314.68"],
        ["日期", "2024年3月5日", ""],
    ]
    assert not any(isinstance(b, TextLine) and b.text == "不应读出" for b in raw.blocks)


def _seed_rows() -> list[str]:
    lines = seed_path("000").read_text(encoding="utf-8").splitlines()
    start = lines.index("一般公共预算支出表")
    return lines[start : start + 31]


def test_seed_table_written_as_workbook_reads_like_the_text(tmp_path: Path) -> None:
    """Cross-format: 一般公共预算支出表 of seed 000 as a workbook with a merged three-row header."""
    book = openpyxl.Workbook()
    sheet = book.active
    for number, line in enumerate(_seed_rows(), start=1):
        for column, text in enumerate(line.replace("\\_", "_").split("\t"), start=1):
            cell = sheet.cell(number, column)
            if text.strip() and text.replace(".", "").isdigit() and "." in text:
                cell.value, cell.number_format = float(text), "#,##0.00"
            elif text.strip():
                cell.value = text.strip()
    # 功能科目 … 项目支出 spread over rows 7-9, merged as the printed form merges them
    for cells in ("A7:C7", "D7:D9", "E7:E9", "F7:F9", "G7:J7", "H8:I8", "G8:G9", "J8:J9", "K7:K9"):
        sheet.merge_cells(cells)
    path = tmp_path / "seed000.xlsx"
    book.save(path)

    from_text = seed("000").table("budget.gpb_expenditure")
    from_excel = read_document(path).table("budget.gpb_expenditure")
    assert from_excel.columns == from_text.columns
    assert (from_excel.money_unit, from_excel.unit_name) == (from_text.money_unit, from_text.unit_name)
    assert len(from_excel.rows) == len(from_text.rows) == 19
    for excel_row, text_row in zip(from_excel.rows, from_text.rows, strict=True):
        assert (excel_row.code, excel_row.label, excel_row.kind) == (
            text_row.code,
            text_row.label,
            text_row.kind,
        )
        assert {k: (v.text, v.amount) for k, v in excel_row.values.items()} == {
            k: (v.text, v.amount) for k, v in text_row.values.items()
        }
        assert excel_row.at.line == text_row.at.line - 155  # seed line 156 is row 1
    assert from_excel.find(code="2010350").values["合计"].amount == Decimal("302.23")


def _compound(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (512-byte sectors) holding the given streams (≥ 4096 bytes each)."""
    sector = 512
    fat = [0xFFFFFFFD, 0xFFFFFFFE]  # sector 0 holds the FAT, sector 1 the directory
    entries = [("Root Entry", 5, 0xFFFFFFFE, 0)]
    body = b""
    for name, stream in streams.items():
        data = stream.ljust(4096, b"\0")
        count = -(-len(data) // sector)
        first = len(fat)
        fat += [*range(first + 1, first + count), 0xFFFFFFFE]
        entries.append((name, 2, first, len(data)))
        body += data.ljust(count * sector, b"\0")
    directory = b""
    for index, (name, kind, start, size) in enumerate(entries):
        encoded = (name + "\0").encode("utf-16-le")
        right = index + 1 if 0 < index < len(entries) - 1 else 0xFFFFFFFF
        child = 1 if index == 0 and len(entries) > 1 else 0xFFFFFFFF
        directory += (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, right, child)
            + b"\0" * 36
            + struct.pack("<II", start, size)
            + b"\0" * 4
        )
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 10
        + struct.pack("<IIIIIIII", 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
        + struct.pack("<109I", 0, *[0xFFFFFFFF] * 108)
    )
    fat_sector = struct.pack(f"<{sector // 4}I", *fat, *[0xFFFFFFFF] * (sector // 4 - len(fat)))
    return header + fat_sector + directory.ljust(sector, b"\0") + body


BOF_BIFF8 = struct.pack("<HH", 0x0809, 16) + struct.pack("<HHHHII", 0x0600, 5, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("streams", "message"),
    [
        ({"Workbook": BOF_BIFF8 + struct.pack("<HH", 0x002F, 6) + b"\1\0\1\0\1\0"}, "工作簿已加密"),
        ({"EncryptionInfo": b"\4\0\4\0", "EncryptedPackage": b"\0"}, "已加密"),
        ({"WordDocument": b"\xec\xa5"}, "是旧版 Word 文档"),
    ],
)
def test_encrypted_workbooks_and_word_files_are_refused(
    tmp_path: Path, streams: dict[str, bytes], message: str
) -> None:
    path = tmp_path / "file.xls"
    path.write_bytes(_compound(streams))
    with pytest.raises(UnreadableError, match=message):
        ExcelReader().read(path, Source(path.name, "excel", "0" * 64))


def test_word_doc_is_not_sniffed_as_excel(tmp_path: Path) -> None:
    path = tmp_path / "file.doc"
    path.write_bytes(_compound({"WordDocument": b"\xec\xa5"}))
    assert not ExcelReader().sniff(path.read_bytes()[:4096])
    with pytest.raises(UnreadableError, match="Word"):
        read_path(path)


@pytest.mark.parametrize("sample", [XLS, XLSX])
def test_truncated_workbooks_are_refused(tmp_path: Path, sample: Path) -> None:
    path = tmp_path / f"cut{sample.suffix}"
    path.write_bytes(sample.read_bytes()[: sample.stat().st_size // 2])
    with pytest.raises(UnreadableError, match="已损坏或不完整"):
        read_path(path)


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for name, data in members.items():
            archive.writestr(name, data)


SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'


@pytest.mark.parametrize(
    "members",
    [
        {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"\0" * (65 * 2**20)},  # 65 MiB
        {"xl/workbook.xml": b"<workbook/>", "xl/sharedStrings.xml": b" " * (2 * 2**20)},  # ratio ~1000
    ],
)
def test_zip_bombs_are_refused_by_declared_size(tmp_path: Path, members: dict[str, bytes]) -> None:
    path = tmp_path / "bomb.xlsx"
    _zip(path, members)
    started = time.monotonic()
    with pytest.raises(UnreadableError, match="压缩炸弹"):
        read_path(path)
    assert time.monotonic() - started < 2


def test_far_apart_cells_are_refused_before_calamine_fills_them(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "标题"
    book.active["XFD1048576"] = 1
    path = tmp_path / "sparse.xlsx"
    book.save(path)
    with pytest.raises(UnreadableError, match="单元格过多"):
        read_path(path)
