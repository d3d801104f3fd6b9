"""OCR of scanned PDF pages (pages without a text layer): page image → text lines with confidences.

Scans are published as often as text PDFs, and their figures must be checked too. The engine is
RapidOCR (``rapidocr-onnxruntime``, the optional ``ocr`` extra): it ships its ONNX models in the
wheel, so nothing is downloaded at run time. It is imported only when a scan is met; without the
extra a scan raises `UnreadableError` with the install command.

Each page is rendered with PDFium at `SCALE` and recognised into text boxes (one box per run of
text, with a score from 0 to 1). A box is handed to the text-PDF layout as one wide "character"
(`pdf.page_to_blocks`), so scans get the same line grouping, gap splitting and page-number removal
as text PDFs, and the same page/line/column provenance. A text line's confidence is the score of
its weakest box, rounded to 3 places (scores differ in the last digits between CPUs).

OCR takes seconds per page: `terminal_progress` shows a progress bar on stderr while it runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from budgetlens.errors import UnreadableError
from budgetlens.ingest.pdf import PageInput, page_to_blocks
from budgetlens.ingest.pdf_page import PDFIUM, Char, page_view
from budgetlens.ingest.raw import Block

SCALE = 2.0  # 144 dpi: body text (10–16 pt) is 20–30 px high, what the recogniser works best at
INSTALL_HINT = "需要安装 OCR 扩展后才能读取：pip install 'budgetlens[ocr]'"

ProgressCallback = Callable[[int, int], None]  # (pages done, pages to do)
_progress: ContextVar[ProgressCallback | None] = ContextVar("budgetlens_ocr_progress", default=None)


def ocr_available() -> bool:
    """Whether the OCR extra is installed (and importable)."""
    try:
        _engine_class()
    except ImportError:
        return False
    return True


def read_scanned_pages(document: Any, indices: list[int], name: str) -> dict[int, list[Block]]:
    """Blocks of the given 0-based pages of an open ``pypdfium2.PdfDocument``, by OCR."""
    try:
        _engine_class()  # on every call (cheap once imported), not only before the engine is cached
    except ImportError as error:
        raise UnreadableError(f"{name} 是扫描件（没有文字层），{INSTALL_HINT}") from error
    engine = _engine()
    report = _progress.get()
    blocks: dict[int, list[Block]] = {}
    for done, index in enumerate(indices):
        if report is not None:
            report(done, len(indices))
        with PDFIUM:  # only the rendering: OCR itself lets other threads use PDFium
            page = document[index]
            try:
                view = page_view(page)
                image = page.render(scale=SCALE).to_pil().copy()  # not a view of PDFium's bitmap
            finally:
                page.close()
        result, _ = engine(image)
        scores: dict[Char, float] = {}
        for box, text, score in result or []:
            char = _box_to_char(box, text)
            if char.text:  # the same text twice at the same place is one box
                scores[char] = min(round(float(score), 3), scores.get(char, 1.0))
        page_input = PageInput(index + 1, view.width, view.height, list(scores), [])
        blocks[index] = page_to_blocks(page_input, scores=scores)
    if report is not None:
        report(len(indices), len(indices))
    return blocks


def _box_to_char(box: list[list[float]], text: str) -> Char:
    """A recognised box (four corner points in pixels) as an upright box in points."""
    xs = [point[0] / SCALE for point in box]
    ys = [point[1] / SCALE for point in box]
    return Char(text.strip(), min(xs), min(ys), max(xs), max(ys))


@cache
def _engine() -> Any:
    """One engine per process: loading the models takes seconds."""
    return _engine_class()()


def _engine_class() -> Any:
    """RapidOCR's engine class; `ImportError` when the extra is not installed."""
    from rapidocr_onnxruntime import RapidOCR  # noqa: PLC0415 - the optional extra, loaded for scans only

    return RapidOCR


@contextmanager
def terminal_progress() -> Iterator[None]:
    """While reading: a progress bar on stderr for pages being OCR'd, when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield
        return
    bar: list[Progress] = []

    def report(done: int, total: int) -> None:
        if not bar:
            progress = Progress(
                TextColumn("文字识别（OCR）"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("页"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            progress.add_task("ocr", total=total)
            progress.start()
            bar.append(progress)
        bar[0].update(bar[0].task_ids[0], completed=done, total=total)

    token = _progress.set(report)
    try:
        yield
    finally:
        _progress.reset(token)
        if bar:
            bar[0].stop()
