"""The Jinja2 environment of the pages: templates from the package, Chinese number and name filters."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from fastapi.templating import Jinja2Templates

from budgetlens.rules.finding import SEVERITY_NAMES
from budgetlens.web.views import KIND_NAMES, SCOPE_NAMES

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def money(value: Decimal | None, places: int = 2) -> str:
    """万元 with thousands separators and ``places`` decimals; ``—`` for a missing figure."""
    if value is None:
        return "—"
    return f"{value.quantize(Decimal(1).scaleb(-places)):,}"


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}%"


templates.env.filters["money"] = money
templates.env.filters["percent"] = percent
templates.env.globals["KIND_NAMES"] = KIND_NAMES
templates.env.globals["SCOPE_NAMES"] = SCOPE_NAMES
templates.env.globals["SEVERITY_NAMES"] = SEVERITY_NAMES
