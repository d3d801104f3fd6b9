"""Figures of recognised tables and the one comparison every arithmetic rule uses.

`Figure` is a (table, row, column) cell read as an amount, blank = 0. `compare` checks a printed
figure against the sum of others under the rounding policy and returns the finding (the rule's
own, or the ``rounding-difference`` remark) or None when they agree exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.amounts import clean_text
from budgetlens.model import Cell, Provenance, Row, Table
from budgetlens.rules.arithmetic.rounding_difference import RoundingDifference
from budgetlens.rules.finding import Evidence, Finding, Location, Severity
from budgetlens.rules.registry import CheckContext, Rule
from budgetlens.rules.rounding import table_decimals

_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+\s*[、.．])\s*"
)


def bare_label(label: str) -> str:
    """A label without its numbering (``一、基本支出`` → ``基本支出``)."""
    return _NUMBERING.sub("", label).strip()


@dataclass(frozen=True)
class Figure:
    """One cell of a table as an amount; a blank or non-numeric cell counts as 0."""

    table: Table
    row: Row
    column: str

    @property
    def cell(self) -> Cell | None:
        return self.row.values.get(self.column)

    @property
    def amount(self) -> Decimal | None:
        cell = self.cell
        return cell.amount if cell is not None else None

    @property
    def value(self) -> Decimal:
        amount = self.amount
        return amount if amount is not None else Decimal(0)

    @property
    def at(self) -> Provenance:
        cell = self.cell
        return cell.at if cell is not None else self.row.at

    def name(self) -> str:
        """How a message names the figure: table, row and column."""
        code = f"{self.row.code} " if self.row.code else ""
        label = self.row.label or "（无名称行）"
        return f"{self.table.title}「{code}{label}」{self.column}"

    def shown(self) -> str:
        """The amount as a message prints it, with the printed text when it differs.

        ``34.3（原文“34. 3”）`` shows a reviewer that conversion cut the cell short.
        """
        cell = self.cell
        if cell is None or cell.amount is None:
            return "0（空白）"
        text = clean_text(cell.text)
        if text.replace(",", "") == str(cell.amount):
            return str(cell.amount)
        return f"{cell.amount}（原文“{cell.text}”）"

    def evidence(self, role: str) -> Evidence:
        cell = self.cell
        return Evidence(
            role=role,
            text=cell.text if cell is not None else "",
            amount=self.amount,
            at=self.at,
            table=self.table.type,
            title=self.table.title,
            code=self.row.code,
            label=self.row.label,
            column=self.column,
        )

    def location(self) -> Location:
        return Location(
            page=self.at.page or self.row.at.page,
            line=self.at.line or self.row.at.line,
            table=self.table.type,
            title=self.table.title,
            code=self.row.code,
            label=self.row.label,
            column=self.column,
        )


def compare(  # noqa: PLR0917 - the comparison and its description, all required
    rule: type[Rule],
    context: CheckContext,
    total: Figure,
    parts: Sequence[Figure],
    basis: str,
    reference: str | None = None,
) -> Finding | None:
    """Check ``total`` = Σ ``parts``; ``basis`` says in Chinese what the parts are (``各款之和``)."""
    if total.amount is None and all(p.amount is None for p in parts):
        return None
    expected = sum((p.value for p in parts), Decimal(0))
    actual = total.value
    if actual == expected:
        return None
    tolerance = context.rounding.tolerance((p.amount, table_decimals(p.table)) for p in parts)
    rounding = abs(actual - expected) <= tolerance
    fields = {
        "where": total.name(),
        "actual": total.shown(),
        "basis": basis,
        "expected": str(expected),
        "parts": _parts_text(parts),
        "difference": str(actual - expected),
        "tolerance": str(tolerance),
    }
    source: type[Rule] = RoundingDifference if rounding else rule
    severity: Severity = source.severity
    raised_by = rule.id if rounding else None
    return Finding(
        rule=source.id,
        severity=severity,
        message=source.template.format(**fields, rule=rule.id),
        location=total.location(),
        evidence=(total.evidence("印制数"), *(p.evidence("组成项") for p in parts if p.amount is not None)),
        expected=expected,
        actual=actual,
        tolerance=tolerance,
        raised_by=raised_by,
        reference=reference,
    )


def resolve_column(table: Table, names: Sequence[str], prefix: str = "") -> str | None:
    """The first column named by one of ``names``: exact path first, then a path ending in ``/name``."""
    for name in names:
        if prefix + name in table.columns:
            return prefix + name
    for name in names:
        for column in table.columns:
            if column.startswith(prefix) and column.endswith("/" + name):
                return column
    return None


def _parts_text(parts: Sequence[Figure]) -> str:
    """The printed parts in brackets, joined with +; blank parts are counted, not listed. One part
    adds only what its sum does not show: the text it was printed as, when that differs."""
    printed = [p.shown() for p in parts if p.amount is not None]
    blank = len(parts) - len(printed)
    if len(parts) == 1 and printed and printed[0].startswith(str(parts[0].value)):
        return printed[0].removeprefix(str(parts[0].value))
    text = " + ".join(printed) or "均为空白"
    return f"（{text}，另 {blank} 项空白）" if blank and printed else f"（{text}）"
