"""The row identities of each standard table: which column is the sum of which others.

Each entry names the columns by their printed paths (alternatives for provincial variants); a
column a print lacks is left out. A table without the total column or the first part column is a
layout the entry does not describe and is skipped (杭州 prints 基本支出 split into 人员支出 and
日常公用支出 with no 基本支出 column), as is a table with one of the ``unless`` columns (长春 splits
every column into 当年预算 and 上年结转结余, described by the prefixed entries). 收入总表 identities
are read from the header tree (column_tree.py). References are the ids of
/shared/domain/identities.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

Names = tuple[str, ...]


@dataclass(frozen=True)
class RowIdentity:
    reference: str
    tables: tuple[str, ...]
    total: Names
    parts: tuple[Names, ...]
    side: str | None = None
    prefix: str = ""
    unless: Names = ()


_FUNDS_FINAL = (
    ("支出/一般公共预算财政拨款",),
    ("支出/政府性基金预算财政拨款",),
    ("支出/国有资本经营预算财政拨款",),
)
_THREE_PUBLIC_FINAL = tuple(
    identity
    for prefix in ("预算数/", "决算数/")
    for identity in (
        RowIdentity(
            "J07-a",
            ("final.three_public",),
            ("合计",),
            (("因公出国（境）费",), ("公务用车购置及运行维护费/小计",), ("公务接待费",)),
            prefix=prefix,
        ),
        RowIdentity(
            "J07-b",
            ("final.three_public",),
            ("公务用车购置及运行维护费/小计",),
            (("公务用车购置及运行维护费/公务用车购置费",), ("公务用车购置及运行维护费/公务用车运行维护费",)),
            prefix=prefix,
        ),
    )
)

# 长春 splits each expenditure column into this year's budget and last year's carry-over.
_YEAR_PREFIXES = ("当年预算/", "上年结转结余/")
_YEAR_SPLIT = ("当年预算/小计",)
_SPLIT_BY_YEAR = tuple(
    identity
    for table, basic in (
        ("budget.expenditure", ("基本支出",)),
        ("budget.gpb_expenditure", ("基本支出/小计",)),
    )
    for identity in (
        RowIdentity(
            "Y3-a" if table == "budget.expenditure" else "Y5-a",
            (table,),
            ("合计",),
            tuple((prefix + "小计",) for prefix in _YEAR_PREFIXES),
        ),
        *(
            RowIdentity(
                "Y3-a" if table == "budget.expenditure" else "Y5-a",
                (table,),
                ("小计",),
                (basic, ("项目支出",), ("事业单位经营支出",)),
                prefix=prefix,
            )
            for prefix in _YEAR_PREFIXES
        ),
    )
)
_BASIC_PARTS = (
    ("人员经费/工资福利支出", "人员经费", "人员支出"),
    ("人员经费/对个人和家庭的补助",),
    ("公用经费", "日常公用支出"),
)

ROW_IDENTITIES: tuple[RowIdentity, ...] = (
    RowIdentity(
        "J02-a",
        ("final.income",),
        ("本年收入合计",),
        (
            ("财政拨款收入",),
            ("上级补助收入",),
            ("事业收入",),
            ("经营收入",),
            ("附属单位上缴收入",),
            ("其他收入",),
        ),
    ),
    RowIdentity(
        "J03-a",
        ("final.expenditure",),
        ("本年支出合计",),
        (("基本支出",), ("项目支出",), ("上缴上级支出",), ("经营支出",), ("对附属单位补助支出",)),
    ),
    RowIdentity("J04-b", ("final.fiscal_summary",), ("支出/小计", "支出/合计"), _FUNDS_FINAL, side="支出"),
    RowIdentity(
        "J05-a",
        ("final.gpb_expenditure", "final.gov_fund", "final.soe_capital"),
        ("本年支出/小计", "本年支出/合计"),
        (("本年支出/基本支出",), ("本年支出/项目支出",)),
    ),
    # 上海、佛山 print the 05 表 with flat columns: 合计 (本年支出合计) | 基本支出 | 项目支出.
    RowIdentity(
        "J05-a", ("final.gpb_expenditure",), ("本年支出合计", "合计"), (("基本支出",), ("项目支出",))
    ),
    *_THREE_PUBLIC_FINAL,
    *_SPLIT_BY_YEAR,
    RowIdentity(
        "Y3-a",
        ("budget.expenditure",),
        ("合计", "总计", "支出总计"),
        (("基本支出",), ("项目支出",), ("事业单位经营支出",), ("上缴上级支出",), ("对附属单位补助支出",)),
        unless=_YEAR_SPLIT,
    ),
    RowIdentity(
        "Y3-a",
        ("budget.expenditure",),
        ("合计", "总计"),
        (
            ("基本支出/人员支出", "基本支出/人员经费"),
            ("基本支出/日常公用支出", "基本支出/公用经费"),
            ("项目支出",),
            ("事业单位经营支出",),
            ("上缴上级支出",),
            ("对附属单位补助支出",),
        ),
    ),
    RowIdentity(
        "Y4-a",
        ("budget.fiscal_summary",),
        ("支出/合计",),
        (("支出/一般公共预算",), ("支出/政府性基金预算",), ("支出/国有资本经营预算",)),
        side="支出",
    ),
    RowIdentity(
        "Y5-a",
        ("budget.gpb_expenditure",),
        ("合计", "总计", "支出总计", "小计"),
        (("基本支出/小计", "基本支出", "其中：基本支出"), ("项目支出", "项目支出/项目支出总数")),
        unless=_YEAR_SPLIT,
    ),
    *(
        RowIdentity(
            "Y5-a",
            ("budget.gpb_expenditure", "budget.gov_fund", "budget.soe_capital", "budget.special_account"),
            ("基本支出/小计", "小计"),
            _BASIC_PARTS,
            prefix=prefix,
            unless=_YEAR_SPLIT if not prefix else (),
        )
        for prefix in ("", *_YEAR_PREFIXES)
    ),
    RowIdentity(
        "Y6-a",
        ("budget.gpb_basic",),
        ("本年一般公共预算基本支出/合计", "总计"),
        (("人员经费", "人员类"), ("公用经费", "日常公用支出")),
    ),
    RowIdentity(
        "Y7-a",
        ("budget.three_public",),
        ("“三公”经费合计", "三公经费预（决）算数（财政拨款）/小计"),
        (
            ("因公出国（境）费", "因公出国(境)费用", "因公出国（境）费用"),
            ("公务用车购置及运行费/小计", "公务用车购置及运行维护费/小计", "公务用车购置及运行费"),
            ("公务接待费",),
        ),
        unless=_YEAR_SPLIT,
    ),
    RowIdentity(
        "Y7-a",
        ("budget.three_public",),
        (
            "公务用车购置及运行费/小计",
            "公务用车购置及运行维护费/小计",
            "三公经费预（决）算数（财政拨款）/公务用车购置及运行费",
        ),
        (
            ("公务用车购置费", "其中：公务用车购置"),
            ("公务用车运行费", "公务用车运行维护费", "其中：公务用车运行费"),
        ),
    ),
    RowIdentity(
        "Y6-a",
        ("budget.gpb_basic_wages_dept_econ",),
        ("总计",),
        (("工资津补贴/合计",), ("社会保障缴费/合计",), ("住房公积金",), ("其他工资福利支出/合计",)),
    ),
    RowIdentity(
        "Y6-a",
        ("budget.gpb_basic_wages_dept_econ",),
        ("工资津补贴/合计",),
        (("工资津补贴/基本工资",), ("工资津补贴/津贴补贴",), ("工资津补贴/奖金",), ("工资津补贴/绩效工资",)),
    ),
    RowIdentity(
        "Y6-a",
        ("budget.gpb_basic_wages_dept_econ",),
        ("社会保障缴费/合计",),
        tuple(
            (f"社会保障缴费/{name}",)
            for name in (
                "机关事业单位基本养老保险缴费",
                "职业年金缴费",
                "职工基本医疗保险缴费",
                "公务员医疗补助缴费",
                "其他社会保障缴费",
            )
        ),
    ),
    RowIdentity(
        "Y6-a",
        ("budget.gpb_basic_wages_gov_econ", "budget.gpb_basic_goods_gov_econ"),
        ("总计",),
        (("机关工资福利支出/合计", "机关商品和服务支出/合计"), ("对事业单位经常性补助/合计",)),
    ),
    RowIdentity(
        "Y6-a",
        ("budget.gpb_basic_goods_gov_econ",),
        ("机关商品和服务支出/合计",),
        tuple(
            (f"机关商品和服务支出/{name}",)
            for name in (
                "办公经费",
                "会议费",
                "培训费",
                "专用材料购置费",
                "委托业务费",
                "公务接待费",
                "因公出国（境）费用",
                "公务用车运行维护费",
                "维修(护)费",
                "其他商品和服务支出",
            )
        ),
    ),
    RowIdentity(
        "Y6-a",
        ("budget.gpb_basic_wages_gov_econ", "budget.gpb_basic_goods_gov_econ"),
        ("对事业单位经常性补助/合计",),
        (
            ("对事业单位经常性补助/工资福利支出", "对事业单位经常性补助/商品和服务支出"),
            ("对事业单位经常性补助/其他对事业单位补助",),
        ),
    ),
)
