"""The shared intermediate form every reader produces: text lines and grids, in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from budgetlens.model import Provenance, Source

Box = tuple[float, float, float, float]
"""x0, top, x1, bottom in PDF points from the page's top left: what the page image marks."""


@dataclass(frozen=True)
class TextLine:
    """A line of running text (a title, a meta line such as 单位：万元, a paragraph).

    ``list_item`` marks a line printed as a bullet (``- （七）承担…``): list text, never a heading.
    ``confidence`` is the OCR engine's score (0–1) for a line read from a scan; None for printed text.
    ``box`` is where a PDF page prints it (see `Box`); None for formats without pages.
    """

    text: str
    at: Provenance
    list_item: bool = False
    confidence: float | None = None
    box: Box | None = field(default=None, compare=False)


@dataclass(frozen=True)
class GridCell:
    """One cell as printed; ``box`` as for `TextLine` (a merged cell's box covers its whole span)."""

    text: str
    at: Provenance
    box: Box | None = field(default=None, compare=False)


@dataclass
class Grid:
    """Table-like rows of cells as the source laid them out; merged cells print in their first column."""

    rows: list[list[GridCell]] = field(default_factory=list)

    @property
    def at(self) -> Provenance:
        return self.rows[0][0].at if self.rows and self.rows[0] else Provenance()

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


Block = TextLine | Grid


@dataclass
class RawDocument:
    source: Source
    blocks: list[Block]


class Reader(Protocol):
    """One reader per format: `sniff` looks at the first bytes, `read` produces the raw document."""

    format: str

    def sniff(self, head: bytes) -> bool: ...

    def read(self, path: Path, source: Source) -> RawDocument: ...
