"""Regional 部门预算 tables beyond the nine core ones (Shenzhen, Guangzhou, Jiangsu, Beijing, Chongqing,
Hangzhou, Changchun templates). Their printed variants of the core tables are aliases in vocabulary.py.
"""

from __future__ import annotations

from budgetlens.recognize.table_type import TableType

REGIONAL_TYPES: tuple[TableType, ...] = (
    TableType(
        "budget.basic_expenditure",
        "基本支出总表",
        "budget",
        "coded",
        ("部门预算基本支出预算表", "基本支出预算表", "基本支出预算情况表"),
    ),
    TableType(
        "budget.project_expenditure",
        "项目支出总表",
        "budget",
        "coded",
        ("部门预算项目支出及其他支出预算表", "项目支出表", "项目支出预算表", "项目支出预算情况表"),
    ),
    TableType(
        "budget.fiscal_expenditure",
        "财政拨款支出表(功能科目)",
        "budget",
        "coded",
        ("财政拨款支出表(按功能分类)",),
    ),
    TableType(
        "budget.fiscal_basic_econ",
        "财政拨款基本支出表(经济科目)",
        "budget",
        "coded",
        ("财政拨款基本支出表(按经济分类)",),
    ),
    TableType(
        "budget.gpb_expenditure_econ",
        "一般公共预算支出表(按经济分类)",
        "budget",
        "coded",
        ("一般公共预算支出情况表(按经济分类科目)", "一般公共预算支出经济分类情况表"),
    ),
    TableType(
        "budget.gpb_project_econ",
        "一般公共预算项目支出情况表(按经济分类科目)",
        "budget",
        "coded",
        ("一般公共预算项目支出表(按经济分类)",),
    ),
    TableType(
        "budget.admin_costs",
        "一般公共预算机关运行经费支出预算表",
        "budget",
        "coded",
        ("机关运行经费支出预算表", "机关运行经费预算表"),
    ),
    TableType(
        "budget.procurement",
        "政府采购预算明细表",
        "budget",
        "listing",
        ("政府采购支出表", "政府采购预算表", "政府采购预算情况表"),
    ),
    TableType("budget.project_performance", "项目支出绩效表", "budget", "listing"),
)
