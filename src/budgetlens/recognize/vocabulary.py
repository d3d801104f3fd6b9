"""The table-type vocabulary: every standard table we recognise, its printed titles and layout.

docs/tables.md is generated from `TABLE_TYPES` (``budgetlens tables --markdown``) and a test keeps
it in sync. Titles are compared after `normalize_title`, which drops the year, 部门/单位 prefixes,
quotes, spaces and bracket styles, so one alias covers the printed variants.
"""

from __future__ import annotations

import re
import unicodedata

from budgetlens.recognize.regional import REGIONAL_TYPES
from budgetlens.recognize.table_type import Family, Layout, TableType

__all__ = ["TABLE_TYPES", "TYPES_BY_ID", "Family", "Layout", "TableType", "classify_title", "normalize_title"]


_THREE_PUBLIC = (
    "合计",
    "因公出国（境）费",
    "公务用车购置及运行维护费/小计",
    "公务用车购置及运行维护费/公务用车购置费",
    "公务用车购置及运行维护费/公务用车运行维护费",
    "公务接待费",
)
_CARRY = (
    "年初结转和结余",
    "本年收入",
    "本年支出/小计",
    "本年支出/基本支出",
    "本年支出/项目支出",
    "年末结转和结余",
)

TABLE_TYPES: tuple[TableType, ...] = (
    # 部门决算 — the national nine tables (公开01–09表)
    TableType(
        "final.summary",
        "收入支出决算总表",
        "final_account",
        "two_sided",
        ("收入支出决算表", "部门收支决算总表", "收支决算总表"),
    ),
    TableType(
        "final.income",
        "收入决算表",
        "final_account",
        "coded",
        (),
        (
            (
                "本年收入合计",
                "财政拨款收入",
                "上级补助收入",
                "事业收入",
                "经营收入",
                "附属单位上缴收入",
                "其他收入",
            ),
        ),
    ),
    TableType(
        "final.expenditure",
        "支出决算表",
        "final_account",
        "coded",
        (),
        (("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),),
    ),
    TableType(
        "final.fiscal_summary",
        "财政拨款收入支出决算总表",
        "final_account",
        "two_sided",
        ("财政拨款收支决算总表",),
        (
            (
                "收入/决算数",
                "支出/小计",
                "支出/一般公共预算财政拨款",
                "支出/政府性基金预算财政拨款",
                "支出/国有资本经营预算财政拨款",
            ),
        ),
    ),
    TableType(
        "final.gpb_expenditure",
        "一般公共预算财政拨款支出决算表",
        "final_account",
        "coded",
        (),
        (("本年支出/小计", "本年支出/基本支出", "本年支出/项目支出"),),
    ),
    TableType(
        "final.gpb_basic",
        "一般公共预算财政拨款基本支出决算表",
        "final_account",
        "blocks",
        ("一般公共预算财政拨款基本支出决算明细表",),
    ),
    TableType(
        "final.three_public",
        "财政拨款“三公”经费支出决算表",
        "final_account",
        "listing",
        ("一般公共预算财政拨款“三公”经费支出决算表", "财政拨款“三公”经费及会议费、培训费支出决算表"),
        (tuple(f"{p}/{c}" for p in ("预算数", "决算数") for c in _THREE_PUBLIC),),
    ),
    TableType(
        "final.gov_fund", "政府性基金预算财政拨款收入支出决算表", "final_account", "coded", (), (_CARRY,)
    ),
    TableType(
        "final.soe_capital",
        "国有资本经营预算财政拨款收入支出决算表",
        "final_account",
        "coded",
        ("国有资本经营预算财政拨款支出决算表",),
        (_CARRY, ("本年支出/合计", "本年支出/基本支出", "本年支出/项目支出")),
    ),
    # 部门预算 — the nine core tables (财预〔2016〕143号 practice)
    TableType(
        "budget.summary",
        "收支总表",
        "budget",
        "two_sided",
        ("收支总体情况表", "收支预算总表", "财务收支预算总表", "部门财务收支预算总表"),
    ),
    TableType("budget.income", "收入总表", "budget", "coded", ("收入总体情况表", "收入预算总表")),
    TableType("budget.expenditure", "支出总表", "budget", "coded", ("支出总体情况表", "支出预算总表")),
    TableType(
        "budget.fiscal_summary",
        "财政拨款收支总表",
        "budget",
        "two_sided",
        ("财政拨款收支总体情况表", "财政拨款收支预算总表"),
    ),
    TableType(
        "budget.gpb_expenditure",
        "一般公共预算支出表",
        "budget",
        "coded",
        (
            "一般公共预算支出情况表",
            "一般公共预算支出功能分类预算表",
            "一般公共预算支出表(按功能分类)",
            "一般公共预算支出情况表(按功能分类科目)",
            "一般公共预算支出预算表",
            "一般公共预算拨款支出预算表",
        ),
    ),
    TableType(
        "budget.gpb_basic",
        "一般公共预算基本支出表",
        "budget",
        "coded",
        (
            "一般公共预算基本支出情况表",
            "一般公共预算基本支出明细表(按经济分类)",
            "一般公共预算基本支出部门预算经济分类预算表",
            "一般公共预算基本支出情况表(按经济分类科目)",
            "一般公共预算基本支出预算表",
            "一般公共预算基本支出经济分类情况表",
        ),
    ),
    TableType(
        "budget.three_public",
        "一般公共预算“三公”经费支出表",
        "budget",
        "listing",
        (
            "一般公共预算“三公”经费支出情况表",
            "“三公”经费和机关运行经费预算表",
            "财政拨款“三公”经费支出表",
            "财政拨款“三公”经费支出情况表",
            "财政拨款安排的行政经费及“三公”经费预算表",
            "一般公共预算“三公”经费预算表",
            "一般公共预算“三公”经费、会议费、培训费支出表",
            "一般公共预算“三公”经费支出预算表",
        ),
    ),
    TableType(
        "budget.gov_fund",
        "政府性基金预算支出表",
        "budget",
        "coded",
        (
            "政府性基金预算支出情况表",
            "政府性基金预算支出功能分类预算表",
            "政府性基金预算支出预算表",
            "政府性基金预算拨款支出预算表",
        ),
    ),
    TableType(
        "budget.soe_capital",
        "国有资本经营预算支出表",
        "budget",
        "coded",
        (
            "国有资本经营预算支出情况表",
            "国有资本经营预算支出功能分类预算表",
            "国有资本经营预算支出预算表",
            "国有资本经营预算支出明细表",
            "国有资本经营预算拨款支出预算表",
        ),
    ),
    # 部门预算 — further tables of the Hunan county template (23 tables)
    TableType("budget.expenditure_gov_econ", "支出预算分类汇总表(按政府预算经济分类)", "budget", "coded"),
    TableType("budget.expenditure_dept_econ", "支出预算分类汇总表(按部门预算经济分类)", "budget", "coded"),
    TableType(
        "budget.gpb_basic_wages_gov_econ",
        "一般公共预算基本支出表-人员经费(工资福利支出)(按政府预算经济分类)",
        "budget",
        "coded",
    ),
    TableType(
        "budget.gpb_basic_wages_dept_econ",
        "一般公共预算基本支出表-人员经费(工资福利支出)(按部门预算经济分类)",
        "budget",
        "coded",
    ),
    TableType(
        "budget.gpb_basic_family_gov_econ",
        "一般公共预算基本支出表-人员经费(对个人和家庭的补助)(按政府预算经济分类)",
        "budget",
        "coded",
    ),
    TableType(
        "budget.gpb_basic_family_dept_econ",
        "一般公共预算基本支出表-人员经费(对个人和家庭的补助)(按部门预算经济分类)",
        "budget",
        "coded",
    ),
    TableType(
        "budget.gpb_basic_goods_gov_econ",
        "一般公共预算基本支出表-公用经费(商品和服务支出)(按政府预算经济分类)",
        "budget",
        "coded",
    ),
    TableType(
        "budget.gpb_basic_goods_dept_econ",
        "一般公共预算基本支出表-公用经费(商品和服务支出)(按部门预算经济分类)",
        "budget",
        "coded",
    ),
    TableType(
        "budget.gov_fund_gov_econ", "政府性基金预算支出分类汇总表(按政府预算经济分类)", "budget", "coded"
    ),
    TableType(
        "budget.gov_fund_dept_econ", "政府性基金预算支出分类汇总表(按部门预算经济分类)", "budget", "coded"
    ),
    TableType("budget.special_account", "财政专户管理资金预算支出表", "budget", "coded"),
    TableType("budget.special_funds", "专项资金预算汇总表", "budget", "coded"),
    # 部门预算 — regional tables (Shenzhen, Guangzhou, Jiangsu, Beijing, Chongqing …): regional.py
    *REGIONAL_TYPES,
    # Performance (预算绩效)
    TableType(
        "performance.project_targets",
        "项目支出绩效目标表",
        "performance",
        "performance",
        (
            "专项资金支出方向绩效目标表",
            "项目绩效目标表",
            "重点专项资金绩效目标表(一级项目)",
            "一般性项目绩效目标表(一级项目)",
        ),
    ),
    TableType(
        "performance.overall_targets",
        "部门整体支出绩效目标表",
        "performance",
        "performance",
        ("整体支出绩效目标表", "单位整体支出绩效目标表", "整体绩效目标表"),
    ),
    TableType(
        "performance.project_self_eval",
        "项目支出绩效自评表",
        "performance",
        "performance",
        ("项目绩效自评表",),
    ),
    TableType(
        "performance.overall_self_eval",
        "部门整体支出绩效自评表",
        "performance",
        "performance",
        ("部门（单位）整体支出绩效自评表", "单位整体支出绩效自评表", "整体支出绩效自评表"),
    ),
)

TYPES_BY_ID = {t.id: t for t in TABLE_TYPES}

_YEAR = re.compile(r"^\d{4}年度?")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d+[、.．]|\([一二三四五六七八九十]+\)"
    r"|(?:公开|预算)\d+表|(?:公开|预算)?表(?:[一二三四五六七八九十]+|\d+)[、.．:：]?)"
)
_TRAILING = re.compile(r"(?:\((?:预算表|公开)\d+表?\)|[.…·]{2,}\d*|(?<=表)\d+|(?<=表)预算表)$")
_PREFIXES = ("预算单位", "市级", "区级", "县级", "本年", "部门", "单位", "本级")
_DROP = str.maketrans("", "", " \u3000\"'“”‘’「」《》")
_DASHES = re.compile(r"[-—–－]+")


def normalize_title(title: str) -> str:
    """A title reduced to what identifies it.

    >>> normalize_title("2024年部门收支总体情况表")
    '收支总体情况表'
    >>> normalize_title("2024 年度财政拨款 “三公” 经费支出决算表")
    '财政拨款三公经费支出决算表'
    """
    text = unicodedata.normalize("NFKC", title).translate(_DROP)
    text = _NUMBERING.sub("", text)
    text = _YEAR.sub("", text)
    text = _DASHES.sub("-", text)
    stripped = None
    while stripped != text:
        stripped = text
        for prefix in _PREFIXES:
            text = text.removeprefix(prefix)
        text = _TRAILING.sub("", text)
    return text


_BY_TITLE: dict[str, list[TableType]] = {}
for _type in TABLE_TYPES:
    for _title in _type.titles:
        _BY_TITLE.setdefault(normalize_title(_title), []).append(_type)


_PERFORMANCE_SUFFIXES = (
    ("项目绩效自评表", "performance.project_self_eval"),
    ("项目支出绩效自评表", "performance.project_self_eval"),
    ("整体绩效自评表", "performance.overall_self_eval"),
    ("整体支出绩效自评表", "performance.overall_self_eval"),
    ("项目支出绩效目标表", "performance.project_targets"),
    ("项目预算绩效目标表", "performance.project_targets"),  # 政策和项目预算绩效目标表 (Yantai)
    ("整体支出绩效目标表", "performance.overall_targets"),
)
TITLE_MAX = 60


def classify_title(title: str, family: Family | None = None) -> TableType | None:
    """The table type a printed title names, preferring the document's family when both fit.

    Performance tables often carry the project or unit in the title
    (``2024年度综合性工作经费项目绩效自评表``): those match by their ending.
    """
    normalized = normalize_title(title)
    candidates = _BY_TITLE.get(normalized, [])
    if not candidates and len(normalized) <= TITLE_MAX:
        suffix = next((t for s, t in _PERFORMANCE_SUFFIXES if normalized.endswith(s)), None)
        candidates = [TYPES_BY_ID[suffix]] if suffix else []
    if family is not None:
        preferred = [t for t in candidates if t.family in (family, "performance")]
        candidates = preferred or candidates
    return candidates[0] if candidates else None


def vocabulary_markdown() -> str:
    """docs/tables.md: the vocabulary as a reference page."""
    lines = [
        "# 表格类型词表 / Table-type vocabulary",
        "",
        "Generated from `budgetlens/recognize/vocabulary.py` by `budgetlens tables --markdown`; do not edit.",
        "Titles match after dropping numbering, the year, 预算单位/市级/部门/单位 prefixes, quotes, spaces",
        "and bracket styles.",
        "",
        "| id | 名称 | 版式 layout | 别名 aliases |",
        "|---|---|---|---|",
    ]
    for t in TABLE_TYPES:
        lines.append(f"| `{t.id}` | {t.name} | {t.layout} | {'；'.join(t.aliases) or '—'} |")
    return "\n".join(lines) + "\n"
