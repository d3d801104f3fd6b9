"""report-year-heading: every year printed in a table title, a 目录 entry or a heading is the report year.

A 2024 决算 whose 公开03表 reads "2023年度支出决算表" or whose 说明 heading reads "2023 年度部门决算情况
说明" was copied from last year's file and not updated. Performance tables name projects that may
carry their own year (2021年医疗卫生机构能力提升补助资金), so their titles, and the low-level
numbered items the recognizer may take for headings, count only a year that names the accounts.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document, Provenance
from budgetlens.rules.consistency.years import REPORT_YEAR, YEAR, heading_allows, years_in
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.narrative.figures import fold
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.text.places import where


@register
class ReportYearHeading(Rule):
    """例：2024 年度部门决算中，公开03表标题为“2023年度支出决算表”，
    或第三部分标题为“2023年度部门决算情况说明”。"""

    id = "report-year-heading"
    title = "标题年度与报告年度不符"
    description = (
        "表格标题、目录条目和章节标题中印出的年度必须是报告年度（上年度只可用于比较，如“与2023年度"
        "相比”）。绩效表标题和编号小项只看直接指称预决算的年度（“2023年度部门决算”），项目名称中的年份不算。"
    )
    severity = "error"
    tags = ("consistency", "year")
    template = "{where}{place}“{text}”印的是 {printed} 年，报告年度为 {year} 年"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        if document.year is None:
            return
        for table in document.tables:
            strict = not table.type.startswith("performance.")
            yield from self._check(document, "表格标题", table.title, table.at, strict, table.type)
        for entry in document.listed_tables:
            yield from self._check(document, "目录条目", entry.title, entry.at, True, entry.type)
        for section in document.narrative:
            yield from self._check(
                document, "章节标题", section.heading, section.at, section.level <= 2, None
            )

    def _check(  # noqa: PLR0917 - one place: what, text, where and how strictly
        self, document: Document, place: str, text: str, at: Provenance, strict: bool, table: str | None
    ) -> Iterator[Finding]:
        plain = fold(text)
        reported: set[int] = set()
        for mention in years_in(plain, YEAR if strict else REPORT_YEAR):
            if mention.year in reported or heading_allows(document, mention.year, plain):
                continue
            reported.add(mention.year)
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(
                    where="" if place == "表格标题" else where(at),
                    place=place,
                    text=text.strip(),
                    printed=mention.year,
                    year=document.year,
                ),
                location=Location(page=at.page, line=at.line, table=table, title=text.strip()),
                evidence=(Evidence(role=place, text=text.strip(), amount=None, at=at, table=table),),
                extra={"year": str(mention.year), "report_year": str(document.year)},
            )
