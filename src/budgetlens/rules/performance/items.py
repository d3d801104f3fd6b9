"""What the performance rules read from a performance item: its fund block, printed totals, values.

The recognizer keeps a self-evaluation's fund block as facts keyed by column (全年预算数, 执行率,
得分 …), the rows of its sources prefixed (``财政拨款/全年预算数``), and the 总分 line as
``总分/分值`` and ``总分/得分``. Prints differ in the words (``预算数(A)``, ``执行率(B/A)``), so the
rules read them through this one module. An indicator value such as ``≥95%`` or ``$\\geq 80\\%$``
is read into comparison, number and unit only when it is nothing else: ``平均办理时间≤10个工作日``
is prose and is not recomputed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.amounts import parse_amount
from budgetlens.model import Cell, Document, Indicator, PerformanceItem, Provenance, Table
from budgetlens.rules.finding import Evidence, Location

_BUDGET = ("全年预算数", "预算数(A)")
_SPENT = ("全年执行数", "执行数(B)")
_RATE = ("执行率", "执行率(B/A)")
_TOTALS = ("总分", "合计", "总计")
_WORDS = {"大于等于": "≥", "不低于": "≥", "不少于": "≥", "小于等于": "≤", "不超过": "≤", "不高于": "≤"}
_WORDS |= {"大于": ">", "小于": "<", "等于": "="}
_LATEX = {"\\geq": "≥", "\\leq": "≤", "\\ge": "≥", "\\le": "≤", "\\%": "%", "$": ""}
_MEASURE = re.compile(r"(?P<cmp>[≥≤><=]|大于等于|不低于|不少于|小于等于|不超过|不高于|大于|小于|等于)?"
                      r"(?P<num>\d+(?:\.\d+)?)(?P<unit>%|[^\d%.≥≤<>=]{0,4})")  # fmt: skip


def performance_items(document: Document) -> Iterator[tuple[Table, PerformanceItem]]:
    for table in document.tables:
        for item in table.performance:
            yield table, item


def is_self_eval(table: Table) -> bool:
    return table.type.endswith("self_eval")


def fact(item: PerformanceItem, keys: tuple[str, ...], prefix: str = "") -> Cell | None:
    for key in keys:
        if (cell := item.facts.get(prefix + key)) is not None:
            return cell
    return None


def amount(cell: Cell | None) -> Decimal | None:
    return None if cell is None else cell.amount


def percent(cell: Cell | None) -> Decimal | None:
    """A printed percentage (``96. 77%`` → 96.77)."""
    if cell is None:
        return None
    text = unicodedata.normalize("NFKC", cell.text).strip()
    return parse_amount(text[:-1]) if text.endswith("%") else None


def total(item: PerformanceItem, column: str) -> Cell | None:
    """The 总分 (合计) line's 分值 or 得分."""
    return fact(item, tuple(f"{word}/{column}" for word in _TOTALS))


@dataclass(frozen=True)
class Funds:
    """One row of the fund block: budget, spending and the printed 分值, 执行率 and 得分."""

    label: str
    budget: Decimal | None
    spent: Decimal | None
    cells: tuple[Cell, ...]  # the budget and spending cells read (evidence)
    weight: Cell | None
    rate: Cell | None
    score: Cell | None


def fund_rows(item: PerformanceItem) -> list[Funds]:
    """The 年度资金总额 row and each source row (财政拨款, 上年结转 …) that prints an 执行率.

    Where the 年度资金总额 row prints no amounts (seed 004 line 790), its budget and spending are
    the sums of its source rows.
    """
    prefixes = sorted({key.rsplit("/", 1)[0] + "/" for key in item.facts if "/" in key} - {"总分/", "合计/"})
    prefixes = [p for p in prefixes if not p.startswith(_TOTALS)]
    rows: list[Funds] = []
    for prefix in ["", *prefixes]:
        budget, spent = fact(item, _BUDGET, prefix), fact(item, _SPENT, prefix)
        cells = tuple(c for c in (budget, spent) if c is not None)
        rows.append(
            Funds(
                prefix.rstrip("/") or "年度资金总额",
                amount(budget),
                amount(spent),
                cells,
                fact(item, ("分值",), prefix),
                fact(item, _RATE, prefix),
                fact(item, ("得分",), prefix),
            )
        )
    whole = rows[0]
    if whole.budget is None and whole.spent is None and len(rows) > 1:
        parts = rows[1:]
        budgets: list[Decimal] = [b for r in parts if (b := r.budget) is not None]
        spendings: list[Decimal] = [s for r in parts if (s := r.spent) is not None]
        if budgets and spendings:
            cells = tuple(c for r in parts for c in r.cells)
            rows[0] = Funds(whole.label, sum(budgets, Decimal(0)), sum(spendings, Decimal(0)), cells,
                            whole.weight, whole.rate, whole.score)  # fmt: skip
    return rows


@dataclass(frozen=True)
class Measure:
    """An indicator value read as comparison, number and unit (``≥95%`` → ≥, 95, %)."""

    comparison: str | None
    number: Decimal
    unit: str


def measure(text: str | None) -> Measure | None:
    """The value when the text is nothing but an optional comparison, a number and a short unit."""
    if not text:
        return None
    folded = unicodedata.normalize("NFKC", text)
    for latex, plain in _LATEX.items():
        folded = folded.replace(latex, plain)
    folded = re.sub(r"\s+", "", folded)
    match = _MEASURE.fullmatch(folded)
    if match is None:
        return None
    comparison = match["cmp"]
    return Measure(
        _WORDS.get(comparison, comparison) if comparison else None, Decimal(match["num"]), match["unit"]
    )


def location(table: Table, item: PerformanceItem, at: Provenance, column: str | None = None) -> Location:
    return Location(
        page=at.page, line=at.line, table=table.type, title=table.title, label=item.name, column=column
    )


def evidence(role: str, cell: Cell, table: Table, column: str | None = None) -> Evidence:
    return Evidence(role, cell.text, cell.amount, cell.at, table=table.type, title=table.title, column=column)


def indicator_evidence(
    role: str, indicator: Indicator, text: str, value: Decimal | None, table: Table
) -> Evidence:
    return Evidence(
        role, text, value, indicator.at, table=table.type, title=table.title, label=indicator.name
    )


def expenditure_totals(document: Document) -> tuple[Table, dict[str, Cell]] | None:
    """The 合计 row of the budget's 支出总表 (budget.expenditure) in 万元, keyed 合计/基本支出/项目支出."""
    for table in document.tables_of("budget.expenditure"):
        if table.money_unit != "万元":
            continue
        row = next((r for r in table.rows if r.kind == "total"), None)
        if row is None:
            continue
        cells = {("合计" if key == "总计" else key): cell for key, cell in row.values.items()}
        if cells.get("项目支出") is not None:
            return table, cells
    return None
