"""narrative-table-figure: an amount the 情况说明 states equals the table figure it names (T-01, T-04)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.arithmetic.rounding_difference import within_rounding
from budgetlens.rules.cross_table.pairs import Ref
from budgetlens.rules.cross_table.same_figure import figures
from budgetlens.rules.figures import Figure, bare_label
from budgetlens.rules.finding import Finding
from budgetlens.rules.narrative.figures import (
    Sentence,
    Stated,
    amounts,
    half_unit,
    narrative_decimals,
    sections,
    text_evidence,
    text_finding,
    topic,
)
from budgetlens.rules.registry import CheckContext, Rule, register
from budgetlens.rules.rounding import table_decimals

ANY = ("all", "gpb")


@dataclass(frozen=True)
class Target:
    """Labels of the text and the table figures they name; ``scopes`` where a bare label means them."""

    labels: tuple[str, ...]
    refs: tuple[Ref, ...]
    scopes: tuple[str, ...] = ANY
    heading: str = ""


def _row(table: str, label: str, side: str, *columns: str) -> Ref:
    return Ref(table, columns, (label,), side=side)


_J01, _J03, _J04, _J05 = "final.summary", "final.expenditure", "final.fiscal_summary", "final.gpb_expenditure"
_Y1, _BOTH = "budget.summary", ("基本支出", "项目支出")
FINAL: tuple[Target, ...] = (
    Target(("收、支总计", "收支总计"), (_row(_J01, "总计", "收入"), _row(_J01, "总计", "支出"))),
    Target(
        ("财政拨款收、支总计", "财政拨款收支总计"), (_row(_J04, "总计", "收入"), _row(_J04, "总计", "支出"))
    ),
    Target(
        ("收入合计", "本年收入合计"),
        (Ref("final.income", ("本年收入合计",)), _row(_J01, "本年收入合计", "收入")),
    ),
    Target(("支出合计", "本年支出合计"), (Ref(_J03, ("本年支出合计",)), _row(_J01, "本年支出合计", "支出"))),
    Target(("财政拨款收入",), (Ref("final.income", ("财政拨款收入",)), _row(_J04, "本年收入合计", "收入"))),
    Target(
        ("一般公共预算财政拨款收入",),
        (_row(_J04, "一、一般公共预算财政拨款", "收入"), _row(_J01, "一般公共预算财政拨款收入", "收入")),
    ),
    *(
        Target((name,), (Ref("final.income", (name,)),))
        for name in ("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
    ),
    *(Target((name,), (Ref(_J03, (name,)),)) for name in ("上缴上级支出", "经营支出", "对附属单位补助支出")),
    *(Target((name,), (Ref(_J03, (name,)),), ("all",)) for name in _BOTH),
    *(Target((name,), (Ref(_J05, ("本年支出/" + name,)),), ("gpb",)) for name in _BOTH),
    *(
        Target((prefix + name,), (Ref(_J05, ("本年支出/" + name,)),))
        for prefix in ("一般公共预算财政拨款", "财政拨款")
        for name in _BOTH
    ),
    Target(("财政拨款支出",), (_row(_J04, "本年支出合计", "支出"),)),
    Target(
        ("一般公共预算财政拨款支出",),
        (
            Ref(_J05, ("本年支出/小计", "本年支出/合计")),
            _row(_J04, "本年支出合计", "支出", "支出/一般公共预算财政拨款"),
        ),
    ),
    *(
        Target((name, name + "支出"), (Ref("final.gpb_basic", ("决算数",), side=name),), ("gpb",), "基本支出")
        for name in ("人员经费", "公用经费")
    ),
)
BUDGET: tuple[Target, ...] = (
    Target(("收入预算", "收入总计"), (_row(_Y1, "收入总计", "收入"), _row(_Y1, "本年收入合计", "收入"))),
    Target(("支出预算", "支出总计"), (_row(_Y1, "支出总计", "支出"), _row(_Y1, "本年支出合计", "支出"))),
    Target(
        ("一般公共预算拨款", "一般公共预算拨款收入"),
        (_row("budget.fiscal_summary", "一般公共预算拨款收入", "收入"),),
    ),
    Target(("一般公共预算拨款支出", "一般公共预算支出"), (Ref("budget.gpb_expenditure", ("合计", "总计")),)),
    *(
        Target(
            (name, name + "预算", name + "预算数"),
            (Ref("budget.expenditure", (name,)), _row(_Y1, name, "支出")),
            ("all",),
        )
        for name in _BOTH
    ),
    *(
        Target(
            (name, name + "预算", name + "预算数"),
            (Ref("budget.gpb_expenditure", (name + "/小计", name)),),
            ("gpb",),
        )
        for name in _BOTH
    ),
)
# A 类 breakdown of only part of the money (项目支出 其中：一般公共服务支出 …) is not the 类 total.
_PARTS = ("基本支出", "项目支出", "人员经费", "公用经费")
# Where a 类 (一般公共服务(类)支出 …) is read: (table, column, side) by document kind and scope.
CLASSES = {
    ("final_account", "all"): ("final.summary", None, "支出"),
    ("final_account", "gpb"): ("final.fiscal_summary", "支出/一般公共预算财政拨款", "支出"),
    ("budget", "all"): ("budget.expenditure", "总计", None),
    ("budget", "gpb"): ("budget.gpb_expenditure", "总计", None),
}


def other_funds(document: Document) -> bool:
    """Whether 政府性基金 or 国有资本经营 money may be in the 财政拨款 figures (unknown = yes)."""
    for table in document.tables:
        if table.type in ("final.fiscal_summary", "budget.fiscal_summary"):
            columns = [c for c in table.columns if "政府性基金" in c or "国有资本" in c]
            return not columns or any(
                (cell := row.values.get(c)) is not None and cell.amount not in (None, Decimal(0))
                for row in table.rows
                for c in columns
            )
    return True


def scope_of(document: Document, sentence: Sentence, upto: int) -> str | None:
    """``all`` or ``gpb`` (一般公共预算, or 财政拨款 when there is no other fund); None to skip."""
    scope = topic(sentence, upto)
    if scope == "fiscal":
        return None if other_funds(document) else "gpb"
    return None if scope == "other" else scope


def _class_figures(document: Document, name: str, scope: str) -> list[Figure]:
    where = CLASSES.get((document.kind or "", scope))
    if where is None or not name.endswith("支出") or name in ("基本支出", "项目支出"):
        return []
    type_id, column, side = where
    found = []
    for table in document.tables_of(type_id)[:1]:
        col = column if column in table.columns else None
        if column is None:
            col = next((c for c in table.columns if c.startswith(f"{side}/")), None)
        for row in table.rows:
            short = row.code is None or len(row.code) == 3
            same = bare_label(row.label).replace(" ", "") == name
            if col and row.kind == "item" and row.side == side and short and same:
                found.append(Figure(table, row, col))
    return found if len(found) == 1 else []


def candidates(document: Document, sentence: Sentence, stated: Stated) -> list[Figure]:
    """The table figures the stated amount's label names (each found exactly once), best first."""
    scope = scope_of(document, sentence, stated.start)
    if scope is None:
        return []
    name = stated.label.replace("(类)", "")
    targets = FINAL if document.kind == "final_account" else BUDGET if document.kind == "budget" else ()
    found: list[Figure] = []
    for target in targets:
        if name in target.labels and scope in target.scopes and target.heading in sentence.headings:
            if target.labels[0].startswith("财政拨款") and other_funds(document):
                continue
            for ref in target.refs:
                hits = figures(document, ref)
                if len(hits) == 1 and hits[0].table.money_unit is not None:
                    found.extend(hits)
    context = (sentence.headings + sentence.before + sentence.plain[: stated.start]).replace(" ", "")
    if not found and not any(part in context for part in _PARTS):
        found = _class_figures(document, name, scope)
    # A figure the table leaves blank is more often a recognition gap than a stated 0: not compared.
    return [f for f in found if f.table.money_unit is not None and f.amount is not None]


def in_wan(figure: Figure) -> tuple[Decimal, int]:
    """The figure in 万元 and the decimals it is rounded to."""
    digits = table_decimals(figure.table)
    if figure.table.money_unit == "元":
        return figure.value.scaleb(-4), digits + 4
    return figure.value, digits


@register
class NarrativeTableFigure(Rule):
    """例：说明第 421 行“公用经费 15.48 万元”，一般公共预算财政拨款基本支出决算明细表「公用经费合计」
    决算数印为 15.4（原文“15. 4”），相差 0.08 万元。
    """

    id = "narrative-table-figure"
    title = "情况说明数字与表格一致"
    description = (
        "情况说明所述金额等于其所指表格数字（T-01、T-04）：收、支总计，本年收入合计、财政拨款收入及各项收入，"
        "本年支出合计、基本支出、项目支出，财政拨款收、支总计，一般公共预算财政拨款收入、支出（及其基本、项目"
        "支出），人员经费、公用经费，各功能分类类级支出（如“一般公共服务(类)支出 X 万元”）；预算 收入预算、"
        "支出预算、一般公共预算拨款收入与支出。金额单位统一为万元后比较（元表 ÷ 10000）。基本支出等不带限定"
        "语的说法按所在章节判断口径（全部资金或一般公共预算财政拨款）；涉及政府性基金、“三公”、政府采购、"
        "绩效等章节的句子以及无法唯一对应表格数字的说法不比较。"
    )
    severity = "error"
    tags = ("narrative", "cross-table")
    template = (
        "说明第 {line} 行“{quote}”：{label} {stated} 万元，{where}（第 {cell_line} 行）为 {table}，"
        "相差 {difference} 万元"
    )

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        digits = narrative_decimals(document)
        for section in sections(document):
            for sentence in section:
                for stated in amounts(sentence, document.unit_name):
                    finding = self._compare(document, context, sentence, stated, digits)
                    if finding is not None:
                        yield finding

    def _compare(
        self, document: Document, context: CheckContext, sentence: Sentence, stated: Stated, digits: int
    ) -> Finding | None:
        found = candidates(document, sentence, stated)
        if not found:
            return None
        values = [in_wan(f) for f in found]
        if any(value == stated.amount for value, _ in values):
            return None
        figure, (value, table_digits) = found[0], values[0]
        tol = max(half_unit(context, stated.amount, digits), half_unit(context, value, table_digits))
        rounding = any(abs(v - stated.amount) <= tol for v, _ in values)
        unit = figure.table.money_unit
        fields = {
            "label": stated.label,
            "stated": stated.text,
            "where": figure.name(),
            "cell_line": str(figure.at.line or "?"),
            "table": f"{figure.shown()} {unit}" + (f"（{value} 万元）" if unit == "元" else ""),
            "difference": str(stated.amount - value),
        }
        evidence = (text_evidence(sentence, "说明原文", stated.amount), figure.evidence("表格数"))
        finding = text_finding(
            type(self), sentence, fields, evidence, value, stated.amount, tol, figure.location()
        )
        if not rounding:
            return finding
        return within_rounding(finding)
