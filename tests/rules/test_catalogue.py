"""The catalogue documents itself: each rule has docs, an example and a test; rules.md in sync."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from budgetlens.model import Provenance
from budgetlens.rules import Finding, Location, RoundingPolicy, all_rules, catalogue_markdown
from budgetlens.rules.finding import Evidence
from budgetlens.rules.registry import FAMILIES

ROOT = Path(__file__).resolve().parents[2]
TEST_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "rules").glob("*.py"))


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_rule_is_documented_and_tested(rule: type) -> None:
    assert rule.id == rule.id.lower()
    assert " " not in rule.id
    assert rule.title
    assert rule.description
    assert rule.template
    assert rule.severity in ("error", "warning", "info")
    assert rule.family in FAMILIES
    assert rule.example().startswith("例："), "the docstring gives an example"
    assert f'"{rule.id}"' in TEST_TEXT, f"no test under tests/rules/ names {rule.id}"


def test_ids_are_unique_and_stable() -> None:
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(set(ids))
    assert set(ids) >= {
        "rounding-difference",
        "row-identity",
        "code-hierarchy-sum",
        "econ-class-sum",
        "two-sided-totals",
        "block-totals",
        "cross-table-figure",
        "listed-table-missing",
        "required-table-missing",
        "empty-table-note",
    }


def test_docs_rules_md_is_generated_from_the_code() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == catalogue_markdown()
    assert "尾数误差政策" in catalogue_markdown()


def test_rounding_policy_validates_and_resolves() -> None:
    assert RoundingPolicy.resolve(None) == RoundingPolicy()
    assert RoundingPolicy.resolve({"precision": "cell"}).precision == "cell"
    assert RoundingPolicy.resolve({"per_part": "0.5"}).per_part == Decimal("0.5")
    with pytest.raises(ValueError, match="precision"):
        RoundingPolicy(precision="row")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="per_part"):
        RoundingPolicy(per_part=Decimal("2"))
    with pytest.raises(ValueError, match="unknown"):
        RoundingPolicy.resolve({"tolerance": 1})


def test_tolerance_is_half_a_unit_per_printed_part() -> None:
    policy = RoundingPolicy()
    parts = [(Decimal("6.45"), 2), (Decimal("9.32"), 2), (None, 2)]
    assert policy.tolerance(parts) == Decimal("0.010")
    assert policy.tolerance([(Decimal("17"), 2)]) == Decimal("0.005")  # 17 is 17.00 in a 2-decimal table
    assert RoundingPolicy(precision="cell").tolerance([(Decimal("34.3"), 2)]) == Decimal("0.05")
    assert policy.tolerance([(Decimal("1200"), 0)]) == Decimal("0.5")


def test_finding_is_json_serialisable_with_decimal_strings() -> None:
    finding = Finding(
        rule="row-identity",
        severity="error",
        message="支出决算表「合计」",
        location=Location(line=3, table="final.expenditure", column="本年支出合计"),
        evidence=(Evidence("印制数", "497. 84", Decimal("497.84"), Provenance(line=3, column=4)),),
        expected=Decimal("497.80"),
        actual=Decimal("497.84"),
        tolerance=Decimal("0.010"),
    )
    data = json.loads(json.dumps(finding.to_dict(), ensure_ascii=False))
    assert data["expected"] == "497.80"
    assert data["difference"] == "0.04"
    assert data["evidence"][0] == {
        "role": "印制数",
        "text": "497. 84",
        "amount": "497.84",
        "at": {"line": 3, "column": 4},
    }
    assert data["location"] == {"line": 3, "table": "final.expenditure", "column": "本年支出合计"}
