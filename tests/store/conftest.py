"""Store fixtures: a fresh store per test on SQLite (a temporary file) and on a real PostgreSQL.

The PostgreSQL cluster is a throwaway one this session starts (initdb into a temporary folder,
unix socket only, fsync off) and stops at the end. Without the PostgreSQL binaries the PostgreSQL
tests skip, except on CI (env CI=true), where they fail: `scripts/ensure-system.sh` installs them.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from budgetlens.store import Store, open_store

PG_BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    """initdb refuses to run as root: run the server tools as the ``postgres`` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The base URL (no database) of a throwaway PostgreSQL cluster on a unix socket."""
    if not PG_BINARIES:
        message = "PostgreSQL is not installed (scripts/ensure-system.sh installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    bin_dir = PG_BINARIES[0].parent
    base = Path(tempfile.mkdtemp(prefix="budgetlens-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(base, user.pw_uid, user.pw_gid)
    data, port = base / "data", _free_port()
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
    subprocess.run(_as_postgres([*initdb, "--locale=C", "--no-sync"]), check=True, capture_output=True)
    options = f"-k {base} -p {port} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data)]
    start = [*pg_ctl, "-o", options, "-l", str(base / "log"), "-w", "start"]
    subprocess.run(_as_postgres(start), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@/{{db}}?host={base}&port={port}"
    finally:
        subprocess.run(_as_postgres([*pg_ctl, "-m", "immediate", "stop"]), check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def postgres_database(server: str) -> tuple[str, Callable[[], None]]:
    """A new empty database on the throwaway server, and how to drop it."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = server.format(db="postgres").replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return server.format(db=name), drop


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    url, drop = postgres_database(request.getfixturevalue("postgres_server"))
    try:
        yield url
    finally:
        drop()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A fresh store, migrated, on each backend."""
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()
