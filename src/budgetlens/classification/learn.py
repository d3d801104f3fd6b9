"""Grow the registry from the codes real documents print, each new row saying where it was seen.

A name the registry already has confirms a reconstructed row (it becomes ``seen``) or widens the
years of a seen one; a new name is added as ``seen: <file> p.<page>`` for the year of the document.
New names of known codes are listed apart: they may be misprints or names a conversion cut short,
for a reviewer to keep (a code renamed in another year, ``20805 行政事业单位离退休`` in 2019) or
drop into ``rejected.csv`` with a reason (``维护（护）费`` for ``维修（护）费``, seed 004's
``公务用车运行维护``), which later runs respect.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from budgetlens.classification.kinds import Kind, level_of, parent_of
from budgetlens.classification.names import clean, normalise, same_name
from budgetlens.classification.printed import PrintedCode, printed_codes
from budgetlens.classification.registry import Entry, Registry
from budgetlens.model import Document

Action = Literal["added", "renamed", "confirmed", "extended", "rejected"]
ACTION_NAMES: dict[Action, str] = {
    "added": "新增编码",
    "renamed": "新增名称（请核对）",
    "confirmed": "确认",
    "extended": "扩展年度",
    "rejected": "已驳回",
}


@dataclass(frozen=True)
class Change:
    """What learning one printed code did: the row added or updated, where the code was seen
    (``seen: <file> p.<page>``) and, for a new name, the code's names before."""

    action: Action
    entry: Entry
    seen: str
    known: tuple[Entry, ...] = ()


def learn(registry: Registry, documents: Iterable[Document]) -> tuple[Registry, list[Change]]:
    """The registry with the documents' codes added, and the list of changes in document order."""
    rows: dict[tuple[Kind, str], list[Entry]] = {}
    for entry in registry.all():
        rows.setdefault((entry.kind, entry.code), []).append(entry)
    changes: list[Change] = []
    turned_down: set[tuple[Kind, str, str]] = set()  # each rejected name listed once
    for document in documents:
        for printed in printed_codes(document):
            change = _learn_one(
                registry, rows.setdefault((printed.kind, printed.code), []), printed, document
            )
            if change is None:
                continue
            if change.action == "rejected":
                key = (printed.kind, printed.code, normalise(printed.name))
                if key in turned_down:
                    continue
                turned_down.add(key)
            changes.append(change)
    return Registry((e for group in rows.values() for e in group), registry.rejected), changes


def seen_at(printed: PrintedCode, document: Document) -> str:
    """``seen: <file> p.<page>`` (``l.<line>`` for a text document without pages)."""
    at = printed.at
    where = f"p.{at.page}" if at.page is not None else f"l.{at.line}"
    return f"seen: {document.source.name} {where}"


def _learn_one(
    registry: Registry, group: list[Entry], printed: PrintedCode, document: Document
) -> Change | None:
    year, seen = document.year, seen_at(printed, document)
    for index, entry in enumerate(group):
        if not same_name(printed.name, entry.name):
            continue
        if entry.confidence == "reconstructed":
            group[index] = replace(entry, confidence="seen", source=f"{entry.source}; {seen}")
            return Change("confirmed", group[index], seen)
        if entry.dated and year is not None and not entry.covers(year):
            first, last = entry.first_year or year, entry.last_year or year
            group[index] = replace(entry, first_year=min(first, year), last_year=max(last, year))
            return Change("extended", group[index], seen)
        return None
    known = tuple(group)
    new = Entry(
        kind=printed.kind,
        code=printed.code,
        name=clean(printed.name),
        level=level_of(printed.kind, printed.code) or "",
        parent=parent_of(printed.code),
        first_year=year,
        last_year=year,
        source=seen,
        confidence="seen",
    )
    if registry.rejection(printed.kind, printed.code, printed.name) is not None:
        return Change("rejected", new, seen, known)
    group.append(new)
    return Change("renamed" if known else "added", new, seen, known)
