"""doubled-punctuation: two sentence marks in a row (，， 。。 、、 ；； ：： 。，) — a typing slip.

Ellipses (……, 。。。) and dashes (——) are single marks written with two characters and are not
read; nor are marks a bracket or quote separates (“……”。). Text is NFKC-folded first, so full and half
width marks count alike (，, is doubled too).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.text.places import Place, named, places

_MARKS = "，。、；：！？,;:!?"
# Two marks, not part of a run of three or more (。。。 is an ellipsis). The full stop "." is not a
# mark here: it is the decimal point of every figure.
DOUBLED = re.compile(rf"(?<![{_MARKS}])[{_MARKS}]\s*[{_MARKS}](?![{_MARKS}])")
_CONTEXT = 8


def doubled(text: str) -> list[tuple[str, str]]:
    """Each doubled mark as (the two marks, the text around them as printed)."""
    plain = unicodedata.normalize("NFKC", text)
    if len(plain) != len(text):  # NFKC changed the length (rare ligatures): quote the folded text
        text = plain
    found = []
    for match in DOUBLED.finditer(plain):
        start, end = match.span()
        found.append((text[start:end], text[max(0, start - _CONTEXT) : end + _CONTEXT].strip()))
    return found


@register
class DoubledPunctuation(Rule):
    """例：说明写“人员经费 377.31 万元，，主要包括基本工资”或“较上年减少。，主要原因是”。"""

    id = "doubled-punctuation"
    title = "标点重复"
    description = (
        "两个句读标点连用（，，、。。、、、、；；、：：、。，等）通常是录入错误。省略号（……、。。。）"
        "和破折号（——）不算；全角半角视为同一标点。每处文字报告一次。"
    )
    severity = "warning"
    tags = ("text", "punctuation")
    template = "{place}中标点重复：{found}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for place in places(document):
            found = doubled(place.text)
            if found:
                yield self._finding(place, found)

    def _finding(self, place: Place, found: list[tuple[str, str]]) -> Finding:
        shown = "；".join(f"“{context}”（{marks}）" for marks, context in found[:5])
        table = place.table
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=self.template.format(place=named(place), found=shown),
            location=Location(
                page=place.at.page,
                line=place.at.line,
                table=table.type if table else None,
                title=table.title if table else None,
                label=place.label,
                column=place.column,
            ),
            evidence=(Evidence(role=place.kind, text=place.text, amount=None, at=place.at),),
            extra={"marks": "、".join(marks for marks, _ in found)},
        )
