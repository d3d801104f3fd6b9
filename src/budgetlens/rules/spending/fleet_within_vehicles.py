"""fleet-over-vehicles: the 公务用车保有量 of the “三公” 说明 fits in the 国有资产 说明's 车辆 count (T-07).

Both are year-end counts in a 决算: the “三公” part counts the 公务用车 run on 财政拨款, the 国有资产 part
every vehicle the department holds, so the first is at most the second. A warning: the two parts may
count different scopes (下属单位, 执法执勤 cars) and budgets date them differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import Sentence, text_evidence, text_finding
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.spending.topics import topic_sentences

FLEET = re.compile(r"保有量\s*(?:为|是|共)?\s*(?P<n>\d+)\s*辆")
VEHICLES = re.compile(r"共有(?:公务用车|车辆|机动车)\s*(?P<n>\d+)\s*辆")


def first_count(document: Document, topic: str, pattern: re.Pattern[str]) -> tuple[Sentence, int] | None:
    for entry in topic_sentences(document, topic):
        match = pattern.search(entry.sentence.plain)
        if match:
            return entry.sentence, int(match["n"])
    return None


@register
class FleetOverVehicles(Rule):
    """例：“三公”说明第 11 行“年末实际保有量为 15辆”，国有资产说明第 12 行“共有车辆 15 辆”：相符；
    若“三公”说明写保有量 17 辆则报告（财政拨款开支的公务用车多于部门全部车辆）。
    """

    id = "fleet-over-vehicles"
    title = "“三公”说明的公务用车保有量不超过国有资产说明的车辆数"
    description = (
        "部门决算“三公”经费说明所述公务用车（年末）保有量，不应超过国有资产占用情况说明所述共有车辆数"
        "（T-07，两者均为年末数）。只比较各部分第一次所述的数；口径可能不同（下属单位、执法执勤用车），"
        "记为警告。预算文档两处日期不同，不检查。"
    )
    severity = "warning"
    tags = ("三公", "国有资产", "narrative")
    template = (
        "说明第 {line} 行“{quote}”：公务用车保有量 {fleet} 辆，多于国有资产说明第 {other} 行所述车辆 "
        "{total} 辆"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        if document.kind != "final_account":
            return
        fleet = first_count(document, "三公", FLEET)
        total = first_count(document, "国有资产", VEHICLES)
        if fleet is None or total is None or fleet[1] <= total[1]:
            return
        sentence, count = fleet
        fields = {"fleet": str(count), "other": str(total[0].line or "?"), "total": str(total[1])}
        evidence = (
            text_evidence(sentence, "“三公”说明", Decimal(count)),
            text_evidence(total[0], "国有资产说明", Decimal(total[1])),
        )
        yield text_finding(type(self), sentence, fields, evidence, Decimal(total[1]), Decimal(count))
