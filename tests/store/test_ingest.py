"""Storing documents: idempotent by sha256, exact amounts, whole or nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from tests.conftest import SAMPLES, SEEDS, read_once, seed, seed_path
from tests.store.edits import edited, set_amount

from budgetlens import Document, UnreadableError
from budgetlens.rules import Finding, Location, check_document
from budgetlens.store import Store, ingest_document, schema

Corpus = list[tuple[Path, Document, list[Finding]]]
_CORPUS: Corpus = []


def corpus() -> Corpus:
    """Every readable seed and sample with its findings (read and checked once per session)."""
    if not _CORPUS:
        for path in sorted(SEEDS.glob("*.txt")) + sorted(
            p for p in SAMPLES.iterdir() if p.name != "README.md"
        ):
            try:
                document = read_once(path)
            except UnreadableError:
                continue
            _CORPUS.append((path, document, check_document(document)))
    return _CORPUS


def count(store: Store, table: type[schema.Base]) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def counts(store: Store) -> dict[str, int]:
    tables = (schema.Document, schema.SourceFile, schema.Unit, schema.Table, schema.Cell, schema.Finding)
    return {t.__tablename__: count(store, t) for t in tables}


# Readable today; 11 (a scan) joins them once OCR reads it, 57 (a landing page) never does.
READABLE = {"000", "001", "002", "003", "004"} | {
    f"{n:02d}" for n in (1, 9, 14, 18, 22, 26, 31, 32, 36, 40, 43, 50, 52, 56, 77, 78, 85, 86)
}


def test_seeds_and_samples_twice_are_stored_once(store: Store) -> None:
    documents = corpus()
    names = {p.name.split("_")[0].split("-")[0] for p, _, _ in documents}
    assert names >= READABLE
    assert "57" not in names
    first = [ingest_document(store, d, f, p.read_bytes()).status for p, d, f in documents]
    after_first = counts(store)
    second = [ingest_document(store, d, f, p.read_bytes()).status for p, d, f in documents]
    assert first == ["stored"] * len(documents)
    assert second == ["present"] * len(documents)
    assert counts(store) == after_first
    assert after_first["documents"] == after_first["source_files"] == after_first["units"] == len(documents)
    assert after_first["tables"] == sum(len(d.tables) for _, d, _ in documents)
    assert after_first["cells"] == sum(
        len(r.values) for _, d, _ in documents for t in d.tables for r in t.rows
    )
    assert after_first["findings"] == sum(len(f) for _, _, f in documents)
    known = [(p, d) for p, d, _ in documents if p.name.split("_")[0].split("-")[0] in READABLE]
    # 43 reads its 公开09表 (三公, 会议费、培训费), and its 87 项目绩效自评表 as one table (no wrapped title
    # splits it any more); 52 reads its 政策和项目预算绩效目标表.
    assert sum(len(d.tables) for _, d in known) == 269
    with store.reading() as session:
        stored = set(session.scalars(select(schema.Document.file_name)))
    assert stored == {p.name for p, _, _ in documents}


def test_amounts_are_exact_decimals(store: Store) -> None:
    document = seed("001")
    ingest_document(store, document, [], seed_path("001").read_bytes())
    with store.reading() as session:
        cells = session.scalars(
            select(schema.Cell)
            .join(schema.Table)
            .where(schema.Table.type == "budget.expenditure", schema.Cell.row_label == "合计")
            .order_by(schema.Cell.id)
        ).all()
    assert [(c.column_path, c.value, c.text) for c in cells] == [
        ("总计", Decimal("2314.68"), "2,314.68"),
        ("基本支出", Decimal("1003.01"), "1,003.01"),
        ("项目支出", Decimal("1311.67"), "1,311.67"),
    ]
    assert all(isinstance(c.value, Decimal) for c in cells)
    assert cells[0].line == document.table("budget.expenditure").rows[0].values["总计"].at.line


def test_scale_is_kept(store: Store) -> None:
    """``178.00`` stays ``178.00`` (seed 000 一般公共预算支出表 合计 row, 项目支出)."""
    ingest_document(store, seed("000"), [], seed_path("000").read_bytes())
    with store.reading() as session:
        value = session.scalar(
            select(schema.Cell.value)
            .join(schema.Table)
            .where(schema.Table.type == "budget.gpb_expenditure", schema.Cell.row_kind == "total")
            .where(schema.Cell.column_path == "项目支出")
        )
    assert str(value) == "178.00"


def test_a_document_failing_half_way_leaves_nothing(store: Store) -> None:
    """The findings go in last; a severity the database's CHECK constraint refuses makes the real
    database fail there, after the source, unit, document, tables and cells were written."""
    document = seed("003")
    bad = Finding(rule="row-identity", severity="fatal", message="坏", location=Location())  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):
        ingest_document(store, document, [bad], seed_path("003").read_bytes())
    assert counts(store) == {
        "documents": 0,
        "source_files": 0,
        "units": 0,
        "tables": 0,
        "cells": 0,
        "findings": 0,
    }
    assert ingest_document(store, document, [], seed_path("003").read_bytes()).status == "stored"
    assert count(store, schema.Cell) == 131


def test_source_bytes_must_match_the_document(store: Store) -> None:
    with pytest.raises(ValueError, match="sha256 不一致"):
        ingest_document(store, seed("003"), [], seed_path("004").read_bytes())
    assert count(store, schema.Document) == 0


def test_the_original_file_is_kept(store: Store) -> None:
    data = seed_path("002").read_bytes()
    ingest_document(store, seed("002"), [], data)
    with store.reading() as session:
        kept = session.get(schema.SourceFile, seed("002").source.sha256)
    assert kept is not None
    assert kept.content == data
    assert kept.size == 27077


def test_history_findings_do_not_depend_on_the_order(store: Store) -> None:
    """The prior year (an edited copy of seed 004: 2023, 总计 400.00) stored after the current year
    still yields the current year's finding: storing a document rechecks its unit's others."""
    current = seed("004")
    prior, data = edited(current, seed_path("004"), "prior-2023", year=2023)
    for side in ("收入", "支出"):
        set_amount(prior, "final.summary", "400.00", column=f"{side}/决算数", label="总计", side=side)
    ingest_document(store, current, [], seed_path("004").read_bytes())
    ingest_document(store, prior, [], data)
    with store.reading() as session:
        rows = session.execute(
            select(schema.Document.year, schema.Finding.rule, schema.Finding.line, schema.Finding.expected)
            .join(schema.Document)
            .where(schema.Finding.family == "history")
            .order_by(schema.Finding.line)
        ).all()
    assert [tuple(r) for r in rows] == [
        (2024, "history-prior-year-change", 311, Decimal("400.00")),
        # 财政拨款收、支总计 and 财政拨款支出: the copy keeps 387.79, the text implies 396.52
        (2024, "history-prior-year-change", 323, Decimal("387.79")),
        (2024, "history-prior-year-change", 329, Decimal("387.79")),
    ]


def test_units_match_across_years_and_kinds(store: Store) -> None:
    current = seed("004")
    prior, data = edited(current, seed_path("004"), "prior", year=2023)
    ingest_document(store, current, [], seed_path("004").read_bytes())
    ingest_document(store, prior, [], data)
    ingest_document(store, seed("003"), [], seed_path("003").read_bytes())
    with store.reading() as session:
        units = session.execute(
            select(schema.Unit.name, func.count(schema.Document.id))
            .join(schema.Document)
            .group_by(schema.Unit.name)
            .order_by(schema.Unit.name)
        ).all()
    assert [tuple(u) for u in units] == [
        ("株洲高新技术产业开发区企业服务局", 2),
        ("武汉市江汉区企业服务中心", 1),
    ]
