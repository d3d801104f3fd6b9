"""`TableType`: one standard table of the vocabulary (vocabulary.py), with its layout and titles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Layout = Literal["coded", "two_sided", "blocks", "performance", "listing"]
Family = Literal["budget", "final_account", "performance"]


@dataclass(frozen=True)
class TableType:
    """A standard table: stable id, Chinese name, layout and the titles that print it.

    ``templates`` are the standard value-column paths, used only when a printed header is
    unreadable and the print has exactly that many value columns.
    """

    id: str
    name: str
    family: Family
    layout: Layout
    aliases: tuple[str, ...] = ()
    templates: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)
