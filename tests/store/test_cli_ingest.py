"""``budgetlens ingest`` as a user runs it: a real process over folders of real documents.

Interrupting it (SIGINT as Ctrl-C sends, and SIGKILL) after some documents are stored and running
it again gives the same database as one uninterrupted run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import SAMPLES, SEEDS
from tests.store.conftest import postgres_database

BUDGETLENS = str(Path(sys.executable).with_name("budgetlens"))
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))
COPIES = 2  # edited copies of each seed: 5 + 10 distinct files


def ingest(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BUDGETLENS, "ingest", *map(str, args)], capture_output=True, text=True, check=False, timeout=600
    )


def start(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [BUDGETLENS, "ingest", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the workers can be cleaned up after SIGKILL
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and, for each, copies that differ by a last line (other files, same documents)."""
    root = tmp_path_factory.mktemp("copies")
    for name in SEED_NAMES:
        data = (SEEDS / name).read_bytes()
        (root / name).write_bytes(data)
        for copy in range(COPIES):
            (root / "more" / f"copy{copy}").mkdir(parents=True, exist_ok=True)
            (root / "more" / f"copy{copy}" / name).write_bytes(data + f"\n副本 {copy}\n".encode())
    (root / ".hidden.txt").write_bytes((SEEDS / SEED_NAMES[0]).read_bytes() + b"\nhidden\n")
    return root


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as connection:
        try:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
        except sqlite3.OperationalError:  # the tables are not created yet
            return 0


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Everything stored but ids and timestamps, sorted."""
    queries = {
        "documents": "SELECT d.sha256, d.file_name, d.kind, d.scope, d.year, u.name, d.pages, d.content "
        "FROM documents d LEFT JOIN units u ON u.id = d.unit_id",
        "tables": "SELECT d.sha256, t.position, t.type, t.title, t.money_unit, t.pages, t.line "
        "FROM tables t JOIN documents d ON d.id = t.document_id",
        "cells": "SELECT d.sha256, t.position, c.row_order, c.row_code, c.row_label, c.column_path, c.text, "
        "c.value, c.page, c.line, c.column FROM cells c JOIN tables t ON t.id = c.table_id "
        "JOIN documents d ON d.id = t.document_id",
        "findings": "SELECT d.sha256, f.position, f.family, f.rule, f.severity, f.message, f.expected, "
        "f.actual, f.evidence FROM findings f JOIN documents d ON d.id = f.document_id",
        "source_files": "SELECT sha256, size, content FROM source_files",
    }
    with sqlite3.connect(db) as connection:
        return {
            name: sorted(connection.execute(query).fetchall(), key=repr) for name, query in queries.items()
        }


@pytest.fixture(scope="module")
def uninterrupted(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[tuple[object, ...]]]:
    db = tmp_path_factory.mktemp("whole") / "store.sqlite3"
    result = ingest(folder, "--db", db, "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert "新入库 15 份，已在库中 0 份，跳过 0 份（不是预决算公开文档），失败 0 份。" in result.stderr
    return snapshot(db)


def test_one_run_stores_every_file_once(uninterrupted: dict[str, list[tuple[object, ...]]]) -> None:
    assert len(uninterrupted["documents"]) == len(uninterrupted["source_files"]) == 15
    assert {row[1] for row in uninterrupted["documents"]} == set(SEED_NAMES)  # hidden file skipped
    assert len(uninterrupted["cells"]) == 3 * (369 + 120 + 396 + 131 + 103)


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "sigkill"])
def test_interrupted_and_rerun_equals_one_run(
    how: signal.Signals, folder: Path, tmp_path: Path, uninterrupted: dict[str, list[tuple[object, ...]]]
) -> None:
    db = tmp_path / "store.sqlite3"
    process = start(folder, "--db", db, "--workers", "1")
    try:
        while stored_count(db) < 2 and process.poll() is None:
            time.sleep(0.05)
        process.send_signal(how)
        process.wait(timeout=300)
    finally:
        # after SIGKILL the workers end themselves within a second; make sure, as a shell would
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    _, stderr = process.communicate(timeout=60)
    partial = stored_count(db)
    assert 2 <= partial < 15
    if how == signal.SIGINT:
        assert process.returncode == 130
        assert f"已中断：本次已完整入库 {partial} 份文档" in stderr
        assert "重新运行同一命令即可继续" in stderr
        assert "Traceback" not in stderr
    else:
        assert process.returncode == -signal.SIGKILL
    rerun = ingest(folder, "--db", db, "--workers", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert f"新入库 {15 - partial} 份，已在库中 {partial} 份" in rerun.stderr
    assert snapshot(db) == uninterrupted


def test_a_second_run_stores_nothing_new(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    subset = tmp_path / "two"
    subset.mkdir()
    for name in SEED_NAMES[:2]:
        shutil.copy(SEEDS / name, subset / name)
    shutil.copy(SEEDS / "README.md", subset / "README.md")
    first = ingest(subset, "--db", db)
    second = ingest(subset, SEEDS / SEED_NAMES[0], "--db", db)
    assert first.returncode == second.returncode == 0
    assert "新入库 2 份，已在库中 0 份，跳过 1 份（不是预决算公开文档），失败 0 份。" in first.stderr
    assert "跳过：" in first.stderr
    assert "README.md — 不是预决算公开文档（未识别出任何表格）" in first.stderr
    assert "新入库 0 份，已在库中 3 份，跳过 1 份" in second.stderr  # the seed given again is a third file


def test_unreadable_files_are_reported_and_the_others_kept(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    landing = "57-2026-重庆市公安局-落地页非正文.pdf"
    shutil.copy(SAMPLES / landing, folder / landing)
    shutil.copy(SEEDS / SEED_NAMES[3], folder / SEED_NAMES[3])
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "store.sqlite3"
    result = ingest(folder, "--db", db, "--workers", "1")
    assert result.returncode == 1
    assert "新入库 1 份，已在库中 0 份，跳过 0 份（不是预决算公开文档），失败 2 份。" in result.stderr
    assert f"失败：{folder / landing} — " in result.stderr
    assert "是网页（HTML），不是预决算公开文档" in result.stderr
    assert "Traceback" not in result.stderr
    assert stored_count(db) == 1


def test_bad_paths_and_databases_exit_2_in_chinese(tmp_path: Path) -> None:
    missing = ingest(tmp_path / "nothing-here", "--db", tmp_path / "x.sqlite3")
    assert missing.returncode == 2
    assert "错误：没有找到要入库的文件；" in missing.stderr
    assert "文件或文件夹不存在" in missing.stderr
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    bad_db = ingest(SEEDS / SEED_NAMES[0], "--db", blocked / "db.sqlite3")
    assert bad_db.returncode == 2
    assert bad_db.stderr.startswith("错误：无法创建数据库目录")
    bad_url = ingest(SEEDS / SEED_NAMES[0], "--db", "nosuchdriver://x")
    assert bad_url.returncode == 2
    assert "错误：" in bad_url.stderr
    assert "Traceback" not in bad_url.stderr + bad_db.stderr + missing.stderr


def test_ingest_into_postgresql(postgres_server: str, tmp_path: Path) -> None:
    url, drop = postgres_database(postgres_server)
    try:
        first = ingest(SEEDS / SEED_NAMES[1], SEEDS / SEED_NAMES[3], "--db", url, "--workers", "2")
        second = ingest(SEEDS / SEED_NAMES[1], "--db", url)
    finally:
        drop()
    assert first.returncode == second.returncode == 0, first.stderr
    assert "新入库 2 份" in first.stderr
    assert "新入库 0 份，已在库中 1 份" in second.stderr
    assert "数据库：postgresql+psycopg://postgres@/" in first.stderr
