"""The Python API: read a file into the canonical document."""

from __future__ import annotations

from pathlib import Path

from budgetlens.ingest import read_path
from budgetlens.ingest.pdf import MAX_PAGES
from budgetlens.model import Document
from budgetlens.recognize.document import raw_to_document


def read_document(path: str | Path, *, max_pages: int = MAX_PAGES) -> Document:
    """Read and recognise one disclosure file. Raises `UnreadableError` when it cannot be read.

    ``max_pages``: a PDF of more pages is refused before its pages are read (default 500).
    """
    return raw_to_document(read_path(Path(path), max_pages=max_pages))
