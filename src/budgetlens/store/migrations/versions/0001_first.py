"""The first revision: documents, source files, units, tables, cells and findings.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import budgetlens.store.exact_decimal

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_source_files")),
    )
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_name_key"), ["name_key"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=True),
        sa.Column("scope", sa.String(length=16), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("unit_name", sa.Text(), nullable=True),
        sa.Column("unit_code", sa.String(length=32), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('budget', 'final_account')", name=op.f("ck_documents_kind")),
        sa.CheckConstraint("scope IN ('department', 'unit')", name=op.f("ck_documents_scope")),
        sa.ForeignKeyConstraint(
            ["sha256"], ["source_files.sha256"], name=op.f("fk_documents_sha256_source_files")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_documents_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index("ix_documents_unit_kind_year", ["unit_id", "kind", "year"], unique=False)

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(length=32), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("table_type", sa.String(length=64), nullable=True),
        sa.Column("table_title", sa.Text(), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("column", sa.Text(), nullable=True),
        sa.Column("expected", budgetlens.store.exact_decimal.ExactDecimal(), nullable=True),
        sa.Column("actual", budgetlens.store.exact_decimal.ExactDecimal(), nullable=True),
        sa.Column("tolerance", budgetlens.store.exact_decimal.ExactDecimal(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.CheckConstraint("severity IN ('error', 'warning', 'info')", name=op.f("ck_findings_severity")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_findings_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_findings_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_rule"), ["rule"], unique=False)

    op.create_table(
        "tables",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=True),
        sa.Column("money_unit", sa.String(length=8), nullable=True),
        sa.Column("pages", sa.Text(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("header_source", sa.String(length=16), nullable=False),
        sa.Column("empty_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_tables_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tables")),
    )
    with op.batch_alter_table("tables", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tables_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tables_type"), ["type"], unique=False)

    op.create_table(
        "cells",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("row_order", sa.Integer(), nullable=False),
        sa.Column("row_code", sa.String(length=32), nullable=True),
        sa.Column("row_unit_code", sa.String(length=32), nullable=True),
        sa.Column("row_label", sa.Text(), nullable=False),
        sa.Column("row_kind", sa.String(length=16), nullable=False),
        sa.Column("row_side", sa.Text(), nullable=True),
        sa.Column("row_group", sa.Text(), nullable=True),
        sa.Column("column_path", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", budgetlens.store.exact_decimal.ExactDecimal(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("column", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"], ["tables.id"], name=op.f("fk_cells_table_id_tables"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cells")),
    )
    with op.batch_alter_table("cells", schema=None) as batch_op:
        batch_op.create_index("ix_cells_table_code", ["table_id", "row_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cells", schema=None) as batch_op:
        batch_op.drop_index("ix_cells_table_code")

    op.drop_table("cells")
    with op.batch_alter_table("tables", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tables_type"))
        batch_op.drop_index(batch_op.f("ix_tables_document_id"))

    op.drop_table("tables")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_rule"))
        batch_op.drop_index(batch_op.f("ix_findings_document_id"))

    op.drop_table("findings")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_unit_kind_year")
        batch_op.drop_index(batch_op.f("ix_documents_unit_id"))

    op.drop_table("documents")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_name_key"))
        batch_op.drop_index(batch_op.f("ix_units_code"))

    op.drop_table("units")
    op.drop_table("source_files")
