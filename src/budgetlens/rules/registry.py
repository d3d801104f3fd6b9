"""The rule catalogue: a rule is one small class in a family package that registers itself.

A rule declares its documentation as attributes (``id``, ``title``, ``description``, ``severity``,
``tags``, ``template``) and its example as the class docstring; `check` reads the recognised
`Document` only and yields findings. `all_rules` imports every module of the family packages
(pkgutil), so adding a rule is one new file and one test, never an edit of a list.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from budgetlens.model import Document
from budgetlens.rules.finding import Finding, Severity
from budgetlens.rules.history.related import RelatedDocuments
from budgetlens.rules.performance.profiles import DEFAULT_PROFILE, ScoringProfile, profile_by_name
from budgetlens.rules.rounding import RoundingPolicy

FAMILIES: dict[str, str] = {
    "arithmetic": "表内勾稽",
    "cross_table": "表间勾稽",
    "completeness": "完整性",
    "narrative": "说明与表格",
    "spending": "三公经费、机关运行经费与政府采购",
    "performance": "绩效目标与自评",
    "codes": "分类科目编码",
    "consistency": "年度、单位与计量单位一致",
    "text": "文字与占位符",
    "history": "跨文档（历年与预决算）",
}


@dataclass(frozen=True)
class CheckContext:
    """What a rule may use besides the document: the settings of this run and, for the history
    rules, the stored documents related to it (None: a single document, those rules find nothing)."""

    rounding: RoundingPolicy = field(default_factory=RoundingPolicy)
    profile: ScoringProfile = field(default_factory=lambda: profile_by_name(DEFAULT_PROFILE))
    related: RelatedDocuments | None = None


class Rule:
    """Base of every rule. Subclasses set the class attributes and implement `check`."""

    id: ClassVar[str]
    title: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[Severity]
    tags: ClassVar[tuple[str, ...]] = ()
    template: ClassVar[str]
    family: ClassVar[str] = ""

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def example(cls) -> str:
        return (cls.__doc__ or "").strip()


_REGISTRY: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the catalogue (ids are unique)."""
    if rule.id in _REGISTRY and _REGISTRY[rule.id] is not rule:
        raise ValueError(f"duplicate rule id {rule.id!r}")
    rule.family = rule.__module__.split(".")[-2]
    _REGISTRY[rule.id] = rule
    return rule


def all_rules() -> list[type[Rule]]:
    """Every registered rule, family by family, in id order."""
    for family in FAMILIES:
        package = importlib.import_module(f"budgetlens.rules.{family}")
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    order = list(FAMILIES)
    return sorted(_REGISTRY.values(), key=lambda r: (order.index(r.family), r.id))


def get_rule(rule_id: str) -> type[Rule]:
    all_rules()
    return _REGISTRY[rule_id]
