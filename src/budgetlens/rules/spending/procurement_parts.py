"""procurement-parts-sum: 政府采购 总额 = 货物 + 工程 + 服务, 中小企业 ≤ 总额, 小微 ≤ 中小 (T-06).

The 说明 states the figures in one run of text, often broken across paragraphs by the conversion
(``政府采购预算总额`` / ``43.9 万元，其中，货物类采购预算 25.4 万元；``), so each run of the topic is
read as one text. The shares (占政府采购支出总额的 x%) are checked by narrative-share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.arithmetic.rounding_difference import within_rounding
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import (
    AMOUNT,
    Sentence,
    half_unit,
    label,
    narrative_decimals,
    text_evidence,
    text_finding,
    wan,
)
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.topics import TopicSentence, topic_sentences

_CHANGE = re.compile(r"增加|减少|增长|下降|上升|降低|持平|比上|较|上年|平均")
_KINDS = (("小微", "小微企业"), ("中小", "中小企业"), ("货物", "货物"), ("工程", "工程"), ("服务", "服务"))
TOTAL, GOODS, WORKS, SERVICES, SME, MICRO = "总额", "货物", "工程", "服务", "中小企业", "小微企业"


@dataclass(frozen=True)
class Said:
    kind: str
    text: str
    amount: Decimal
    sentence: Sentence


def runs(document: Document) -> list[list[Sentence]]:
    """The topic's sentences in runs of consecutive sentences of one section."""
    found: list[list[Sentence]] = []
    last: TopicSentence | None = None
    for entry in topic_sentences(document, "政府采购"):
        if last is None or last.section is not entry.section or entry.index != last.index + 1:
            found.append([])
        found[-1].append(entry.sentence)
        last = entry
    return found


def figures_of(run: list[Sentence], unit_name: str | None) -> dict[str, Said]:
    """kind → the first amount of that kind in the run; the first unnamed amount is the 总额."""
    text, owners = "", []
    for sentence in run:
        owners.append((len(text), sentence))
        text += sentence.plain
    found: dict[str, Said] = {}
    previous = 0
    for match in AMOUNT.finditer(text):
        name = label(text[previous : match.start()], unit_name)
        previous = match.end()
        amount = wan(match["num"], match["unit"])
        if amount is None or _CHANGE.search(name) or "占" in name or "预留" in name:
            continue
        kind = next((k for word, k in _KINDS if word in name), TOTAL)
        if kind == TOTAL and found:
            continue
        if kind in (GOODS, WORKS, SERVICES) and ("中小" in name or "小微" in name):
            continue
        sentence = next(s for start, s in reversed(owners) if start <= match.start())
        found.setdefault(kind, Said(kind, match["num"], amount, sentence))
    return found


@register
class ProcurementPartsSum(Rule):
    """例：说明第 446 行“政府采购支出总额 28.78万元，其中：政府采购货物支出0.25万元、政府采购工程支出0万元、
    政府采购服务支出28.53万元”：0.25 + 0 + 28.53 = 28.78，相符；总额写 27.78 则报告。
    """

    id = "procurement-parts-sum"
    title = "政府采购说明：货物、工程、服务之和等于总额，中小企业不超过总额"
    description = (
        "政府采购说明中所述政府采购（预算）总额 = 货物 + 工程 + 服务（T-06、YX-7），授予中小企业合同金额"
        "不超过总额，授予小微企业合同金额不超过授予中小企业合同金额。取同一段说明（含被分页、分段截断的"
        "句子）中各项第一次所述金额；“面向中小企业预留”金额和增减额不参与；任一分项未说明时不检查求和。"
        "差额在各分项末位半个单位之和以内记为尾数误差提示。占比由 narrative-share 检查。"
    )
    severity = "error"
    tags = ("政府采购", "narrative", "sum")
    template = "说明第 {line} 行“{quote}”：{detail}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        digits = narrative_decimals(document)
        for run in runs(document):
            said = figures_of(run, document.unit_name)
            total = said.get(TOTAL)
            parts = [said[k] for k in (GOODS, WORKS, SERVICES) if k in said]
            if total is not None and len(parts) == 3:
                finding = self._sum(context, total, parts, digits)
                if finding is not None:
                    yield finding
            for big, small in ((total, said.get(SME)), (said.get(SME), said.get(MICRO))):
                if big is not None and small is not None and small.amount > big.amount:
                    detail = f"{small.kind}合同金额 {small.text} 万元超过{big.kind} {big.text} 万元"
                    evidence = [text_evidence(small.sentence, "说明原文", small.amount)]
                    fields = {"detail": detail}
                    yield text_finding(type(self), small.sentence, fields, evidence, big.amount, small.amount)

    def _sum(self, context: CheckContext, total: Said, parts: list[Said], digits: int) -> Finding | None:
        expected = sum((p.amount for p in parts), Decimal(0))
        if expected == total.amount:
            return None
        tol = sum((half_unit(context, p.amount, digits) for p in parts), Decimal(0))
        detail = (
            f"政府采购总额 {total.text} 万元，货物 + 工程 + 服务 = "
            f"{' + '.join(p.text for p in parts)} = {expected} 万元，相差 {total.amount - expected} 万元"
        )
        evidence = [text_evidence(total.sentence, "说明原文", total.amount)]
        fields = {"detail": detail}
        finding = text_finding(type(self), total.sentence, fields, evidence, expected, total.amount, tol)
        if abs(total.amount - expected) > tol:
            return finding
        return within_rounding(finding)
