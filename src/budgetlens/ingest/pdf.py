"""Reader for text PDFs (PDFium through pypdfium2): pages → text lines and grids, in reading order.

Per page: characters with boxes and ruling edges come from PDFium (`pdf_page`); ruled tables are
rebuilt from the edges (`pdf_grid`); characters inside a table go to its cells, the others form
text lines (`pdf_layout`). Blocks are ordered top to bottom.

Provenance: ``page`` is the 1-based page number; ``line`` the 1-based line of that page, counting
visual text lines and grid rows top to bottom (a page starts again at line 1); ``column`` the
0-based cell of a grid row, or for text the 0-based piece of a line split at a wide gap
(``部门：国家信访局`` 0, ``金额单位：万元`` 1 on one line).

Characters outside the page box are not printed and are left out (spreadsheet exports split a
tall row over two pages and draw its whole text on both, clipped). Page numbers printed alone in
the top or bottom margin are page furniture and are left out, so that a table continued on the
next page is not interrupted by them.

A page without a text layer that is mostly image (a scan) is read by OCR (`ocr`, the
optional ``ocr`` extra); `Source.ocr_pages` lists those pages. Without the extra a scan raises
`UnreadableError` with the install hint, while a text PDF with some scanned pages keeps its text
pages (as it did before OCR existed).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from budgetlens.errors import UnreadableError
from budgetlens.ingest.pdf_grid import DEFAULT_GRID, GridSettings, Lattice, find_tables
from budgetlens.ingest.pdf_layout import (
    DEFAULT_LAYOUT,
    LayoutSettings,
    Line,
    chars_to_lines,
    line_to_segments,
    line_to_text,
    lines_to_text,
)
from budgetlens.ingest.pdf_page import PDFIUM, Char, Edge, page_to_edges, page_view, textpage_to_chars
from budgetlens.ingest.raw import Block, Grid, GridCell, RawDocument, TextLine
from budgetlens.model import Provenance, Source

SCAN_COVER = 0.5  # a page without text whose images cover this share of it is a scan
MAX_PAGES = 500  # the largest real disclosure has 171; beyond this a file is refused before reading pages
MARGIN = 0.1  # page numbers are looked for in this top and bottom fraction of the page height
# OCR reads the dashes of ``- 4 -`` as ``—4一`` too
_PAGE_NUMBER = re.compile(
    r"^[-—–－一\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/共]\s*\d{1,4}\s*页?)?[-—–－一\s]*$"
)


@dataclass(frozen=True)
class PageInput:
    """What one page offers: characters, ruling edges (upright, top-down points) and its size."""

    number: int
    width: float
    height: float
    chars: list[Char]
    edges: list[Edge]


def page_to_blocks(
    page: PageInput,
    layout: LayoutSettings = DEFAULT_LAYOUT,
    grid: GridSettings = DEFAULT_GRID,
    scores: Mapping[Char, float] | None = None,
) -> list[Block]:
    """Text lines and grids of one page, top to bottom, with page/line/column provenance.

    ``scores`` are OCR confidences of the characters (text boxes, for a scan): a text line gets its
    weakest one.
    """
    lattices = find_tables(page.edges, grid).lattices
    inside: list[dict[tuple[int, int], list[Char]]] = [{} for _ in lattices]
    outside: list[Char] = []
    boxes = [(lattice.box, lattice, cells) for lattice, cells in zip(lattices, inside, strict=True)]
    for char in page.chars:
        x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        if not (0 <= x <= page.width and 0 <= y <= page.height):
            continue  # off the page: overflow the print clips away (WPS cuts tall rows this way)
        for (x0, top, x1, bottom), lattice, cells in boxes:
            if x0 <= x <= x1 and top <= y <= bottom:
                r = min(bisect_right(lattice.ys, y), lattice.rows) - 1  # Lattice.cell_at, inlined
                c = min(bisect_right(lattice.xs, x), lattice.columns) - 1
                cells.setdefault(lattice.anchor[r][c], []).append(char)
                break
        else:
            outside.append(char)
    items: list[tuple[float, Line | int]] = [
        (line.top, line) for line in chars_to_lines(outside, layout) if not _furniture(line, page)
    ]
    items += [(lattice.ys[0], index) for index, lattice in enumerate(lattices)]
    items.sort(key=lambda item: item[0])
    blocks: list[Block] = []
    number = 0
    for _, item in items:
        if isinstance(item, Line):
            number += 1
            for column, segment in enumerate(line_to_segments(item, layout)):
                confidence = min(scores[c] for c in segment.chars) if scores else None
                at = Provenance(page.number, number, column)
                box = (segment.x0, segment.top, segment.x1, segment.bottom)
                blocks.append(TextLine(line_to_text(segment, layout), at, confidence=confidence, box=box))
            continue
        lattice = lattices[item]
        rows = lattice_to_rows(lattice, inside[item], layout)
        if not rows:
            continue
        table = Grid()
        for r, row in rows:
            number += 1
            table.rows.append(
                [
                    GridCell(text, Provenance(page.number, number, column), lattice.span_box(r, column))
                    for column, text in enumerate(row)
                ]
            )
        blocks.append(table)
    return blocks


def lattice_to_rows(
    lattice: Lattice, cells: dict[tuple[int, int], list[Char]], layout: LayoutSettings = DEFAULT_LAYOUT
) -> list[tuple[int, list[str]]]:
    """Cell texts row by row with the lattice row index; a merged cell prints in its anchor, blank
    rows are left out."""
    texts = {anchor: lines_to_text(chars_to_lines(chars, layout), layout) for anchor, chars in cells.items()}
    rows = []
    for r in range(lattice.rows):
        row = [
            texts.get((r, c), "") if lattice.anchor[r][c] == (r, c) else "" for c in range(lattice.columns)
        ]
        if any(row):
            rows.append((r, row))
    return rows


def _furniture(line: Line, page: PageInput) -> bool:
    """A page number alone in the top or bottom margin."""
    in_margin = line.bottom < page.height * MARGIN or line.top > page.height * (1 - MARGIN)
    return in_margin and bool(_PAGE_NUMBER.match("".join(c.text for c in line.chars)))


class PdfReader:
    format = "pdf"

    def __init__(self, max_pages: int = MAX_PAGES) -> None:
        self.max_pages = max_pages

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, path: Path, source: Source) -> RawDocument:
        with PDFIUM:
            document = _open(path)
        try:
            with PDFIUM:
                count = len(document)
                if count > self.max_pages:  # refused before any page is parsed: bounded time and memory
                    raise UnreadableError(
                        f"{path.name} 共 {count:,} 页，超过页数上限 {self.max_pages:,} 页，未读取。"
                        f"如确需读取，请提高上限：命令行加 --max-pages {count}"
                        f"（Python 接口 max_pages={count}）。"
                    )
                pages = [read_page(document, index, path.name) for index in range(count)]
            scanned = _read_scans(document, pages, path.name)
        finally:
            with PDFIUM:
                document.close()
        found = [b for _, blocks in pages for b in blocks]
        if not found:
            reason = "文字识别（OCR）也没有认出文字" if scanned else "页面上没有文字"
            raise UnreadableError(f"{path.name} 没有可读取的内容：{reason}。")
        ocr_pages = [index + 1 for index in scanned]
        return RawDocument(replace(source, pages=count, ocr_pages=ocr_pages), found)


def _read_scans(document: Any, pages: list[tuple[int, list[Block]]], name: str) -> list[int]:
    """OCR the scanned pages (no text, a page-sized image), in place; the 0-based indices read."""
    with PDFIUM:
        scanned = [i for i, (printed, _) in enumerate(pages) if not printed and _scanned(document, i)]
    if not scanned:
        return []
    from budgetlens.ingest import ocr  # noqa: PLC0415 - it builds on this module's layout

    if any(printed for printed, _ in pages) and not ocr.ocr_available():
        return []  # keep the text pages; only a scan without any text needs the extra
    for index, blocks in ocr.read_scanned_pages(document, scanned, name).items():
        pages[index] = (0, blocks)
    return scanned


def _scanned(document: Any, index: int) -> bool:
    """Images cover at least `SCAN_COVER` of the page: a scan, not a chart page or a blank one."""
    page = document[index]
    try:
        width, height = page.get_size()
        covered: float = 0.0
        for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
            left, bottom, right, top = image.get_bounds()
            covered += float((right - left) * (top - bottom))
        return covered >= SCAN_COVER * float(width * height)
    finally:
        page.close()


def read_page(document: Any, index: int, name: str) -> tuple[int, list[Block]]:
    """The number of printed characters of one page and its blocks."""
    try:
        page = document[index]
        textpage = page.get_textpage()
    except pdfium.PdfiumError as error:
        raise UnreadableError(f"{name} 第 {index + 1} 页已损坏，无法读取。") from error
    try:
        view = page_view(page)
        chars = textpage_to_chars(textpage, view)
        edges = page_to_edges(page, view) if chars else []
        return len(chars), page_to_blocks(PageInput(index + 1, view.width, view.height, chars, edges))
    finally:
        textpage.close()
        page.close()


def _open(path: Path) -> Any:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableError(f"{path.name} 是加密的 PDF，需要密码才能打开，无法读取。") from error
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise UnreadableError(f"{path.name} 使用了不支持的 PDF 加密方式，无法读取。") from error
        raise UnreadableError(
            f"{path.name} 不是完整的 PDF 文件（可能已损坏或下载不完整），无法读取。"
        ) from error
