"""One PDFium page → characters with boxes and ruling edges, in top-down page coordinates.

This is the only module that talks to PDFium page by page, through the raw ``FPDFText_*`` /
``FPDFPageObj_*`` calls of ``pypdfium2.raw``: the page text in one call and one box call per
character, and no Python wrapper object per page object (the helpers' ``get_objects`` costs about
ten times more on densely ruled pages).

Coordinates are points with the origin at the top-left corner of the page *as displayed*: a page
with ``/Rotate 90`` is turned upright here, so layout code never sees rotation. ``top < bottom``.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

LINE_THICKNESS = 2.5  # a filled or stroked box thinner than this (pt) is a ruling line
MIN_EDGE = 1.0  # shorter strokes are dots or serifs, not rulings
AXIS_SLANT = 0.5  # a segment whose ends differ by less than this across its direction is axis-aligned
WHITE = 250  # a fill or stroke brighter than this on every channel is invisible on paper
_FORM_DEPTH = 8
# whitespace (gaps make spaces, see pdf_layout), line breaks PDFium generates, non-characters
_SKIPPED = frozenset("\x00\t\n\r \xa0\u3000\ufffe\uffff")

# PDFium is not thread-safe, not even across documents: every call into it, from the readers and
# from the page images the web server renders while an upload is being read, holds this lock.
PDFIUM = threading.RLock()

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Char(NamedTuple):
    """One printed character: its loose box (font ascent to descent, advance width)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


class Edge(NamedTuple):
    """A ruling line segment: horizontal when ``top == bottom``, vertical when ``x0 == x1``."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass(frozen=True, slots=True)
class PageView:
    """How PDF user space maps onto the upright page: crop box and rotation (0, 90, 180, 270)."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int

    @property
    def width(self) -> float:
        across = self.right - self.left
        return across if self.rotation in (0, 180) else self.top - self.bottom

    @property
    def height(self) -> float:
        down = self.top - self.bottom
        return down if self.rotation in (0, 180) else self.right - self.left

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A user-space point in upright top-down coordinates."""
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """A user-space box as ``(x0, top, x1, bottom)`` upright."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def page_view(page: Any) -> PageView:
    """The crop box and rotation of a ``pypdfium2.PdfPage``."""
    left, bottom, right, top = page.get_cropbox()
    rotation = int(page.get_rotation()) % 360
    return PageView(float(left), float(bottom), float(right), float(top), rotation)


def textpage_to_chars(textpage: Any, view: PageView) -> list[Char]:
    """Every printed character of a ``PdfTextPage`` with its loose box; spaces and breaks are left out."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    text = _page_text(raw, count)
    rect = pdfium_c.FS_RECTF()
    chars: list[Char] = []
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    upright = view.rotation == 0
    left, top = view.left, view.top
    for index in range(count):
        char = text[index] if text is not None else chr(pdfium_c.FPDFText_GetUnicode(raw, index))
        if char in _SKIPPED or "\ud800" <= char <= "\udfff" or not loose_box(raw, index, rect):
            continue
        if upright:  # the common case, inlined: this loop runs once per character of the document
            box = (rect.left - left, top - rect.top, rect.right - left, top - rect.bottom)
            chars.append(Char(char, *box))
        else:
            chars.append(Char(char, *view.box(rect.left, rect.bottom, rect.right, rect.top)))
    return chars


def _page_text(raw: Any, count: int) -> str | None:
    """All characters of a text page in one call, or None when they do not line up with the indices."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", errors="surrogatepass")
    return text if len(text) == count else None


def page_to_edges(page: Any, view: PageView) -> list[Edge]:
    """Ruling lines drawn on a page: thin boxes, stroked rectangles and axis-aligned path segments."""
    raw = page.raw
    collector = _EdgeCollector(view)
    collector.collect(
        [pdfium_c.FPDFPage_GetObject(raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw))]
    )
    return collector.edges


class _EdgeCollector:
    """Walks page objects (forms opened) and keeps the edges of paths; C output slots allocated once."""

    def __init__(self, view: PageView) -> None:
        self.view = view
        self.edges: list[Edge] = []
        self.left, self.bottom, self.right, self.top = (ctypes.c_float() for _ in range(4))
        self.fill_mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.r, self.g, self.b, self.a = (ctypes.c_uint() for _ in range(4))

    def collect(self, objects: list[Any], matrix: Matrix = IDENTITY, depth: int = 0) -> None:
        """``matrix`` maps the objects' space (a form's) to page space."""
        get_type = pdfium_c.FPDFPageObj_GetType
        for obj in objects:
            kind = get_type(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self.path(obj, matrix)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _FORM_DEPTH:
                count = pdfium_c.FPDFFormObj_CountObjects(obj)
                children = [pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count)]
                self.collect(children, _compose(_object_matrix(obj), matrix), depth + 1)

    def path(self, obj: Any, matrix: Matrix) -> None:
        if not pdfium_c.FPDFPageObj_GetBounds(obj, self.left, self.bottom, self.right, self.top):
            return
        box = _transform_box(matrix, self.left.value, self.bottom.value, self.right.value, self.top.value)
        x0, top, x1, bottom = self.view.box(*box)
        width, height = x1 - x0, bottom - top
        if (width < MIN_EDGE and height < MIN_EDGE) or not self.visible(obj):
            return
        if height <= LINE_THICKNESS and width >= height:
            middle = (top + bottom) / 2
            self.edges.append(Edge(x0, middle, x1, middle))
        elif width <= LINE_THICKNESS:
            middle = (x0 + x1) / 2
            self.edges.append(Edge(middle, top, middle, bottom))
        elif width >= MIN_EDGE and height >= MIN_EDGE:
            self.edges.extend(_segment_edges(obj, _compose(_object_matrix(obj), matrix), self.view))

    def visible(self, obj: Any) -> bool:
        """A path that leaves a dark mark: stroked in a non-white colour, or filled in one."""
        if not pdfium_c.FPDFPath_GetDrawMode(obj, self.fill_mode, self.stroke):
            return False
        if self.stroke.value and not self.white(pdfium_c.FPDFPageObj_GetStrokeColor, obj):
            return True
        return bool(self.fill_mode.value) and not self.white(pdfium_c.FPDFPageObj_GetFillColor, obj)

    def white(self, get_color: Any, obj: Any) -> bool:
        if not get_color(obj, self.r, self.g, self.b, self.a):
            return False
        return self.a.value == 0 or min(self.r.value, self.g.value, self.b.value) > WHITE


def _segment_edges(obj: Any, matrix: Matrix, view: PageView) -> Iterator[Edge]:
    """Axis-aligned straight segments of a general path (curves are skipped)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    current: tuple[float, float] | None = None
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = view.point(*_apply(matrix, x.value, y.value))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
            edge = _edge(current, point)
            if edge is not None:
                yield edge
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            edge = _edge(point, start)
            if edge is not None:
                yield edge
            current = start


def _edge(a: tuple[float, float], b: tuple[float, float]) -> Edge | None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) < AXIS_SLANT and abs(ax - bx) >= MIN_EDGE:
        y = (ay + by) / 2
        return Edge(min(ax, bx), y, max(ax, bx), y)
    if abs(ax - bx) < AXIS_SLANT and abs(ay - by) >= MIN_EDGE:
        x = (ax + bx) / 2
        return Edge(x, min(ay, by), x, max(ay, by))
    return None


def _object_matrix(obj: Any) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` first, then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _transform_box(
    m: Matrix, x0: float, y0: float, x1: float, y1: float
) -> tuple[float, float, float, float]:
    if m == IDENTITY:
        return x0, y0, x1, y1
    corners = [_apply(m, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs = [p[0] for p in corners]
    ys = [p[1] for p in corners]
    return min(xs), min(ys), max(xs), max(ys)
