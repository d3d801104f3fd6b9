"""The key figures of one document, in 万元, for comparing units and years.

A reviewer comparing units (all enterprise-service centres, say) wants the same few numbers side by
side: total expenditure, 基本支出 and 项目支出, 人员经费 and its share, and the “三公” total. Each
is read from the table that defines it (the expenditure table's total row, the basic-expenditure
table's 人员经费 block or column, the 三公 table's total row) and converted from 元 where the table
is in 元. A figure the document does not print is None, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.model import Document, Row, Table

EXPENDITURE = ("final.expenditure", "budget.expenditure")
BASIC = ("final.gpb_basic", "budget.gpb_basic", "budget.basic_expenditure")
THREE_PUBLIC = ("final.three_public", "budget.three_public")
KEY_TABLES = frozenset((*EXPENDITURE, *BASIC, *THREE_PUBLIC))  # the only tables key_figures reads
TOTAL_COLUMNS = ("本年支出合计", "总计", "合计", "小计")


@dataclass(frozen=True)
class KeyFigures:
    """The figures (万元) a comparison shows; None where the document does not print them."""

    expenditure: Decimal | None
    basic: Decimal | None
    project: Decimal | None
    staff: Decimal | None
    three_public: Decimal | None
    staff_share: Decimal | None  # 人员经费 as a percentage of total expenditure, two decimals


def key_figures(document: Document) -> KeyFigures:
    expenditure = _first(document, EXPENDITURE)
    total = _total_row(expenditure)
    spent = _in_wan(expenditure, total, TOTAL_COLUMNS)
    staff = _staff(_first(document, BASIC))
    return KeyFigures(
        expenditure=spent,
        basic=_in_wan(expenditure, total, ("基本支出",)),
        project=_in_wan(expenditure, total, ("项目支出",)),
        staff=staff,
        three_public=_three_public(_first(document, THREE_PUBLIC), document.kind == "final_account"),
        staff_share=(staff / spent * 100).quantize(Decimal("0.01")) if staff is not None and spent else None,
    )


def _first(document: Document, types: Iterable[str]) -> Table | None:
    return next((t for kind in types for t in document.tables if t.type == kind), None)


def _total_row(table: Table | None, side: str | None = None) -> Row | None:
    """The (first) total row; a table of one data row (a 三公 table of one unit) is its own total."""
    if table is None:
        return None
    total = next((r for r in table.rows if r.kind == "total" and (side is None or r.side == side)), None)
    if total is None and side is None and len(table.rows) == 1:
        return table.rows[0]
    return total


def _in_wan(table: Table | None, row: Row | None, names: Iterable[str]) -> Decimal | None:
    """The row's amount in the first column whose last header part is one of ``names``."""
    if table is None or row is None or table.money_unit is None:
        return None
    for name in names:
        for column in table.columns:
            cell = row.values.get(column)
            if column.split("/")[-1] == name and cell is not None and cell.amount is not None:
                return cell.amount / 10000 if table.money_unit == "元" else cell.amount
    return None


def _staff(table: Table | None) -> Decimal | None:
    """人员经费: the 人员经费 block's total (决算 06表) or the 人员经费/人员类 column of the total row."""
    if table is None:
        return None
    block = _total_row(table, side="人员经费")
    if block is not None:
        return _in_wan(table, block, ("决算数", "预算数", "合计", "金额"))
    staff = [c.split("/")[-1] for c in table.columns if c.split("/")[-1].startswith("人员")]
    return _in_wan(table, _total_row(table), staff)


def _three_public(table: Table | None, final: bool) -> Decimal | None:
    """The 三公 total: 决算数 for a final account, the budget otherwise (first 合计/小计 column)."""
    if table is None:
        return None
    columns = [c for c in table.columns if c.endswith(("合计", "小计"))]
    if final:
        columns = [c for c in columns if c.startswith("决算")] or columns
    row = _total_row(table)
    if table.money_unit is None or row is None or not columns:
        return None
    cell = row.values.get(columns[0])
    if cell is None or cell.amount is None:
        return None
    return cell.amount / 10000 if table.money_unit == "元" else cell.amount
