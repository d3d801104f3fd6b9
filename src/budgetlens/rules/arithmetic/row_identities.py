"""The row identities of each standard table: which column is the sum of which others.

Each entry names the columns by their printed paths (alternatives for provincial variants); a
column a print lacks is left out, a table without the total column is skipped. References are the
ids of /shared/domain/identities.yaml.
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
    *_THREE_PUBLIC_FINAL,
    RowIdentity(
        "Y2-a",
        ("budget.income",),
        ("合计", "总计"),
        (
            ("本级财政拨款/金额", "一般公共预算拨款收入"),
            ("政府性基金预算拨款收入",),
            ("国有资本经营预算拨款收入",),
            ("财政专户管理事业收入", "财政专户管理资金收入"),
            ("事业单位经营服务收入", "事业单位经营收入"),
            ("上级补助收入",),
            ("附属单位上缴收入",),
            ("其它收入", "其他收入"),
            ("事业收入",),
            ("上年结转",),
        ),
    ),
    RowIdentity(
        "Y3-a",
        ("budget.expenditure",),
        ("合计", "总计"),
        (("基本支出",), ("项目支出",), ("事业单位经营支出",), ("上缴上级支出",), ("对附属单位补助支出",)),
    ),
    RowIdentity(
        "Y4-a",
        ("budget.fiscal_summary",),
        ("支出/合计",),
        (("支出/一般公共预算",), ("支出/政府性基金预算",), ("支出/国有资本经营预算",)),
        side="支出",
    ),
    RowIdentity(
        "Y5-a", ("budget.gpb_expenditure",), ("合计", "总计"), (("基本支出/小计", "基本支出"), ("项目支出",))
    ),
    RowIdentity(
        "Y5-a",
        ("budget.gpb_expenditure", "budget.gov_fund", "budget.soe_capital", "budget.special_account"),
        ("基本支出/小计", "小计"),
        (("人员经费/工资福利支出",), ("人员经费/对个人和家庭的补助",), ("公用经费",)),
    ),
    RowIdentity(
        "Y6-a",
        ("budget.gpb_basic",),
        ("本年一般公共预算基本支出/合计", "总计"),
        (("人员经费", "人员类"), ("公用经费",)),
    ),
    RowIdentity(
        "Y7-a",
        ("budget.three_public",),
        ("“三公”经费合计", "三公经费预（决）算数（财政拨款）/小计"),
        (("因公出国（境）费",), ("公务用车购置及运行费/小计", "公务用车购置及运行费"), ("公务接待费",)),
    ),
    RowIdentity(
        "Y7-a",
        ("budget.three_public",),
        ("公务用车购置及运行费/小计", "三公经费预（决）算数（财政拨款）/公务用车购置及运行费"),
        (("公务用车购置费", "其中：公务用车购置"), ("公务用车运行费", "其中：公务用车运行费")),
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
