"""Performance tables (预算绩效目标表 / 绩效自评表) → `PerformanceItem`s with their indicator trees.

Why our own parsing: these are not column tables. A performance table is a form — key/value rows
(项目名称, 项目类别, 资金总额 …), money blocks with their own little headers (年初预算数 … 得分),
goal rows, then an indicator tree whose 一级/二级 cells are vertically merged and print once per
span (in some prints at the middle of the span). PDF conversion loses and shifts cells, so no
generic table reader can place them. We anchor on the domain vocabulary instead:

* an indicator row is aligned on its 一级/二级 cells (产出指标, 数量指标 …); the cell after the
  last anchor is the 三级 name and the cells after it map to the header's columns to the right of
  三级指标; a row without anchors keeps the previous row's offset;
* a 二级 of the national framework implies its 一级 (数量指标 → 产出指标); where the merged 一级
  printed on another row contradicts it, the framework's parent wins;
* in self-evaluation tables the numbers after 实际完成值 are 分值 then 得分, wherever they landed.

Names (一级/二级/三级) lose the spaces that line wrapping put between Chinese characters and the
group score suffix (``产出指标（40分）``); every other text is kept as printed. A lost cell stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from budgetlens.amounts import is_blank, parse_amount
from budgetlens.ingest.raw import GridCell
from budgetlens.model import Cell, Indicator, PerformanceItem
from budgetlens.recognize.header import header_text, header_to_paths, unwrap_label

_GROUP_SCORE = re.compile(r"\s*[（(]\s*\d+\s*分\s*[）)]\s*$")
_GOAL_N = re.compile(r"年度(?:日|目标|日目标)\d*[:：]?|目标\d+[:：]?")
_INLINE = re.compile(r"^(?:其中[:：])?\s*(\S+?)\s*[:：]\s*([\d.,\s]+)$")
_ORDER = re.compile(r"^\d+、")
_SCORING = re.compile(r"得.{0,3}分|扣.{0,3}分")
_LEVEL1 = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标", "成本": "成本指标"}
_PARENT = {
    **dict.fromkeys(("数量", "质量", "时效"), "产出"),
    **dict.fromkeys(("经济效益", "社会效益", "生态效益", "可持续影响"), "效益"),
    "服务对象满意度": "满意度",
    **dict.fromkeys(("经济成本", "社会成本", "生态环境成本"), "成本"),
}
COMPARISONS = frozenset({"=", "≥", "≤", ">", "<", "定性", "定量"})
_LATEX = {"\\geq": "≥", "\\leq": "≤", "\\ge": "≥", "\\le": "≤"}
_NAME_LABELS = ("项目名称", "项目支出名称", "部门名称", "单位名称")
_GOAL_LABELS = frozenset({"本年度绩效目标", "年履职目标", "绩效目标", "整体绩效目标"})
_FACT_LABELS = frozenset(
    {"项目类别", "项目类型", "年度本级预算金额", "项目支出实施期", "主管部门", "项目实施单位",
     "实施单位", "基本支出总额", "项目支出总额", "偏差大或目标未完成原因分析", "改进措施及结果应用方案"}
)  # fmt: skip
_MONEY_WORDS = (
    "资金总额",
    "一般公共预算",
    "政府性基金拨款",
    "财政专户管理资金",
    "其他资金",
    "基本支出",
    "项目支出",
)
_SUBHEADER_WORDS = frozenset({"指标值", "完成值", *_MONEY_WORDS[1:]})
_FUND_COLUMNS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
_FUND_WORDS = frozenset({*_FUND_COLUMNS, "预算数(A)", "执行数(B)", "执行率(B/A)"})
_TOTALS = ("合计", "总计", "总分")
_FORMULA = re.compile(r"[（(][A-Z/]+[)）]$")


def _norm(text: str) -> str:
    return header_text(text).rstrip(":：")


def _fund_word(text: str) -> str:
    """A fund column without its formula letter (``全年预算数（A）`` → 全年预算数) if the rest is standard."""
    half = text.replace("（", "(").replace("）", ")")
    if half in _FUND_WORDS:
        return half
    bare = _FORMULA.sub("", half)
    return bare if bare in _FUND_COLUMNS else text


def _squash(text: str) -> str:
    """A name without the spaces wrapping put between Chinese characters or its group score."""
    return unwrap_label(_GROUP_SCORE.sub("", text.strip()))


def _vocab(text: str) -> tuple[int, str] | None:
    """(1, key) for a 一级 name, (2, key) for a 二级 name, keyed without 指标 (产出, 数量 …)."""
    key = _GROUP_SCORE.sub("", header_text(text)).replace("満", "满").removesuffix("指标")
    if key in _LEVEL1:
        return 1, key
    return (2, key) if key in _PARENT else None


def _is_money(text: str) -> bool:
    return parse_amount(text) is not None and ("." in text or "," in text)


def _kind(path: str) -> str | None:
    """Which `Indicator` field a header column after 三级指标 feeds."""
    parts = path.split("/")
    text = parts[-2] + parts[-1] if parts[-1] in ("指标值", "完成值") and len(parts) > 1 else parts[-1]
    rules = (("类型", "comparison"), ("内容", "content"), ("解释", "content"), ("单位", "unit"),
             ("标准", "scoring"), ("分值", "weight"), ("得分", "score"), ("实际", "actual"),
             ("完成值", "actual"), ("偏", "note"), ("备注", "note"), ("措施", "note"))  # fmt: skip
    for word, kind in rules:
        if word in text:
            return kind
    if "指标值" in text or "目标值" in text or text.startswith("年初目标") or text == "年度":
        return "target"
    return None


@dataclass
class _Layout:
    paths: list[str]
    name_col: int
    kinds: dict[int, str]  # offset right of the 三级 column → Indicator field
    money: list[str]  # money columns of a project row (资金总额 …), in print order
    has_head: bool  # projects print as rows (单位编码 | 名称 | 资金总额 | 绩效目标 | 指标 …)


def _layout(header: list[list[str]]) -> _Layout | None:
    width = max((i + 1 for r in header for i, t in enumerate(r) if t.strip()), default=0)
    paths = header_to_paths(header, width)
    last = [p.split("/")[-1] for p in paths]
    if "三级指标" not in last:
        return None
    name_col = last.index("三级指标")
    kinds = {c - name_col: k for c in range(name_col + 1, width) if (k := _kind(paths[c]))}
    money = [m for m in last if m in _MONEY_WORDS]
    has_head = any(p.endswith("名称") for p in last[: max(name_col - 2, 0)])
    while paths and not paths[-1]:
        paths.pop()
    return _Layout(paths, name_col, kinds, money, has_head)


class _Parser:
    def __init__(self, type_id: str) -> None:
        self.overall = type_id.startswith("performance.overall")
        self.self_eval = type_id.endswith("self_eval")
        self.items: list[PerformanceItem] = []
        self.item: PerformanceItem | None = None
        self.paths: list[str] = []
        self.layout: _Layout | None = None
        self.header: list[list[str]] = []
        self.shift = 0
        self.level1 = self.level2 = ""
        self.mode = ""  # budget | tasks | goals | funds
        self.block: list[list[str]] = []
        self.funds: dict[int, str] = {}
        self.goal_cols: dict[int, str] = {}

    # -- items and facts -------------------------------------------------------------------------
    def _open(self, name: str, cell: GridCell) -> tuple[PerformanceItem, bool]:
        """The item called ``name``; True when it already existed (a continuation page)."""
        if self.overall and self.items:
            item = self.items[0]
            item.name = item.name or name
            return item, True
        for item in self.items:
            if item.name == name:
                self.item = item
                return item, True
        self.item = PerformanceItem(name=name, at=cell.at)
        self.items.append(self.item)
        self.level1 = self.level2 = ""
        return self.item, False

    def _current(self, cell: GridCell) -> PerformanceItem:
        return self.item or self._open("", cell)[0]

    def _fact(self, key: str, cell: GridCell, text: str | None = None, amount: bool = True) -> None:
        text = cell.text.strip() if text is None else text
        facts = self._current(cell).facts
        if text and key not in facts:
            facts[key] = Cell(text, parse_amount(text) if amount else None, cell.at)

    def _add_goal(self, text: str, cell: GridCell) -> None:
        item = self._current(cell)
        if text and (not item.goal or text not in item.goal.split("\n")):
            item.goal = f"{item.goal}\n{text}" if item.goal else text

    # -- rows ------------------------------------------------------------------------------------
    def feed(self, row: list[GridCell]) -> None:
        texts = [c.text.strip() for c in row]
        norms = [_norm(t) for t in texts]
        filled = [i for i, t in enumerate(texts) if t]
        if not filled:
            return
        if {"三级指标", "单位编码", "一级指标"} & set(norms) or (
            self.header and all(norms[i] in _SUBHEADER_WORDS for i in filled)
        ):
            self.header.append(texts)
            self.mode = ""
            return
        if self.header:
            if layout := _layout(self.header):
                self.layout, self.shift = layout, 0
                self.paths = self.paths or layout.paths
            self.header = []
        first = norms[filled[0]]
        if first.startswith(_TOTALS) and first.endswith(_TOTALS):
            if self.self_eval and self.item:
                numbers = [i for i in filled if parse_amount(texts[i]) is not None]
                for key, i in zip(("分值", "得分"), numbers, strict=False):
                    self._fact(f"{first}/{key}", row[i])
            return
        if self._block_row(row, texts, norms, filled) or self._labelled(row, texts, norms, filled):
            return
        if self.layout is None:
            return
        start, repeated = 0, False
        if self.layout.has_head:
            head = self._head(row, texts)
            if head is None:
                return
            start, repeated = head
        self._indicator(row, texts, start, repeated)

    def _block_row(self, row: list[GridCell], texts: list[str], norms: list[str], filled: list[int]) -> bool:
        """Rows of the multi-row blocks: 预算情况, 年度主要任务, 年度总体目标, fund tables."""
        first = norms[filled[0]]
        if first.startswith("预算情况"):
            self.mode, self.block = "budget", [texts]
            return True
        if self.mode == "budget":
            if not any(parse_amount(texts[i]) is not None for i in filled):
                self.block.append(texts)
                return True
            paths = header_to_paths(self.block, max(len(texts), *(len(r) for r in self.block)))
            for i in filled:
                self._fact(paths[i].split("/")[-1], row[i])
            self.mode = ""
            return True
        if self.mode == "tasks" and filled[0] > 0 and len(filled) >= 2:
            self._fact(f"年度主要任务/{texts[filled[0]]}", row[filled[1]])
            return True
        if self.mode == "goals":
            self.mode = ""
            cols = sorted(self.goal_cols)
            for n, col in enumerate(cols):
                end = cols[n + 1] if n + 1 < len(cols) else len(texts)
                at = next((i for i in range(col, min(end, len(texts))) if texts[i]), None)
                if at is not None and self.goal_cols[col] == "预期目标":
                    self._add_goal(texts[at], row[at])
                elif at is not None:
                    self._fact(self.goal_cols[col], row[at], amount=False)
            return True
        funds = {i: _fund_word(norms[i]) for i in filled}
        if sum(word in _FUND_WORDS for word in funds.values()) >= 2:
            self.mode = "funds"
            self.funds = {i: word for i, word in funds.items() if word in _FUND_WORDS}
            labels = [self.funds[c] for c in sorted(self.funds)]
            if labels == list(_FUND_COLUMNS[: len(labels)]):  # the print lost its last columns
                for n, label in enumerate(_FUND_COLUMNS[len(labels) :], start=max(self.funds) + 1):
                    self.funds[n] = label
            return True
        if self.mode == "funds":
            return self._fund_row(row, texts, norms, filled)
        self.mode = ""
        return False

    def _fund_row(self, row: list[GridCell], texts: list[str], norms: list[str], filled: list[int]) -> bool:
        for i in filled:
            if m := _INLINE.match(texts[i]):
                self._fact(_norm(m.group(1)), row[i], m.group(2).strip())
        values = [i for i in filled if parse_amount(texts[i]) is not None or texts[i].endswith("%")]
        texts_of = [i for i in filled if i not in values and not is_blank(texts[i])]  # a dash is no label
        labels = [i for i in texts_of if not _INLINE.match(texts[i])]
        if not values or not labels or labels[0] > values[0]:
            return bool(values) or any(_INLINE.match(texts[i]) for i in filled)
        label = re.sub(r"^其中[:：]", "", norms[max(i for i in labels if i < values[0])])
        rate = next((c for c, name in self.funds.items() if name.startswith("执行率")), None)
        percent = next((i for i in values if texts[i].endswith("%")), None)
        shift = rate - percent if rate is not None and percent is not None else 0
        for i in values:
            if column := self.funds.get(i + shift):
                self._fact(column if label.endswith("总额") else f"{label}/{column}", row[i])
        return True

    def _labelled(self, row: list[GridCell], texts: list[str], norms: list[str], filled: list[int]) -> bool:
        """Key/value rows: names, goals, facts. True when the row was one."""
        heads = [norms[filled[0]], "".join(norms[i] for i in filled[:2])]
        first = heads[0]
        if first == "年度总体目标":
            self.mode = "goals"
            self.goal_cols = {i: norms[i] for i in filled[1:]}
            return True
        if first == "年度主要任务":
            self.mode = "tasks"
            return True
        for n in (1, 0):
            if len(filled) <= n + 1:
                continue
            rest = "".join(texts[i] for i in filled[n + 1 :])
            if heads[n].endswith(_NAME_LABELS) or (heads[n].endswith("名称") and len(heads[n]) <= 14):
                self._open(rest, row[filled[n + 1]])
                return True
            if _GOAL_N.fullmatch(heads[n]):
                self._add_goal(rest, row[filled[n + 1]])
                return True
        if first in _GOAL_LABELS and len(filled) > 1:
            self._add_goal(texts[filled[1]], row[filled[1]])
            return True
        labels = _FACT_LABELS | {"资金量"}
        if first not in labels and (self.layout is not None or not (labels & set(norms))):
            return False
        for n, i in enumerate(filled):
            if norms[i] in labels:
                nxt = filled[n + 1] if n + 1 < len(filled) else None
                if nxt is None or norms[nxt] in labels:
                    continue
                key = norms[i]
                if key == "资金量" and n > 0:
                    key = f"{_ORDER.sub('', norms[filled[n - 1]])}/资金量"
                self._fact(key, row[nxt])
        return True

    def _head(self, row: list[GridCell], texts: list[str]) -> tuple[int, bool] | None:
        """A project row of a head-style table: its facts; where its indicator cells start."""
        anchor = next((i for i, t in enumerate(texts) if _vocab(t)), len(texts))
        a = next(
            (
                i
                for i in range(1, min(anchor, self.layout.name_col if self.layout else 0))
                if _is_money(texts[i]) and texts[i - 1] and parse_amount(texts[i - 1]) is None
            ),
            None,
        )
        if a is None:
            return (0, False) if self.item else None
        goal = max(
            (i for i in range(a + 1, anchor) if texts[i] and parse_amount(texts[i]) is None), default=None
        )
        if goal is None and anchor == len(texts):
            return None  # a unit's subtotal row: no goal, no indicators
        repeated = self._open(texts[a - 1], row[a - 1])[1]
        if a >= 2 and texts[a - 2].isdigit():
            self._fact("单位编码", row[a - 2], amount=False)
        end = goal if goal is not None else anchor
        money = self.layout.money if self.layout else []
        for label, i in zip(money, _squeeze_index(texts, a, end, len(money)), strict=False):
            if i is not None:
                self._fact(label, row[i])
        if goal is not None:
            self._add_goal(texts[goal], row[goal])
        return (end + 1 if goal is not None else end), repeated

    def _indicator(self, row: list[GridCell], texts: list[str], start: int, repeated: bool) -> None:
        assert self.layout is not None
        layout = self.layout
        filled = [i for i in range(start, len(texts)) if texts[i]][:2]
        found = next(((i, v) for i in filled if (v := _vocab(texts[i]))), None)
        l1 = l2 = ""
        if found:
            i, (level, key) = found
            nxt = _vocab(texts[i + 1]) if i + 1 < len(texts) else None
            if level == 1 and nxt and nxt[0] == 2:
                l1, l2, last = texts[i], texts[i + 1], i + 1
            elif level == 2 or (key == "成本" and i == layout.name_col - 1 + self.shift):
                l2, last = texts[i], i  # 成本指标 in the 二级 column: the pre-2021 framework
            else:
                l1, last = texts[i], i
            name_at = last + 1
            self.shift = name_at - layout.name_col
        else:
            name_at = layout.name_col + self.shift
            compare = next((o for o, k in layout.kinds.items() if k == "comparison"), None)
            token = next((i for i in range(start, len(texts)) if texts[i] in COMPARISONS), None)
            if compare is not None and token is not None and token - compare >= start:
                name_at = token - compare  # the 指标值类型 cell anchors a row that lost its 二级
                self.shift = name_at - layout.name_col
            if start <= name_at - 2 < len(texts) and texts[name_at - 2]:
                self.level1 = _squash(texts[name_at - 2])  # as printed, even when unreadable
            if start <= name_at - 1 < len(texts):
                l2 = texts[name_at - 1]
        if l1:
            self.level1 = _squash(l1)
            self.level2 = "" if not l2 else self.level2
        if l2:
            self.level2 = _squash(l2)
        self._resolve_level1(l1)
        name = _squash(texts[name_at]) if 0 <= name_at < len(texts) else ""
        indicator = self._fields(row, texts[name_at + 1 :] if name_at >= 0 else [], name)
        if indicator is None:
            return
        item = self._current(row[0])
        same = [replace(x, at=indicator.at) for x in item.indicators]
        if not (repeated and indicator in same):
            item.indicators.append(indicator)

    def _resolve_level1(self, printed: str) -> None:
        """A framework 二级 names its 一级; merged 一级 cells printed elsewhere do not override it."""
        key = _vocab(self.level2)
        if key is None or key[0] == 1:
            return  # a lost or unknown 二级, or 成本指标 under 产出指标
        parent = _PARENT[key[1]]
        for candidate in (_squash(printed), self.level1):
            if (v := _vocab(candidate)) and v[1] == parent:
                self.level1 = candidate
                return
        self.level1 = _LEVEL1[parent]

    def _fields(self, row: list[GridCell], after: list[str], name: str) -> Indicator | None:
        assert self.layout is not None
        kinds = self.layout.kinds
        while after and not after[-1]:
            after.pop()
        size = max(kinds, default=0)
        if self.self_eval and kinds and 1 not in kinds and after and after[0]:
            after = ["", *after]  # a continuation page's grid lacks the blank column after 三级指标
        if not self.self_eval:
            after = [after[i] if i is not None else "" for i in _squeeze_index(after, 0, len(after), size)]
            scoring = next((o for o, k in kinds.items() if k == "scoring"), None)
            found = next((j for j, t in enumerate(after) if _SCORING.search(t)), None)
            if scoring is not None and found is not None and found + 1 < scoring:
                after[found:found] = [""] * (scoring - found - 1)  # a cell before 评分标准 was lost
        values: dict[str, str] = {}
        tail = min((o for o, k in kinds.items() if k in ("weight", "score", "note")), default=size + 1)
        for offset, kind in sorted(kinds.items()):
            if offset - 1 < len(after) and after[offset - 1] and (offset < tail or not self.self_eval):
                values.setdefault(kind, after[offset - 1])
        if self.self_eval:
            rest = [t for t in after[tail - 1 :] if t]
            numbers = [t for t in rest if parse_amount(t) is not None]
            values.update(zip(("weight", "score"), numbers, strict=False))
            if notes := [t for t in rest if parse_amount(t) is None]:
                values["note"] = " ".join(notes)
        if not name:
            last = self.item.indicators[-1] if self.item and self.item.indicators else None
            if last is not None and set(values) == {"note"} and last.note is None:
                last.note = values["note"]  # the 偏差 text wrapped onto a row of its own
            if last is None or not ({"target", "actual"} & set(values)):
                return None
            name = last.name  # a 三级 cell merged over several rows prints on the first only
        if name == "无":
            return None
        target = values.get("target")
        comparison = values.get("comparison")
        if comparison not in COMPARISONS:
            comparison = None
            prefix = re.match(r"^\$?\s*(\\[gl]eq?|[=≥≤><])", target or "")
            if prefix:
                comparison = _LATEX.get(prefix.group(1), prefix.group(1))
        return Indicator(
            level1=self.level1,
            level2=self.level2,
            name=name,
            at=row[0].at,
            comparison=comparison,
            target=target,
            unit=values.get("unit"),
            content=values.get("content"),
            scoring=values.get("scoring"),
            weight=parse_amount(values.get("weight", "")),
            actual=values.get("actual"),
            score=parse_amount(values.get("score", "")),
            note=values.get("note"),
        )


def _squeeze_index(texts: list[str], begin: int, end: int, size: int) -> list[int | None]:
    """Indexes of the cells in ``begin:end`` after dropping the blanks a conversion inserted
    (leftmost first) until ``size`` remain; None for a blank that stays."""
    cells = list(range(begin, end))
    while len(cells) > size and any(not texts[i] for i in cells):
        cells.remove(next(i for i in cells if not texts[i]))
    return [i if texts[i] else None for i in cells]


def grid_to_performance(rows: list[list[GridCell]], type_id: str) -> tuple[list[str], list[PerformanceItem]]:
    """Return (column header paths, items) of one performance table."""
    parser = _Parser(type_id)
    for row in rows:
        if row:
            parser.feed(row)
    return parser.paths, parser.items
