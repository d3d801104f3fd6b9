"""The classification codes a recognised document prints, with the table and row of each.

Only tables coded by 支出功能分类 or 经济分类 count: a table whose "codes" are mostly something else
(unit codes read as codes, e.g. sample 26's 收入总表 ``123 苏州市交通运输局``) is not a code list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from budgetlens.classification.kinds import EXPENDITURE_KINDS, Kind, kind_of, level_of
from budgetlens.classification.names import is_name
from budgetlens.model import Document, Provenance, Row, Table


@dataclass(frozen=True)
class PrintedCode:
    """One coded row of a classified table: the code, its classification and its printed name."""

    kind: Kind
    code: str
    name: str
    table: Table
    row: Row

    @property
    def at(self) -> Provenance:
        return self.row.at


def classified_tables(document: Document) -> Iterator[tuple[Table, list[Row]]]:
    """Tables most of whose coded rows carry 支出功能分类 or 经济分类 codes, with those coded rows."""
    for table in document.tables:
        coded = [r for r in table.rows if r.code]
        expenditure = sum(kind_of(r.code or "") in EXPENDITURE_KINDS for r in coded)
        if coded and expenditure * 2 > len(coded):
            yield table, coded


def printed_codes(document: Document) -> Iterator[PrintedCode]:
    """Every well-formed expenditure code printed with a name, in document order."""
    for table, rows in classified_tables(document):
        for row in rows:
            code = row.code or ""
            kind = kind_of(code)
            if kind in EXPENDITURE_KINDS and kind is not None and level_of(kind, code) and is_name(row.label):
                yield PrintedCode(kind, code, row.label, table, row)
