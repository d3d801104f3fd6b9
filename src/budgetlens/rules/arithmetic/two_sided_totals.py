"""two-sided-totals: the totals of 收支总表-style tables (收入 | 支出) add up and balance."""

from __future__ import annotations

import re
from collections.abc import Iterator

from budgetlens.model import Document, Row, Table
from budgetlens.rules.figures import Figure, bare_label, compare
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register

TABLES = ("final.summary", "final.fiscal_summary", "budget.summary", "budget.fiscal_summary")
_MARKERS = (
    re.compile(r"^\s*[一二三四五六七八九十]+、"),
    re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^\s*\d+\s*[、.．]"),
)
# Rows that break a carry-over line down by fund (J04 年初财政拨款结转和结余 → 一般公共预算财政拨款 …).
_FUND_ROWS = frozenset(
    {
        "一般公共预算财政拨款",
        "政府性基金预算财政拨款",
        "国有资本经营预算财政拨款",
        "一般公共预算",
        "政府性基金预算",
        "国有资本经营预算",
        "一般公共预算拨款",
        "政府性基金预算拨款",
        "国有资本经营预算拨款",
    }
)
# A numbered year total (杭州 一、本年支出合计, 长春 一、本年支出) heads its own breakdown, which may reuse
# its numbering (长春 一、一般公共服务支出); what follows it in the 总计 is only the carry-over lines.
_CARRY_OVER = ("结转", "结余", "弥补")
_YEAR_HEADINGS = frozenset({"本年收入", "本年支出"})


def marker_level(label: str) -> int | None:
    """1 for 一、, 2 for （一）, 3 for 1、; None for an unnumbered label."""
    return next((level for level, pattern in enumerate(_MARKERS, 1) if pattern.match(label)), None)


def is_year_total(row: Row) -> bool:
    if bare_label(row.label) in _YEAR_HEADINGS:
        return True
    return row.kind == "total" and "本年" in row.label and "合计" in row.label


def is_grand_total(row: Row) -> bool:
    return row.kind == "total" and row.label.replace(" ", "").endswith("总计")


def shallowest(rows: list[Row]) -> list[Row]:
    levels = [lv for r in rows if r.kind == "item" and (lv := marker_level(r.label)) is not None]
    return [r for r in rows if r.kind == "item" and levels and marker_level(r.label) == min(levels)]


def sequences(table: Table) -> dict[tuple[str | None, str | None], list[Row]]:
    grouped: dict[tuple[str | None, str | None], list[Row]] = {}
    for row in table.rows:
        grouped.setdefault((row.side, row.group), []).append(row)
    return grouped


def side_column(table: Table, side: str | None) -> str | None:
    return next((c for c in table.columns if side and c.startswith(side + "/")), None)


@register
class TwoSidedTotals(Rule):
    """例：收入支出决算总表 支出「本年支出合计」印为 497.8，各支出功能分类之和为 497.69
    （380.89 + 34.3（原文“34. 3”）+ 29.6 + 52.9），相差 0.11（J01-b）。
    """

    id = "two-sided-totals"
    title = "收支总表合计与总计"
    description = (
        "收入支出（决算）总表、财政拨款收支总表等两栏表：带序号的项目等于其下一级序号项目之和；"
        "本年收入（支出）合计 = 各一级项目之和（J01-a、J01-b、J04-a）；总计 = 本年合计 + 其后的结转结余等项目"
        "（J01-c、J01-d、J04-c、Y1-a）；收入总计 = 支出总"
        "计（J01-e、Y4-a）。按分栏（按功能分类、按经济分类）分别比较。"
    )
    severity = "error"
    tags = ("arithmetic", "two-sided", "balance")
    template = "{where} 为 {actual}，{basis} {expected}{parts}，相差 {difference}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table in document.tables:
            if table.type not in TABLES:
                continue
            grand: dict[str | None, list[Figure]] = {}
            for (side, _group), rows in sequences(table).items():
                column = side_column(table, side)
                if column is None:
                    continue
                for total, parts, basis in _identities(rows):
                    finding = compare(
                        type(self),
                        context,
                        Figure(table, total, column),
                        [Figure(table, r, column) for r in parts],
                        basis,
                    )
                    if finding is not None:
                        yield finding
                grand.setdefault(side, []).extend(Figure(table, r, column) for r in rows if is_grand_total(r))
            for income in grand.get("收入", []):
                for expense in grand.get("支出", []):
                    finding = compare(type(self), context, expense, [income], "收入总计为")
                    if finding is not None:
                        yield finding


def _identities(rows: list[Row]) -> Iterator[tuple[Row, list[Row], str]]:
    """(total row, part rows, what the parts are) for one side (and group) of a two-sided table."""
    for index, row in enumerate(rows):
        level = marker_level(row.label)
        if row.kind == "item" and level is not None:
            following: list[Row] = []
            for after in rows[index + 1 :]:
                after_level = marker_level(after.label)
                if after.kind == "total" or (after_level is not None and after_level <= level):
                    break
                following.append(after)
            children = shallowest(following)
            if children:
                yield row, children, "其下各分项之和为"
    start = 0
    year_total: Row | None = None
    for index, row in enumerate(rows):
        if is_year_total(row):
            parts = shallowest(rows[start:index])
            if parts:
                yield row, parts, "各一级项目之和为"
            year_total, start = row, index + 1
        elif is_grand_total(row):
            between = rows[start:index]
            if year_total is not None:
                extra = _after_year_total(year_total, between)
                yield row, [year_total, *extra], f"{year_total.label}与其后结转结余等项目之和为"
            elif parts := shallowest(between):
                yield row, parts, "各一级项目之和为"
            year_total, start = None, index + 1


def _after_year_total(year_total: Row, rows: list[Row]) -> list[Row]:
    """The lines a 总计 adds to the year total: carry-over lines, not the year total's own breakdown."""
    level = marker_level(year_total.label)
    if level is not None:
        return [
            r
            for r in rows
            if r.kind == "item" and marker_level(r.label) == level and any(k in r.label for k in _CARRY_OVER)
        ]
    return [
        r
        for r in rows
        if r.kind == "item" and marker_level(r.label) in (None, 1) and bare_label(r.label) not in _FUND_ROWS
    ]
