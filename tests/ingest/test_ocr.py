"""Scanned PDFs read by OCR: sample 11 (北京市政务服务和数据管理局 2026 年部门预算情况说明, 8 scanned pages).

Every figure below was checked against the page images (rendered at 144 dpi). OCR of the sample takes
40–140 s on two cores, so it runs once per session (`read_once`). OCR tests skip only when the ``ocr``
extra is not installed, and fail instead when ``CI=true``; the missing-extra tests always run.
"""

from __future__ import annotations

import io
import json
import os
import sys
from decimal import Decimal
from pathlib import Path

import jsonschema
import pypdfium2 as pdfium
import pytest
from typer.testing import CliRunner

from budgetlens import Document, document_from_dict, document_to_json
from budgetlens.cli import app
from budgetlens.errors import UnreadableError
from budgetlens.ingest import read_path
from budgetlens.ingest.ocr import terminal_progress
from budgetlens.ingest.raw import TextLine
from budgetlens.model import Paragraph
from budgetlens.rules.narrative.figures import AMOUNT
from budgetlens.serialize import document_schema
from tests.conftest import SAMPLES, read_once, seed

SCANNED = SAMPLES / "11-2026-北京市政务服务和数据管理局-部门预算情况说明.pdf"
TEXT_PDF = SAMPLES / "32-2024-国家信访局-部门决算.pdf"
HINT = "是扫描件（没有文字层），需要安装 OCR 扩展后才能读取：pip install 'budgetlens[ocr]'"

# (page, the figure with the words before it, as printed without spaces)
FIGURES = [
    (5, "2026年度收入预算101,673.03万元"),
    (5, "比2025年年初预算数99,003.18万元增加2,669.85万元，增长2.7%"),
    (5, "1.一般公共预算拨款收入101,673.03万元。"),
    (5, "10.上年结转结余4,950.85万元。"),
    (6, "2026年支出预算101,673.03万元"),
    (6, "基本支出预算38,197.01万元，占本年支出预算37.59%。"),
    (6, "项目支出预算63,408.16万元，占本年支出预算62.41%。"),
    (7, "（三）年终结转结余资金67.86万元。"),
    (7, "“三公”经费预算80.11万元"),
    (7, "年初预算减少8.35万元，下降9.44%"),
    (7, "2026年预算数51.3万元"),
    (7, "2026年预算数7.25万元"),
    (7, "2026年预算数21.56万元，包括公务用车购置费预算12.53万元、公务用车运行维护费预算9.03万元。"),
    (7, "政府采购预算总额55,307.45万元"),
    (7, "政府采购货物预算1,168.3万元"),
    (7, "政府采购工程预算105.2万元"),
    (7, "政府采购服务预算54,033.95万元。"),
    (7, "机关运行经费财政拨款预算760.36万元。"),
    (7, "共有车辆7台，单位价值100万元以上的设备16台"),
]


def require_ocr() -> None:
    """Skip without the extra, except on CI, where a missing extra is a failure."""
    if os.environ.get("CI") == "true":
        import rapidocr_onnxruntime  # noqa: F401, PLC0415 - must be installed on CI
    else:
        pytest.importorskip("rapidocr_onnxruntime")


@pytest.fixture(scope="module")
def scan() -> Document:
    require_ocr()
    return read_once(SCANNED)


def paragraph_with(document: Document, page: int, text: str) -> Paragraph:
    """The one paragraph starting on ``page`` whose text, spaces removed, contains ``text``."""
    found = [
        p
        for s in document.narrative
        for p in s.paragraphs
        if p.at.page == page and text in p.text.replace(" ", "")
    ]
    assert len(found) == 1, (page, text, found)
    return found[0]


def test_every_page_is_read_by_ocr(scan: Document) -> None:
    assert scan.source.format == "pdf"
    assert scan.source.pages == 8
    assert scan.source.ocr_pages == [1, 2, 3, 4, 5, 6, 7, 8]


def test_kind_year_and_unit(scan: Document) -> None:
    assert (scan.kind, scan.scope, scan.year) == ("budget", "department", 2026)
    assert scan.unit_name == "北京市政务服务和数据管理局"


@pytest.mark.parametrize(("page", "figure"), FIGURES)
def test_stated_figure_is_read_with_its_page_and_confidence(scan: Document, page: int, figure: str) -> None:
    paragraph = paragraph_with(scan, page, figure)
    assert paragraph.confidence is not None
    assert 0.5 <= paragraph.confidence <= 1


def test_narrative_sections_are_recognised(scan: Document) -> None:
    level1 = [(s.heading, s.at.page) for s in scan.narrative if s.level == 1]
    assert level1 == [
        ("一、部门情况说明", 3),
        ("二、收入预算情况说明", 5),
        ("三、支出预算情况说明", 6),
        ("四、财政拨款“三公”经费预算情况说明", 7),
        ("五、其他情况说明", 7),
        ("六、名词解释", 8),
    ]
    assert all(s.confidence is not None and 0 < s.confidence <= 1 for s in scan.narrative)


def test_run_in_title_keeps_its_sentence_whole(scan: Document) -> None:
    # （一）基本支出。… is broken over two printed lines: one paragraph, not a heading and a fragment
    paragraph = paragraph_with(scan, 6, "（一）基本支出。")
    assert (
        paragraph.text.replace(" ", "") == "（一）基本支出。基本支出预算38,197.01万元，占本年支出预算37.59%。"
    )
    assert paragraph.at.line == 7


def test_page_numbers_are_left_out(scan: Document) -> None:
    texts = [p.text for s in scan.narrative for p in s.paragraphs] + [s.heading for s in scan.narrative]
    assert not [t for t in texts if t.strip("-—一 ").isdigit()]


def test_table_of_contents_lists_the_tables_the_scan_leaves_out(scan: Document) -> None:
    assert len(scan.listed_tables) == 13
    assert scan.listed_tables[0].title == "收支总表"
    assert scan.listed_tables[0].at.page == 1
    assert not any(entry.present for entry in scan.listed_tables)


def test_json_carries_confidences_validates_and_round_trips(scan: Document) -> None:
    data = json.loads(document_to_json(scan))
    jsonschema.Draft202012Validator(document_schema()).validate(data)
    assert data["source"]["ocr_pages"] == [1, 2, 3, 4, 5, 6, 7, 8]
    paragraphs = [p for s in data["narrative"] for p in s.get("paragraphs", [])]
    assert len(paragraphs) > 30
    assert all(isinstance(p["confidence"], float) for p in paragraphs)
    assert document_from_dict(data) == scan


def test_printed_text_records_no_confidence() -> None:
    document = seed("003")
    assert document.source.ocr_pages == []
    assert all(p.confidence is None for s in document.narrative for p in s.paragraphs)


def mixed_pdf(tmp_path: Path) -> Path:
    """Page 1 of a text PDF (国家信访局 cover) followed by page 2 of the scan (the 目录's end)."""
    mixed = pdfium.PdfDocument.new()
    for source, index in ((TEXT_PDF, 0), (SCANNED, 1)):
        document = pdfium.PdfDocument(source)
        mixed.import_pages(document, [index])
        document.close()
    path = tmp_path / "mixed.pdf"
    mixed.save(path)
    mixed.close()
    return path


def test_mixed_pdf_reads_only_its_scanned_page_by_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_ocr()
    terminal = io.StringIO()
    monkeypatch.setattr(terminal, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys, "stderr", terminal)
    with terminal_progress():
        raw = read_path(mixed_pdf(tmp_path))
    assert raw.source.ocr_pages == [2]
    lines = [
        (b.text.replace(" ", ""), b.at.page, b.confidence) for b in raw.blocks if isinstance(b, TextLine)
    ]
    assert lines[0] == ("国家信访局", 1, None)
    scanned = [(text, page) for text, page, confidence in lines if confidence is not None]
    assert scanned[0] == ("九、财政拨款“三公”经费支出表", 2)
    assert scanned[-1] == ("十三、部门整体支出绩效目标表", 2)
    assert "文字识别（OCR）" in terminal.getvalue()  # the progress bar, shown because stderr "is a terminal"


def test_mixed_pdf_without_the_extra_keeps_its_text_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    raw = read_path(mixed_pdf(tmp_path))
    assert raw.source.ocr_pages == []
    assert {b.at.page for b in raw.blocks} == {1}


def test_scan_without_the_extra_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    with pytest.raises(UnreadableError) as error:
        read_path(SCANNED)
    assert str(error.value) == f"{SCANNED.name} {HINT}"


def test_extract_without_the_extra_exits_2_with_the_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    result = CliRunner().invoke(app, ["extract", str(SCANNED)])
    assert result.exit_code == 2
    assert result.stderr == f"错误：{SCANNED.name} {HINT}\n"
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_amounts_of_the_scan_parse_exactly(scan: Document) -> None:
    paragraph = paragraph_with(scan, 7, "政府采购预算总额")
    amounts = [Decimal(m["num"].replace(",", "")) for m in AMOUNT.finditer(paragraph.text)]
    assert amounts == [Decimal("55307.45"), Decimal("1168.3"), Decimal("105.2"), Decimal("54033.95")]
