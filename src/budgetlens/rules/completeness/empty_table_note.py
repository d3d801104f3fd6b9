"""empty-table-note: a table without figures must say why (本表无数据 …).

The reason may stand under the table or in the 情况说明 (杭州, 烟台 and 福州 explain an empty 政府性基金
table in the text: "本部门 2026 年没有使用政府性基金预算拨款安排的支出"); a reviewer takes either. A
document in which no table has a figure is a blank template (the 上海 and 单位预算 forms): every table
is empty by design, so the rule stays silent instead of raising one warning per table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from budgetlens.model import Document, Table
from budgetlens.rules.finding import Finding, Location
from budgetlens.rules.registry import CheckContext, Rule, register


def is_empty(table: Table) -> bool:
    """No non-zero amount in any row (blank, dashes, 无 and 0.00 only)."""
    return not table.performance and all(
        cell.amount is None or cell.amount == 0 for row in table.rows for cell in row.values.values()
    )


# What an empty table of each type is about, as the 说明 names it.
_SUBJECTS = {
    "gov_fund": "政府性基金",
    "soe_capital": "国有资本经营",
    "three_public": "三公",
}
_SENTENCE = re.compile(r"[^。；;！？\n]+")
_NONE = re.compile(r"无|没有|为0|为零|空表|(?<![\d.])0(?:\.0+)?\s*万?元")


def explained_in_text(document: Document, table: Table) -> bool:
    """Whether the 说明 says the table's subject has no figures (无 / 没有 / 为0 …)."""
    subject = _SUBJECTS.get(table.type.partition(".")[2])
    if subject is None:
        return False
    texts = [t for s in document.narrative for t in (s.heading, *(p.text for p in s.paragraphs))]
    return any(
        subject in sentence and _NONE.search(sentence)
        for text in texts
        for sentence in _SENTENCE.findall(text)
    )


@register
class EmptyTableNote(Rule):
    """例：政府性基金预算支出表没有任何数字，表下也没有“本单位无政府性基金预算收支，故本表无数据”之类的说明。"""

    id = "empty-table-note"
    title = "空表须有说明"
    description = (
        "没有数字（全部空白、“无”或 0）的表应保留在文档中，并"
        "附说明（如“本年度没有政府性基金预算财政拨款收入和支出，"
        "故本表无数据”）。说明可在表下，也可在情况说明中（如“本部门没有使用政府性基金预算拨款安排的支出”）。"
        "缺少说明时给出警告。所有表都没有数字的文档是空白模板，不逐表报告。"
    )
    severity = "warning"
    tags = ("completeness", "empty-table")
    template = "“{title}”没有数字，也没有说明为何为空"

    def check(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        tables = [t for t in document.tables if not t.type.startswith("performance.")]
        if all(is_empty(t) for t in tables):
            return
        for table in tables:
            if not is_empty(table) or table.empty_note or explained_in_text(document, table):
                continue
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=self.template.format(title=table.title),
                location=Location(
                    page=table.at.page, line=table.at.line, table=table.type, title=table.title
                ),
            )
