"""Scoring profiles: how a self-evaluation (绩效自评) scores its indicators, which differs by province.

A profile fixes the 一级 weights, the weight of 预算执行率, how a quantitative indicator scores
(``linear`` or the ``threshold60`` rule), the share a 定性 (qualitative) result earns and the grade
bands. The rules recompute printed scores under the profile the user selects (``--profile``); a
difference is a warning, since the document may follow another province's method.

- ``national`` (default): the common national method (domain README): 预算执行率 10, 产出 50,
  效益 30, 满意度 10; ≥ indicators earn w·a/t, ≤ indicators w·(1 − (a − t)/t) up to 2t;
  优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.
- ``threshold60``: the rule seed 001 (长沙市企业服务中心 2024 年部门预算, 绩效目标表 lines 340–442)
  prints for its indicators: “完成率小于60%不得分，大于等于60%，得分=（完成率-60%）/（1-60%）*指标分值”.
- ``zhuzhou``: the weights the self-evaluation tables of seed 004 (株洲高新区企业服务局 2024 年决算,
  lines 611–808) print: 产出指标（40分）, 效益指标（20分）, 满意度指标（10分）, 成本指标（20分）.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from budgetlens.errors import BudgetlensError

Method = Literal["linear", "threshold60"]
ONE = Decimal(1)
_SIXTY = Decimal("0.6")


@dataclass(frozen=True)
class GradeBand:
    """A grade and the lowest total score that earns it."""

    grade: str
    minimum: Decimal


NATIONAL_BANDS = (
    GradeBand("优", Decimal(90)),
    GradeBand("良", Decimal(80)),
    GradeBand("中", Decimal(60)),
    GradeBand("差", Decimal(0)),
)
# 定性 results: the share of the weight each earns (达成 80–100%, 部分达成 60–80%, 未达成 0–60%).
QUALITATIVE = (
    ("达成", Decimal("0.8"), ONE),
    ("部分达成", Decimal("0.6"), Decimal("0.8")),
    ("未达成", Decimal(0), Decimal("0.6")),
)


@dataclass(frozen=True)
class ScoringProfile:
    """One scoring method: weights, how indicators and the execution rate score, grade bands."""

    name: str
    title: str
    level1_weights: tuple[tuple[str, Decimal], ...]
    execution_weight: Decimal
    quantitative: Method
    grades: tuple[GradeBand, ...]
    source: str
    qualitative: tuple[tuple[str, Decimal, Decimal], ...] = QUALITATIVE

    def grade(self, score: Decimal) -> str:
        """The grade a total score earns under these bands."""
        for band in self.grades:
            if score >= band.minimum:
                return band.grade
        return self.grades[-1].grade

    def completion(self, comparison: str, target: Decimal, actual: Decimal) -> Decimal | None:
        """The completion rate (1 = fully met) of a quantitative indicator; None when undefined."""
        if target <= 0:
            return ONE if comparison in ("≤", "<") and actual <= target else None
        if comparison in ("≤", "<"):
            return ONE if actual <= target else max(ONE - (actual - target) / target, Decimal(0))
        if comparison in ("≥", ">", "="):
            return min(actual / target, ONE)
        return None

    def indicator_score(
        self, comparison: str, target: Decimal, actual: Decimal, weight: Decimal
    ) -> Decimal | None:
        """The score a quantitative indicator earns under this profile (exact, unrounded)."""
        rate = self.completion(comparison, target, actual)
        if rate is None:
            return None
        if self.quantitative == "threshold60":
            return Decimal(0) if rate < _SIXTY else (rate - _SIXTY) / (ONE - _SIXTY) * weight
        return rate * weight

    def execution_score(self, budget: Decimal, spent: Decimal, weight: Decimal) -> Decimal | None:
        """执行数 ÷ 预算数 × 分值, capped at the 分值; None without a budget."""
        if budget <= 0:
            return None
        return min(spent / budget, ONE) * weight

    def qualitative_range(self, weight: Decimal) -> tuple[Decimal, Decimal]:
        """The scores a 达成 (achieved) qualitative indicator may earn."""
        _, low, high = self.qualitative[0]
        return low * weight, high * weight


def _weights(**weights: int) -> tuple[tuple[str, Decimal], ...]:
    return tuple((f"{name}指标", Decimal(value)) for name, value in weights.items())


PROFILES: dict[str, ScoringProfile] = {
    profile.name: profile
    for profile in (
        ScoringProfile(
            name="national",
            title="全国通用（执行率 10、产出 50、效益 30、满意度 10，线性计分）",
            level1_weights=_weights(产出=50, 效益=30, 满意度=10),
            execution_weight=Decimal(10),
            quantitative="linear",
            grades=NATIONAL_BANDS,
            source="全国通用评分办法：≥ 指标按 实际/目标 × 分值，≤ 指标按 (1 − 超出/目标) × 分值",
        ),
        ScoringProfile(
            name="threshold60",
            title="60% 门槛（完成率低于 60% 不得分）",
            level1_weights=_weights(产出=50, 效益=30, 满意度=10),
            execution_weight=Decimal(10),
            quantitative="threshold60",
            grades=NATIONAL_BANDS,
            source="长沙市企业服务中心 2024 年部门预算绩效目标表：完成率小于60%不得分，大于等于60%，"
            "得分=（完成率-60%）/（1-60%）*指标分值",
        ),
        ScoringProfile(
            name="zhuzhou",
            title="株洲高新区（执行率 10、产出 40、效益 20、满意度 10、成本 20）",
            level1_weights=_weights(产出=40, 效益=20, 满意度=10, 成本=20),
            execution_weight=Decimal(10),
            quantitative="linear",
            grades=NATIONAL_BANDS,
            source="株洲高新区企业服务局 2024 年部门决算绩效自评表：产出指标（40分）、效益指标（20分）、"
            "满意度指标（10分）、成本指标（20分）",
        ),
    )
}
DEFAULT_PROFILE = "national"


class UnknownProfileError(BudgetlensError):
    """The user named a scoring profile that does not exist."""


def profile_by_name(name: str) -> ScoringProfile:
    """The profile called ``name``; a Chinese error listing the valid names otherwise."""
    try:
        return PROFILES[name]
    except KeyError:
        names = "、".join(PROFILES)
        raise UnknownProfileError(f"未知的评分方案“{name}”，可选：{names}") from None
