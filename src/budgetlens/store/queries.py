"""The read side of the store for the CLI, the REST API and the web UI: small typed queries.

Callers get frozen dataclasses, never ORM objects, so they cannot write by accident and need not
know the schema. Every function takes an open `Session` (``store.reading()``). Amounts are
`Decimal`; comparisons across documents are in 万元 (元 tables ÷ 10000).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from budgetlens import model
from budgetlens.serialize import document_from_dict
from budgetlens.store import schema


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    code: str | None
    documents: int


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    sha256: str
    file_name: str
    format: str
    kind: str | None
    scope: str | None
    year: int | None
    unit_id: int | None
    unit_name: str | None
    unit_code: str | None
    pages: int | None
    ingested_at: datetime
    tables: int
    findings: dict[str, int]  # by severity


@dataclass(frozen=True)
class TableInfo:
    id: int
    document_id: int
    position: int
    type: str
    title: str
    number: str | None
    money_unit: str | None
    pages: list[int]
    empty_note: str | None


@dataclass(frozen=True)
class CellInfo:
    text: str
    value: Decimal | None
    page: int | None
    line: int | None
    column: int | None


@dataclass(frozen=True)
class RowInfo:
    order: int
    code: str | None
    unit_code: str | None
    label: str
    kind: str
    side: str | None
    group: str | None
    cells: dict[str, CellInfo]  # by column path


@dataclass(frozen=True)
class FindingInfo:
    id: int
    document_id: int
    family: str
    rule: str
    severity: str
    message: str
    page: int | None
    line: int | None
    table: str | None
    code: str | None
    column: str | None
    expected: Decimal | None
    actual: Decimal | None
    data: dict[str, Any]  # the whole finding as `Finding.to_dict` wrote it (evidence included)


@dataclass(frozen=True)
class CodeComparison:
    """One 功能分类 code in a unit's budget and final account of one year, in 万元."""

    code: str
    label: str
    budget: Decimal | None
    final: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        """决算 − 预算 (None when either side lacks the code)."""
        if self.budget is None or self.final is None:
            return None
        return self.final - self.budget


def units(session: Session) -> list[UnitInfo]:
    """Every unit with its number of stored documents, by name."""
    counts = dict(
        session.execute(select(schema.Document.unit_id, func.count()).group_by(schema.Document.unit_id)).all()
    )
    rows = session.scalars(select(schema.Unit).order_by(schema.Unit.name_key, schema.Unit.id))
    return [UnitInfo(u.id, u.name, u.code, counts.get(u.id, 0)) for u in rows]


def _info(session: Session, rows: list[schema.Document]) -> list[DocumentInfo]:
    ids = [r.id for r in rows]
    tables = dict(
        session.execute(
            select(schema.Table.document_id, func.count())
            .where(schema.Table.document_id.in_(ids))
            .group_by(schema.Table.document_id)
        ).all()
    )
    severities: dict[int, dict[str, int]] = defaultdict(dict)
    for document_id, severity, count in session.execute(
        select(schema.Finding.document_id, schema.Finding.severity, func.count())
        .where(schema.Finding.document_id.in_(ids))
        .group_by(schema.Finding.document_id, schema.Finding.severity)
    ):
        severities[document_id][severity] = count
    return [
        DocumentInfo(
            id=r.id,
            sha256=r.sha256,
            file_name=r.file_name,
            format=r.format,
            kind=r.kind,
            scope=r.scope,
            year=r.year,
            unit_id=r.unit_id,
            unit_name=r.unit_name,
            unit_code=r.unit_code,
            pages=r.pages,
            ingested_at=r.ingested_at,
            tables=tables.get(r.id, 0),
            findings=dict(severities.get(r.id, {})),
        )
        for r in rows
    ]


def documents(
    session: Session,
    *,
    unit_id: int | None = None,
    kind: str | None = None,
    year: int | None = None,
) -> list[DocumentInfo]:
    """Stored documents, filtered, by year, kind and file name."""
    query = select(schema.Document)
    if unit_id is not None:
        query = query.where(schema.Document.unit_id == unit_id)
    if kind is not None:
        query = query.where(schema.Document.kind == kind)
    if year is not None:
        query = query.where(schema.Document.year == year)
    query = query.order_by(schema.Document.year, schema.Document.kind, schema.Document.file_name)
    return _info(session, list(session.scalars(query)))


def unit_documents(session: Session, unit_id: int) -> dict[int | None, list[DocumentInfo]]:
    """One unit's documents grouped by year (budget before final account within a year)."""
    grouped: dict[int | None, list[DocumentInfo]] = defaultdict(list)
    for info in documents(session, unit_id=unit_id):
        grouped[info.year].append(info)
    return dict(grouped)


def document(session: Session, key: int | str) -> DocumentInfo | None:
    """One document by id or by sha256."""
    column = schema.Document.id if isinstance(key, int) else schema.Document.sha256
    row = session.scalar(select(schema.Document).where(column == key))
    return _info(session, [row])[0] if row is not None else None


def canonical(
    session: Session, document_id: int, table_types: Collection[str] | None = None
) -> model.Document | None:
    """The stored document as the canonical model (parsed from its ``budgetlens.document/1`` JSON).

    With ``table_types``, only those tables are kept and the narrative is left out: parsing them is
    most of the cost, and figures read from a few tables need neither.
    """
    content = session.scalar(select(schema.Document.content).where(schema.Document.id == document_id))
    if content is None:
        return None
    data = json.loads(content)
    if table_types is not None:
        data["tables"] = [t for t in data.get("tables", []) if t.get("type") in table_types]
        data.pop("narrative", None)
    return document_from_dict(data)


def source_file(session: Session, sha256: str) -> bytes | None:
    """The original file's bytes (for downloads and page images)."""
    return session.scalar(select(schema.SourceFile.content).where(schema.SourceFile.sha256 == sha256))


def tables(session: Session, document_id: int) -> list[TableInfo]:
    rows = session.scalars(
        select(schema.Table).where(schema.Table.document_id == document_id).order_by(schema.Table.position)
    )
    return [_table_info(t) for t in rows]


def _table_info(row: schema.Table) -> TableInfo:
    return TableInfo(
        id=row.id,
        document_id=row.document_id,
        position=row.position,
        type=row.type,
        title=row.title,
        number=row.number,
        money_unit=row.money_unit,
        pages=[int(p) for p in row.pages.split(",")] if row.pages else [],
        empty_note=row.empty_note,
    )


def table_rows(session: Session, table_id: int) -> list[RowInfo]:
    """A stored table's rows in print order, each with its cells by column path."""
    found: dict[int, RowInfo] = {}
    cells = session.scalars(
        select(schema.Cell)
        .where(schema.Cell.table_id == table_id)
        .order_by(schema.Cell.row_order, schema.Cell.id)
    )
    for c in cells:
        row = found.get(c.row_order)
        if row is None:
            row = RowInfo(
                c.row_order, c.row_code, c.row_unit_code, c.row_label, c.row_kind, c.row_side, c.row_group, {}
            )
            found[c.row_order] = row
        row.cells[c.column_path] = CellInfo(c.text, c.value, c.page, c.line, c.column)
    return list(found.values())


def findings(
    session: Session,
    document_id: int | None = None,
    *,
    severity: str | None = None,
    family: str | None = None,
    rule: str | None = None,
    unit_id: int | None = None,
    year: int | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> list[FindingInfo]:
    """Findings of one document in report order or, without ``document_id``, of every stored document
    matching the filters (by document, then report order)."""
    query = select(schema.Finding).join(schema.Document, schema.Finding.document_id == schema.Document.id)
    for column, value in (
        (schema.Finding.document_id, document_id),
        (schema.Finding.severity, severity),
        (schema.Finding.family, family),
        (schema.Finding.rule, rule),
        (schema.Document.unit_id, unit_id),
        (schema.Document.year, year),
        (schema.Document.kind, kind),
    ):
        if value is not None:
            query = query.where(column == value)
    query = query.order_by(schema.Document.year, schema.Document.file_name, schema.Finding.position)
    return [
        FindingInfo(
            id=f.id,
            document_id=f.document_id,
            family=f.family,
            rule=f.rule,
            severity=f.severity,
            message=f.message,
            page=f.page,
            line=f.line,
            table=f.table_type,
            code=f.code,
            column=f.column,
            expected=f.expected,
            actual=f.actual,
            data=json.loads(f.evidence),
        )
        for f in session.scalars(query.limit(limit))
    ]


# Where each side prints its expenditure by 功能分类 code: table type and the total column (first found).
FUNCTIONAL = {
    "all": (("budget.expenditure", ("合计", "总计")), ("final.expenditure", ("本年支出合计", "合计"))),
    "gpb": (
        ("budget.gpb_expenditure", ("合计", "总计")),
        ("final.gpb_expenditure", ("本年支出/小计", "本年支出/合计", "合计", "小计")),
    ),
}


def _by_code(
    session: Session, document_id: int, type_id: str, columns: tuple[str, ...]
) -> dict[str, tuple[str, Decimal]]:
    table = session.scalar(
        select(schema.Table)
        .where(schema.Table.document_id == document_id, schema.Table.type == type_id)
        .order_by(schema.Table.position)
    )
    if table is None or table.money_unit is None:
        return {}
    present = set(session.scalars(select(schema.Cell.column_path).where(schema.Cell.table_id == table.id)))
    column = next((c for c in columns if c in present), None)
    if column is None:
        return {}
    scale = -4 if table.money_unit == "元" else 0
    found: dict[str, tuple[str, Decimal]] = {}
    cells = select(schema.Cell).where(
        schema.Cell.table_id == table.id, schema.Cell.column_path == column, schema.Cell.row_code.is_not(None)
    )
    for cell in session.scalars(cells.order_by(schema.Cell.row_order)):
        if cell.row_code and cell.value is not None and cell.row_code not in found:
            found[cell.row_code] = (cell.row_label, cell.value.scaleb(scale))
    return found


def spending_by_code(
    session: Session, document_id: int, kind: str | None, *, scope: Literal["all", "gpb"] = "all"
) -> dict[str, tuple[str, Decimal]]:
    """One document's expenditure per 功能分类 code (code → label, 万元), from its printed table."""
    budget, final = FUNCTIONAL[scope]
    type_id, columns = final if kind == "final_account" else budget
    return _by_code(session, document_id, type_id, columns)


def _pick(session: Session, unit_id: int, kind: str, year: int) -> int | None:
    return session.scalar(
        select(schema.Document.id)
        .where(schema.Document.unit_id == unit_id, schema.Document.kind == kind, schema.Document.year == year)
        .order_by(schema.Document.sha256)
    )


def budget_vs_final(
    session: Session, unit_id: int, year: int, *, scope: Literal["all", "gpb"] = "gpb"
) -> list[CodeComparison]:
    """A unit's budget against its final account of one year, per 功能分类 code, in 万元.

    ``scope`` ``gpb``: 一般公共预算支出表 vs 一般公共预算财政拨款支出决算表; ``all``: 支出总表 vs 支出决算表.
    Empty when either document is not stored."""
    budget_id, final_id = (
        _pick(session, unit_id, "budget", year),
        _pick(session, unit_id, "final_account", year),
    )
    if budget_id is None or final_id is None:
        return []
    (budget_type, budget_columns), (final_type, final_columns) = FUNCTIONAL[scope]
    budget = _by_code(session, budget_id, budget_type, budget_columns)
    final = _by_code(session, final_id, final_type, final_columns)
    result = []
    for code in sorted(set(budget) | set(final)):
        label = (final.get(code) or budget[code])[0]
        result.append(
            CodeComparison(code, label, budget.get(code, ("", None))[1], final.get(code, ("", None))[1])
        )
    return result


def table(session: Session, table_id: int) -> TableInfo | None:
    """One stored table by id."""
    row = session.get(schema.Table, table_id)
    return _table_info(row) if row is not None else None


def unit(session: Session, unit_id: int) -> UnitInfo | None:
    row = session.get(schema.Unit, unit_id)
    if row is None:
        return None
    count = session.scalar(select(func.count()).where(schema.Document.unit_id == unit_id)) or 0
    return UnitInfo(row.id, row.name, row.code, count)
