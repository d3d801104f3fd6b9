"""Row identities read from the header tree of a table, for tables whose columns vary by region.

The 收入总表 (budget.income) is printed in many layouts: flat (合计 = 一般公共预算拨款收入 + …),
grouped under a subtotal (合计 = 本年收入/小计 + 上年结转结余/小计, 本年收入/小计 = Σ 本年收入/…),
grouped without one (深圳 本年收入/财政拨款/…, 本年收入/单位资金/…) or with the total inside the group
(上海 收入预算/合计 = 收入预算/…). Listing each layout by name misses the next one; the printed header
paths already say which column adds up which, so each group with a total column (合计、小计、总计、金额)
is the sum of its other children, a child group counting by its own total when it prints one. Columns
named ``其中…`` are breakdowns of a sibling and never counted.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from budgetlens.model import Table

_TOTAL_NAMES = ("合计", "总计", "收入总计", "“三公”经费合计", "小计", "金额")


def tree_identities(table: Table) -> Iterator[tuple[str, list[str]]]:
    """Every (total column, part columns) pair the header tree of ``table`` implies."""
    amounts = [c for c in table.columns if any(c in row.values for row in table.rows)]
    paths = [tuple(c.split("/")) for c in amounts]
    yield from _identities(paths, ())


def _identities(paths: Sequence[tuple[str, ...]], prefix: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    depth = len(prefix)
    groups: dict[str, list[tuple[str, ...]]] = {}
    for path in paths:
        groups.setdefault(path[depth], []).append(path)
    for name, members in groups.items():
        if any(len(p) > depth + 1 for p in members):
            yield from _identities([p for p in members if len(p) > depth + 1], (*prefix, name))
    total = _total_of(groups, depth)
    if total is None:
        return
    parts = [
        column
        for name, members in groups.items()
        if "/".join((*prefix, name)) != total and not name.startswith("其中")
        for column in _counted(members, depth + 1)
    ]
    if parts:
        yield total, parts


def _total_of(groups: dict[str, list[tuple[str, ...]]], depth: int) -> str | None:
    """The group's own total column: a leaf child named 合计, 小计 … (in that order of preference)."""
    for name in _TOTAL_NAMES:
        leaves = [p for p in groups.get(name, []) if len(p) == depth + 1]
        if leaves:
            return "/".join(leaves[0])
    return None


def _counted(members: Sequence[tuple[str, ...]], depth: int) -> list[str]:
    """The columns standing for one child: itself if a leaf, else its total, else its counted children."""
    leaves = [p for p in members if len(p) == depth]
    if leaves:
        return ["/".join(leaves[0])]
    groups: dict[str, list[tuple[str, ...]]] = {}
    for path in members:
        groups.setdefault(path[depth], []).append(path)
    total = _total_of(groups, depth)
    if total is not None:
        return [total]
    return [
        column
        for name, sub in groups.items()
        if not name.startswith("其中")
        for column in _counted(sub, depth + 1)
    ]
