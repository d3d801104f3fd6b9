"""Problems injected into copies of the recognised seeds are found with the right rule and place."""

from __future__ import annotations

import copy
from decimal import Decimal

from budgetlens.model import Cell, Document, Table
from budgetlens.rules import check_document, flatten
from tests.conftest import seed


def _set(table: Table, code: str | None, column: str, text: str, *, label: str | None = None) -> None:
    row = table.find(code=code, label=label) if label else table.find(code=code)
    cell = row.values[column]
    row.values[column] = Cell(text, Decimal(text), cell.at)


def _new(document: Document, before: Document) -> list[list[object]]:
    old = {tuple(r) for r in flatten(check_document(before), ["rule", "line", "column", "actual"])}
    return [
        r
        for r in flatten(check_document(document), ["rule", "line", "column", "actual"])
        if tuple(r) not in old
    ]


def test_altered_total_breaks_the_hierarchy_and_cross_table_figure() -> None:
    document = copy.deepcopy(seed("001"))
    _set(document.table("budget.expenditure"), None, "总计", "2314.78", label="合计")
    found = _new(document, seed("001"))
    assert ["code-hierarchy-sum", 168, "总计", Decimal("2314.78")] in found
    assert ["row-identity", 168, "总计", Decimal("2314.78")] in found
    assert ["cross-table-figure", 135, "支出/本年预算", Decimal("2314.68")] in found


def test_altered_cell_breaks_the_row_identity() -> None:
    document = copy.deepcopy(seed("004"))
    _set(document.table("final.expenditure"), "2101103", "基本支出", "10.71")
    found = _new(document, seed("004"))
    assert ["row-identity", 156, "本年支出合计", Decimal("10.17")] in found
    assert ["code-hierarchy-sum", 150, "基本支出", Decimal("218.50")] in found


def test_altered_two_sided_total() -> None:
    document = copy.deepcopy(seed("004"))
    _set(document.table("final.summary"), None, "收入/决算数", "388.79", label="本年收入合计")
    found = _new(document, seed("004"))
    assert ["two-sided-totals", 106, "收入/决算数", Decimal("388.79")] in found
    assert ["cross-table-figure", 106, "收入/决算数", Decimal("388.79")] in found


def test_altered_econ_class() -> None:
    document = copy.deepcopy(seed("003"))
    _set(document.table("final.gpb_basic"), "303", "决算数", "8.95")
    found = _new(document, seed("003"))
    assert ["econ-class-sum", 270, "决算数", Decimal("8.95")] in found
    assert ["block-totals", 284, "决算数", Decimal("377.31")] in found


def test_deleted_listed_table() -> None:
    document = copy.deepcopy(seed("003"))
    document.tables = [t for t in document.tables if t.type != "final.three_public"]
    for entry in document.listed_tables:
        if entry.type == "final.three_public":
            entry.present = False
    findings = [f for f in check_document(document) if f.rule == "listed-table-missing"]
    assert flatten(findings, ["rule", "severity", "line", "table"]) == [
        ["listed-table-missing", "error", 22, "final.three_public"]
    ]


def test_missing_required_table_not_in_the_toc() -> None:
    document = copy.deepcopy(seed("004"))
    document.tables = [t for t in document.tables if t.type != "final.gov_fund"]
    document.listed_tables = [e for e in document.listed_tables if e.type != "final.gov_fund"]
    findings = [f for f in check_document(document) if f.rule == "required-table-missing"]
    assert flatten(findings, ["rule", "table"]) == [["required-table-missing", "final.gov_fund"]]
    assert not [f for f in check_document(seed("004")) if f.rule == "required-table-missing"]


def test_empty_table_without_note() -> None:
    document = copy.deepcopy(seed("003"))
    document.table("final.gov_fund").empty_note = None
    findings = [f for f in check_document(document) if f.rule == "empty-table-note"]
    assert flatten(findings, ["rule", "severity", "table"]) == [
        ["empty-table-note", "warning", "final.gov_fund"]
    ]
    assert not [f for f in check_document(seed("003")) if f.rule == "empty-table-note"]
