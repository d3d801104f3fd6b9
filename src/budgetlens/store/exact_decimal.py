"""Money in the database without a float anywhere on the way.

PostgreSQL's ``numeric`` (no precision given) keeps a Decimal's value and scale exactly
(``353.10`` stays ``353.10``). SQLite has no decimal type and SQLAlchemy's Numeric would pass
through a float there, so on SQLite the amount is stored as its decimal string instead.
Sums and comparisons happen in Python on `Decimal`, never in SQL, so the text form costs nothing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    """A `Decimal` column: ``numeric`` where the database has it, decimal text on SQLite."""

    impl = Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Text())
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"金额必须是 Decimal，不能是 {type(value).__name__}")
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return value if isinstance(value, Decimal) else Decimal(str(value))
