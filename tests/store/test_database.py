"""Opening the store: URLs and paths, migrations equal to the ORM schema, pragmas, errors in Chinese."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import platformdirs
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import StatementError
from tests.conftest import seed, seed_path

from budgetlens.rules import check_document
from budgetlens.store import Store, default_url, ingest_document, open_store, schema, store_url
from budgetlens.store.database import StoreError


def test_urls_paths_and_the_default(tmp_path: Path) -> None:
    folder = Path(platformdirs.user_data_dir("budgetlens"))
    assert default_url() == f"sqlite:///{folder / 'budgetlens.sqlite3'}"
    assert store_url(None) == default_url()
    assert store_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert store_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_migrations_create_exactly_the_orm_schema(store: Store, store_url: str) -> None:
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        differences = compare_metadata(MigrationContext.configure(connection), schema.Base.metadata)
    assert differences == []
    again = open_store(store_url)  # upgrading an up-to-date database changes nothing
    again.close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    opened = open_store(tmp_path / "deep" / "folder" / "store.sqlite3")
    try:
        with opened.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        opened.close()


def test_deleting_a_document_removes_its_tables_cells_and_findings(store: Store) -> None:
    document = seed("003")
    findings = check_document(document)
    ingest_document(store, document, findings, seed_path("003").read_bytes())
    with store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(schema.Finding)) == len(findings) > 0
        session.execute(delete(schema.Document))
    with store.reading() as session:
        for table in (schema.Table, schema.Cell, schema.Finding):
            assert session.scalar(select(func.count()).select_from(table)) == 0


def test_amounts_must_be_decimals(store: Store) -> None:
    ingest_document(store, seed("001"), [], seed_path("001").read_bytes())
    with store.reading() as session:
        cell = session.scalars(select(schema.Cell)).first()
        assert cell is not None
        cell.value = 1.5  # type: ignore[assignment]
        with pytest.raises(StatementError, match="金额必须是 Decimal，不能是 float"):
            session.flush()
    with store.reading() as session:
        assert session.scalars(select(schema.Cell.value)).first() == Decimal("2314.68")


def test_unusable_databases_are_chinese_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="数据库地址无法识别"):
        open_store("postgresql+psycopg://:not a url")
    with pytest.raises(StoreError, match="无法打开数据库"):
        open_store("nosuchdriver://host/db")
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(StoreError, match="无法创建数据库目录"):
        open_store(blocked / "store.sqlite3")
    with pytest.raises(StoreError, match="无法连接或升级数据库"):
        open_store(f"postgresql+psycopg://nobody@/db?host={tmp_path}&port=1")
