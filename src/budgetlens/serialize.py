"""Document ⇄ JSON (``budgetlens.document/1``), exact and lossless.

Amounts are written as decimal strings (``"2314.68"``), never JSON numbers, so no float ever
touches money. `document_from_dict(document_to_dict(d)) == d` holds for every document; the JSON
Schema shipped in ``budgetlens/schema/document.schema.json`` describes the output.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from decimal import Decimal
from importlib import resources
from typing import Any, TypeVar, cast

from budgetlens.model import SCHEMA_ID, Document

T = TypeVar("T")


def to_plain(value: Any) -> Any:
    """Dataclasses, decimals and tuples as JSON-ready values; None and empty optional fields are left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            optional_empty = item in ([], {}) and f.default_factory is not dataclasses.MISSING
            if item is None or optional_empty:
                continue
            out[f.name] = to_plain(item)
        return out
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value


def document_to_dict(document: Document) -> dict[str, Any]:
    return {"schema": SCHEMA_ID, **to_plain(document)}


def document_to_json(document: Document) -> str:
    return json.dumps(document_to_dict(document), ensure_ascii=False, indent=2)


def from_plain(kind: Any, value: Any) -> Any:
    """The inverse of `to_plain`, guided by type hints."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if value is None:
            return None
        return from_plain(options[0], value) if len(options) == 1 else value
    if origin is typing.Literal:
        return value
    if origin is list:
        (item,) = typing.get_args(kind)
        return [from_plain(item, v) for v in value]
    if origin is tuple:
        return tuple(from_plain(a, v) for a, v in zip(typing.get_args(kind), value, strict=True))
    if origin is dict:
        _, item = typing.get_args(kind)
        return {k: from_plain(item, v) for k, v in value.items()}
    if kind is Decimal:
        return Decimal(value)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints, required = _shape(kind)
        # A None field was left out of the JSON; required ones come back as None.
        omitted = {name: None for name in required if name not in value}
        return kind(**omitted, **{k: from_plain(hints[k], v) for k, v in value.items() if k in hints})
    return value


@functools.cache
def _shape(kind: type) -> tuple[dict[str, Any], tuple[str, ...]]:
    """A dataclass's field types and required fields, resolved once (get_type_hints is slow)."""
    fields = dataclasses.fields(kind)
    hints = typing.get_type_hints(kind)
    required = tuple(
        f.name
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )
    return {f.name: hints[f.name] for f in fields}, required


def document_from_dict(data: dict[str, Any]) -> Document:
    if data.get("schema") != SCHEMA_ID:
        raise ValueError(f"不是 {SCHEMA_ID} 格式的文档（schema = {data.get('schema')!r}）")
    return cast(Document, from_plain(Document, data))


def document_schema() -> dict[str, Any]:
    """The JSON Schema of ``budgetlens.document/1``, as shipped in the package."""
    text = resources.files("budgetlens").joinpath("schema/document.schema.json").read_text("utf-8")
    return cast(dict[str, Any], json.loads(text))
