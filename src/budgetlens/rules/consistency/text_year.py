"""report-year-text: a 说明 sentence states the accounts of a year other than the report year.

Only a year that names a budget or an account counts (``2023年度部门决算``, ``2022年预算``,
``2021年“三公”经费``): the report year, the year before (comparisons, 上年执行) and — in a final
account — next year's budget are normal; dates, plans (2035年远景目标) and documents' years are not
read at all. A sentence about "2023年度收入合计" in a 2025 report was most likely not updated.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.consistency.years import REPORT_YEAR, text_allows, years_in
from budgetlens.rules.finding import Finding, Location
from budgetlens.rules.narrative.figures import quote, sections, text_evidence
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.text.places import where


@register
class ReportYearText(Rule):
    """例：2024 年度部门决算的说明写“2022年度收入合计 497.84 万元”，既非报告年度也非上年。"""

    id = "report-year-text"
    title = "说明中的年度与报告年度不符"
    description = (
        "情况说明中直接指称预决算的年度（“××年度收入合计”“××年部门预算”“××年“三公”经费”）应为报告"
        "年度或上年度（比较用）；决算说明另可提及下一年度预算。其他年份（规划目标、文件日期）不检查。"
    )
    severity = "warning"
    tags = ("consistency", "year", "narrative")
    template = "说明{where}“{quote}”提到 {printed} 年（“{mention}”），报告年度为 {year} 年"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        if document.year is None:
            return
        for section in sections(document):
            for sentence in section:
                reported: set[int] = set()
                for mention in years_in(sentence.plain, REPORT_YEAR):
                    if mention.year in reported or text_allows(document, mention.year, mention.text):
                        continue
                    reported.add(mention.year)
                    at = sentence.paragraph.at
                    yield Finding(
                        rule=self.id,
                        severity=self.severity,
                        message=self.template.format(
                            where=where(at),
                            quote=quote(sentence),
                            printed=mention.year,
                            mention=mention.text,
                            year=document.year,
                        ),
                        location=Location(page=at.page, line=at.line),
                        evidence=(text_evidence(sentence, "说明原文", None),),
                        extra={"sentence": sentence.text, "year": str(mention.year)},
                    )
