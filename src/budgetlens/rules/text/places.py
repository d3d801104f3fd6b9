"""Every piece of printed text a text rule reads, each with the place a reviewer should look at.

A place is one title, heading, paragraph, table note, unit name, row label or performance text, so a
rule reports one finding per place however many slips it holds. Amount cells are not places: their
text is a number (a dash or 无 at most), never prose.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from budgetlens.model import Document, PerformanceItem, Provenance, Table


@dataclass(frozen=True)
class Place:
    """One printed text: what it is (``kind`` as a reviewer reads it), where, and in which table."""

    kind: str
    text: str
    at: Provenance
    table: Table | None = None
    label: str | None = None
    column: str | None = None


def named(place: Place) -> str:
    """How a message names a place: a table's texts by the table's title, the others by their line.

    ``“2024年度收入决算表”表头单位名称``, ``表格标题``, ``第 354 行说明段落``, ``封面单位名称``.
    """
    if place.table is not None and place.kind != "表格标题":
        return f"“{place.table.title}”{place.kind}"
    if place.table is not None:
        return place.kind
    return where(place.at) + place.kind


def where(at: Provenance) -> str:
    """``第 3 页第 4 行`` (PDF, Excel) or ``第 354 行`` (text); empty when nothing is known."""
    page = f"第 {at.page} 页" if at.page is not None else ""
    line = f"第 {at.line} 行" if at.line is not None else ""
    return page + line


def places(document: Document) -> Iterator[Place]:
    """The document's texts in reading order: 目录, tables (title, unit, notes, labels), 说明."""
    for entry in document.listed_tables:
        yield Place("目录条目", entry.title, entry.at)
    for table in document.tables:
        yield from _table_places(table)
    for section in document.narrative:
        yield Place("章节标题", section.heading, section.at)
        for paragraph in section.paragraphs:
            yield Place("说明段落", paragraph.text, paragraph.at)


def _table_places(table: Table) -> Iterator[Place]:
    yield Place("表格标题", table.title, table.at, table)
    if table.unit_name:
        yield Place("表头单位名称", table.unit_name, table.at, table)
    for note in table.notes:
        yield Place("表注", note, table.at, table)
    if table.empty_note and table.empty_note not in table.notes:  # a note that explains: one place
        yield Place("空表说明", table.empty_note, table.at, table)
    for row in table.rows:
        if row.label:
            yield Place("行名称", row.label, row.at, table, row.label)
        for column, cell in row.values.items():
            if cell.amount is None and cell.text.strip() and not _blank(cell.text):
                yield Place("单元格", cell.text, cell.at, table, row.label, column)
    for item in table.performance:
        yield from _performance_places(table, item)


def _performance_places(table: Table, item: PerformanceItem) -> Iterator[Place]:
    yield Place("绩效项目名称", item.name, item.at, table, item.name)
    if item.goal:
        yield Place("绩效目标", item.goal, item.at, table, item.name)
    for name, cell in item.facts.items():
        if cell.amount is None and cell.text.strip():
            yield Place("绩效表栏目", cell.text, cell.at, table, item.name, name)
    for indicator in item.indicators:
        texts = {
            "指标名称": indicator.name,
            "指标值": indicator.target,
            "指标内容": indicator.content,
            "实际完成值": indicator.actual,
            "偏差说明": indicator.note,
        }
        for column, text in texts.items():
            if text and text.strip():
                yield Place("绩效指标", text, indicator.at, table, indicator.name, column)


def _blank(text: str) -> bool:
    return text.strip() in {"-", "—", "--", "——", "无", "/", "／"}
