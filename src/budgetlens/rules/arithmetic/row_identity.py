"""row-identity: within each row, a total column equals the sum of its part columns."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document, Table
from budgetlens.rules.arithmetic.column_tree import tree_identities
from budgetlens.rules.arithmetic.row_identities import ROW_IDENTITIES, RowIdentity
from budgetlens.rules.figures import Figure, compare, resolve_column
from budgetlens.rules.finding import Finding
from budgetlens.rules.registry import CheckContext, Rule, register


@register
class RowIdentityRule(Rule):
    """例：支出决算表「2010399 其他政府办公厅(室)及相关机构事务支出」本年支出合计印为 0（空白），
    基本支出 + 项目支出 = 0.78 + 105.05 = 105.83（J03-a）。
    """

    id = "row-identity"
    title = "行内合计等于各列之和"
    description = (
        "每一行中，合计列等于其组成列之和：决算 本年收入合计 = 财政拨款收入 + 上级补助收入 + …（J02-a），"
        "本年支出合计 = 基本支出 + 项目支出 + …（J03-a），财政拨款支出 合计 = 三类财政拨款（J04-b），"
        "本年支出 小计 = 基本支出 + 项目支出（J05-a），“三公”经费（J07-a/b）；预算 合计 = 基本支出 + 项目支出"
        "（Y3-a、Y5-a）、基本支出 = 人员经费 + 公用经费（"
        "Y5-a、Y6-a）等。列按表头路径匹配，表中没有的组成列不计；表中没有合计列或第一个组成列（如基本支出）时，"
        "视为该式不适用的表样，不比较。收入总表（Y2-a）以及基本支出表、“三公”经费表中上述各式未覆盖的合计列按表头层级比较：每组的合计（小计、总计、金额）列"
        "等于同组其余各列之和，下级组有小计时按小计计，“其中”列不计。"
    )
    severity = "error"
    tags = ("arithmetic", "row")
    template = "{where} 为 {actual}，{basis} {expected}{parts}，相差 {difference}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for table in document.tables:
            for reference, total, columns in _identities(table):
                names = "、".join(c.removeprefix(reference.prefix) for c in columns)
                for row in table.rows:
                    if reference.side is not None and row.side != reference.side:
                        continue
                    finding = compare(
                        type(self),
                        context,
                        Figure(table, row, total),
                        [Figure(table, row, c) for c in columns],
                        f"同行 {names} 之和为",
                        reference.reference,
                    )
                    if finding is not None:
                        yield finding


# Tables whose identities are read from the header tree (column_tree.py), where it adds to the list.
_TREE = {
    "budget.income": RowIdentity("Y2-a", ("budget.income",), (), ()),
    "budget.gpb_basic": RowIdentity("Y6-a", ("budget.gpb_basic",), (), ()),
    "budget.three_public": RowIdentity("Y7-a", ("budget.three_public",), (), ()),
}


def _identities(table: Table) -> Iterator[tuple[RowIdentity, str, list[str]]]:
    """Each identity that applies to ``table``, with its resolved total and part columns."""
    covered: set[str] = set()
    for identity in ROW_IDENTITIES:
        if table.type not in identity.tables:
            continue
        if any(resolve_column(table, (name,)) for name in identity.unless):
            continue
        printed = resolve_column(table, identity.total, identity.prefix)
        found = [resolve_column(table, names, identity.prefix) for names in identity.parts]
        columns = [c for c in found if c is not None and c != printed]
        if printed is None or found[0] is None or not columns:
            continue
        covered.add(printed)
        yield identity, printed, columns
    if table.type in _TREE:
        for total, parts in tree_identities(table):
            if total not in covered:
                yield _TREE[table.type], total, parts
