"""Reading printed amounts into exact decimals.

Printed numbers come with thousands separators (``2,314.68``), stray spaces from PDF conversion
(``525. 41``, ``34. 3``), full-width digits and signs. A cell that is blank or a dash (``—``,
``-``, ``无``) has no amount; anything that is not purely a number (``100%``, ``2024全年``) is
text, never a zero.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_EMPTY_MARKS = frozenset({"", "-", "—", "——", "--", "－", "–", "无", "/", "／"})
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+")
# A space after a decimal point or between a digit and a decimal point is a conversion artefact.
_SPACED_POINT = re.compile(r"(?<=\d)\s*\.\s+(?=\d)|(?<=\d)\s+\.(?=\d)")


def clean_text(text: str) -> str:
    """NFKC-fold a cell (full-width digits and punctuation to ASCII) and trim it."""
    return unicodedata.normalize("NFKC", text).strip()


def is_blank(text: str) -> bool:
    return clean_text(text) in _EMPTY_MARKS


def parse_amount(text: str) -> Decimal | None:
    """The exact amount a cell prints, or None when it is blank, a dash or not a number.

    >>> parse_amount("2,314.68"), parse_amount("525. 41"), parse_amount("—"), parse_amount("100%")
    (Decimal('2314.68'), Decimal('525.41'), None, None)
    """
    value = clean_text(text)
    if value in _EMPTY_MARKS:
        return None
    value = _SPACED_POINT.sub(".", value)
    if value.startswith("(") and value.endswith(")"):
        value = "-" + value[1:-1]
    if not _NUMBER.fullmatch(value):
        return None
    try:
        return Decimal(value.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None
