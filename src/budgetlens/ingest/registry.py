"""Pick the reader for a file by sniffing its content."""

from __future__ import annotations

import hashlib
from pathlib import Path

from budgetlens.errors import UnreadableError
from budgetlens.ingest.docx import DocxReader
from budgetlens.ingest.excel import ExcelReader
from budgetlens.ingest.html import HtmlReader
from budgetlens.ingest.pdf import MAX_PAGES, PdfReader
from budgetlens.ingest.raw import RawDocument, Reader
from budgetlens.ingest.text import TextReader
from budgetlens.model import Source

SNIFF_BYTES = 4096


def readers(max_pages: int = MAX_PAGES) -> list[Reader]:
    """Readers in the order they are tried; binary formats first, plain text last.

    Word comes before Excel, which takes a zip whose head shows no part names; HTML before text,
    and the HTML reader refuses a landing page without disclosure content.
    """
    return [PdfReader(max_pages), DocxReader(), ExcelReader(), HtmlReader(), TextReader()]


def read_path(path: Path, *, max_pages: int = MAX_PAGES) -> RawDocument:
    """Read any supported file into a raw document; `UnreadableError` with a Chinese message if not.

    ``max_pages``: a PDF of more pages is refused (the one setting for document size).
    """
    if not path.exists():
        raise UnreadableError(f"找不到文件：{path}")
    if not path.is_file():
        raise UnreadableError(f"不是文件：{path}")
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableError(f"文件是空的：{path.name}")
    head = data[:SNIFF_BYTES]
    for reader in readers(max_pages):
        if reader.sniff(head):
            source = Source(path.name, reader.format, hashlib.sha256(data).hexdigest())
            return reader.read(path, source)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableError(
            f"{path.name} 的格式暂不支持（可能是旧版 Word .doc 或其他压缩包），"
            "目前能读取 PDF、Word（.docx）、Excel、网页和文本文件。"
        )
    raise UnreadableError(f"无法识别 {path.name} 的文件格式。")
