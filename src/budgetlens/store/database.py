"""Opening the store: an engine from a URL or a path, SQLite pragmas, and migrations on open.

``--db`` takes a SQLAlchemy URL (``postgresql+psycopg://user@host/db`` for a shared server) or a
file path (SQLite); without it the store is ``budgetlens.sqlite3`` in the user's data directory
(platformdirs). Every open runs the Alembic migrations shipped in the package up to the newest
revision, programmatically (no alembic.ini at run time), so an old database is upgraded in place.

SQLite runs in WAL mode (readers, such as a web server or a test polling progress, do not block the
ingest's writer) with foreign keys on, so deleting a document removes its tables and cells.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from budgetlens.errors import BudgetlensError

DEFAULT_FILE = "budgetlens.sqlite3"


class StoreError(BudgetlensError):
    """The database cannot be opened or written (a Chinese message for the user)."""


def default_url() -> str:
    """The embedded default: a SQLite file in the user's data directory."""
    folder = Path(platformdirs.user_data_dir("budgetlens"))
    return f"sqlite:///{folder / DEFAULT_FILE}"


def store_url(db: str | Path | None) -> str:
    """A SQLAlchemy URL for ``--db``: a URL as given, a path as a SQLite file, None as the default."""
    if db is None:
        return default_url()
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    if isinstance(connection, sqlite3.Connection):
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the database to the newest revision of the migrations shipped in the package."""
    config = Config()
    config.set_main_option("script_location", "budgetlens.store:migrations")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass
class Store:
    """An open database: its engine and a session factory. Close it with `close`."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed at the end, rolled back (nothing kept) on error."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_store(db: str | Path | None = None, *, upgrade: bool = True) -> Store:
    """The store at ``db`` (URL, SQLite path or None for the default), migrated to the newest revision."""
    url = store_url(db)
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise StoreError(
            f"数据库地址无法识别：{url}（应为文件路径或 postgresql+psycopg://… 形式的地址）"
        ) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database or "").parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"无法创建数据库目录 {folder}（{error.strerror or error}）") from None
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as error:
        raise StoreError(f"无法打开数据库 {parsed.render_as_string()}（{error}）") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        if upgrade:
            migrate(engine)
    except OperationalError as error:
        engine.dispose()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise StoreError(f"无法连接或升级数据库 {parsed.render_as_string()}（{reason}）") from None
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(
            f"数据库 {parsed.render_as_string()} 出错（{type(error).__name__}: {error}）"
        ) from None
    return Store(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
