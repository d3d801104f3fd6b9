"""narrative-direction: 增加/减少、大于/小于/持平 wording agrees with the sign of what it describes."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import (
    CHANGE,
    COMPARISON,
    Sentence,
    number,
    pair,
    rising,
    sections,
    text_evidence,
    text_finding,
)
from budgetlens.rules.registry import CheckContext, Rule, register

_SIGNS = {"大于": 1, "超过": 1, "超出": 1, "高于": 1, "小于": -1, "低于": -1, "等于": 0}
_WORDS = {1: "大于", -1: "小于", 0: "等于"}


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


@register
class NarrativeDirection(Rule):
    """例：说明第 397 行写“支出决算数大于年初预算数”，而同段年初预算为 311.67 万元、
    支出决算为 275.06 万元（决算数小于预算数）；或“减少 8.73 万元，增长 2.2%”前后方向相反。
    """

    id = "narrative-direction"
    title = "情况说明增减、大小措辞与数字方向一致"
    description = (
        "“决算数大于/小于/等于（与…持平）年初预算数”须与同段所述年初预算数、决算数的大小关系一致"
        "（同段只有一组预算、决算数时比较，T-03）；“增加/减少 X 万元，增长/下降 Y%”中增减额与增减幅的"
        "方向须一致。按印制数字比较，不计尾数误差。"
    )
    severity = "error"
    tags = ("narrative", "wording")
    template = "说明第 {line} 行“{quote}”：{detail}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for section in sections(document):
            for sentence in section:
                yield from self._changes(sentence)
                yield from self._comparisons(sentence)

    def _changes(self, sentence: Sentence) -> Iterator[Finding]:
        for match in CHANGE.finditer(sentence.plain):
            if rising(match["verb"]) == rising(match["rate_verb"]):
                continue
            amount, rate = number(match["x"]), number(match["y"])
            if amount is None or rate is None or amount == 0 or rate == 0:
                continue
            detail = f"“{match['verb']} {match['x']} 万元”与“{match['rate_verb']} {match['y']}%”方向相反"
            evidence = [text_evidence(sentence, "说明原文", amount)]
            yield text_finding(type(self), sentence, {"detail": detail}, evidence, None, None)

    def _comparisons(self, sentence: Sentence) -> Iterator[Finding]:
        figures = pair(sentence)
        if figures is None:
            return
        budget, actual = figures
        for match in COMPARISON.finditer(sentence.plain):
            if match["cmp"] is not None:
                said, word = _SIGNS[match["cmp"]], match["cmp"]
            elif match["flat"] is not None:
                said, word = 0, match["flat"]
            else:
                continue
            real = _sign(actual - budget)
            if said == real:
                continue
            detail = (
                f"称决算数“{word}”年初预算数，但决算数 {actual} 万元{_WORDS[real]}年初预算数 {budget} 万元"
            )
            evidence = [text_evidence(sentence, "说明原文", actual)]
            yield text_finding(type(self), sentence, {"detail": detail}, evidence, actual - budget, None)
