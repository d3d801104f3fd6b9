"""The extract JSON: valid against the shipped schema, and lossless."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from budgetlens import document_from_dict, document_to_dict, document_to_json
from budgetlens.serialize import document_schema
from tests.conftest import SEED_FILES, seed

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_extract_json_validates_against_shipped_schema(key: str) -> None:
    data = json.loads(document_to_json(seed(key)))
    jsonschema.Draft202012Validator(document_schema()).validate(data)


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_round_trip_gives_an_equal_document(key: str) -> None:
    document = seed(key)
    loaded = document_from_dict(json.loads(document_to_json(document)))
    assert loaded == document


def test_amounts_are_decimal_strings_never_floats() -> None:
    data = document_to_dict(seed("001"))
    summary = next(t for t in data["tables"] if t["type"] == "budget.summary")
    cell = summary["rows"][0]["values"]["收入/本年预算"]
    assert cell == {"text": "2,314.68", "amount": "2314.68", "at": {"line": 129, "column": 1}}
    loaded = document_from_dict(data)
    assert loaded.table("budget.summary").rows[0].values["收入/本年预算"].amount == Decimal("2314.68")


def test_a_document_of_another_schema_is_refused() -> None:
    with pytest.raises(ValueError, match=r"不是 budgetlens\.document/1 格式的文档"):
        document_from_dict({"schema": "other/1"})


def test_invalid_document_fails_the_schema() -> None:
    data = document_to_dict(seed("000"))
    data["tables"][0]["rows"][0]["values"]["收入/预算数"]["amount"] = 353.11  # a float
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(document_schema()).validate(data)


def test_docs_copy_of_schema_is_in_sync() -> None:
    assert json.loads((DOCS / "document.schema.json").read_text("utf-8")) == document_schema()
