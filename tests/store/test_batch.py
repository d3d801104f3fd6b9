"""Batch ingest without the command line: which files, what a worker returns, what the parent stores."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import SAMPLES, SEEDS, seed, seed_path

from budgetlens.store import Store
from budgetlens.store.batch import expand, ingest_files, prepare


def test_expand_skips_hidden_files_and_reports_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / ".cache").mkdir(parents=True)
    for name in ("a/b.txt", "a/.c.txt", "a/.cache/d.txt", "e.txt"):
        (tmp_path / name).write_text("x")
    files, missing = expand([tmp_path / "a", tmp_path / "e.txt", tmp_path / "a" / "b.txt", tmp_path / "no"])
    assert files == [tmp_path / "a" / "b.txt", tmp_path / "e.txt"]
    assert [(o.path, o.status, o.reason) for o in missing] == [
        (tmp_path / "no", "failed", "文件或文件夹不存在")
    ]


def test_a_worker_returns_the_canonical_json_and_findings_or_why_not() -> None:
    ready = prepare(seed_path("003"))
    assert ready.error is None
    assert ready.content is not None
    assert json.loads(ready.content)["schema"] == "budgetlens.document/1"
    assert ready.document == seed("003")
    assert len(ready.findings) > 0
    readme = prepare(SEEDS / "README.md")
    assert (readme.content, readme.skipped, readme.error) == (
        None,
        True,
        "不是预决算公开文档（未识别出任何表格）",
    )
    landing = prepare(SAMPLES / "57-2026-重庆市公安局-落地页非正文.pdf")
    assert landing.skipped is False
    assert landing.error is not None
    assert "是网页（HTML），不是预决算公开文档" in landing.error


def test_the_same_content_twice_in_one_run_is_stored_once(store: Store, tmp_path: Path) -> None:
    twin = tmp_path / "twin.txt"
    shutil.copy(seed_path("004"), twin)
    heard: list[str] = []
    outcomes = ingest_files(
        store, [seed_path("004"), twin], workers=1, progress=lambda o: heard.append(o.status)
    )
    assert [(o.path.name, o.status) for o in outcomes] == [
        ("twin.txt", "present"),
        (seed_path("004").name, "stored"),
    ]
    assert heard == ["present", "stored"]
    again = ingest_files(store, [twin], workers=1)
    assert [o.status for o in again] == ["present"]
