"""Assertions shared by the sample modules: a value as the page prints it, and a cell it leaves blank.

Each case was read on the rendered page; a module lists its cases as (table type, row selector, column,
[printed text,] page) and parametrizes one test over them with `case_ids`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from budgetlens import Document

Selector = dict[str, str]


def case_ids(cases: Sequence[tuple[object, ...]]) -> list[str]:
    """``summary-0``, ``income-1`` …: the table type's short name and the case's place in the list."""
    return [f"{str(case[0]).split('.')[1]}-{index}" for index, case in enumerate(cases)]


def assert_printed(  # noqa: PLR0917 - one case's fields, in the order the modules list them
    document: Document, type_id: str, selector: Selector, column: str, printed: str, page: int
) -> None:
    """The cell holds the printed text, its exact amount (thousands separators dropped) and its page."""
    cell = document.table(type_id).find(**selector).values[column]
    assert (cell.text, cell.amount, cell.at.page) == (printed, Decimal(printed.replace(",", "")), page)


def assert_blank(document: Document, type_id: str, selector: Selector, column: str, page: int) -> None:
    """The row is read on its page and the column exists, but the cell holds no value."""
    table = document.table(type_id)
    assert column in table.columns
    assert table.find(**selector).at.page == page
    assert table.amount(column, **selector) is None
