"""Findings as JSON: ``{"schema": "budgetlens.report/1", "document": {…}, "findings": […]}``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from budgetlens.model import Document
from budgetlens.rules.finding import SEVERITIES, Finding

REPORT_SCHEMA = "budgetlens.report/1"


def document_brief(document: Document) -> dict[str, Any]:
    """The summary of the checked document a report carries."""
    return {
        "source": document.source.name,
        "sha256": document.source.sha256,
        "kind": document.kind,
        "scope": document.scope,
        "year": document.year,
        "unit_name": document.unit_name,
        "unit_code": document.unit_code,
        "tables": len(document.tables),
    }


def report_to_dict(document: Document, findings: Sequence[Finding]) -> dict[str, Any]:
    counts = Counter(f.severity for f in findings)
    return {
        "schema": REPORT_SCHEMA,
        "document": document_brief(document),
        "counts": {severity: counts.get(severity, 0) for severity in SEVERITIES},
        "findings": [f.to_dict() for f in findings],
    }


def findings_json(reports: Sequence[tuple[Document, Sequence[Finding]]]) -> str:
    """One report object for one document, a list for several."""
    data = [report_to_dict(d, f) for d, f in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)
