"""The rounding policy: when a printed total and the sum of its printed parts may differ.

Every printed figure is rounded on its own to the last digit the table prints. So the sum of n
printed parts may differ from the printed total by up to n × half a unit of that digit
(``per_part`` × unit, 0.005 万元 per part for two decimals). A difference within that tolerance is
reported once, as the ``info`` finding ``rounding-difference``; a larger one is an error of the
comparing rule. A blank cell is exactly 0 and brings no rounding. Comparisons are exact
`Decimal` arithmetic, never floats.

Which digit a figure was rounded to (``precision``):

- ``"table"`` (default): the finest digit any amount of the same table prints. Tables print 万元
  with two decimals and drop trailing zeros (``17`` for 17.00, ``33.3`` for 33.30), so a shorter
  cell is an exact figure at the table's precision, not a coarser rounding. A cell cut short by
  conversion (``34. 3`` where another table prints 34.31) then shows as the error it is instead of
  hiding inside a 0.05 tolerance.
- ``"cell"``: each cell's own printed scale (``34.3`` → ±0.05). Use it for documents that really
  print mixed precisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Literal

from budgetlens.model import Cell, Table

Precision = Literal["table", "cell"]


@dataclass(frozen=True)
class RoundingPolicy:
    """Settings of the comparison tolerance; validated on creation.

    >>> RoundingPolicy().half_unit(Decimal("34.3"), table_decimals=2)
    Decimal('0.005')
    >>> RoundingPolicy(precision="cell").half_unit(Decimal("34.3"), table_decimals=2)
    Decimal('0.05')
    """

    precision: Precision = "table"
    per_part: Decimal = Decimal("0.5")

    def __post_init__(self) -> None:
        if self.precision not in ("table", "cell"):
            raise ValueError(f"precision must be 'table' or 'cell', not {self.precision!r}")
        if not isinstance(self.per_part, Decimal):
            raise TypeError("per_part must be a Decimal")
        if not Decimal(0) <= self.per_part <= Decimal(1):
            raise ValueError(
                f"per_part must be between 0 and 1 (units of the last digit), not {self.per_part}"
            )

    @classmethod
    def resolve(cls, value: RoundingPolicy | Mapping[str, object] | None) -> RoundingPolicy:
        """A policy from None (the default), a dict of settings, or a policy."""
        if value is None:
            return cls()
        if isinstance(value, RoundingPolicy):
            return value
        known = {f.name for f in fields(cls)}
        unknown = set(value) - known
        if unknown:
            raise ValueError(f"unknown rounding settings: {', '.join(sorted(unknown))}")
        settings = dict(value)
        if "per_part" in settings:
            settings["per_part"] = Decimal(str(settings["per_part"]))
        return cls(**settings)  # type: ignore[arg-type]

    def half_unit(self, amount: Decimal, table_decimals: int) -> Decimal:
        """The largest rounding error of one printed figure."""
        digits = decimals(amount)
        if self.precision == "table":
            digits = max(digits, table_decimals)
        return self.per_part * Decimal(1).scaleb(-digits)

    def tolerance(self, parts: Iterable[tuple[Decimal | None, int]]) -> Decimal:
        """Σ half units of the printed (non-blank) parts, each given as (amount, table decimals)."""
        return sum(
            (self.half_unit(amount, digits) for amount, digits in parts if amount is not None),
            Decimal(0),
        )


def decimals(amount: Decimal) -> int:
    """How many decimals a figure prints (``Decimal("353.10")`` → 2, ``Decimal("17")`` → 0)."""
    exponent = amount.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def table_decimals(table: Table) -> int:
    """The finest digit any amount of the table prints."""
    cells: list[Cell] = [cell for row in table.rows for cell in row.values.values()]
    return max((decimals(c.amount) for c in cells if c.amount is not None), default=0)
