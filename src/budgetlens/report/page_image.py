"""The debug view of a PDF page: the page image with what the reader and recogniser saw drawn on it.

Drawn: every ruling edge PDFium reported (grey), each detected table's cells as merged (blue), the
table's outer box (red) and, above it, the recognised table type id (``final.income``) or ``?``
when the grid was not recognised as a standard table. It is the fastest way to see why a table was
misread: a missing rule, two tables merged into one, a header cut off.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from budgetlens.errors import UnreadableError
from budgetlens.ingest.pdf_grid import Lattice, find_tables
from budgetlens.ingest.pdf_page import PDFIUM, page_to_edges, page_view
from budgetlens.ingest.raw import Grid
from budgetlens.model import Document

EDGE = (150, 150, 150)
CELL = (30, 90, 220)
TABLE = (220, 30, 30)
LABEL_SIZE = 14


def render_debug_page(
    path: Path, page_number: int, document: Document, grids: list[Grid], scale: float = 2.0
) -> Image.Image:
    """The page image with edges, cells and the recognised table types drawn on it.

    ``grids`` are the grids the reader produced for this page, in order; they pair one to one with
    the detected tables that printed any text.
    """
    with PDFIUM:
        pdf = pdfium.PdfDocument(path)
        try:
            if not 1 <= page_number <= len(pdf):
                raise UnreadableError(f"{path.name} 只有 {len(pdf)} 页，没有第 {page_number} 页。")
            page = pdf[page_number - 1]
            view = page_view(page)
            finding = find_tables(page_to_edges(page, view))
            image: Image.Image = page.render(scale=scale).to_pil().convert("RGB")
        finally:
            pdf.close()
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=LABEL_SIZE * scale / 2)
    for edge in finding.edges:
        draw.rectangle(_scaled((edge.x0, edge.top, edge.x1, edge.bottom), scale), outline=EDGE)
    labels = _grid_labels(document, page_number, grids)
    lattices = [lattice for lattice in finding.lattices if lattice.rows and lattice.columns]
    for index, lattice in enumerate(lattices):
        _draw_cells(draw, lattice, scale)
        box = _scaled(lattice.box, scale)
        draw.rectangle(box, outline=TABLE, width=max(2, int(scale)))
        label = labels[index] if index < len(labels) else "?"
        draw.text((box[0], max(0.0, box[1] - LABEL_SIZE * scale)), label, fill=TABLE, font=font)
    return image


def _draw_cells(draw: ImageDraw.ImageDraw, lattice: Lattice, scale: float) -> None:
    for box in lattice.spans.values():
        draw.rectangle(_scaled(box, scale), outline=CELL)


def _grid_labels(document: Document, page_number: int, grids: list[Grid]) -> list[str]:
    """For each grid of the page, the id of the recognised table holding its first row; for a grid
    without rows (an empty table), the next table printed on the page that has no grid yet; else ``?``."""
    located: dict[int, str] = {}
    for table in document.tables:
        for row in table.rows:
            if row.at.page == page_number and row.at.line is not None:
                located.setdefault(row.at.line, table.type)
        for item in table.performance:
            for indicator in item.indicators:
                if indicator.at.page == page_number and indicator.at.line is not None:
                    located.setdefault(indicator.at.line, table.type)
    on_page = [t.type for t in document.tables if page_number in t.pages]
    labels: list[str | None] = []
    for grid in grids:
        lines = {cell.at.line for row in grid.rows for cell in row if cell.at.line is not None}
        labels.append(next((located[line] for line in sorted(lines) if line in located), None))
    unused = iter([t for t in on_page if t not in labels])
    return [label or next(unused, "?") for label in labels]


def _scaled(box: tuple[float, float, float, float], scale: float) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = box
    return x0 * scale, top * scale, max(x1, x0 + 0.5) * scale, max(bottom, top + 0.5) * scale
