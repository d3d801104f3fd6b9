"""Pick the reader for a file by sniffing its content."""

from __future__ import annotations

import hashlib
from pathlib import Path

from budgetlens.errors import UnreadableError
from budgetlens.ingest.excel import ExcelReader
from budgetlens.ingest.pdf import PdfReader
from budgetlens.ingest.raw import RawDocument, Reader
from budgetlens.ingest.text import TextReader
from budgetlens.model import Source

SNIFF_BYTES = 4096


def readers() -> list[Reader]:
    """Readers in the order they are tried; binary formats first, plain text last."""
    return [PdfReader(), ExcelReader(), TextReader()]


def read_path(path: Path) -> RawDocument:
    """Read any supported file into a raw document; `UnreadableError` with a Chinese message if not."""
    if not path.exists():
        raise UnreadableError(f"找不到文件：{path}")
    if not path.is_file():
        raise UnreadableError(f"不是文件：{path}")
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableError(f"文件是空的：{path.name}")
    head = data[:SNIFF_BYTES]
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        raise UnreadableError(f"{path.name} 是网页（HTML），不是预决算公开文档；请下载网页中的附件。")
    for reader in readers():
        if reader.sniff(head):
            source = Source(path.name, reader.format, hashlib.sha256(data).hexdigest())
            return reader.read(path, source)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableError(f"{path.name} 的格式（Word）暂不支持，目前能读取 PDF、Excel 和文本文件。")
    raise UnreadableError(f"无法识别 {path.name} 的文件格式。")
