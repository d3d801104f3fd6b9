"""History rules: a document against other stored documents (the store provides them).

The corpus has no two documents of one unit, so the other document is an edited copy of a real
one (tests/store/edits.py): seed 004 (株洲高新区企业服务局 2024 决算) with year 2023 as its prior
year; seed 000 (a real 2024 budget of another Zhuzhou unit) renamed to seed 004's unit as its
budget; seed 000 with scope 单位 as the sole member unit of seed 000.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from budgetlens import Document
from budgetlens.rules import check_document, flatten, get_rule
from budgetlens.store import Store, ingest_document, open_store
from budgetlens.store.related import StoredDocuments
from tests.conftest import seed, seed_path
from tests.store.edits import edited, set_amount

HISTORY = (
    "history-prior-year-change",
    "history-three-public-budget",
    "history-item-budget",
    "history-department-sum",
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


def stored(store: Store, *documents: tuple[Document, bytes]) -> None:
    for document, data in documents:
        ingest_document(store, document, [], data)


def run(session: Session, rule_id: str, document: Document) -> list[list[object]]:
    findings = check_document(document, rules=[get_rule(rule_id)], related=StoredDocuments(session))
    return flatten(findings, ["rule", "severity", "line", "code", "column", "expected", "actual"])


def test_without_stored_documents_history_rules_find_nothing(store: Store) -> None:
    rules = [get_rule(rule_id) for rule_id in HISTORY]
    assert [r.family for r in rules] == ["history"] * 4
    assert check_document(seed("004"), rules=rules) == []
    with store.reading() as session:
        assert check_document(seed("004"), rules=rules, related=StoredDocuments(session)) == []


def prior_of_004(total: str) -> tuple[Document, bytes]:
    prior, data = edited(seed("004"), seed_path("004"), f"prior-{total}", year=2023)
    for side in ("收入", "支出"):
        set_amount(prior, "final.summary", total, column=f"{side}/决算数", label="总计", side=side)
    return prior, data


def test_prior_year_change(store: Store) -> None:
    """Line 311: 收、支总计 387.79 万元，与上年相比减少 8.73 万元 → last year 396.52; lines 323 and 329
    say the same of 财政拨款收、支总计 and 财政拨款支出, which the copy leaves at 387.79."""
    stored(store, prior_of_004("400.00"))
    with store.reading() as session:
        found = run(session, "history-prior-year-change", seed("004"))
    assert found == [
        ["history-prior-year-change", "warning", 311, None, None, Decimal("400.00"), Decimal("396.52")],
        ["history-prior-year-change", "warning", 323, None, None, Decimal("387.79"), Decimal("396.52")],
        ["history-prior-year-change", "warning", 329, None, None, Decimal("387.79"), Decimal("396.52")],
    ]


def test_prior_year_change_agrees_with_a_consistent_prior_year(store: Store) -> None:
    stored(store, prior_of_004("396.52"))
    with store.reading() as session:
        lines = [f[2] for f in run(session, "history-prior-year-change", seed("004"))]
    assert lines == [323, 329]


def budget_for_004() -> tuple[Document, bytes]:
    return edited(
        seed("000"), seed_path("000"), "budget-004", unit_name=seed("004").unit_name, unit_code=None
    )


def test_three_public_budget(store: Store) -> None:
    """Seed 004's 三公 table prints 预算数 2 (合计 and 公务接待费); the budget's 三公 table 0.15."""
    stored(store, budget_for_004())
    with store.reading() as session:
        found = run(session, "history-three-public-budget", seed("004"))
    assert found == [  # by column name
        [
            "history-three-public-budget",
            "info",
            301,
            None,
            "预算数/公务接待费",
            Decimal("0.15"),
            Decimal("2"),
        ],
        ["history-three-public-budget", "info", 301, None, "预算数/合计", Decimal("0.15"), Decimal("2")],
    ]


def test_item_budget(store: Store) -> None:
    """Each 项级科目 paragraph of seed 004 (lines 341–367) against the budget's 一般公共预算支出表:
    2010301, 2010302 and 2101101 are not in that budget (0); the others print other figures."""
    stored(store, budget_for_004())
    with store.reading() as session:
        found = run(session, "history-item-budget", seed("004"))
    assert [(f[2], f[5], f[6]) for f in found] == [
        (341, Decimal(0), Decimal("155.69")),
        (345, Decimal(0), Decimal("160")),
        (349, Decimal("14.69"), Decimal("15.47")),
        (355, Decimal("0.89"), Decimal("0.47")),
        (359, Decimal(0), Decimal("5.82")),
        (363, Decimal("9.32"), Decimal("8.65")),
        (367, Decimal("12.19"), Decimal("13.21")),
    ]
    assert {f[1] for f in found} == {"info"}


def test_department_sum(store: Store) -> None:
    """Seed 000 is a one-unit department: its unit's own document (scope 单位) must print the same
    figures; the copy's 2010350 事业运行 合计 is edited from 302.23 to 300.00."""
    unit, data = edited(seed("000"), seed_path("000"), "unit-000", scope="unit")
    set_amount(unit, "budget.gpb_expenditure", "300.00", column="合计", code="2010350")
    stored(store, (unit, data))
    with store.reading() as session:
        found = run(session, "history-department-sum", seed("000"))
    assert found == [
        [
            "history-department-sum",
            "info",
            found[0][2],
            "2010350",
            "合计",
            Decimal("300.00"),
            Decimal("302.23"),
        ]
    ]


def test_department_sum_agrees_with_an_unedited_member(store: Store) -> None:
    stored(store, edited(seed("000"), seed_path("000"), "unit-000", scope="unit"))
    with store.reading() as session:
        assert run(session, "history-department-sum", seed("000")) == []
