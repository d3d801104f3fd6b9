"""The words and header layout of performance tables, shared by the parser in `performance`.

The vocabulary of the national indicator framework (一级/二级 names and the 二级 → 一级 parents), the
fund columns of self-evaluations (年初预算数 … 得分, printed with a formula letter or a unit), the fund
sources of target tables (财政拨款, 其他资金 …), and how a header's columns right of 三级指标 map to
`Indicator` fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.amounts import parse_amount
from budgetlens.recognize.header import header_text, header_to_paths, unwrap_label

_GROUP_SCORE = re.compile(r"\s*[（(]\s*\d+\s*分\s*[）)]\s*$")
LEVEL1 = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标", "成本": "成本指标"}
PARENT = {
    **dict.fromkeys(("数量", "质量", "时效"), "产出"),
    **dict.fromkeys(("经济效益", "社会效益", "生态效益", "可持续影响"), "效益"),
    "服务对象满意度": "满意度",
    **dict.fromkeys(("经济成本", "社会成本", "生态环境成本"), "成本"),
}
MONEY_WORDS = (
    "资金总额",
    "一般公共预算",
    "政府性基金拨款",
    "财政专户管理资金",
    "其他资金",
    "基本支出",
    "项目支出",
    "项目总额",  # 北京 预算11表: 项目总额 | 其中：财政资金 | 其他资金
    "财政资金",
    "当年财政拨款预算金额",  # 重庆 表十二: 序号 | 项目名称 | 当年财政拨款预算金额 | 当年绩效目标 | 指标名称 …
)
FUND_COLUMNS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
FUND_WORDS = frozenset({*FUND_COLUMNS, "预算数(A)", "执行数(B)", "执行率(B/A)"})
SOURCES = frozenset(
    {"财政拨款", "其他资金", "一般公共预算", "政府性基金", "财政专户管理资金", "上年结转", "单位自筹"}
)
_FORMULA = re.compile(r"[（(](?:[A-Z/]+|万?元)[)）]$")  # 全年预算数（A）, 全年预算数（万元）


def label_text(text: str) -> str:
    return header_text(text).rstrip(":：")


def fund_word(text: str) -> str:
    """A fund column without its formula letter or unit (``全年预算数（A）`` → 全年预算数), if standard."""
    half = text.replace("（", "(").replace("）", ")")
    if half in FUND_WORDS:
        return half
    bare = _FORMULA.sub("", half)
    return bare if bare in FUND_COLUMNS else text


def squash(text: str) -> str:
    """A name without the spaces wrapping put between Chinese characters or its group score."""
    return unwrap_label(_GROUP_SCORE.sub("", text.strip()))


def vocab(text: str) -> tuple[int, str] | None:
    """(1, key) for a 一级 name, (2, key) for a 二级 name, keyed without 指标 (产出, 数量 …)."""
    key = _GROUP_SCORE.sub("", header_text(text)).replace("満", "满").removesuffix("指标")
    if key in LEVEL1:
        return 1, key
    return (2, key) if key in PARENT else None


def money_key(norm: str) -> str | None:
    """The fact a fund row's label feeds: 资金总额 for any total (年度预算资金总额), else the source."""
    label = re.sub(r"^其中[:：]", "", norm)
    if label.endswith("资金总额"):
        return "资金总额"
    return label if label in SOURCES else None


def is_money(text: str) -> bool:
    return parse_amount(text) is not None and ("." in text or "," in text)


def whole_amount(text: str, before: list[str]) -> bool:
    """An amount without decimals (北京 ``50``) right of the 名称 column: a project row's 项目总额."""
    return parse_amount(text) is not None and bool(before) and before[0].endswith("名称")


def _kind(path: str) -> str | None:
    """Which `Indicator` field a header column after 三级指标 feeds."""
    parts = path.split("/")
    text = parts[-2] + parts[-1] if parts[-1] in ("指标值", "完成值") and len(parts) > 1 else parts[-1]
    rules = (("类型", "comparison"), ("性质", "comparison"), ("内容", "content"), ("解释", "content"),
             ("单位", "unit"), ("标准", "scoring"), ("分值", "weight"), ("权重", "weight"), ("得分", "score"),
             ("实际", "actual"), ("完成值", "actual"), ("偏", "note"), ("备注", "note"),
             ("措施", "note"))  # fmt: skip
    for word, kind in rules:
        if word in text:
            return kind
    if "指标值" in text or "目标值" in text or text.startswith("年初目标") or text == "年度":
        return "target"
    return None


@dataclass
class Layout:
    paths: list[str]
    name_col: int
    kinds: dict[int, str]  # offset right of the 三级 column → Indicator field
    money: list[str]  # money columns of a project row (资金总额 …), in print order
    has_head: bool  # projects print as rows (单位编码 | 名称 | 资金总额 | 绩效目标 | 指标 …)
    flat: bool = False  # a plain list of indicators under 指标名称, without 一级/二级 (重庆)


def header_layout(header: list[list[str]]) -> Layout | None:
    width = max((i + 1 for r in header for i, t in enumerate(r) if t.strip()), default=0)
    paths = header_to_paths(header, width)
    last = [p.split("/")[-1] for p in paths]
    names = [n for n in ("三级指标", "指标内容", "指标名称") if n in last]  # 指标内容: 2 levels
    if not names or (names[0] == "指标内容" and "二级指标" not in last):
        return None
    flat = names[0] == "指标名称" and not {"一级指标", "二级指标"} & set(last)  # 指标名称: a plain list
    name_col = last.index(names[0])
    kinds = {c - name_col: k for c in range(name_col + 1, width) if (k := _kind(paths[c]))}
    money = [m for m in last if m in MONEY_WORDS]
    has_head = any(p.endswith("名称") for p in last[: max(name_col - 2, 0)])
    while paths and not paths[-1]:
        paths.pop()
    return Layout(paths, name_col, kinds, money, has_head, flat)


def squeeze_index(texts: list[str], begin: int, end: int, size: int) -> list[int | None]:
    """Indexes of the cells in ``begin:end`` after dropping the blanks a conversion inserted
    (leftmost first) until ``size`` remain; None for a blank that stays."""
    cells = list(range(begin, end))
    while len(cells) > size and any(not texts[i] for i in cells):
        cells.remove(next(i for i in cells if not texts[i]))
    return [i if texts[i] else None for i in cells]


# The labels and signs the parser in `performance` reads rows by.
COMPARISONS = frozenset({"=", "≥", "≤", ">", "<", "定性", "定量"})
LATEX_SIGNS = {"\\geq": "≥", "\\leq": "≤", "\\ge": "≥", "\\le": "≤"}
FULL_WIDTH_SIGNS = str.maketrans("＝＞＜", "=><")  # 北京 prints the full-width sign
NAME_LABELS = ("项目名称", "项目支出名称", "部门名称", "单位名称")
GOAL_LABELS = frozenset(
    {"本年度绩效目标", "年履职目标", "绩效目标", "整体绩效目标", "总体目标"}
    | {"当年整体绩效目标", "当年绩效目标"}
)  # 当年…: 重庆 prints the goal on the row below
FACT_LABELS = frozenset(
    {"项目类别", "项目类型", "年度本级预算金额", "项目支出实施期", "主管部门", "主管部门及代码",
     "项目实施单位", "实施单位", "基本支出总额", "项目支出总额", "偏差大或目标未完成原因分析",
     "改进措施及结果应用方案"}
)  # fmt: skip
SUBHEADER_WORDS = frozenset({"指标值", "完成值", *MONEY_WORDS[1:]})
TOTALS = ("合计", "总计", "总分")
