"""Shared fixtures: the real documents in ../shared (override with BUDGETLENS_SHARED)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from budgetlens import Document, read_document

SHARED = Path(os.environ.get("BUDGETLENS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEEDS = SHARED / "seeds"
SAMPLES = SHARED / "samples"

SEED_FILES = {
    "000": "000_2dc7f0fcd8664e1f.txt",
    "001": "001_35844fc53e2b775b.txt",
    "002": "002_8fd632e91e011919.txt",
    "003": "003_ad50221802a8c10b.txt",
    "004": "004_711672de32b8e3d1.txt",
}

_CACHE: dict[str, Document] = {}


def seed_path(key: str) -> Path:
    path = SEEDS / SEED_FILES[key]
    if not path.exists():
        pytest.fail(f"seed document missing: {path} (set BUDGETLENS_SHARED to the shared/ folder)")
    return path


def read_once(path: Path) -> Document:
    """A real document recognised once per test session (tests must not mutate it)."""
    key = str(path)
    if key not in _CACHE:
        _CACHE[key] = read_document(path)
    return _CACHE[key]


def seed(key: str) -> Document:
    """The recognised seed document (read once per test session; tests must not mutate it)."""
    return read_once(seed_path(key))


def need(available: bool, what: str) -> None:
    """Skip a test whose system part is missing; on CI (``CI=true``) fail instead, because
    ``scripts/ensure-system.sh`` (run by ``make test``) installs every part."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing on CI: scripts/ensure-system.sh should have installed it")
    pytest.skip(f"{what} is not installed")
