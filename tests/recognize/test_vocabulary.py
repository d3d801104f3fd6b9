from pathlib import Path

import pytest

from budgetlens.recognize.vocabulary import TABLE_TYPES, classify_title, normalize_title, vocabulary_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs"

REQUIRED_IDS = [
    "final.summary", "final.income", "final.expenditure", "final.fiscal_summary", "final.gpb_expenditure",
    "final.gpb_basic", "final.three_public", "final.gov_fund", "final.soe_capital", "budget.summary",
    "budget.income", "budget.expenditure", "budget.fiscal_summary", "budget.gpb_expenditure",
    "budget.gpb_basic",
    "budget.three_public", "budget.gov_fund", "budget.soe_capital", "performance.project_targets",
    "performance.overall_targets", "performance.project_self_eval", "performance.overall_self_eval",
]  # fmt: skip


def test_vocabulary_has_every_id_other_tools_rely_on() -> None:
    ids = [t.id for t in TABLE_TYPES]
    assert set(REQUIRED_IDS) <= set(ids)
    assert len(ids) == len(set(ids))


def test_docs_tables_md_is_generated_from_the_code() -> None:
    assert (DOCS / "tables.md").read_text("utf-8") == vocabulary_markdown()


@pytest.mark.parametrize(
    ("title", "family", "type_id"),
    [
        ("2024年部门收支总体情况表", "budget", "budget.summary"),
        ("收支总表", "budget", "budget.summary"),
        ("2024年度收入支出决算总表", "final_account", "final.summary"),
        ('2024 年度财政拨款 "三公" 经费支出决算表', "final_account", "final.three_public"),
        ("一般公共预算基本支出表--人员经费(工资福利支出)(按政府预算经济分类)", "budget",
         "budget.gpb_basic_wages_gov_econ"),
        ("一般公共预算基本支出表—公用经费(商品和服务支出)(按部门预算经济分类)", "budget",
         "budget.gpb_basic_goods_dept_econ"),
        ("专项资金支出方向绩效目标表", "budget", "performance.project_targets"),
        ("二、2024年度综合性工作经费项目绩效自评表", "final_account", "performance.project_self_eval"),
        ("2024年度部门（单位）整体支出绩效自评表", "final_account", "performance.overall_self_eval"),
    ],
)  # fmt: skip
def test_printed_titles_classify(title: str, family: str, type_id: str) -> None:
    table_type = classify_title(title, family)  # type: ignore[arg-type]
    assert table_type is not None
    assert table_type.id == type_id


@pytest.mark.parametrize(
    "text", ["一、收入支出决算总体情况说明", "单位：万元", "2024年部门预算公开表", "财政拨款"]
)
def test_narrative_lines_are_not_tables(text: str) -> None:
    assert classify_title(text, "final_account") is None


def test_normalize_title_drops_year_numbering_and_quotes() -> None:
    assert normalize_title("九、财政拨款“三公”经费支出决算表") == "财政拨款三公经费支出决算表"
    assert normalize_title("2024 年度 部门收支总表") == "收支总表"
