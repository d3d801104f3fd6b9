"""A real store (SQLite in a temporary folder) holding real documents, and the app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from budgetlens.rules import check_document
from budgetlens.store.database import Store, open_store
from budgetlens.store.ingest import ingest_document
from budgetlens.web.app import WebSettings, create_app
from tests.conftest import SAMPLES, read_once, seed_path

TOKEN = "test-token"
SAMPLE_32 = SAMPLES / "32-2024-国家信访局-部门决算.pdf"
DOCUMENTS = [seed_path("003"), seed_path("004"), SAMPLE_32]


def fill(store: Store, paths: list[Path]) -> list[int]:
    """Store each real document as ``budgetlens ingest`` would; their ids in order."""
    ids = []
    for path in paths:
        document = read_once(path)
        result = ingest_document(store, document, check_document(document), path.read_bytes())
        ids.append(result.document_id)
    return ids


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(tmp_path_factory.mktemp("web") / "web.sqlite3")
    fill(opened, DOCUMENTS)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    app = create_app(WebSettings(store, TOKEN, max_upload_bytes=2 * 1024 * 1024))
    with TestClient(app) as test_client:
        yield test_client
