"""row-identity: within each row, a total column equals the sum of its part columns."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.model import Document
from budgetlens.rules.arithmetic.row_identities import ROW_IDENTITIES
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
        "Y5-a、Y6-a）等。列按表头路径匹配，表中没有的组成列不计。"
    )
    severity = "error"
    tags = ("arithmetic", "row")
    template = "{where} 为 {actual}，{basis} {expected}（{parts}），相差 {difference}"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        for identity in ROW_IDENTITIES:
            for table in document.tables:
                if table.type not in identity.tables:
                    continue
                total = resolve_column(table, identity.total, identity.prefix)
                parts = [resolve_column(table, names, identity.prefix) for names in identity.parts]
                columns = [c for c in parts if c is not None and c != total]
                if total is None or not columns:
                    continue
                names = "、".join(c.removeprefix(identity.prefix) for c in columns)
                for row in table.rows:
                    if identity.side is not None and row.side != identity.side:
                        continue
                    finding = compare(
                        type(self),
                        context,
                        Figure(table, row, total),
                        [Figure(table, row, c) for c in columns],
                        f"同行 {names} 之和为",
                        identity.reference,
                    )
                    if finding is not None:
                        yield finding
