"""One reporting unit across years and kinds: matching a document's unit to a stored one.

Names are compared after NFKC folding without spaces (``（本级）`` and ``(本级)`` agree). Codes such
as ``048001`` are only unique within one region's finance system, while names carry the region
(株洲市荷塘区…), so a unit is matched by its normalised name first, when the codes do not
contradict; by code alone only when no stored unit has the name (a unit renamed between years).
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from budgetlens.store.schema import Unit

_SPACE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The normalised name two documents of one unit share."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", name))


def find_unit(session: Session, name: str | None, code: str | None) -> Unit | None:
    """The stored unit a document of ``name``/``code`` belongs to, or None."""
    if name:
        for unit in session.scalars(select(Unit).where(Unit.name_key == name_key(name)).order_by(Unit.id)):
            if unit.code is None or code is None or unit.code == code:
                return unit
    if code:
        named = session.scalars(select(Unit).where(Unit.code == code).order_by(Unit.id)).all()
        if len(named) == 1 and (
            not name or not session.scalar(select(Unit).where(Unit.name_key == name_key(name)))
        ):
            return named[0]
    return None


def unit_for(session: Session, name: str | None, code: str | None) -> Unit | None:
    """The stored unit, created when new; a code learnt later is kept. None for a nameless document."""
    if not name and not code:
        return None
    unit = find_unit(session, name, code)
    if unit is None:
        unit = Unit(name=name or code or "", name_key=name_key(name or ""), code=code)
        session.add(unit)
        session.flush()
    elif unit.code is None and code:
        unit.code = code
    return unit
