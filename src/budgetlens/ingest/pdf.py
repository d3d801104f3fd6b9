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
next page is not interrupted by them. A file without any text layer (a scan) raises
`UnreadableError`: it needs OCR.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
from budgetlens.ingest.pdf_page import Char, Edge, page_to_edges, page_view, textpage_to_chars
from budgetlens.ingest.raw import Block, Grid, GridCell, RawDocument, TextLine
from budgetlens.model import Provenance, Source

MARGIN = 0.1  # page numbers are looked for in this top and bottom fraction of the page height
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/共]\s*\d{1,4}\s*页?)?[-—–－\s]*$")


@dataclass(frozen=True)
class PageInput:
    """What one page offers: characters, ruling edges (upright, top-down points) and its size."""

    number: int
    width: float
    height: float
    chars: list[Char]
    edges: list[Edge]


def page_to_blocks(
    page: PageInput, layout: LayoutSettings = DEFAULT_LAYOUT, grid: GridSettings = DEFAULT_GRID
) -> list[Block]:
    """Text lines and grids of one page, top to bottom, with page/line/column provenance."""
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
                blocks.append(
                    TextLine(line_to_text(segment, layout), Provenance(page.number, number, column))
                )
            continue
        rows = lattice_to_rows(lattices[item], inside[item], layout)
        if not rows:
            continue
        table = Grid()
        for row in rows:
            number += 1
            table.rows.append(
                [GridCell(text, Provenance(page.number, number, column)) for column, text in enumerate(row)]
            )
        blocks.append(table)
    return blocks


def lattice_to_rows(
    lattice: Lattice, cells: dict[tuple[int, int], list[Char]], layout: LayoutSettings = DEFAULT_LAYOUT
) -> list[list[str]]:
    """Cell texts row by row; a merged cell prints in its anchor, blank rows are left out."""
    texts = {anchor: lines_to_text(chars_to_lines(chars, layout), layout) for anchor, chars in cells.items()}
    rows = []
    for r in range(lattice.rows):
        row = [
            texts.get((r, c), "") if lattice.anchor[r][c] == (r, c) else "" for c in range(lattice.columns)
        ]
        if any(row):
            rows.append(row)
    return rows


def _furniture(line: Line, page: PageInput) -> bool:
    """A page number alone in the top or bottom margin."""
    in_margin = line.bottom < page.height * MARGIN or line.top > page.height * (1 - MARGIN)
    return in_margin and bool(_PAGE_NUMBER.match("".join(c.text for c in line.chars)))


class PdfReader:
    format = "pdf"

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, path: Path, source: Source) -> RawDocument:
        document = _open(path)
        try:
            count = len(document)
            pages = [_read_page(document, index, path.name) for index in range(count)]
        finally:
            document.close()
        if not any(printed for printed, _ in pages):
            raise UnreadableError(
                f"{path.name} 没有文字层（可能是扫描件），需要先做文字识别（OCR）才能读取；目前尚不支持 OCR。"
            )
        return RawDocument(replace(source, pages=count), [b for _, blocks in pages for b in blocks])


def _read_page(document: Any, index: int, name: str) -> tuple[int, list[Block]]:
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
