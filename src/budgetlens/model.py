"""The canonical document: one structured model of a budget or final-account disclosure.

Every later stage (checks, store, reports) reads this model and nothing else. Money is `Decimal`
exactly as printed (scale kept: ``"353.10"`` stays ``Decimal("353.10")``); every value carries the
place it was read from, so a finding can point at the page, line and cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

SCHEMA_ID = "budgetlens.document/1"

DocumentKind = Literal["budget", "final_account"]
Scope = Literal["department", "unit"]
MoneyUnit = Literal["元", "万元"]
RowKind = Literal["item", "total", "unit", "heading"]


@dataclass(frozen=True)
class Provenance:
    """Where a value was read: 1-based page and/or line of the source, 0-based cell in its grid row."""

    page: int | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Source:
    """The file a document was read from."""

    name: str
    format: str
    sha256: str
    pages: int | None = None
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (scans), 1-based


@dataclass(frozen=True)
class Cell:
    """One printed cell: its text as printed and, when it is a number, its exact amount."""

    text: str
    amount: Decimal | None
    at: Provenance


@dataclass
class Row:
    """One item of a table.

    ``code`` is the classification code as plain digits (``2010350``, ``30101``) whatever its printed
    form; ``unit_code`` a unit's code (``048001``) where the row names a unit. In two-sided tables
    (收入 | 支出) each printed line gives one row per side, ``side`` telling which (收入/支出,
    人员经费/公用经费), ``group`` which column block when one side has several (按功能分类 …).
    """

    label: str
    values: dict[str, Cell]
    at: Provenance
    code: str | None = None
    unit_code: str | None = None
    kind: RowKind = "item"
    side: str | None = None
    group: str | None = None


@dataclass
class Indicator:
    """One 三级 performance indicator with its place in the 一级/二级 tree."""

    level1: str
    level2: str
    name: str
    at: Provenance
    comparison: str | None = None
    target: str | None = None
    unit: str | None = None
    content: str | None = None
    scoring: str | None = None
    weight: Decimal | None = None
    actual: str | None = None
    score: Decimal | None = None
    note: str | None = None


@dataclass
class PerformanceItem:
    """A project (or the whole department) in a performance table: its facts and indicator tree."""

    name: str
    at: Provenance
    facts: dict[str, Cell] = field(default_factory=dict)
    goal: str | None = None
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Table:
    """A recognised standard table.

    ``type`` is an id of the documented vocabulary (docs/tables.md); ``columns`` the column header
    paths, multi-row headers joined with ``/``; ``header_source`` says whether they were read from
    the print (``printed``) or, where the print's header was unreadable, taken from the standard
    template after matching the column count (``template``).
    """

    type: str
    title: str
    at: Provenance
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    money_unit: MoneyUnit | None = None
    unit_name: str | None = None
    number: str | None = None
    lines: tuple[int, int] | None = None
    pages: list[int] = field(default_factory=list)
    header_source: Literal["printed", "template"] = "printed"
    empty_note: str | None = None
    notes: list[str] = field(default_factory=list)
    performance: list[PerformanceItem] = field(default_factory=list)

    def find(
        self,
        *,
        code: str | None = None,
        label: str | None = None,
        side: str | None = None,
        group: str | None = None,
    ) -> Row:
        """The one row matching every given field; `KeyError` when none or several match."""
        matches = [
            row
            for row in self.rows
            if (code is None or row.code == code)
            and (label is None or row.label == label)
            and (side is None or row.side == side)
            and (group is None or row.group == group)
        ]
        if len(matches) != 1:
            raise KeyError(f"{len(matches)} rows match code={code} label={label} side={side} group={group}")
        return matches[0]

    def amount(self, column: str, **match: str) -> Decimal | None:
        """The amount in ``column`` of the row `find` selects (None when that cell is blank)."""
        cell = self.find(**match).values.get(column)
        return cell.amount if cell else None


@dataclass
class ListedTable:
    """An entry of the document's 目录 that names a table, and whether the body has it."""

    title: str
    type: str | None
    present: bool
    at: Provenance
    number: str | None = None


@dataclass
class Paragraph:
    """A paragraph of narrative; ``confidence`` is set when it was read by OCR (see `Section`)."""

    text: str
    at: Provenance
    confidence: float | None = None


@dataclass
class Section:
    """A narrative (情况说明) section: heading as printed, its depth (1 = 一、) and paragraphs.

    ``confidence`` (heading) and `Paragraph.confidence` are set only for text read by OCR from a scan:
    the engine's score from 0 to 1, rounded to 3 places, of the weakest line that went into the text.
    A score is a probability, not money, so it is a float (a JSON number).
    """

    heading: str
    level: int
    at: Provenance
    paragraphs: list[Paragraph] = field(default_factory=list)
    confidence: float | None = None


@dataclass
class Document:
    """A whole disclosure: what it is, whose, which year, its tables and narrative."""

    source: Source
    kind: DocumentKind | None
    scope: Scope | None
    year: int | None
    unit_name: str | None
    unit_code: str | None
    tables: list[Table] = field(default_factory=list)
    listed_tables: list[ListedTable] = field(default_factory=list)
    narrative: list[Section] = field(default_factory=list)

    def table(self, type_id: str) -> Table:
        """The first table of a type; `KeyError` when the document has none."""
        for table in self.tables:
            if table.type == type_id:
                return table
        raise KeyError(type_id)

    def tables_of(self, type_id: str) -> list[Table]:
        return [t for t in self.tables if t.type == type_id]

    @property
    def absent_tables(self) -> list[ListedTable]:
        """Tables the 目录 lists that the document body lacks."""
        return [entry for entry in self.listed_tables if not entry.present]
