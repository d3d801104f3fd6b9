"""The read side the web UI and API use: units, a unit's documents by year, tables, findings, and a
budget against a final account per 功能分类 code (an edited pair, see tests/store/edits.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.conftest import seed, seed_path
from tests.store.edits import edited

from budgetlens import Document
from budgetlens.store import Store, ingest_document, queries


@pytest.fixture
def filled(store: Store) -> Store:
    """Seed 004 (株洲高新区企业服务局 2024 决算) with a 2023 copy and a 2024 budget (seed 000 renamed),
    and seed 003 of another unit."""
    final = seed("004")
    prior, prior_data = edited(final, seed_path("004"), "prior", year=2023)
    budget, budget_data = edited(
        seed("000"), seed_path("000"), "budget", unit_name=final.unit_name, unit_code=None
    )
    documents: list[tuple[Document, bytes]] = [
        (final, seed_path("004").read_bytes()),
        (prior, prior_data),
        (budget, budget_data),
        (seed("003"), seed_path("003").read_bytes()),
    ]
    for document, data in documents:
        ingest_document(store, document, [], data)
    return store


def test_units_and_a_units_documents_by_year(filled: Store) -> None:
    with filled.reading() as session:
        units = queries.units(session)
        assert [(u.name, u.code, u.documents) for u in units] == [
            ("株洲高新技术产业开发区企业服务局", None, 3),
            ("武汉市江汉区企业服务中心", None, 1),
        ]
        by_year = queries.unit_documents(session, units[0].id)
    assert {year: [(d.kind, d.file_name) for d in docs] for year, docs in by_year.items()} == {
        2023: [("final_account", "prior.txt")],
        2024: [("budget", "budget.txt"), ("final_account", "004_711672de32b8e3d1.txt")],
    }
    assert by_year[2024][1].tables == 16
    assert by_year[2024][0].findings == {}  # stored without the checks' findings: only history ones
    # the final account: 7 项级科目 and 2 “三公” figures against the budget (info), and 3 changes
    # against the 2023 copy, which still prints 2024's 387.79 where the text implies 396.52 (warning)
    assert by_year[2024][1].findings == {"info": 9, "warning": 3}


def test_tables_rows_and_cells(filled: Store) -> None:
    with filled.reading() as session:
        info = queries.document(session, seed("004").source.sha256)
        assert info is not None
        assert queries.document(session, info.id) == info
        tables = queries.tables(session, info.id)
        gpb = next(t for t in tables if t.type == "final.gpb_expenditure")
        rows = queries.table_rows(session, gpb.id)
    assert len(tables) == 16
    assert gpb.money_unit == "万元"
    assert [(r.code, r.label, r.kind) for r in rows[:3]] == [
        (None, "合计", "total"),
        ("2010301", "行政运行", "item"),
        ("2010302", "一般行政管理事务", "item"),
    ]
    assert {c: v.value for c, v in rows[0].cells.items()} == {
        "本年支出/小计": Decimal("387.79"),
        "本年支出/基本支出": Decimal("218.50"),
        "本年支出/项目支出": Decimal("169.30"),
    }
    assert rows[2].cells["本年支出/小计"].text == "169.3"


def test_findings_canonical_document_and_source(filled: Store) -> None:
    with filled.reading() as session:
        info = queries.document(session, seed("004").source.sha256)
        assert info is not None
        history = queries.findings(session, info.id, family="history")
        assert [f.rule for f in history].count("history-item-budget") == 7
        first = next(f for f in history if f.rule == "history-item-budget")
        assert (first.line, first.expected, first.actual) == (341, Decimal(0), Decimal("155.69"))
        assert first.data["extra"]["related_file"] == "budget.txt"
        assert queries.findings(session, info.id, severity="error") == []
        assert queries.canonical(session, info.id) == seed("004")
        assert queries.source_file(session, info.sha256) == seed_path("004").read_bytes()
        assert queries.document(session, "0" * 64) is None


def test_budget_against_final_account_per_code(filled: Store) -> None:
    with filled.reading() as session:
        unit = queries.units(session)[0]
        rows = {r.code: r for r in queries.budget_vs_final(session, unit.id, 2024)}
        assert queries.budget_vs_final(session, unit.id, 2023) == []  # no 2023 budget stored
    assert sorted(c for c in rows if len(c) == 7) == [
        "2010301",
        "2010302",
        "2010350",
        "2080505",
        "2080506",
        "2089999",
        "2101101",
        "2101102",
        "2101103",
        "2210201",
    ]
    assert (rows["2080505"].budget, rows["2080505"].final, rows["2080505"].difference) == (
        Decimal("14.69"),
        Decimal("17.86"),
        Decimal("3.17"),
    )
    assert (rows["2010301"].budget, rows["2010301"].final, rows["2010301"].difference) == (
        None,
        Decimal("168.07"),
        None,
    )
    assert (rows["2010350"].label, rows["2010350"].budget, rows["2010350"].final) == (
        "事业运行",
        Decimal("302.23"),
        None,
    )
