"""Batch ingest: files and folders → worker processes read and check → the parent stores.

Reading and checking are CPU-bound and independent per file, so they run in a process pool;
writing stays in the parent, one transaction per document, so the database has a single writer
(SQLite allows no other) and a killed run leaves only whole documents. Files whose sha256 is
stored already are skipped before any reading, which makes a rerun continue where an interrupted
one stopped and makes ingesting the same files twice a no-op.

Workers ignore SIGINT: Ctrl-C reaches the parent, which stops submitting, lets the running reads
end and raises `KeyboardInterrupt` to its caller with everything stored so far committed. A worker
whose parent is killed outright (SIGKILL) notices within a second and exits.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from budgetlens.api import read_document
from budgetlens.errors import BudgetlensError
from budgetlens.ingest.pdf import MAX_PAGES
from budgetlens.model import Document
from budgetlens.rules import Finding, check_document
from budgetlens.store.database import Store
from budgetlens.store.ingest import canonical_json, ingest_document, is_stored, stored_hashes

Status = Literal["stored", "present", "failed", "skipped"]


@dataclass(frozen=True)
class Prepared:
    """What a worker sends back: the canonical JSON and findings, or why the file was not read."""

    path: Path
    content: str | None
    document: Document | None = None
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    skipped: bool = False


@dataclass(frozen=True)
class Outcome:
    """What became of one file."""

    path: Path
    status: Status
    reason: str | None = None
    pages: int | None = None


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[Outcome]]:
    """The files under ``paths`` (folders recursively, hidden files and folders skipped), sorted,
    and an outcome for each path that does not exist."""
    files: list[Path] = []
    missing: list[Outcome] = []
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                if found.is_file() and not hidden:
                    files.append(found)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(Outcome(path, "failed", "文件或文件夹不存在"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, missing


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def prepare(path: Path, max_pages: int = MAX_PAGES) -> Prepared:
    """Read and check one file (runs in a worker process; the web upload calls it in a thread)."""
    try:
        document = read_document(path, max_pages=max_pages)
    except BudgetlensError as error:
        return Prepared(path, None, error=str(error))
    except Exception as error:
        return Prepared(path, None, error=f"读取时出现内部错误（{type(error).__name__}: {error}）")
    if document.kind is None and not document.tables:
        return Prepared(path, None, error="不是预决算公开文档（未识别出任何表格）", skipped=True)
    return Prepared(path, canonical_json(document), document, tuple(check_document(document)))


def _orphan_watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)  # the parent was killed (SIGKILL, OOM): do not linger holding its pipes


def _worker_start(parent: int) -> None:
    """Ctrl-C is the parent's to handle; a worker whose parent died ends itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_orphan_watch, args=(parent,), daemon=True).start()


def store_prepared(store: Store, prepared: Prepared) -> Outcome:
    """Write one worker result (the parent's part)."""
    document = prepared.document
    if prepared.content is None or document is None:
        return Outcome(prepared.path, "skipped" if prepared.skipped else "failed", prepared.error)
    try:
        source = prepared.path.read_bytes()
        result = ingest_document(store, document, list(prepared.findings), source, content=prepared.content)
    except IntegrityError as error:
        if is_stored(store, document.source.sha256):  # another ingest (same server) stored it meanwhile
            return Outcome(prepared.path, "present")
        return Outcome(prepared.path, "failed", f"写入数据库失败（{str(error).splitlines()[0]}）")
    except (OSError, ValueError, SQLAlchemyError, BudgetlensError) as error:
        reason = f"写入数据库失败（{type(error).__name__}: {str(error).splitlines()[0]}）"
        return Outcome(prepared.path, "failed", reason)
    return Outcome(prepared.path, result.status, pages=document.source.pages)


def ingest_files(
    store: Store,
    files: list[Path],
    *,
    workers: int = 2,
    progress: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Ingest ``files`` with ``workers`` reader processes; ``progress`` hears of every file as it ends."""
    outcomes: list[Outcome] = []

    def done(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome)

    known = stored_hashes(store)
    pending: list[Path] = []
    for path in files:
        try:
            sha = sha256_of(path)
        except OSError as error:
            done(Outcome(path, "failed", f"无法读取文件（{error.strerror or error}）"))
            continue
        if sha in known:
            done(Outcome(path, "present"))
        else:
            known.add(sha)  # a second copy in this run is the same document
            pending.append(path)
    if not pending:
        return outcomes
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        max_workers=max(1, workers), mp_context=context, initializer=_worker_start, initargs=(os.getpid(),)
    )
    running: dict[Future[Prepared], Path] = {}
    queue = list(reversed(pending))
    try:
        while queue or running:
            while queue and len(running) < 2 * max(1, workers):
                path = queue.pop()
                running[executor.submit(prepare, path)] = path
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: str(running[f])):
                path = running.pop(future)
                try:
                    prepared = future.result()
                except Exception as error:  # a worker died (out of memory, killed): this file only
                    prepared = Prepared(path, None, error=f"读取进程异常退出（{type(error).__name__}）")
                done(store_prepared(store, prepared))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return outcomes
