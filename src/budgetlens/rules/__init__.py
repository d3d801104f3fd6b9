"""审校 — the rule catalogue and its engine.

>>> from budgetlens.rules import check_document
>>> findings = check_document(document)  # doctest: +SKIP
>>> [f.rule for f in findings if f.severity == "error"]  # doctest: +SKIP
['listed-table-missing']

Rules live one per module in the family packages (arithmetic, cross_table, completeness) and
register themselves; `all_rules` lists them, `catalogue_markdown` renders docs/rules.md.
"""

from budgetlens.rules.catalogue import catalogue_markdown
from budgetlens.rules.engine import check_document, has_errors
from budgetlens.rules.finding import Evidence, Finding, Location, Severity, flatten
from budgetlens.rules.registry import CheckContext, Rule, all_rules, get_rule
from budgetlens.rules.rounding import RoundingPolicy

__all__ = [
    "CheckContext",
    "Evidence",
    "Finding",
    "Location",
    "RoundingPolicy",
    "Rule",
    "Severity",
    "all_rules",
    "catalogue_markdown",
    "check_document",
    "flatten",
    "get_rule",
    "has_errors",
]
