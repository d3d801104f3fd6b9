"""performance-grade: a stated grade (优/良/中/差) matches the self-evaluation score it grades."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.finding import Evidence, Finding, Location
from budgetlens.rules.performance.narrative_text import GRADE, SCORE, number, paragraphs, printed_bands
from budgetlens.rules.performance.profiles import ScoringProfile
from budgetlens.rules.registry import CheckContext, Rule, register


@register
class PerformanceGrade(Rule):
    """例：“绩效自评分为 85 分，为优等”：按全国等级 85 分为良（优 ≥ 90）。"""

    id = "performance-grade"
    title = "自评等级与得分相符"
    description = (
        "情况说明中“自评得分为 S 分，为优（良、中、差）”的等级按等级区间核对：文档自己印出四档区间时"
        "（“综合得分在 90（含）-100 分为优……”）按文档的区间，不符为错误；否则按所选评分方案的区间"
        "（全国：优 ≥ 90，良 80–89，中 60–79，差 < 60），不符为警告。"
    )
    severity = "warning"
    tags = ("performance", "narrative", "grade")
    template = "说明第 {line} 行自评得分 {score} 分、等级为“{stated}”，按{bands}应为“{expected}”"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        bands = printed_bands(document)
        grading = ScoringProfile(**{**vars(context.profile), "grades": bands}) if bands else context.profile
        for stated in paragraphs(document):
            scores = list(SCORE.finditer(stated.plain))
            if len(scores) != 1:
                continue
            score = number(scores[0]["s"])
            grade = next(GRADE.finditer(stated.plain[scores[0].end() :]), None)
            if score is None or grade is None:
                continue
            expected = grading.grade(score)
            if grade["g"] == expected:
                continue
            at = stated.paragraph.at
            yield Finding(
                rule=self.id,
                severity="error" if bands else self.severity,
                message=self.template.format(
                    line=at.line,
                    score=score,
                    stated=grade["g"],
                    bands="文档印出的等级区间" if bands else f" {context.profile.name} 方案的等级区间",
                    expected=expected,
                ),
                location=Location(page=at.page, line=at.line),
                evidence=(Evidence("说明原文", stated.paragraph.text[:200], score, at),),
                extra={"stated": grade["g"], "expected": expected},
            )
