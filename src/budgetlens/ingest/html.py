"""Reader for web pages saved from a 预决算公开 portal: the disclosure's text and tables.

lxml's HTML parser (libxml2) reads the page as a browser would, tolerating broken markup. The walk:

- Scripts, styles, forms' widgets, the ``<head>`` and elements hidden by ``hidden`` or an inline
  ``display:none`` are skipped. Block elements (``p``, ``div``, ``h1``–``h6``, ``li`` …) and
  ``<br>`` end a line; whitespace collapses as the browser shows it (``&nbsp;`` is kept).
  Each line is a `TextLine`; a line inside ``<li>`` is a list item.
- A ``<table>`` holding another table is layout: its cells are read as running text and its
  inner tables in turn. A leaf table with two or more columns is a `Grid`: a cell spanning
  columns or rows (``colspan``/``rowspan``) prints once, in its top-left cell, the others of
  the span are blank; its ``<caption>`` is a text line above. A one-column leaf table, or one
  holding nothing but links (a menu), is layout.
- Provenance: ``page`` None, ``line`` the 1-based position in reading order, counting each text
  line and each table row, ``column`` the 0-based grid column.

Encoding: a byte-order mark, else strict UTF-8, else the page's declared ``charset`` (GB2312 and
GBK read as their superset GB18030), else GB18030. A page without disclosure content — no data
table and no line stating a 预算/决算 amount — is a portal's landing page: `UnreadableError`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from budgetlens.errors import UnreadableError
from budgetlens.ingest.excel_layout import MAX_CELLS
from budgetlens.ingest.raw import Block, Grid, GridCell, RawDocument, TextLine
from budgetlens.model import Provenance, Source

LANDING = "{name} 是网页（HTML），不是预决算公开文档；请下载网页中的附件。"
TOO_LARGE = "网页中的表格单元格过多或嵌套过深，已拒绝读取"
MAX_SPAN = 1_000
_SNIFF = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|table[\s>])", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|encoding\s*=\s*["']([\w.:-]+)""", re.I)
_GB = frozenset({"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "hz-gb-2312"})
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|^\s*<\?xml[^>]*>")
_BREAK = "\x00"  # a <br>: the parsed text never holds NUL
_SPACE = re.compile(r"[ \t\n\r\f]+")
_SKIP = re.compile(
    r"head|title|script|style|noscript|template|select|option|textarea|button|input|iframe|object|embed|svg|map|canvas"
)
_BLOCK = re.compile(
    r"p|div|h[1-6]|li|ul|ol|dl|dt|dd|hr|pre|section|article|header|footer|nav|aside|main|blockquote|form|center"
    r"|fieldset|address|figure|figcaption|body|table|caption|thead|tbody|tfoot|tr|td|th"
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DATA_WORDS = re.compile(r"收入|支出|科目|经费|合计")
_STATED_AMOUNT = re.compile(r"(?:预算|决算).*\d\s*(?:万元|亿元|元)|\d\s*(?:万元|亿元|元).*(?:预算|决算)")


class HtmlReader:
    format = "html"

    def sniff(self, head: bytes) -> bool:
        for bom, encoding in _BOMS[1:]:
            if head.startswith(bom):
                head = head.decode(encoding, errors="ignore").encode("utf-8")
        start = head.removeprefix(codecs.BOM_UTF8).lstrip()
        return start.startswith(b"<") and _SNIFF.search(head) is not None

    def read(self, path: Path, source: Source) -> RawDocument:
        text = decode(path.read_bytes())
        # libxml2 stops at 256 nested elements (and says so), which also bounds the walk's recursion
        parser = lxml.html.HTMLParser()
        try:
            root = lxml.html.document_fromstring(_CONTROL.sub("", text), parser=parser)
        except etree.ParserError:  # nothing but whitespace and comments
            root = None
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
            raise UnreadableError(f"{TOO_LARGE}：{path.name}。")
        blocks = _Walk().page(root) if root is not None else []
        if not has_disclosure(blocks):
            raise UnreadableError(LANDING.format(name=path.name))
        return RawDocument(source, blocks)


def decode(data: bytes) -> str:
    """The page's text (see the module docstring for the order encodings are tried in)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _CHARSET.search(data[:8192])
    names = ["utf-8"]
    if declared:
        name = (declared.group(1) or declared.group(2)).decode("ascii").lower()
        names.append("gb18030" if name in _GB else name)
    for name in [*names, "gb18030"]:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableError("网页既不是 UTF-8 也不是 GB18030 编码，且声明的编码无法解码，无法读取。")


def has_disclosure(blocks: list[Block]) -> bool:
    """A data table (收入, 支出, 科目 …) or a line stating a 预算/决算 amount: not a landing page."""
    for block in blocks:
        if isinstance(block, Grid):
            if any(_DATA_WORDS.search(c.text) for row in block.rows for c in row):
                return True
        elif _STATED_AMOUNT.search(block.text):
            return True
    return False


def _tag(element: Any) -> str | None:
    """The lower-case tag of an element; None for comments and processing instructions."""
    return element.tag.lower() if isinstance(element.tag, str) else None


def _hidden(element: Any) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN.search(element.get("style") or ""))


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).replace("\xa0", " ").strip()


def _cell_text(cell: Any) -> str:
    """A cell's visible text on one line: its lines and blocks joined with spaces."""
    parts: list[str] = [cell.text or ""]
    for child in cell:
        tag = _tag(child)
        if tag is not None and not _SKIP.fullmatch(tag) and not _hidden(child):
            parts += [" ", _cell_text(child), " "]
        parts.append(child.tail or "")
    return _collapse("".join(parts))


def _span(cell: Any, name: str) -> int:
    digits = re.match(r"\s*(\d+)", cell.get(name) or "")
    return min(max(int(digits.group(1)), 1), MAX_SPAN) if digits else 1


def _navigation(table: Any) -> bool:
    """A table of links only (a portal's menu or footer), however many columns it has."""
    cells = [c for c in table.iter("td", "th") if _cell_text(c)]
    return bool(cells) and all(_cell_text(c) == " ".join(_cell_text(a) for a in c.iter("a")) for c in cells)


def _row_cells(row: Any) -> list[Any]:
    return [c for c in row if _tag(c) in ("td", "th") and not _hidden(c)]


class _Walk:
    """The page's blocks in reading order, numbering text lines and table rows as they are read."""

    def __init__(self) -> None:
        self.line = 0
        self.cells = 0
        self.lists = 0  # depth of <li> elements around the text being gathered
        self.parts: list[str] = []
        self.blocks: list[Block] = []

    def page(self, root: Any) -> list[Block]:
        self.visit(root)
        self.flush()
        return self.blocks

    def flush(self) -> None:
        for text in "".join(self.parts).split(_BREAK):
            if _collapse(text):
                self.line += 1
                self.blocks.append(TextLine(_collapse(text), Provenance(line=self.line), self.lists > 0))
        self.parts = []

    def visit(self, element: Any) -> None:
        tag = _tag(element)
        if tag is None or _SKIP.fullmatch(tag) or _hidden(element):
            return
        if tag == "br":
            self.parts.append(_BREAK)
            return
        if tag == "table" and self.table(element):
            return
        block = _BLOCK.fullmatch(tag) is not None
        if block:
            self.flush()
        self.lists += tag == "li"
        self.parts.append(element.text or "")
        for child in element:
            self.visit(child)
            self.parts.append(child.tail or "")
        if block:
            self.flush()
        self.lists -= tag == "li"

    def table(self, table: Any) -> bool:
        """Read a leaf data table as a grid (True); False leaves a layout table to `visit`."""
        if next(table.iterdescendants("table"), None) is not None or _navigation(table):
            return False
        rows = [r for r in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr") if not _hidden(r)]
        texts = self.grid_texts(rows)
        width = max((len(r) for r in texts), default=0)
        if width < 2:
            return False
        self.flush()
        for caption in table.xpath("./caption"):
            self.parts.append(_cell_text(caption))
            self.flush()
        grid = Grid()
        for printed in texts:
            if any(printed):
                self.line += 1
                cells = [*printed, *[""] * (width - len(printed))]
                grid.rows.append(
                    [GridCell(t, Provenance(line=self.line, column=c)) for c, t in enumerate(cells)]
                )
        self.blocks.append(grid)
        return True

    def grid_texts(self, rows: list[Any]) -> list[list[str]]:
        """Each row's printed texts: a spanning cell's text in its top-left cell, the rest blank."""
        below: dict[int, int] = {}  # column → rows still covered by a rowspan from above
        texts: list[list[str]] = []
        for row in rows:
            covered = {c for c, left in below.items() if left > 0}
            printed: list[str] = []
            for cell in _row_cells(row):
                while len(printed) in covered:
                    printed.append("")
                colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
                for c in range(len(printed), len(printed) + colspan):
                    below[c] = max(below.get(c, 0), rowspan - 1)
                printed += [_cell_text(cell)] + [""] * (colspan - 1)
            printed += [""] * (max(covered, default=-1) + 1 - len(printed))
            for c in covered:
                below[c] -= 1
            self.cells += len(printed)
            if self.cells > MAX_CELLS:
                raise UnreadableError(f"{TOO_LARGE}：超过 {MAX_CELLS:,} 个单元格。")
            texts.append(printed)
        return texts
