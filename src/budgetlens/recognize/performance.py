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
* in self-evaluation tables the numbers after 实际完成值 are 分值 then 得分, wherever they landed;
* fund blocks become facts keyed by column, a source's row prefixed (``财政拨款/全年预算数``), a task
  block's row by its 任务名称 (``学前教育/全年预算数``); a target table's label/amount rows (资金总额,
  其中：财政拨款, 其他资金) become ``资金总额``, ``财政拨款`` and ``其他资金``.

The vocabulary and the header layout live in `performance_words`.

Names (一级/二级/三级) lose the spaces that line wrapping put between Chinese characters and the
group score suffix (``产出指标（40分）``); every other text is kept as printed. A lost cell stays None.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from budgetlens.amounts import is_blank, parse_amount
from budgetlens.ingest.raw import GridCell
from budgetlens.model import Cell, Indicator, PerformanceItem
from budgetlens.recognize.header import header_to_paths
from budgetlens.recognize.performance_words import (
    COMPARISONS,
    FACT_LABELS,
    FULL_WIDTH_SIGNS,
    FUND_COLUMNS,
    FUND_WORDS,
    GOAL_LABELS,
    LATEX_SIGNS,
    LEVEL1,
    NAME_LABELS,
    PARENT,
    SOURCES,
    SUBHEADER_WORDS,
    TOTALS,
    Layout,
    fund_word,
    header_layout,
    is_money,
    label_text,
    money_key,
    squash,
    squeeze_index,
    vocab,
    whole_amount,
)

_GOAL_N = re.compile(r"年度(?:日|目标|日目标)\d*[:：]?|目标\d+[:：]?")
_INLINE = re.compile(r"^(?:其中[:：])?\s*(\S+?)\s*[:：]\s*([\d.,\s]+)$")
_ORDER = re.compile(r"^\d+、")
_SCORING = re.compile(r"得.{0,3}分|扣.{0,3}分")
_ASIDE = re.compile(r"[（(][^（）()]*[)）]$")  # 预期目标（年初设定）
_SUB_FUNDS = frozenset({"总额", *SOURCES})


class _Parser:
    def __init__(self, type_id: str) -> None:
        self.overall = type_id.startswith("performance.overall")
        self.self_eval = type_id.endswith("self_eval")
        self.items: list[PerformanceItem] = []
        self.item: PerformanceItem | None = None
        self.paths: list[str] = []
        self.layout: Layout | None = None
        self.header: list[list[str]] = []
        self.shift = 0
        self.level1 = self.level2 = ""
        self.mode = ""  # budget | tasks | goals | funds
        self.block: list[list[str]] = []
        self.funds: dict[int, str] = {}  # column → fact key (全年预算数, 财政拨款/全年预算数 …)
        self.fund_texts: dict[int, str] = {}  # text columns of a task block (任务名称, 主要内容, 完成情况)
        self.goal_cols: dict[int, str] = {}
        self.prev: list[GridCell] = []  # the row before, for the merged spans of a head-style table
        self.last: list[GridCell] = []
        self.unnamed = False  # the open item is a span whose name prints on the next page

    # -- items and facts -------------------------------------------------------------------------
    def _open(self, name: str, cell: GridCell, repeats: bool = True) -> tuple[PerformanceItem, bool]:
        """The item called ``name``; True when it already existed (a continuation page).

        A 项目名称 row (``repeats`` False) always opens an item: another project may have the same
        name (another 实施单位); `_merge_repeats` joins it back when it was the page's repeated header.
        """
        if self.overall and self.items:
            item = self.items[0]
            item.name = item.name or name
            return item, True
        if repeats and self.item is not None and self.item.name == name:
            return self.item, True  # the name repeated on a continuation page
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
        self.prev, self.last = self.last, row
        texts = [c.text.strip() for c in row]
        norms = [label_text(t) for t in texts]
        filled = [i for i, t in enumerate(texts) if t]
        if not filled:
            return
        if (
            {"三级指标", "单位编码", "一级指标"} & set(norms)
            or {"指标名称", "指标值"} <= set(norms)  # a flat list of indicators (重庆)
            or (self.header and all(norms[i] in SUBHEADER_WORDS for i in filled))
        ):
            self.header.append(texts)
            self.mode = ""
            return
        if self.header:
            if layout := header_layout(self.header):
                self.layout, self.shift = layout, 0
                self.paths = self.paths or layout.paths
            self.header = []
        first = norms[filled[0]]
        if first.startswith(TOTALS) and first.endswith(TOTALS):
            if self.self_eval and self.item:
                numbers = [i for i in filled if parse_amount(texts[i]) is not None]
                for key, i in zip(("分值", "得分"), numbers, strict=False):
                    self._fact(f"{first}/{key}", row[i])
            return
        if self._block_row(row, texts, norms, filled) or self._target_funds(row, texts, norms, filled):
            return
        if self._labelled(row, texts, norms, filled):
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
        if self.mode == "goal":  # the goal under its label row (重庆 当年整体绩效目标)
            self.mode = ""
            if len(filled) == 1 and first not in FACT_LABELS | GOAL_LABELS:
                self._add_goal(texts[filled[0]], row[filled[0]])
                return True
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
        funds = {i: fund_word(norms[i]) for i in filled}
        if sum(word in FUND_WORDS for word in funds.values()) >= 2:
            self.mode = "funds"
            self.funds = {i: word for i, word in funds.items() if word in FUND_WORDS}
            texts_of = {i: norms[i] for i in filled[1:] if i not in self.funds}
            named = any(t.endswith("名称") for t in texts_of.values())
            self.fund_texts = texts_of if named else {}  # 任务名称 | 主要内容 | 完成情况 before the funds
            labels = [self.funds[c] for c in sorted(self.funds)]
            if labels == list(FUND_COLUMNS[: len(labels)]):  # the print lost its last columns
                for n, label in enumerate(FUND_COLUMNS[len(labels) :], start=max(self.funds) + 1):
                    self.funds[n] = label
            return True
        if self.mode == "funds":
            return self._fund_row(row, texts, norms, filled)
        self.mode = ""
        return False

    def _fund_row(self, row: list[GridCell], texts: list[str], norms: list[str], filled: list[int]) -> bool:
        if all(norms[i] in _SUB_FUNDS for i in filled):
            self._fund_sources(norms, filled)
            return True
        for i in filled:
            if m := _INLINE.match(texts[i]):
                self._fact(label_text(m.group(1)), row[i], m.group(2).strip())
        values = [i for i in filled if parse_amount(texts[i]) is not None or texts[i].endswith("%")]
        texts_of = [i for i in filled if i not in values and not is_blank(texts[i])]  # a dash is no label
        labels = [i for i in texts_of if not _INLINE.match(texts[i])]
        if not values or not labels or labels[0] > values[0]:
            return bool(values) or any(_INLINE.match(texts[i]) for i in filled)
        label = re.sub(r"^其中[:：]", "", norms[max(i for i in labels if i < values[0])])
        named = next((c for c, t in sorted(self.fund_texts.items()) if t.endswith("名称")), None)
        if named is not None and named < values[0] and texts[named]:
            label = norms[named]  # a task block: the 任务名称 column names the row
            for c, name in self.fund_texts.items():
                if c != named and c < values[0]:
                    self._fact(f"{label}/{name}", row[c], amount=False)
        rate = next((c for c, name in self.funds.items() if name.startswith("执行率")), None)
        percent = next((i for i in values if texts[i].endswith("%")), None)
        shift = rate - percent if rate is not None and percent is not None else 0
        for i in values:
            if column := self.funds.get(i + shift):
                self._fact(column if label.endswith(("总额", "合计")) else f"{label}/{column}", row[i])
        return True

    def _fund_sources(self, norms: list[str], filled: list[int]) -> None:
        """The sub-header under spanning fund columns (全年预算数 → 总额 | 财政拨款 | 其他资金)."""
        tops = dict(self.funds)
        for i in filled:
            parent = tops.get(max((c for c in tops if c <= i), default=-1))
            if parent is not None and norms[i] != "总额":
                self.funds[i] = f"{norms[i]}/{parent}"

    def _target_funds(
        self, row: list[GridCell], texts: list[str], norms: list[str], filled: list[int]
    ) -> bool:
        """A target table's fund row: a label (资金总额, 其中：财政拨款, 其他资金) and its amount after it."""
        if self.self_eval or self.mode or any(vocab(texts[i]) for i in filled):
            return False
        pairs = [
            (key, nxt)
            for i, nxt in pairwise(filled)
            if (key := money_key(norms[i])) and parse_amount(texts[nxt]) is not None
        ]
        for key, i in pairs:
            self._fact(key, row[i])
        return bool(pairs)

    def _labelled(self, row: list[GridCell], texts: list[str], norms: list[str], filled: list[int]) -> bool:
        """Key/value rows: names, goals, facts. True when the row was one."""
        heads = [norms[filled[0]], "".join(norms[i] for i in filled[:2])]
        first = heads[0]
        if first in ("年度总体目标", "年度总体目标完成情况"):
            self.mode = "goals"
            self.goal_cols = {i: _ASIDE.sub("", norms[i]) for i in filled[1:]}
            return True
        if first == "年度主要任务":
            self.mode = "tasks"
            return True
        for n in (1, 0):
            if len(filled) <= n + 1:
                continue
            cells = filled[n + 1 :]
            stop = next((k for k, i in enumerate(cells) if norms[i] in FACT_LABELS), len(cells))
            rest = "".join(texts[i] for i in cells[:stop])  # 项目名称 | … | 主管部门 | …: up to the label
            if heads[n].endswith(NAME_LABELS) or (heads[n].endswith("名称") and len(heads[n]) <= 14):
                if rest:  # an empty form (重庆 表十一 无数据) names no project
                    self._open(rest, row[cells[0]], repeats=False)
                if rest and stop + 1 < len(cells):
                    self._fact(norms[cells[stop]], row[cells[stop + 1]], amount=False)
                return True
            if _GOAL_N.fullmatch(heads[n]):
                self._add_goal(rest, row[filled[n + 1]])
                return True
        if first in GOAL_LABELS and len(filled) > 1:
            self._add_goal(texts[filled[1]], row[filled[1]])
            return True
        if first in GOAL_LABELS and first.startswith("当年"):
            self.mode = "goal"  # 重庆 prints the goal on the row below its label
            return True
        labels = FACT_LABELS | {"资金量"}
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
        anchor = next((i for i, t in enumerate(texts) if vocab(t)), len(texts))
        if self.layout and self.layout.flat:
            anchor = min(anchor, self.layout.name_col)  # no 一级 cell: the indicators start at 指标名称
        paths = self.layout.paths if self.layout else []
        a = next(
            (
                i
                for i in range(1, min(anchor, self.layout.name_col if self.layout else 0))
                if texts[i - 1]
                and parse_amount(texts[i - 1]) is None
                and (is_money(texts[i]) or whole_amount(texts[i], paths[i - 1 : i]))
            ),
            None,
        )
        if a is None:
            if self.item and self._new_span(row, texts):
                self._open_span(row, texts)
            return (0, False) if self.item else None
        goal = max(
            (i for i in range(a + 1, anchor) if texts[i] and parse_amount(texts[i]) is None), default=None
        )
        if goal is None and anchor == len(texts):
            return None  # a unit's subtotal row: no goal, no indicators
        if self.unnamed and self.item and self.prev and self.prev[0].at.page != row[0].at.page:
            self.item.name, repeated = self.item.name + texts[a - 1], False  # the rest of the name
        else:
            repeated = self._open(texts[a - 1], row[a - 1])[1]
        self.unnamed = False
        if a >= 2 and texts[a - 2].isdigit() and paths[a - 2 : a - 1] != ["序号"]:
            self._fact("单位编码", row[a - 2], amount=False)
        end = goal if goal is not None else anchor
        money = self.layout.money if self.layout else []
        for label, i in zip(money, squeeze_index(texts, a, end, len(money)), strict=False):
            if i is not None:
                self._fact(label, row[i])
        if goal is not None:
            self._add_goal(texts[goal], row[goal])
        return (end + 1 if goal is not None else end), repeated

    def _new_span(self, row: list[GridCell], texts: list[str]) -> bool:
        """A merged head cell (taller than the row) unlike the row above's, without amounts: a project
        starting mid-page whose name and amounts a page break printed on the next page (北京)."""
        head = self.layout.name_col - 2 if self.layout else 0
        prev, box = self.prev, row[0].box
        rest = [c.box[3] for c in row[head:] if c.box is not None]
        if head < 1 or not prev or prev[0].at.page != row[0].at.page or box is None or not rest:
            return False
        return (
            box != prev[0].box
            and box[3] > max(rest) + 1
            and all(parse_amount(t) is None for t in texts[:head])
        )

    def _open_span(self, row: list[GridCell], texts: list[str]) -> None:
        """The project of a new span: the part of its name and goal this page shows, if any."""
        assert self.layout is not None
        head = self.layout.name_col - 2
        at = next((i for i, p in enumerate(self.layout.paths[:head]) if p.endswith("名称")), 0)
        self._open(texts[at], row[at], repeats=False)
        self.unnamed = True
        if goal := next((t for t in reversed(texts[at + 1 : head]) if t), None):
            self._add_goal(goal, row[texts.index(goal)])

    def _indicator(self, row: list[GridCell], texts: list[str], start: int, repeated: bool) -> None:
        assert self.layout is not None
        layout = self.layout
        filled = [i for i in range(start, len(texts)) if texts[i]][:2]
        found = next(((i, v) for i in filled if (v := vocab(texts[i]))), None)
        l1 = l2 = ""
        if found:
            i, (level, key) = found
            nxt = vocab(texts[i + 1]) if i + 1 < len(texts) else None
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
            low = len(texts) if layout.flat else start  # flat: no 一级/二级 cells left of 指标名称
            if low <= name_at - 2 < len(texts) and texts[name_at - 2]:
                self.level1 = squash(texts[name_at - 2])  # as printed, even when unreadable
            if low <= name_at - 1 < len(texts):
                l2 = texts[name_at - 1]
        if l1:
            self.level1 = squash(l1)
            self.level2 = "" if not l2 else self.level2
        if l2:
            self.level2 = squash(l2)
        self._resolve_level1(l1)
        name = squash(texts[name_at]) if 0 <= name_at < len(texts) else ""
        indicator = self._fields(row, texts[name_at + 1 :] if name_at >= 0 else [], name)
        if indicator is None:
            return
        item = self._current(row[0])
        same = [replace(x, at=indicator.at) for x in item.indicators]
        if not (repeated and indicator in same):
            item.indicators.append(indicator)

    def _resolve_level1(self, printed: str) -> None:
        """A framework 二级 names its 一级; merged 一级 cells printed elsewhere do not override it."""
        key = vocab(self.level2)
        if key is None or key[0] == 1:
            return  # a lost or unknown 二级, or 成本指标 under 产出指标
        parent = PARENT[key[1]]
        for candidate in (squash(printed), self.level1):
            if (v := vocab(candidate)) and v[1] == parent:
                self.level1 = candidate
                return
        self.level1 = LEVEL1[parent]

    def _fields(self, row: list[GridCell], after: list[str], name: str) -> Indicator | None:
        assert self.layout is not None
        kinds = self.layout.kinds
        while after and not after[-1]:
            after.pop()
        size = max(kinds, default=0)
        if self.self_eval and kinds and 1 not in kinds and after and after[0]:
            after = ["", *after]  # a continuation page's grid lacks the blank column after 三级指标
        if not self.self_eval:
            after = [after[i] if i is not None else "" for i in squeeze_index(after, 0, len(after), size)]
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
        comparison = comparison.translate(FULL_WIDTH_SIGNS) if comparison else comparison
        if comparison not in COMPARISONS:
            comparison = None
            prefix = re.match(r"^\$?\s*(\\[gl]eq?|[=≥≤><])", target or "")
            if prefix:
                comparison = LATEX_SIGNS.get(prefix.group(1), prefix.group(1))
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


def grid_to_performance(rows: list[list[GridCell]], type_id: str) -> tuple[list[str], list[PerformanceItem]]:
    """Return (column header paths, items) of one performance table."""
    parser = _Parser(type_id)
    for row in rows:
        if row:
            parser.feed(row)
    return parser.paths, _merge_repeats(parser.items)


def _merge_repeats(items: list[PerformanceItem]) -> list[PerformanceItem]:
    """Items opened by a name repeated at the top of a continuation page, joined to the one before.

    Two neighbours of one name stay apart when a fact or the goal differs: two projects.
    """
    merged: list[PerformanceItem] = []
    for item in items:
        last = merged[-1] if merged else None
        if last is None or last.name != item.name or not _agree(last, item):
            merged.append(item)
            continue
        for key, cell in item.facts.items():
            last.facts.setdefault(key, cell)
        last.goal = last.goal or item.goal
        known = [replace(x, at=item.at) for x in last.indicators]
        last.indicators += [x for x in item.indicators if replace(x, at=item.at) not in known]
    return merged


def _agree(first: PerformanceItem, second: PerformanceItem) -> bool:
    facts = all(first.facts[k].text == c.text for k, c in second.facts.items() if k in first.facts)
    return facts and (not first.goal or not second.goal or first.goal == second.goal)
