"""The one finding type, from the rule engine to every report.

A `Finding` says which rule fired, how serious it is, a Chinese message with the exact figures,
where it points (page, line, table, row, column) and the evidence: every value or text it compared,
each with its provenance. Amounts are `Decimal`; `to_dict` turns them into strings for JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from budgetlens.model import Provenance

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_NAMES: dict[Severity, str] = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Location:
    """Where a finding points: the source place and, for table findings, the table, row and column."""

    page: int | None = None
    line: int | None = None
    table: str | None = None
    title: str | None = None
    code: str | None = None
    label: str | None = None
    column: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One value or text a rule compared: what it is (``role``), where it was read and as printed."""

    role: str
    text: str
    amount: Decimal | None
    at: Provenance
    table: str | None = None
    title: str | None = None
    code: str | None = None
    label: str | None = None
    column: str | None = None


@dataclass(frozen=True)
class Finding:
    """One problem (or, as ``info``, one remark) a rule found in a document.

    ``expected`` is what the rule computed (a sum, the figure of another table), ``actual`` what the
    document prints; ``raised_by`` names the comparing rule when the finding is a rounding remark.
    """

    rule: str
    severity: Severity
    message: str
    location: Location
    evidence: tuple[Evidence, ...] = ()
    expected: Decimal | None = None
    actual: Decimal | None = None
    tolerance: Decimal | None = None
    raised_by: str | None = None
    reference: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def difference(self) -> Decimal | None:
        if self.expected is None or self.actual is None:
            return None
        return self.actual - self.expected

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: decimals as strings, provenance as dicts."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "location": {k: v for k, v in vars(self.location).items() if v is not None},
            "expected": _text(self.expected),
            "actual": _text(self.actual),
            "difference": _text(self.difference),
            "tolerance": _text(self.tolerance),
            "raised_by": self.raised_by,
            "reference": self.reference,
            "evidence": [_evidence_dict(e) for e in self.evidence],
            **({"extra": dict(self.extra)} if self.extra else {}),
        }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _evidence_dict(evidence: Evidence) -> dict[str, Any]:
    data: dict[str, Any] = {
        k: v for k, v in vars(evidence).items() if v is not None and k not in ("amount", "at")
    }
    data["amount"] = _text(evidence.amount)
    data["at"] = {k: v for k, v in vars(evidence.at).items() if v is not None}
    return data


def flatten(findings: Iterable[Finding], fields: Sequence[str]) -> list[list[Any]]:
    """Findings as rows of the named fields (``rule``, ``severity``, ``line``, ``code``, ``column`` …),
    so a test is one assertion, as in frictionless' ``report.flatten``."""
    rows = []
    for finding in findings:
        row = []
        for name in fields:
            if hasattr(finding.location, name):
                row.append(getattr(finding.location, name))
            else:
                row.append(getattr(finding, name))
        rows.append(row)
    return rows
