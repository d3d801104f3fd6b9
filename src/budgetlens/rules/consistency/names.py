"""Unit names as a comparison sees them: the same unit whatever the spaces, brackets and 本级/汇总 mark.

A department's own accounts print ``长春市信访局（本级）`` on the cover and ``长春市信访局`` on the
tables; a 汇总 document ``西安市卫生健康委员会（汇总）``; some templates keep the label in the name
(``部门（单位）：烟台市财政局``). All of these name one unit; ``株洲高新区技术产业开发区企业服务局``
for ``株洲高新技术产业开发区企业服务局`` does not.
"""

from __future__ import annotations

import re
import unicodedata

_LABEL = re.compile(r"^.{0,12}?[:：]")
_MARK = re.compile(r"(?:[(\[【]\s*(?:本级|汇总|部门|单位|合并)\s*[)\]】]|本级|汇总)$")
_SPACES = re.compile(r"[\s·•]+")


def unit_key(name: str) -> str:
    """The name without label, spaces, a trailing 本级/汇总 mark and bracket style."""
    text = unicodedata.normalize("NFKC", name)
    text = _SPACES.sub("", _LABEL.sub("", text))
    while True:
        stripped = _MARK.sub("", text)
        if stripped == text or not stripped:
            break
        text = stripped
    return text.replace("(", "").replace(")", "")


def shown_name(name: str) -> str:
    """A name as a message quotes it: without the label some templates keep (``部门（单位）：``)."""
    return _LABEL.sub("", unicodedata.normalize("NFKC", name)).strip() or name
