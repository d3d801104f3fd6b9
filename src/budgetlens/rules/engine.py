"""Running the catalogue over a document: `check_document` → findings in document order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from budgetlens.model import Document
from budgetlens.rules.finding import SEVERITIES, Finding
from budgetlens.rules.history.related import RelatedDocuments
from budgetlens.rules.per_check import check_run
from budgetlens.rules.performance.profiles import DEFAULT_PROFILE, profile_by_name
from budgetlens.rules.registry import CheckContext, Rule, all_rules
from budgetlens.rules.rounding import RoundingPolicy


def check_document(
    document: Document,
    *,
    rounding: RoundingPolicy | Mapping[str, object] | None = None,
    rules: Iterable[type[Rule]] | None = None,
    related: RelatedDocuments | None = None,
    profile: str = DEFAULT_PROFILE,
) -> list[Finding]:
    """Every finding of the given rules (default: the whole catalogue), by severity then line.

    ``related`` (the store) lets the history rules compare with other documents; ``profile`` names
    the scoring profile of the performance rules (rules/performance/profiles.py)."""
    context = CheckContext(
        rounding=RoundingPolicy.resolve(rounding), related=related, profile=profile_by_name(profile)
    )
    findings: list[Finding] = []
    with check_run():
        for rule in rules if rules is not None else all_rules():
            findings.extend(rule().check(document, context))
    return sorted(
        findings,
        key=lambda f: (SEVERITIES.index(f.severity), f.location.line or 0, f.rule, f.location.column or ""),
    )


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
