"""A PDF page as an image with a finding's evidence marked: what the reviewer checks it against.

The evidence of a finding carries provenance (page, line, column) only; the page is read again with
the same PDF reader (`budgetlens.ingest.pdf.read_page`), whose text lines and grid cells know their
boxes, so the line and column numbering is the reader's own and cannot drift from it. A mark with
no column marks the whole line; a mark the page does not have (a scan read by OCR) is skipped.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from budgetlens.ingest.pdf import read_page
from budgetlens.ingest.pdf_page import PDFIUM
from budgetlens.ingest.raw import Block, Box, Grid

MARK_FILL = (255, 200, 0, 90)
MARK_LINE = (220, 30, 30, 255)
PAD = 1.5  # points around a marked box


def render_evidence_page(
    data: bytes, page_number: int, marks: Sequence[Mapping[str, int | None]], scale: float = 1.5
) -> bytes:
    """The page as PNG bytes with each ``{"line": …, "column": …}`` of ``marks`` highlighted.

    Raises `ValueError` (Chinese message) when the file is not a PDF or has no such page.
    """
    with PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            raise ValueError("原始文件不是可读取的 PDF，无法显示页面") from None
        try:
            if not 1 <= page_number <= len(pdf):
                raise ValueError(f"该文档只有 {len(pdf)} 页，没有第 {page_number} 页")
            _, blocks = read_page(pdf, page_number - 1, "")
            page = pdf[page_number - 1]
            image = page.render(scale=scale).to_pil().convert("RGBA")
            page.close()
        finally:
            pdf.close()
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for x0, top, x1, bottom in boxes_for(blocks, marks):
        box = ((x0 - PAD) * scale, (top - PAD) * scale, (x1 + PAD) * scale, (bottom + PAD) * scale)
        draw.rectangle(box, fill=MARK_FILL, outline=MARK_LINE, width=max(2, int(scale * 1.5)))
    buffer = io.BytesIO()
    Image.alpha_composite(image, overlay).convert("RGB").save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def boxes_for(blocks: Iterable[Block], marks: Sequence[Mapping[str, int | None]]) -> list[Box]:
    """The boxes of the lines and cells the marks point at, in mark order."""
    placed: dict[tuple[int | None, int | None], Box] = {}
    for block in blocks:
        items = [c for row in block.rows for c in row] if isinstance(block, Grid) else [block]
        for item in items:
            if item.box is not None and item.text.strip():
                placed[(item.at.line, item.at.column)] = item.box
    found = []
    for mark in marks:
        line, column = mark.get("line"), mark.get("column")
        if column is not None:
            box = placed.get((line, column))
            if box is not None:
                found.append(box)
            continue
        in_line = [b for (ln, _), b in placed.items() if ln == line]
        if in_line:
            found.append(_union(in_line))
    return found


def _union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
