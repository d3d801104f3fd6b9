"""Writing one read and checked document to the store: one transaction, idempotent by sha256.

`ingest_document` stores the source bytes, the unit, the document (with its canonical JSON), its
tables and cells and the findings the worker computed, then runs the history rules for it and for
the stored documents it may change the answer of (the same unit's other years and kinds, and the
department documents it may be a member of). All of it commits together or not at all: a failure
half-way (a database error, a crash, Ctrl-C) leaves nothing of the document behind. A file whose
sha256 is already stored is not written again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Literal

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from budgetlens import model
from budgetlens.model import Document
from budgetlens.rules import Finding, Rule, all_rules, check_document
from budgetlens.serialize import document_from_dict, document_to_dict
from budgetlens.store import schema
from budgetlens.store.database import Store
from budgetlens.store.related import StoredDocuments
from budgetlens.store.units import unit_for

HISTORY = "history"


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file: ``stored`` now or ``present`` already (same sha256)."""

    status: Literal["stored", "present"]
    sha256: str
    document_id: int


def canonical_json(document: Document) -> str:
    """The stored form of a document: ``budgetlens.document/1``, compact."""
    return json.dumps(document_to_dict(document), ensure_ascii=False, separators=(",", ":"))


def is_stored(store: Store, sha256: str) -> bool:
    with store.reading() as session:
        return session.scalar(select(schema.Document.id).where(schema.Document.sha256 == sha256)) is not None


def document_count(store: Store) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(schema.Document)) or 0)


def stored_hashes(store: Store) -> set[str]:
    with store.reading() as session:
        return set(session.scalars(select(schema.Document.sha256)))


def ingest_document(
    store: Store, document: Document, findings: list[Finding], source: bytes, *, content: str | None = None
) -> IngestResult:
    """Store ``document`` (read from ``source``, checked into ``findings``) in one transaction.

    ``content`` is its canonical JSON when the caller has it already (a worker process)."""
    sha256 = document.source.sha256
    if hashlib.sha256(source).hexdigest() != sha256:
        raise ValueError(f"{document.source.name}：文件内容与文档记录的 sha256 不一致")
    with store.transaction() as session:
        present = session.scalar(select(schema.Document.id).where(schema.Document.sha256 == sha256))
        if present is not None:
            return IngestResult("present", sha256, present)
        row = _write(session, document, findings, source, content or canonical_json(document))
        refresh_history(session, row, document)
        return IngestResult("stored", sha256, row.id)


def _write(
    session: Session, document: Document, findings: list[Finding], source: bytes, content: str
) -> schema.Document:
    sha256 = document.source.sha256
    if session.get(schema.SourceFile, sha256) is None:
        session.add(schema.SourceFile(sha256=sha256, size=len(source), content=source))
    unit = unit_for(session, document.unit_name, document.unit_code)
    row = schema.Document(
        sha256=sha256,
        file_name=document.source.name,
        format=document.source.format,
        kind=document.kind,
        scope=document.scope,
        year=document.year,
        unit=unit,
        unit_name=document.unit_name,
        unit_code=document.unit_code,
        pages=document.source.pages,
        ingested_at=datetime.now(UTC),
        content=content,
    )
    session.add(row)
    session.flush()
    # Tables and cells in bulk (one multi-row INSERT each), not object by object: thousands of cells.
    table_ids = (
        session.scalars(
            insert(schema.Table).returning(schema.Table.id, sort_by_parameter_order=True),
            [_table_values(row.id, position, table) for position, table in enumerate(document.tables)],
        ).all()
        if document.tables
        else []
    )
    cells = [
        _cell_values(table_id, order, line, column, cell)
        for table_id, table in zip(table_ids, document.tables, strict=True)
        for order, line in enumerate(table.rows)
        for column, cell in line.values.items()
    ]
    if cells:
        session.execute(insert(schema.Cell), cells)
    _add_findings(session, row.id, [f for f in findings if _family(f) != HISTORY], 0)
    return row


def _table_values(document_id: int, position: int, table: model.Table) -> dict[str, object]:
    return {
        "document_id": document_id,
        "position": position,
        "type": table.type,
        "title": table.title,
        "number": table.number,
        "money_unit": table.money_unit,
        "pages": ",".join(str(p) for p in table.pages) or None,
        "line": table.at.line,
        "header_source": table.header_source,
        "empty_note": table.empty_note,
    }


def _cell_values(
    table_id: int, order: int, row: model.Row, column: str, cell: model.Cell
) -> dict[str, object]:
    return {
        "table_id": table_id,
        "row_order": order,
        "row_code": row.code,
        "row_unit_code": row.unit_code,
        "row_label": row.label,
        "row_kind": row.kind,
        "row_side": row.side,
        "row_group": row.group,
        "column_path": column,
        "text": cell.text,
        "value": cell.amount,
        "page": cell.at.page,
        "line": cell.at.line,
        "column": cell.at.column,
    }


@cache
def _families() -> dict[str, str]:
    return {rule.id: rule.family for rule in all_rules()}


def _family(finding: Finding) -> str:
    return _families().get(finding.rule, "unknown")


@cache
def history_rules() -> tuple[type[Rule], ...]:
    return tuple(rule for rule in all_rules() if rule.family == HISTORY)


def _add_findings(session: Session, document_id: int, findings: list[Finding], start: int) -> None:
    values = []
    for position, finding in enumerate(findings, start):
        where = finding.location
        values.append(
            {
                "document_id": document_id,
                "position": position,
                "family": _family(finding),
                "rule": finding.rule,
                "severity": finding.severity,
                "message": finding.message,
                "page": where.page,
                "line": where.line,
                "table_type": where.table,
                "table_title": where.title,
                "code": where.code,
                "label": where.label,
                "column": where.column,
                "expected": finding.expected,
                "actual": finding.actual,
                "tolerance": finding.tolerance,
                "evidence": json.dumps(finding.to_dict(), ensure_ascii=False),
            }
        )
    if values:
        session.execute(insert(schema.Finding), values)


def refresh_history(session: Session, changed: schema.Document, document: Document | None = None) -> None:
    """Recompute the history findings of ``changed`` (whose parsed form is ``document``, when at hand)
    and of every stored document it may affect.

    Each affected document's history findings are replaced by a fresh run against all that is
    stored now, so the end state does not depend on the order documents arrived in."""
    related = StoredDocuments(session)
    if document is not None:
        related.remember(changed, document)
    conditions = [schema.Document.id == changed.id]
    if changed.unit_id is not None:
        conditions.append(schema.Document.unit_id == changed.unit_id)
    if changed.scope == "unit":
        conditions.append(
            (schema.Document.scope == "department")
            & (schema.Document.kind == changed.kind)
            & (schema.Document.year == changed.year)
        )
    affected = session.scalars(select(schema.Document).where(or_(*conditions)).order_by(schema.Document.id))
    for row in affected.all():
        session.execute(
            delete(schema.Finding).where(
                schema.Finding.document_id == row.id, schema.Finding.family == HISTORY
            )
        )
        start = session.scalar(
            select(func.count()).select_from(schema.Finding).where(schema.Finding.document_id == row.id)
        )
        found = check_document(related.load(row), rules=history_rules(), related=related)
        _add_findings(session, row.id, found, start or 0)


def load_document(session: Session, row: schema.Document) -> Document:
    return document_from_dict(json.loads(row.content))
