"""Uploads: each file becomes a job, read, checked and stored in the background, one at a time.

The page and the API answer at once with the job ids; the browser polls ``/api/v1/jobs/{id}`` to
show progress. Reading is the same `prepare` + `store_prepared` the batch ingest uses, so an upload
and ``budgetlens ingest`` store identical data (idempotent by content hash: uploading a stored file
again reports it as present).

File names are never trusted as paths: the bytes are written to a private temporary folder under
`safe_name` (the last name component, control characters and leading dots removed), which only
serves as the document's display name.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from sqlalchemy import select

from budgetlens.store import schema
from budgetlens.store.batch import Status, prepare, store_prepared
from budgetlens.store.database import Store

JobStatus = Literal["queued", "reading"] | Status
STATUS_NAMES: dict[str, str] = {
    "queued": "排队中",
    "reading": "正在读取和审校",
    "stored": "已入库",
    "present": "已存在（内容相同）",
    "failed": "失败",
    "skipped": "不是公开文档",
}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")


def safe_name(name: str | None) -> str:
    """A display name from an uploaded file name: its last component, without control characters."""
    last = re.split(r"[\\/]", name or "")[-1]
    cleaned = _UNSAFE.sub("", last).strip().lstrip(".").strip()
    return cleaned[:200] or "上传文件"


@dataclass(frozen=True)
class Job:
    id: str
    name: str
    size: int
    status: JobStatus
    reason: str | None = None
    document_id: int | None = None

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]

    @property
    def done(self) -> bool:
        return self.status not in ("queued", "reading")


class Jobs:
    """The upload queue of one server: a single background thread, jobs kept in memory."""

    def __init__(self, store: Store, max_pages: int) -> None:
        self._store = store
        self._max_pages = max_pages
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="budgetlens-upload")

    def submit(self, name: str | None, data: bytes) -> Job:
        job = Job(uuid.uuid4().hex, safe_name(name), len(data), "queued")
        self._set(job)
        self._executor.submit(self._run, job, data)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _set(self, job: Job) -> None:
        with self._lock:
            self._jobs[job.id] = job

    def _run(self, job: Job, data: bytes) -> None:
        self._set(replace(job, status="reading"))
        try:
            with tempfile.TemporaryDirectory(prefix="budgetlens-upload-") as folder:
                path = Path(folder) / job.name
                path.write_bytes(data)
                outcome = store_prepared(self._store, prepare(path, self._max_pages))
        except Exception as error:  # the job reports it; the server keeps running
            self._set(replace(job, status="failed", reason=f"内部错误（{type(error).__name__}: {error}）"))
            return
        document_id = None
        if outcome.status in ("stored", "present"):
            document_id = self._document_id(data)
        self._set(replace(job, status=outcome.status, reason=outcome.reason, document_id=document_id))

    def _document_id(self, data: bytes) -> int | None:
        sha = hashlib.sha256(data).hexdigest()
        with self._store.reading() as session:
            return session.scalar(select(schema.Document.id).where(schema.Document.sha256 == sha))
