"""The README's Python example does what it says (with the bundled copy of seed 000)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from budgetlens import read_document
from tests.conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_example() -> None:
    doc = read_document(ROOT / "examples" / "000_2dc7f0fcd8664e1f.txt")
    assert (doc.kind, doc.year, doc.unit_name, doc.unit_code) == (
        "budget",
        2024,
        "株洲市荷塘区产业服务中心",
        "048001",
    )
    table = doc.table("budget.gpb_expenditure")
    assert table.columns[6] == "基本支出/小计"
    assert table.amount("合计", code="2010350") == Decimal("302.23")
    assert [t.title for t in doc.absent_tables] == [
        "收入总表",
        "支出预算分类汇总表（按政府预算经济分类）",
        "支出预算分类汇总表（按部门预算经济分类）",
    ]


def test_bundled_examples_are_the_shared_seeds() -> None:
    examples = sorted((ROOT / "examples").glob("*.txt"))
    assert len(examples) == 5
    for example in examples:
        assert example.read_bytes() == (SEEDS / example.name).read_bytes()
