"""Which figure of one table must equal which figures of others (identities.yaml X-…, YX-…).

A `Ref` selects rows by side, bare label (numbering dropped), code or the 合计 row, and a column by
its path (alternatives; none = the side's amount column of a two-sided table).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    table: str
    columns: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    side: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Pair:
    reference: str
    left: Ref
    right: tuple[Ref, ...]


_BASIC = ("本年一般公共预算基本支出/合计", "总计")
PAIRS: tuple[Pair, ...] = (
    Pair(
        "X-01",
        Ref("final.summary", labels=("本年收入合计",), side="收入"),
        (Ref("final.income", ("本年收入合计",)),),
    ),
    Pair(
        "X-01",
        Ref("final.income", ("财政拨款收入",)),
        tuple(
            Ref("final.summary", labels=(f"{fund}财政拨款收入",), side="收入")
            for fund in ("一般公共预算", "政府性基金预算", "国有资本经营预算")
        ),
    ),
    Pair(
        "X-02",
        Ref("final.summary", labels=("本年支出合计",), side="支出"),
        (Ref("final.expenditure", ("本年支出合计",)),),
    ),
    Pair(
        "X-03",
        Ref("final.fiscal_summary", labels=("一、一般公共预算财政拨款",), side="收入"),
        (Ref("final.summary", labels=("一般公共预算财政拨款收入",), side="收入"),),
    ),
    Pair(
        "X-04",
        Ref("final.fiscal_summary", ("支出/一般公共预算财政拨款",), ("本年支出合计",), side="支出"),
        (Ref("final.gpb_expenditure", ("本年支出/小计", "本年支出/合计")),),
    ),
    Pair(
        "X-07",
        Ref("final.gpb_expenditure", ("本年支出/基本支出",)),
        (
            Ref("final.gpb_basic", ("决算数",), side="人员经费"),
            Ref("final.gpb_basic", ("决算数",), side="公用经费"),
        ),
    ),
    Pair(
        "YX-1",
        Ref("budget.summary", labels=("收入总计",), side="收入"),
        (Ref("budget.income", ("合计", "总计")),),
    ),
    Pair(
        "YX-1",
        Ref("budget.summary", labels=("本年支出合计",), side="支出"),
        (Ref("budget.expenditure", ("合计", "总计")),),
    ),
    *(
        Pair(
            "YX-1",
            Ref("budget.summary", labels=(name,), side="支出"),
            (Ref("budget.expenditure", (name,)),),
        )
        for name in ("基本支出", "项目支出")
    ),
    Pair(
        "YX-2",
        Ref("budget.fiscal_summary", ("支出/一般公共预算",), ("本年支出",), side="支出"),
        (Ref("budget.gpb_expenditure", ("合计", "总计")),),
    ),
    Pair(
        "YX-3",
        Ref("budget.gpb_expenditure", ("基本支出/小计", "基本支出")),
        (Ref("budget.gpb_basic", _BASIC),),
    ),
    Pair(
        "YX-3",
        Ref("budget.gpb_basic", ("本年一般公共预算基本支出/人员经费", "人员类")),
        (
            Ref("budget.gpb_expenditure", ("基本支出/人员经费/工资福利支出",)),
            Ref("budget.gpb_expenditure", ("基本支出/人员经费/对个人和家庭的补助",)),
        ),
    ),
    Pair(
        "YX-3",
        Ref("budget.gpb_basic", ("本年一般公共预算基本支出/公用经费",)),
        (Ref("budget.gpb_expenditure", ("基本支出/公用经费",)),),
    ),
    *(
        Pair("YX-3", Ref("budget.gpb_basic", _BASIC, code=code), (Ref(table, ("总计",)),))
        for code, table in (
            ("301", "budget.gpb_basic_wages_dept_econ"),
            ("302", "budget.gpb_basic_goods_dept_econ"),
            ("303", "budget.gpb_basic_family_dept_econ"),
        )
    ),
)
