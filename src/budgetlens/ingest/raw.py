"""The shared intermediate form every reader produces: text lines and grids, in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from budgetlens.model import Provenance, Source


@dataclass(frozen=True)
class TextLine:
    """A line of running text (a title, a meta line such as 单位：万元, a paragraph).

    ``list_item`` marks a line printed as a bullet (``- （七）承担…``): list text, never a heading.
    """

    text: str
    at: Provenance
    list_item: bool = False


@dataclass(frozen=True)
class GridCell:
    text: str
    at: Provenance


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
