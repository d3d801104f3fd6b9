"""placeholder-left: template placeholders left in the published text (XX, xxx, 待填写, 增加（减少）…).

Official templates mark what each unit fills in with ``XX``/``XXX``/``x,xxx``, ``××``, ``0000``,
``【单位名称】``, ``待填写``/``此处填写``, and offer both wordings of a change (``增加（减少）``,
``增长（下降）``, ``（如持平作持平表述）``). Any of them in a disclosure means a sentence or a name was
never filled in. A single X (X射线, X光机) and Latin words are not placeholders. One finding per place
(a paragraph, title, unit name or cell) lists every placeholder it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from budgetlens.model import Document, Provenance
from budgetlens.rules.consistency.names import unit_key
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.text.places import Place, named, places

_X = "XxＸｘ×"
_UP = "增加|增长|上升|提高|大于|高于"
_DOWN = "减少|下降|降低|小于|低于"
PLACEHOLDER = re.compile(
    rf"(?<![A-Za-z])[{_X}](?:[,，.]?[{_X}])+(?![A-Za-z])"  # XX, XXX, x,xxx, ××
    r"|(?<![\d.,])0000(?=\s*(?:年|月|万元|元|个|人))"  # 0000年
    r"|待填写|此处填写|请填写|待定"
    r"|【\s*(?:[^】]{0,12}(?:名称|填写|单位|金额|数字|年份|XX|xx))?\s*】"  # 【单位名称】, 【】
    rf"|(?<![A-Za-z])[{_X}](?=\s*(?:万元|元|家|个|辆|人|台|%|％))"  # 下属X家, 预算X万元
    rf"|(?:{_UP})\s*[（(]\s*(?:{_DOWN})\s*[)）]|(?:{_DOWN})\s*[（(]\s*(?:{_UP})\s*[)）]"  # 增加（减少）
    r"|[（(]\s*(?:如持平|若无|如无|不涉及的不列)[^)）]{0,30}[)）]"  # （如持平作持平表述）
)
_LIMIT = 8


def placeholders(text: str) -> list[str]:
    """The placeholders of a text, each once, in order."""
    found: list[str] = []
    for match in PLACEHOLDER.finditer(text):
        token = re.sub(r"\s+", "", match.group(0))
        if token not in found:
            found.append(token)
    return found


def quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:58] + "……"


@register
class PlaceholderLeft(Rule):
    """例：说明写“本年收入合计 XXX 万元，其中：财政拨款收入 XXX 万元，占 XX%”，或封面单位为“上海市XX局”。"""

    id = "placeholder-left"
    title = "模板占位符未替换"
    description = (
        "说明、标题、单位名称和表格文字中不得留有模板占位符：XX/XXX/x,xxx/××、“0000年”、“待填写”“此处填写”"
        "“待定”、“【单位名称】”之类的方括号提示，以及模板的二选一写法“增加（减少）”“增长（下降）”"
        "“（如持平作持平表述）”。单个 X（X射线）和英文单词不算。每处文字（段落、标题、单元格）报告一次，"
        "列出其中全部占位符。"
    )
    severity = "error"
    tags = ("text", "placeholder", "template")
    template = "{place}“{quote}”留有模板占位符：{tokens}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        seen: set[str] = set()
        if document.unit_name and placeholders(document.unit_name):
            seen.add(unit_key(document.unit_name))
            yield self._finding(
                Place("封面单位名称", document.unit_name, _cover(document)), placeholders(document.unit_name)
            )
        for place in places(document):
            tokens = placeholders(place.text)
            if not tokens or (place.kind == "表头单位名称" and unit_key(place.text) in seen):
                continue
            yield self._finding(place, tokens)

    def _finding(self, place: Place, tokens: list[str]) -> Finding:
        shown = "、".join(f"“{t}”" for t in tokens[:_LIMIT]) + (
            f" 等 {len(tokens)} 种" if len(tokens) > _LIMIT else ""
        )
        table = place.table
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=self.template.format(place=named(place), quote=quoted(place.text), tokens=shown),
            location=Location(
                page=place.at.page,
                line=place.at.line,
                table=table.type if table else None,
                title=table.title if table else None,
                label=place.label,
                column=place.column,
            ),
            evidence=(Evidence(role=place.kind, text=place.text, amount=None, at=place.at),),
            extra={"placeholders": "、".join(tokens), "place": place.kind},
        )


def _cover(document: Document) -> Provenance:
    """The cover: page 1 of a paged source; a text export's cover line is not kept."""
    return Provenance(page=1) if document.source.pages else Provenance()
