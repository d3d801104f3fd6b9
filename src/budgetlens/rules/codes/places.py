"""Where a code finding points: the table row, as a `Location` and as `Evidence` (no rule here)."""

from __future__ import annotations

from budgetlens.model import Row, Table
from budgetlens.rules.finding import Evidence, Location


def row_location(table: Table, row: Row) -> Location:
    return Location(
        page=row.at.page,
        line=row.at.line,
        table=table.type,
        title=table.title,
        code=row.code,
        label=row.label,
    )


def row_evidence(role: str, table: Table, row: Row) -> Evidence:
    return Evidence(
        role=role,
        text=f"{row.code or ''} {row.label}".strip(),
        amount=None,
        at=row.at,
        table=table.type,
        title=table.title,
        code=row.code,
        label=row.label,
    )


def place(table: Table, row: Row) -> str:
    """``第 11 页本年一般公共预算基本支出表`` (``第 226 行…`` for a text document)."""
    where = f"第 {row.at.page} 页" if row.at.page is not None else f"第 {row.at.line} 行"
    return f"{where}{table.title}"
