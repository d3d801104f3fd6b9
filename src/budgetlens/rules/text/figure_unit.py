"""figure-missing-unit: a money figure or a rate in the 说明 printed without 万元/元 or %.

``支出增加 12.38，主要原因是`` leaves the reader to guess 万元 or %. Only a figure right after a word
that makes it an amount or a rate (增加/减少/增长/下降/为/共/合计/支出/收入/预算/决算 …) and right
before a sentence mark counts: a figure followed by any word (个, 人次, 辆, 年, 项) has its unit, and
years, ordinals (第 3), dates and codes never follow such a word directly. A zero needs no unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.finding import Finding, Location
from budgetlens.rules.narrative.figures import NUM, quote, sections, text_evidence
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.text.places import where

_WORDS = (
    "增加|减少|增长|下降|降低|上升|提高|为|共计|共|合计|总计|支出|收入|预算|决算|预算数|决算数|拨款|经费|"
    "结转|结余|费用|占"
)
# The mark must not be a thousands separator (19,577万元 is no bare 19).
BARE = re.compile(rf"(?:{_WORDS})\s*(?P<num>{NUM})\s*(?=[,，。;；、](?!\d))")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def _money_like(number: str) -> bool:
    """Not a year and not zero (``预算为0；`` is unambiguous in any unit)."""
    return not _YEAR.match(number) and bool(re.search(r"[1-9]", number))


@register
class FigureMissingUnit(Rule):
    """例：说明写“一般公共预算财政拨款支出增加 12.38，主要原因是……”，数字后既无“万元”也无“%”。"""

    id = "figure-missing-unit"
    title = "金额或比率缺少单位"
    description = (
        "说明中紧跟“增加、减少、增长、下降、为、共、合计、支出、收入、预算、决算”等词的数字，若直接以标点"
        "结束、后面既没有万元/元也没有 %，读者无法判断是金额还是比率。数字后跟其他计量单位（个、人次、辆）"
        "的，以及年份、序号、日期和编码，不报告。"
    )
    severity = "warning"
    tags = ("text", "unit", "narrative")
    template = "说明{where}“{quote}”中的“{figure}”后没有单位（万元、元或 %）"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for section in sections(document):
            for sentence in section:
                bare = [m for m in BARE.finditer(sentence.plain) if _money_like(m["num"])]
                if not bare:
                    continue
                at = sentence.paragraph.at
                yield Finding(
                    rule=self.id,
                    severity=self.severity,
                    message=self.template.format(
                        where=where(at),
                        quote=quote(sentence),
                        figure="”“".join(m.group(0).strip() for m in bare),
                    ),
                    location=Location(page=at.page, line=at.line),
                    evidence=(text_evidence(sentence, "说明原文", None),),
                    extra={"sentence": sentence.text, "figures": "、".join(m["num"] for m in bare)},
                )
