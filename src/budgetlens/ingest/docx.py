"""Reader for Word documents (.docx): body paragraphs and tables, in document order.

python-docx opens the package (relationships, the main document part, a parser that resolves no
entities); the body's child elements are walked here, so content wrapped in content controls
(``w:sdt``, as Word wraps a table of contents) or custom XML is not skipped, as python-docx's
``iter_inner_content`` would skip it.

- A paragraph is a `TextLine` (headings too: their text is all that matters); a line break
  inside it starts a new line. Text is taken from ``w:t`` runs, tabs read as a space; hidden
  runs (``w:vanish``), deleted or moved-away text, text boxes and the fallback copy of
  alternate content are left out. A paragraph with numbering (``w:numPr``) or a list style is a
  list item unless it has a heading style; automatic numbers are not part of the text.
- A table is a `Grid` with one row per ``w:tr``. A cell merged across columns (``gridSpan``) or
  rows (``vMerge``) prints its text once, in its top-left cell; the other cells of the span are
  blank. Rows that start late (``gridBefore``) keep their columns. A cell's paragraphs (and any
  table nested in it) join with spaces, as a wrapped cell reads in a text export.
- Provenance: ``page`` None (a .docx has no fixed pages), ``line`` the 1-based position in
  reading order, counting each text line and each table row, ``column`` the 0-based grid column.

Hostile input: the zip's declared sizes are checked before anything is decompressed (as for
.xlsx), and so are each table row's width and the total number of cells before they are built.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import OpcError
from docx.oxml.table import CT_Tc
from lxml import etree  # type: ignore[import-untyped]

from budgetlens.errors import UnreadableError
from budgetlens.ingest.excel_layout import MAX_CELLS
from budgetlens.ingest.raw import Block, Grid, GridCell, RawDocument, TextLine
from budgetlens.ingest.zip_guard import check_sizes
from budgetlens.model import Provenance, Source

ZIP_MAGIC = b"PK\x03\x04"
DOCUMENT = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
WORD_TYPE = b"wordprocessingml.document"
MAX_COLUMNS = 1_000
CORRUPT = "Word 文档已损坏或不完整，无法读取"
TOO_LARGE = "Word 文档解压后过大或单元格过多（疑似压缩炸弹），已拒绝读取"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"})
_SKIPPED = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}rPr"})
_BREAKS = frozenset({f"{_W}br", f"{_W}cr"})
_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OSError, OpcError)


class DocxReader:
    format = "docx"

    def sniff(self, head: bytes) -> bool:
        """A zip holding ``word/`` parts, or whose ``[Content_Types].xml`` names a Word document."""
        if not head.startswith(ZIP_MAGIC):
            return False
        members = _members_in_head(head)
        names = [name for name, _, _ in members]
        if any(n.startswith("word/") for n in names):
            return True
        if any(n.startswith(("xl/", "ppt/")) for n in names):
            return False
        types = [_inflate(method, data) for name, method, data in members if name == CONTENT_TYPES]
        return any(WORD_TYPE in t for t in types)

    def read(self, path: Path, source: Source) -> RawDocument:
        try:
            with zipfile.ZipFile(path) as archive:
                check_sizes(archive, path.name, required=DOCUMENT, kind="Word 文档", too_large=TOO_LARGE)
            # python-docx reports a malformed package with whatever error its parts raise
            body = docx.Document(str(path)).element.body
            blocks = _Walk().body(body)
        except (*_ERRORS, AttributeError, TypeError, etree.LxmlError) as error:
            raise UnreadableError(f"{CORRUPT}：{path.name}（{type(error).__name__}）。") from error
        return RawDocument(source, blocks)


def _members_in_head(head: bytes) -> list[tuple[str, int, bytes]]:
    """Name, compression method and (possibly cut) data of the zip members whose headers lie in ``head``."""
    members: list[tuple[str, int, bytes]] = []
    offset = 0
    while offset + 30 <= len(head) and head[offset : offset + 4] == ZIP_MAGIC:
        flags, method = struct.unpack_from("<HH", head, offset + 6)
        (size,) = struct.unpack_from("<I", head, offset + 18)
        name_length, extra_length = struct.unpack_from("<HH", head, offset + 26)
        start = offset + 30 + name_length + extra_length
        name = head[offset + 30 : offset + 30 + name_length].decode("utf-8", errors="replace")
        streamed = bool(flags & 0x08)  # sizes follow the data: the next header cannot be found
        members.append((name, method, head[start:] if streamed else head[start : start + size]))
        if streamed:
            break
        offset = start + size
    return members


def _inflate(method: int, data: bytes) -> bytes:
    """As much of a member as its bytes in the head give (at most 64 KiB)."""
    if method == 0:
        return data
    try:
        return zlib.decompressobj(-15).decompress(data, 2**16) if method == 8 else b""
    except zlib.error:
        return b""


def _content(element: Any, tags: frozenset[str]) -> Iterator[Any]:
    """Children of ``element`` with one of ``tags``, looking through content controls and custom XML."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _content(child, tags)


def _paragraph_text(p: Any) -> str:
    """The paragraph's text as printed: runs' text, tabs as spaces, breaks as new lines."""
    parts: list[str] = []
    stack = list(reversed(p))
    while stack:
        element = stack.pop()
        tag = element.tag
        if tag in _SKIPPED or (tag == f"{_W}r" and element.find(f"{_W}rPr/{_W}vanish") is not None):
            continue
        if tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag == f"{_W}tab":
            parts.append(" ")
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag != f"{_W}p":  # a paragraph nested in a run belongs to a text box
            stack.extend(reversed(element))
    return "".join(parts)


def _is_list_item(p: Any) -> bool:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    name = (style.get(f"{_W}val") or "") if style is not None else ""
    if name.lower().startswith(("heading", "title")) or name.isdigit():  # 标题 1 is stored as "1"
        return False
    return p.find(f"{_W}pPr/{_W}numPr") is not None or name.lower().startswith("list")


def _cell_text(tc: Any) -> str:
    pieces: list[str] = []
    for block in _content(tc, frozenset({f"{_W}p", f"{_W}tbl"})):
        if block.tag == f"{_W}p":
            pieces += _paragraph_text(block).split()
        else:
            for tr in _content(block, frozenset({f"{_W}tr"})):
                for inner in _content(tr, frozenset({f"{_W}tc"})):
                    pieces.append(_cell_text(inner))
    return " ".join(p for p in pieces if p)


class _Walk:
    """The body's blocks in order, numbering text lines and table rows as they are read."""

    def __init__(self) -> None:
        self.line = 0
        self.cells = 0
        self.blocks: list[Block] = []

    def body(self, body: Any) -> list[Block]:
        for block in _content(body, frozenset({f"{_W}p", f"{_W}tbl"})):
            if block.tag == f"{_W}p":
                list_item = _is_list_item(block)
                for text in _paragraph_text(block).splitlines():
                    if text.strip():
                        self.line += 1
                        self.blocks.append(TextLine(text.strip(), Provenance(line=self.line), list_item))
            else:
                self.table(block)
        return self.blocks

    def table(self, tbl: Any) -> None:
        grid = Grid()
        for tr in _content(tbl, frozenset({f"{_W}tr"})):
            texts = self.row(tr)
            if any(texts):
                self.line += 1
                at = [Provenance(line=self.line, column=c) for c in range(len(texts))]
                grid.rows.append([GridCell(t, a) for t, a in zip(texts, at, strict=True)])
        width = grid.width
        for row in grid.rows:  # a row that ends early keeps the grid rectangular
            line = row[0].at.line
            row.extend(GridCell("", Provenance(line=line, column=c)) for c in range(len(row), width))
        if grid.rows:
            self.blocks.append(grid)

    def row(self, tr: Any) -> list[str]:
        """One row's printed texts: a merged cell's text in its first grid column, the rest blank."""
        before = tr.find(f"{_W}trPr/{_W}gridBefore")
        texts = [""] * max(0, int(before.get(f"{_W}val", "0")) if before is not None else 0)
        for tc in _content(tr, frozenset({f"{_W}tc"})):
            span = max(1, tc.grid_span) if isinstance(tc, CT_Tc) else 1
            if len(texts) + span > MAX_COLUMNS:
                raise UnreadableError(f"{TOO_LARGE}：表格一行超过 {MAX_COLUMNS:,} 列。")
            merged_below = isinstance(tc, CT_Tc) and tc.vMerge == "continue"
            texts += ["" if merged_below else _cell_text(tc)] + [""] * (span - 1)
        self.cells += len(texts)
        if self.cells > MAX_CELLS:
            raise UnreadableError(f"{TOO_LARGE}：表格单元格超过 {MAX_CELLS:,} 个。")
        return texts
