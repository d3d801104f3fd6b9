"""The Python API: read a file into the canonical document."""

from __future__ import annotations

from pathlib import Path

from budgetlens.ingest import read_path
from budgetlens.model import Document
from budgetlens.recognize.document import raw_to_document


def read_document(path: str | Path) -> Document:
    """Read and recognise one disclosure file. Raises `UnreadableError` when it cannot be read."""
    return raw_to_document(read_path(Path(path)))
