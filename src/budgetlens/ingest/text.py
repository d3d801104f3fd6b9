"""Reader for plain-text disclosures (text exported from PDF or Word, as the seeds are).

Tables arrive as tab-separated lines; a run of consecutive non-blank lines containing tabs is one
grid. Markdown marks (``#``, ``**``, ``- ``) and escapes (``\\_``) left by converters are removed
from running text; cells are kept as printed apart from trimming, so recognition sees the print.
"""

from __future__ import annotations

import re
from pathlib import Path

from budgetlens.errors import UnreadableError
from budgetlens.ingest.raw import Block, Grid, GridCell, RawDocument, TextLine
from budgetlens.model import Provenance, Source

_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?=\S))|\*\*|__")
_BULLET = re.compile(r"^\s*[-*+]\s+\S")
_ENCODINGS = ("utf-8-sig", "gb18030")


def clean_line(text: str) -> str:
    """Running text without markdown marks or backslash escapes."""
    text = text.replace("\\_", "_").replace("\\*", "*")
    return _MARKDOWN.sub("", text).strip()


def decode(data: bytes) -> str:
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableError("文本文件既不是 UTF-8 也不是 GB18030 编码，无法读取。")


def lines_to_blocks(lines: list[str]) -> list[Block]:
    """Group lines into text lines and grids (consecutive tab-separated lines)."""
    blocks: list[Block] = []
    grid: Grid | None = None
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.rstrip("\r\n")
        if "\t" in line:
            if grid is None:
                grid = Grid()
                blocks.append(grid)
            cells = line.replace("\\_", "_").split("\t")
            grid.rows.append(
                [GridCell(c.strip(), Provenance(line=number, column=i)) for i, c in enumerate(cells)]
            )
            continue
        text = clean_line(line)
        if not text:
            grid = None
            continue
        if grid is not None and not _is_meta(text):
            # A tab-less line inside a grid is a row whose other cells were lost.
            grid.rows.append([GridCell(text, Provenance(line=number, column=0))])
            continue
        grid = None
        blocks.append(TextLine(text, Provenance(line=number), bool(_BULLET.match(line))))
    return [b for b in blocks if not isinstance(b, Grid) or b.rows]


def _is_meta(text: str) -> bool:
    return text.startswith(("注", "说明")) or "单位" in text[:6]


class TextReader:
    format = "text"

    def sniff(self, head: bytes) -> bool:
        if b"\x00" in head:
            return False
        for cut in range(4):  # the head may end inside a multi-byte character
            try:
                decode(head[: len(head) - cut])
            except UnreadableError:
                continue
            return True
        return False

    def read(self, path: Path, source: Source) -> RawDocument:
        text = decode(path.read_bytes())
        if not text.strip():
            raise UnreadableError("文件是空的，没有可读取的内容。")
        return RawDocument(source, lines_to_blocks(text.splitlines()))
