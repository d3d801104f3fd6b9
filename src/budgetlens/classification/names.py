"""When two printed names of a code are the same name.

Real documents print one name in several ways: with spaces from justified cells, full- or half-width
brackets, 〔〕 or [] for （）, a stray 、 or ·. Differences of spacing and punctuation alone are not
different names. A name cut at a fixed cell width by a conversion (``公务用车运行维护`` for
``公务用车运行维护费``, seed 004) is not a different name either.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
SHORTEST_CUT = 4  # a shorter prefix is too little of a name to call it the same name


def normalise(name: str) -> str:
    """The name's letters only: NFKC (full-width → half-width), no spaces, no punctuation."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in text if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


def clean(name: str) -> str:
    """The name as printed, without the spaces of justified cells (as the registry stores it)."""
    return _SPACES.sub("", name)


def same_name(printed: str, known: str) -> bool:
    return normalise(printed) == normalise(known)


def cut_short(printed: str, known: str) -> bool:
    """The printed name is the known name cut short (a fixed-width cell lost its end)."""
    short, full = normalise(printed), normalise(known)
    return len(short) >= SHORTEST_CUT and len(short) < len(full) and full.startswith(short)


def is_name(text: str) -> bool:
    """A label that can be a code's name: it has a CJK character (not a bare number or a dash)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
