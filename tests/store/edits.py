"""Edited copies of real documents, for what the real corpus lacks (a unit's prior year, a budget
and final account of one unit): a deep copy with changed fields and cells, and source bytes (the
real file plus a marker line) whose sha256 the copy carries, so the store takes it as another file."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

from budgetlens import Document


def edited(document: Document, path: Path, tag: str, **fields: Any) -> tuple[Document, bytes]:
    """A copy of ``document`` with ``fields`` replaced, as if read from a file of its own."""
    copied = copy.deepcopy(document)
    data = path.read_bytes() + f"\n{tag}\n".encode()
    copied.source = dataclasses.replace(
        copied.source, sha256=hashlib.sha256(data).hexdigest(), name=f"{tag}{path.suffix}"
    )
    for name, value in fields.items():
        setattr(copied, name, value)
    return copied, data


def set_amount(document: Document, type_id: str, amount: str, *, column: str, **match: str) -> None:
    """Change one printed cell (text and amount) of the first table of ``type_id``."""
    row = document.table(type_id).find(**match)
    cell = row.values[column]
    row.values[column] = dataclasses.replace(cell, text=amount, amount=Decimal(amount))
