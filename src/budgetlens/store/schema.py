"""The database tables (SQLAlchemy 2 typed ORM); Alembic's first revision creates exactly these.

- ``source_files``: the original bytes by sha256. They live in the database, not in a file store
  beside it, so a document and its source come and go in one transaction, a PostgreSQL server
  shares them with every client, and the web UI can render page images from them later.
- ``units``: one reporting unit across years and kinds (see `budgetlens.store.units`).
- ``documents``: one per source file (sha256 unique), with the canonical JSON
  (``budgetlens.document/1``) so nothing the model knows is lost; tables and cells are the
  queryable projection of it.
- ``cells``: one printed cell with its row's code, label, kind, side and group, the column path, the
  printed text, the exact amount (`ExactDecimal`) and its page/line/column.
- ``findings``: the checks' findings; ``family`` tells the cross-document ones (``history``), which
  are recomputed when a related document arrives.

Deleting a document cascades to its tables, cells and findings.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from budgetlens.store.exact_decimal import ExactDecimal

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SourceFile(Base):
    __tablename__ = "source_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    code: Mapped[str | None] = mapped_column(String(32), index=True)

    documents: Mapped[list[Document]] = relationship(back_populates="unit")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint("kind IN ('budget', 'final_account')", name="kind"),
        CheckConstraint("scope IN ('department', 'unit')", name="scope"),
        Index("ix_documents_unit_kind_year", "unit_id", "kind", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("source_files.sha256"), unique=True)
    file_name: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str | None] = mapped_column(String(16))
    scope: Mapped[str | None] = mapped_column(String(16))
    year: Mapped[int | None] = mapped_column(Integer)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    unit_name: Mapped[str | None] = mapped_column(Text)
    unit_code: Mapped[str | None] = mapped_column(String(32))
    pages: Mapped[int | None] = mapped_column(Integer)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    content: Mapped[str] = mapped_column(Text)

    unit: Mapped[Unit | None] = relationship(back_populates="documents")
    tables: Mapped[list[Table]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Table.position"
    )
    findings: Mapped[list[Finding]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Finding.position"
    )


class Table(Base):
    __tablename__ = "tables"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(32))
    money_unit: Mapped[str | None] = mapped_column(String(8))
    pages: Mapped[str | None] = mapped_column(Text)  # "3,4": the pages the table spans
    line: Mapped[int | None] = mapped_column(Integer)
    header_source: Mapped[str] = mapped_column(String(16))
    empty_note: Mapped[str | None] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="tables")
    cells: Mapped[list[Cell]] = relationship(
        back_populates="table", cascade="all, delete-orphan", order_by="Cell.id"
    )


class Cell(Base):
    __tablename__ = "cells"
    __table_args__ = (Index("ix_cells_table_code", "table_id", "row_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"))
    row_order: Mapped[int] = mapped_column(Integer)
    row_code: Mapped[str | None] = mapped_column(String(32))
    row_unit_code: Mapped[str | None] = mapped_column(String(32))
    row_label: Mapped[str] = mapped_column(Text)
    row_kind: Mapped[str] = mapped_column(String(16))
    row_side: Mapped[str | None] = mapped_column(Text)
    row_group: Mapped[str | None] = mapped_column(Text)
    column_path: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    page: Mapped[int | None] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)
    column: Mapped[int | None] = mapped_column(Integer)

    table: Mapped[Table] = relationship(back_populates="cells")


class Finding(Base):
    __tablename__ = "findings"
    __table_args__ = (CheckConstraint("severity IN ('error', 'warning', 'info')", name="severity"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    family: Mapped[str] = mapped_column(String(32))
    rule: Mapped[str] = mapped_column(String(64), index=True)
    severity: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)
    table_type: Mapped[str | None] = mapped_column(String(64))
    table_title: Mapped[str | None] = mapped_column(Text)
    code: Mapped[str | None] = mapped_column(String(32))
    label: Mapped[str | None] = mapped_column(Text)
    column: Mapped[str | None] = mapped_column(Text)
    expected: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    actual: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    tolerance: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    evidence: Mapped[str] = mapped_column(Text)  # the finding as JSON (Finding.to_dict)

    document: Mapped[Document] = relationship(back_populates="findings")
