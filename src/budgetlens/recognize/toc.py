"""The 目录: which tables a document says it contains, so a missing one can be reported."""

from __future__ import annotations

import re

from budgetlens.ingest.raw import Block, Grid, TextLine
from budgetlens.model import ListedTable, Provenance
from budgetlens.recognize.vocabulary import Family, classify_title

TOC_SEARCH_BLOCKS = 30
WRAPPED_ENTRY = 20  # an entry line at least this long may wrap its last characters …
WRAPPED_REST = 8  # … onto a short unnumbered line below
_TOC_HEADING = re.compile(r"^(?:.*?(?:公开表|预算|决算))?目\s*录$")
_ENTRY_NUMBER = re.compile(
    r"^\s*(\d+(?=\s*[、.．\s])|[一二三四五六七八九十]+(?=\s*[、.．])|[（(][一二三四五六七八九十]+[)）])\s*[、.．]?\s*"
)
_LEADER = re.compile(r"\s*(?:[.…·。]{2,}|…)[.…·。\s]*\d*\s*$")


def find_toc(blocks: list[Block]) -> tuple[int, int] | None:
    """Block range [start, end) of the 目录, or None when the document has none.

    The 目录 is headed 目录, or (untitled) is an early grid listing three or more standard tables.
    """
    for index, block in enumerate(blocks):
        if not isinstance(block, TextLine):
            continue
        if _TOC_HEADING.match(block.text.replace(" ", "")):
            return index + 1, _toc_end(blocks, index + 1)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.text.strip() == "目" and isinstance(following, TextLine) and following.text.strip() == "录":
            return index + 2, _toc_end(blocks, index + 2)  # 目 and 录 printed as two lines
    for index, block in enumerate(blocks[:TOC_SEARCH_BLOCKS]):
        if isinstance(block, Grid) and len(toc_entries([block], None)) >= 3:
            return index, _toc_end(blocks, index)
    return None


def _toc_end(blocks: list[Block], start: int) -> int:
    seen: set[str] = set()
    joined = -1  # the wrapped rest of the entry above
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, Grid):
            seen.update(c.text.replace(" ", "") for row in block.rows for c in row if c.text.strip())
            continue
        if index == joined:
            continue
        rest = _wrapped_rest(blocks, index)
        joined = index + 1 if rest else joined
        text = (block.text + (rest.text if rest else "")).replace(" ", "")
        if any(s.startswith(text) for s in seen) or text.startswith(("注", "说明")):
            return index
        if index > start and _new_page(blocks[index - 1], block) and not _numbered(block.text):
            return index  # the body begins on the next page with an unnumbered title
        if not _looks_like_entry(block.text) and index > start:
            return index
        seen.add(text)
    return len(blocks)


def _wrapped_rest(blocks: list[Block], index: int) -> TextLine | None:
    """The next line when it is the rest of an entry the print wrapped (``九、…支出决`` / ``算表``).

    Entries of the 说明 and the 表 parts can wrap at the same place (``…支出决`` / ``算情况说明``):
    only the joined lines tell them apart.
    """
    line, following = blocks[index], blocks[index + 1] if index + 1 < len(blocks) else None
    if not isinstance(line, TextLine) or not isinstance(following, TextLine) or line.at.line is None:
        return None
    adjacent = following.at.page == line.at.page and following.at.line == line.at.line + 1
    rest = following.text.strip()
    if not adjacent or len(line.text.strip()) < WRAPPED_ENTRY or len(rest) > WRAPPED_REST or _numbered(rest):
        return None
    return None if _LEADER.search(line.text) else following  # an entry ending in its page is whole


def _title(text: str) -> str:
    """An entry's title without its number, dot leaders and page."""
    return _LEADER.sub("", _ENTRY_NUMBER.sub("", text)).strip()


def _new_page(before: Block, block: Block) -> bool:
    return block.at.page is not None and before.at.page is not None and block.at.page != before.at.page


def _numbered(text: str) -> bool:
    return bool(_ENTRY_NUMBER.match(text)) or text.strip().startswith("第")


def _looks_like_entry(text: str) -> bool:
    return bool(_ENTRY_NUMBER.match(text)) or text.startswith("第") or len(text) <= 30


def toc_entries(blocks: list[Block], family: Family | None) -> list[ListedTable]:
    entries: list[ListedTable] = []
    joined: set[int] = set()  # the wrapped rest of the entry above
    for index, block in enumerate(blocks):
        lines: list[tuple[str, str | None, Provenance]] = []
        if index in joined:
            continue
        if isinstance(block, Grid):
            for row in block.rows:
                texts = [c.text for c in row if c.text.strip()]
                if texts:
                    number = texts[0] if len(texts) > 1 and texts[0].strip().isdigit() else None
                    lines.append((texts[-1], number, row[0].at))
        else:
            match = _ENTRY_NUMBER.match(block.text)
            number = match.group(1).strip("（）()") if match else None
            rest = _wrapped_rest(blocks, index)
            if rest is not None and classify_title(_title(block.text), family) is None:
                joined.add(index + 1)
                lines.append((block.text + rest.text.strip(), number, block.at))
            else:
                lines.append((block.text, number, block.at))
        for text, number, at in lines:
            title = _title(text)
            table_type = classify_title(title, family)
            untyped_table = title.endswith("表") and not title.endswith(
                ("报表", "预算表", "决算表", "公开表")
            )
            if table_type is not None or (untyped_table and not title.startswith("第")):
                entries.append(ListedTable(title, table_type.id if table_type else None, False, at, number))
    return entries
