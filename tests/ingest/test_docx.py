"""The Word reader on real seeds written as .docx with python-docx, and on bad input."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest

from budgetlens import Document, read_document
from budgetlens.errors import UnreadableError
from budgetlens.ingest.docx import DocxReader
from budgetlens.ingest.excel import ExcelReader
from budgetlens.ingest.raw import Grid, RawDocument, TextLine
from budgetlens.ingest.registry import read_path
from budgetlens.model import Provenance
from budgetlens.serialize import document_to_dict
from tests.conftest import seed, seed_path

# Merged header cells per seed: the title above the table, then (row, column, rows, columns) in its grid.
MERGES: dict[str, tuple[str, list[tuple[int, int, int, int]]]] = {
    # 一般公共预算支出表 of seed 000: 功能科目 … 项目支出 over three rows, as the printed form merges them
    "000": (
        "一般公共预算支出表",
        [
            (0, 0, 1, 3),
            (0, 3, 3, 1),
            (0, 4, 3, 1),
            (0, 5, 3, 1),
            (0, 6, 1, 4),
            (1, 7, 1, 2),
            (1, 6, 2, 1),
            (1, 9, 2, 1),
            (0, 10, 3, 1),
        ],
    ),
    # 收入支出决算总表 of seed 003: 收入 and 支出 over their three columns
    "003": ("2024年度收入支出决算总表", [(1, 0, 1, 3), (1, 3, 1, 3)]),
}


def merged_grid(raw: RawDocument, key: str) -> Grid:
    """The grid that follows the title named in `MERGES`."""
    title, _ = MERGES[key]
    start = next(i for i, b in enumerate(raw.blocks) if isinstance(b, TextLine) and b.text == title)
    return next(b for b in raw.blocks[start:] if isinstance(b, Grid))


def without_provenance(value: Any) -> Any:
    """A document's plain form without where things were read (lines differ between formats)."""
    if isinstance(value, dict):
        return {
            k: without_provenance(v) for k, v in value.items() if k not in ("at", "lines", "pages", "source")
        }
    if isinstance(value, list):
        return [without_provenance(v) for v in value]
    return value


def write_docx(raw: RawDocument, titles: set[str], key: str, path: Path) -> None:
    """The seed's text lines as paragraphs (table titles as headings, bullets listed), grids as tables."""
    document = docx.Document()
    merged = merged_grid(raw, key)
    for block in raw.blocks:
        if isinstance(block, TextLine):
            if block.text in titles:
                document.add_heading(block.text, level=2)
            else:
                document.add_paragraph(block.text, style="List Bullet" if block.list_item else None)
            continue
        table = document.add_table(rows=len(block.rows), cols=block.width)
        if block is merged:
            for row, column, rows, columns in MERGES[key][1]:
                table.cell(row, column).merge(table.cell(row + rows - 1, column + columns - 1))
        for r, cells in enumerate(block.rows):
            for c, cell in enumerate(cells):
                if cell.text:
                    table.cell(r, c).text = cell.text
    document.save(str(path))


def seed_as_docx(key: str, tmp_path: Path) -> Path:
    path = tmp_path / f"seed{key}.docx"
    write_docx(read_path(seed_path(key)), {t.title for t in seed(key).tables}, key, path)
    return path


@pytest.mark.parametrize("key", ["000", "003"])
def test_seed_written_as_docx_reads_like_the_text(tmp_path: Path, key: str) -> None:
    """Every table (type, columns, codes, labels, amounts) and the narrative compare equal to the text's."""
    from_text = seed(key)
    from_docx = read_document(seed_as_docx(key, tmp_path))
    assert from_docx.source.format == "docx"
    assert [t.type for t in from_docx.tables] == [t.type for t in from_text.tables]
    for word, text in zip(from_docx.tables, from_text.tables, strict=True):
        assert word.columns == text.columns
        assert [(r.code, r.unit_code, r.label, r.kind, r.side) for r in word.rows] == [
            (r.code, r.unit_code, r.label, r.kind, r.side) for r in text.rows
        ]
        assert [{k: (v.text, v.amount) for k, v in r.values.items()} for r in word.rows] == [
            {k: (v.text, v.amount) for k, v in r.values.items()} for r in text.rows
        ]
    assert without_provenance(document_to_dict(from_docx)) == without_provenance(document_to_dict(from_text))


def test_seed_000_docx_values_and_provenance(tmp_path: Path) -> None:
    document: Document = read_document(seed_as_docx("000", tmp_path))
    assert (document.kind, document.year, document.unit_name, document.unit_code) == (
        "budget",
        2024,
        "株洲市荷塘区产业服务中心",
        "048001",
    )
    assert len(document.tables) == 20
    table = document.table("budget.gpb_expenditure")  # the table written with a merged header
    assert table.columns[:8] == [
        "功能科目/类",
        "功能科目/款",
        "功能科目/项",
        "科目编码",
        "科目名称",
        "合计",
        "基本支出/小计",
        "基本支出/人员经费/工资福利支出",
    ]
    row = table.find(code="2010350")
    assert (row.label, row.kind) == ("事业运行", "item")
    assert row.values["合计"].amount == Decimal("302.23")
    assert row.values["基本支出/人员经费/工资福利支出"].amount == Decimal("105.20")
    assert table.find(label="合计").values["项目支出"].amount == Decimal("178.00")
    # lines count text lines and table rows in reading order; columns are grid columns
    assert row.values["合计"].at == Provenance(None, row.at.line, 5)
    assert table.at.page is None
    assert table.lines is not None
    assert table.lines[0] == table.at.line


def test_merged_cells_print_once_in_their_first_cell(tmp_path: Path) -> None:
    path = seed_as_docx("000", tmp_path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    # 3 spans across columns; 6 spans down rows, 16 cells in them, 6 of them where the span starts
    assert (xml.count("<w:gridSpan"), xml.count("<w:vMerge"), xml.count('w:val="restart"')) == (3, 16, 6)
    raw = read_path(path)
    grid = merged_grid(raw, "000")
    assert [[c.text for c in row] for row in grid.rows[:4]] == [
        ["功能科目", "", "", "科目编码", "科目名称", "合计", "基本支出", "", "", "", "项目支出"],
        ["", "", "", "", "", "", "小计", "人员经费", "", "公用经费", ""],
        ["", "", "", "", "", "", "", "工资福利支出", "对个人和家庭的补助", "", ""],
        ["类", "款", "项", "", "", "", "", "", "", "", ""],
    ]
    assert [c.at.column for c in grid.rows[0]] == list(range(11))
    heading = next(b for b in raw.blocks if isinstance(b, TextLine) and b.text == "一般公共预算支出表")
    assert grid.rows[0][0].at.line == heading.at.line + 3  # title, 单位：…, 金额单位：万元, then the header


def test_body_order_content_controls_breaks_and_hidden_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("2024年部门预算公开", level=1)
    paragraph = document.add_paragraph("第一行")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行")
    paragraph.add_run("不显示").font.hidden = True
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "项目"
    table.cell(0, 2).text = "金额"
    table.cell(1, 0).text = "合计"
    table.cell(1, 2).text = "1.00"
    body = document.element.body
    body.remove(table._tbl)  # wrap the table in a content control, as Word wraps a table of contents
    sdt = docx.oxml.parse_xml(
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdtContent/></w:sdt>'
    )
    sdt[0].append(table._tbl)
    paragraph._p.addnext(sdt)
    document.add_paragraph("注：本表无数据。")
    path = tmp_path / "order.docx"
    document.save(str(path))
    raw = read_path(path)
    assert raw.source.format == "docx"
    assert [(type(b).__name__, b.at) for b in raw.blocks] == [
        ("TextLine", Provenance(None, 1, None)),
        ("TextLine", Provenance(None, 2, None)),
        ("TextLine", Provenance(None, 3, None)),
        ("Grid", Provenance(None, 4, 0)),
        ("TextLine", Provenance(None, 6, None)),
    ]
    texts = [b.text for b in raw.blocks if isinstance(b, TextLine)]
    assert texts == ["2024年部门预算公开", "第一行", "第二行", "注：本表无数据。"]
    grid = raw.blocks[3]
    assert isinstance(grid, Grid)
    assert [[c.text for c in row] for row in grid.rows] == [["项目", "", "金额"], ["合计", "", "1.00"]]


def test_docx_is_sniffed_by_content_not_name(tmp_path: Path) -> None:
    path = seed_as_docx("000", tmp_path)
    head = path.read_bytes()[:4096]
    assert DocxReader().sniff(head)
    assert not ExcelReader().sniff(head)
    renamed = tmp_path / "预算.pdf"
    renamed.write_bytes(path.read_bytes())
    assert read_path(renamed).source.format == "docx"


def test_docx_whose_head_shows_only_content_types_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "streamed.docx"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml", f'<Types><Override ContentType="{main}"/></Types>' + " " * 9000
        )
        archive.writestr("word/document.xml", "<w:document/>")
    head = path.read_bytes()[:4096]
    assert DocxReader().sniff(head)
    workbook = tmp_path / "book.xlsx"
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>" + " " * 9000)
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert not DocxReader().sniff(workbook.read_bytes()[:4096])


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"word/document.xml": b"<w:document><w:body><w:p>"}, "Word 文档已损坏或不完整"),
        ({"word/styles.xml": b"<w:styles/>"}, "不是 Word 文档（缺少 word/document.xml）"),
    ],
)
def test_corrupt_docx_is_refused(tmp_path: Path, members: dict[str, bytes], message: str) -> None:
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(UnreadableError, match=message):
        read_path(path)


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    data = seed_as_docx("003", tmp_path).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(
        UnreadableError, match=r"^Word 文档已损坏或不完整，无法读取：cut\.docx（BadZipFile）。$"
    ):
        read_path(path)


def test_zip_bomb_is_refused_by_declared_size(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/zeros.bin", b"\0" * (4 * 2**20))
    with pytest.raises(UnreadableError, match=r"疑似压缩炸弹.*压缩比超过 100 倍"):
        read_path(path)


def test_huge_grid_span_is_refused(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 0)._tc.grid_span = 10**9
    path = tmp_path / "span.docx"
    document.save(str(path))
    with pytest.raises(UnreadableError, match="表格一行超过 1,000 列"):
        read_path(path)
