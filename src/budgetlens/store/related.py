"""The store's side of `RelatedDocuments`: the documents the history rules compare with.

Stored documents are found by unit (see `budgetlens.store.units`), kind, scope and year and come
back as canonical `Document` objects parsed from the stored JSON. Where several files of one unit
and year are stored (the same disclosure as PDF and Excel), the one with the smallest sha256 is
taken, so the answer does not depend on the order files were ingested in.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from budgetlens.model import Document
from budgetlens.serialize import document_from_dict
from budgetlens.store import schema
from budgetlens.store.units import find_unit, name_key


class StoredDocuments:
    """`RelatedDocuments` over one session (it sees the session's uncommitted writes)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._parsed: dict[int, Document] = {}

    def remember(self, row: schema.Document, document: Document) -> None:
        """Use ``document`` for ``row`` instead of parsing its JSON again (the one being ingested)."""
        self._parsed[row.id] = document

    def load(self, row: schema.Document) -> Document:
        if row.id not in self._parsed:
            self._parsed[row.id] = document_from_dict(json.loads(row.content))
        return self._parsed[row.id]

    def _one(self, document: Document, kind: str, year: int | None) -> Document | None:
        unit = find_unit(self.session, document.unit_name, document.unit_code)
        if unit is None or year is None:
            return None
        query = (
            select(schema.Document)
            .where(schema.Document.unit_id == unit.id, schema.Document.kind == kind)
            .where(schema.Document.year == year, schema.Document.sha256 != document.source.sha256)
            .order_by(schema.Document.sha256)
        )
        if document.scope is not None:
            query = query.where(schema.Document.scope == document.scope)
        row = self.session.scalars(query).first()
        return self.load(row) if row is not None else None

    def prior_year(self, document: Document) -> Document | None:
        if document.kind is None or document.year is None:
            return None
        return self._one(document, document.kind, document.year - 1)

    def budget_for(self, document: Document) -> Document | None:
        if document.kind != "final_account":
            return None
        return self._one(document, "budget", document.year)

    def member_units(self, document: Document) -> list[Document]:
        """Unit documents of the same kind and year whose unit the department document lists (a unit
        row by code or name; a single-unit department lists itself) or, when it lists none, whose name
        starts with the department's. One document per unit name."""
        if document.scope != "department" or document.year is None or not document.unit_name:
            return []
        codes = {row.unit_code for t in document.tables for row in t.rows if row.unit_code}
        names = {name_key(row.label) for t in document.tables for row in t.rows if row.kind == "unit"}
        own = name_key(document.unit_name)
        rows = self.session.scalars(
            select(schema.Document)
            .where(schema.Document.scope == "unit", schema.Document.kind == document.kind)
            .where(schema.Document.year == document.year)
            .order_by(schema.Document.sha256)
        ).all()
        members: dict[str, schema.Document] = {}
        for row in rows:
            key = name_key(row.unit_name or "")
            listed = (row.unit_code is not None and row.unit_code in codes) or key in names
            if listed or (not codes and not names and key.startswith(own)):
                members.setdefault(key, row)
        return [self.load(row) for row in members.values()]
