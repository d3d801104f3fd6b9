"""vehicle-count-sum: “共有车辆 N 辆，其中，A 用车 a 辆、B 用车 b 辆…” has N = a + b + … (T-07)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import text_evidence, text_finding
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.topics import topic_sentences

# “共有车辆 15 辆，其中，…” / “购置车辆 1 辆，其中：…”: the total, then its list up to ; 。 or 设备.
TOTAL = re.compile(r"(?P<n>\d+)\s*辆\s*,?\s*其中\s*[,:]?(?P<list>[^;。]*?)(?=;|。|单价|单位价值|$)")
PART = re.compile(r"(?P<name>[^,、;:\d]*?)\s*(?P<n>\d+)\s*辆")


@register
class VehicleCountSum(Rule):
    """例：说明第 12 行“共有车辆 15 辆，其中，副部（省）级及以上领导干部用车 1 辆、机要通信用车 2 辆、
    应急保障用车 2 辆、特种专业技术用车 1 辆、离退休干部用车 3 辆、其他用车 6 辆”：1 + 2 + 2 + 1 + 3 + 6
    = 15，相符；若总数写 16 辆则报告。
    """

    id = "vehicle-count-sum"
    title = "国有资产说明：分类车辆数之和等于车辆总数"
    description = (
        "国有资产占用情况说明中“共有车辆（公务用车）N 辆，其中，……用车 a 辆、……”，各类车辆数之和须等于 N"
        "（T-07）；拟购置、新增配置车辆的同样写法同样检查。列举至句末、分号或“单价（单位价值）…设备”为止。"
    )
    severity = "error"
    tags = ("国有资产", "narrative", "sum")
    template = "说明第 {line} 行“{quote}”：车辆 {total} 辆，分类之和 {parts} = {expected} 辆"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for entry in topic_sentences(document, "国有资产"):
            sentence = entry.sentence
            for match in TOTAL.finditer(sentence.plain):
                counts = [int(m["n"]) for m in PART.finditer(match["list"])]
                total = int(match["n"])
                # A nested breakdown (“其中新能源汽车 2 辆”) is no category of its own.
                if "其中" in match["list"] or len(counts) < 2 or sum(counts) == total:
                    continue
                fields = {
                    "total": str(total),
                    "parts": " + ".join(str(c) for c in counts),
                    "expected": str(sum(counts)),
                }
                evidence = [text_evidence(sentence, "说明原文", None)]
                yield text_finding(
                    type(self), sentence, fields, evidence, Decimal(sum(counts)), Decimal(total)
                )
