"""Figures of another document in 万元, with the rounding each carries, for cross-document rules."""

from __future__ import annotations

from decimal import Decimal

from budgetlens.rules.figures import Figure
from budgetlens.rules.narrative.table_figure import in_wan
from budgetlens.rules.registry import CheckContext


def wan_and_half(context: CheckContext, figure: Figure) -> tuple[Decimal, Decimal]:
    """The figure in 万元 and half a unit of the digit it was printed to (in 万元)."""
    value, digits = in_wan(figure)
    return value, context.rounding.half_unit(value, table_decimals=digits)


def cross_name(figure: Figure, year: int | None) -> str:
    """How a message names a figure of another document: ``2023 年 <table>「row」column``."""
    return f"{year or '?'} 年{figure.name()}"
