"""The Word writer: a landscape section per table, merged header cells, the printed texts."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.enum.section import WD_ORIENT

from budgetlens.report.document_docx import document_docx
from tests.conftest import SAMPLES, read_once

SAMPLE_32 = SAMPLES / "32-2024-国家信访局-部门决算.pdf"


def test_sections_tables_and_texts() -> None:
    data = document_docx(read_once(SAMPLE_32))
    word = docx.Document(io.BytesIO(data))
    assert len(word.sections) == 10  # the cover and nine tables
    assert all(s.orientation == WD_ORIENT.LANDSCAPE for s in word.sections[1:])
    assert all(s.page_width > s.page_height for s in word.sections[1:])
    texts = [p.text for p in word.paragraphs if p.text]  # a section break is an empty paragraph
    assert texts[:5] == [
        "2024年度国家信访局部门决算公开",
        "收入支出决算总表",
        "公开01表",
        "部门：国家信访局",
        "金额单位：万元",
    ]
    assert (
        texts[5]
        == "注：本表反映部门本年度的总收支和年末结转结余情况。本套报表金额单位转换时可能存在尾数误差。"
    )
    assert next(p for p in word.paragraphs if p.text == "收入支出决算总表").runs[0].bold
    income = word.tables[1]
    assert income.style.name == "Table Grid"
    assert [c.text for c in income.rows[2].cells] == [
        "", "合计", "20,451.35", "19,572.91", "", "", "", "", "878.44"
    ]  # fmt: skip


def test_income_header_merges() -> None:
    with zipfile.ZipFile(io.BytesIO(document_docx(read_once(SAMPLE_32)))) as archive:
        xml = archive.read("word/document.xml").decode()
    table = xml.split("<w:tbl>")[2].split("</w:tbl>")[0]  # 收入决算表
    # 项目 spans two columns; the seven amount columns each span both header rows
    assert (table.count("<w:gridSpan"), table.count("<w:vMerge"), table.count('w:val="restart"')) == (
        1,
        14,
        7,
    )
