"""Raw document → canonical `Document`: find each table's title, meta lines, grids and notes.

The walk keeps every intermediate: a `TableDraft` holds the title line, meta lines and grids of one
table (several grids when it continues over pages) before `draft_to_table` builds it, so a debug
view can show what was grouped together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from budgetlens.ingest.raw import Block, Grid, GridCell, RawDocument, TextLine
from budgetlens.model import Document, MoneyUnit, Provenance, Row, Table
from budgetlens.recognize import meta
from budgetlens.recognize.columns import assign_roles, leaf
from budgetlens.recognize.header import (
    SPLIT_CODE_WORDS,
    header_text,
    header_to_paths,
    is_total_label,
    split_header,
)
from budgetlens.recognize.layout import with_grid_titles, without_cell_copies, without_running_heads
from budgetlens.recognize.narrative import lines_to_sections
from budgetlens.recognize.performance import grid_to_performance
from budgetlens.recognize.rows import block_rows, coded_rows, join_cut_row, two_sided_rows
from budgetlens.recognize.toc import find_toc, toc_entries
from budgetlens.recognize.vocabulary import TITLE_MAX, TYPES_BY_ID, Family, TableType, classify_title

_CJK_PART = re.compile(r"[\u4e00-\u9fff“”（）()、：:]+")
EMPTY_NOTE_WORDS = (
    "无数据",
    "无数字",
    "本表为空",
    "空表",
    "没有",
    "无相关",
    "无该项",
    "未安排",
    "本部门无",
    "本单位无",
    "无发生额",
)
COVER_LINES = 12
SHORT_LINE = 30
WRAPPED_NOTE = 40  # a note line this long that stops mid-sentence was wrapped by the print
WRAPPED_NOTE_REST = 6  # … and so was one whose next line only ends the sentence (``出。``)
NOTE_STARTS = ("注", "说明", "备注")
SENTENCE_ENDS = ("。", "；", ";", ".", "！", "？")
_NUMERAL = "一二三四五六七八九十"
_SECTION_START = re.compile(rf"^\s*(?:第[{_NUMERAL}\d]+部分|[{_NUMERAL}]+、|[（(][{_NUMERAL}]+[)）])")
_HEADING_NUMBER = re.compile(rf"^\s*([{_NUMERAL}]+|\d+)\s*[、.．]")
_NOTE_ITEM = re.compile(r"^\s*(?:[-•]\s*)?[（(]?\d{1,2}\s*[.．、)）]")
SIMILAR_NAME = 0.6
WRAPPED_TITLE_END = 6
SHEET_FORMATS = frozenset({"xls", "xlsx", "excel"})
OVERALL_TYPES = ("performance.overall_targets", "performance.overall_self_eval")
MEASURE_ROWS = ("预算数", "决算数")
TEMPLATE_INSTRUCTION_WORDS = ("保留该表格式", "本表下方作下述说明")


@dataclass
class TableDraft:
    type: TableType
    title: TextLine
    meta_lines: list[TextLine] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    notes: list[TextLine] = field(default_factory=list)
    heading: TextLine | None = None  # ``七、国有资本经营预算拨款支出预算表`` printed above the title


def raw_to_document(raw: RawDocument) -> Document:
    blocks = raw.blocks
    toc = find_toc(blocks)
    cover = [b.text for b in blocks[: toc[0] if toc else COVER_LINES] if isinstance(b, TextLine)]
    heading = meta.read_heading(cover)
    family: Family | None = heading.kind
    body_start = toc[1] if toc else 0
    body = without_cell_copies(without_running_heads(blocks[body_start:], family), family)
    body = with_grid_titles(body, family)
    drafts, narrative = blocks_to_drafts(body, family)
    tables = [draft_to_table(d) for d in drafts]
    listed = toc_entries(blocks[toc[0] : toc[1]], family) if toc else []
    present = {t.type for t in tables}
    for entry in listed:
        entry.present = entry.type in present
    document = Document(
        source=raw.source,
        kind=heading.kind,
        scope=heading.scope,
        year=heading.year,
        unit_name=heading.unit_name,
        unit_code=heading.unit_code,
        tables=tables,
        listed_tables=listed,
        narrative=lines_to_sections(narrative, join_pages=raw.source.format not in SHEET_FORMATS),
    )
    _complete_heading(document, drafts)
    return document


def _complete_heading(document: Document, drafts: list[TableDraft]) -> None:
    """What a document without a cover (an 报表 attachment) says in its tables: unit, year, kind."""
    if document.unit_name is None:
        names = [t.unit_name for t in document.tables if t.unit_name]
        names = names or [
            item.name for t in document.tables if t.type in OVERALL_TYPES for item in t.performance
        ]  # the whole department's performance table is named after it
        document.unit_name = max(set(names), key=names.count) if names else None
    if document.year is None:
        years = [y for d in drafts for y in map(meta.year_line_of, (x.text for x in d.meta_lines)) if y]
        document.year = max(set(years), key=years.count) if years else None
    if document.kind is None:
        families = [TYPES_BY_ID[t.type].family for t in document.tables]
        kinds = [f for f in families if f != "performance"]
        if kinds and len(set(kinds)) == 1:
            document.kind = "budget" if kinds[0] == "budget" else "final_account"
    if document.scope is None and document.kind is not None:
        titles = "".join(t.title for t in document.tables)
        document.scope = "department" if "部门" in titles else ("unit" if "单位" in titles else None)
    if document.unit_code is None:
        document.unit_code = _unit_code_from_rows(document)


def _unit_code_from_rows(document: Document) -> str | None:
    """The code printed beside the unit's own name in a table (or a performance table's 单位编码)."""
    for table in document.tables:
        for row in table.rows:
            if row.unit_code and row.label == document.unit_name:
                return row.unit_code
        for item in table.performance:
            code = item.facts.get("单位编码")
            if code is not None and item.name == document.unit_name:
                return code.text
    return None


def blocks_to_drafts(blocks: list[Block], family: Family | None) -> tuple[list[TableDraft], list[TextLine]]:
    """Group blocks into table drafts; text that belongs to no table is narrative."""
    drafts: list[TableDraft] = []
    narrative: list[TextLine] = []
    pending: TableDraft | None = None
    current: TableDraft | None = None
    numbers: list[TextLine] = []  # 表 6 printed above the next title
    joined: set[int] = set()  # lines already joined to the title line above them
    for index, block in enumerate(blocks):
        if index in joined:
            continue
        if isinstance(block, Grid):
            if pending is not None:
                if current is not None and _continues(current, pending, block):
                    current.grids.append(block)
                else:
                    pending.grids.append(block)
                    drafts.append(pending)
                    current = pending
                pending = None
            elif current is not None:
                current.grids.append(block)  # a page break without a repeated title
            continue
        table_type = classify_title(block.text, family)
        if table_type is None and meta.is_number_line(block.text):
            # a table number is meta: below its title, or above the next one; it never ends a table
            numbered = pending is not None and any(meta.table_number_of(x.text) for x in pending.meta_lines)
            (pending.meta_lines if pending is not None and not numbered else numbers).append(block)
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if table_type is None and isinstance(following, TextLine) and _wrapped_title_end(following.text):
            table_type = classify_title(block.text + following.text, family)
            if table_type is not None:
                block = TextLine(block.text + following.text, block.at)  # noqa: PLW2901 - joined title
        elif (
            table_type is None and isinstance(following, TextLine) and _wrapped_title_start(block, following)
        ):
            table_type = classify_title(block.text + following.text, family)
            alone = classify_title(following.text, family)
            if table_type is not None and table_type == alone and table_type.layout == "performance":
                block = TextLine(block.text + following.text, block.at)  # noqa: PLW2901 - joined title
                joined.add(index + 1)
            else:
                table_type = None
        if table_type is not None:
            heading = (
                pending.title if pending is not None and _numbered_heading(pending, table_type) else None
            )
            pending = TableDraft(table_type, block, meta_lines=numbers, heading=heading)
            numbers = []
        elif pending is not None and (meta.is_meta_line(block.text) or _short_line(block.text)):
            pending.meta_lines.append(block)  # a meta line, or the wrapped rest of one
        elif current is not None and (
            _is_note(block.text) or _template_instruction(block.text) or _note_item(current, block)
        ):
            current.notes.append(block)
        elif current is not None and _continues_note(current, block):
            last = current.notes[-1]
            current.notes[-1] = TextLine(last.text + block.text, last.at)  # the wrapped rest of a note
        else:
            narrative += [*numbers, block]
            numbers = []
            current = None
            pending = None
    return drafts, narrative


def _numbered_heading(pending: TableDraft, table_type: TableType) -> bool:
    """The title line just read repeats a numbered heading of the same table right above it (福州:
    ``七、国有资本经营预算拨款支出预算表`` over ``2026 年度国有资本经营预算拨款支出预算表``)."""
    return (
        pending.type.id == table_type.id
        and table_type.layout != "performance"
        and not pending.meta_lines
        and pending.heading is None
        and _HEADING_NUMBER.match(pending.title.text) is not None
    )


def _is_note(text: str) -> bool:
    """A note under a table: ``注：…``, ``说明：…``, ``备注：…``, or one in brackets (``（注：…）``)."""
    return text.lstrip("（(").startswith(NOTE_STARTS)


def _note_item(current: TableDraft, line: TextLine) -> bool:
    """An item (``1. 预算执行情况口径：…``) of a note that announces a list (``备注:``)."""
    items = 0
    for note in reversed(current.notes):
        if not _NOTE_ITEM.match(note.text):
            break
        items += 1
    announcing = len(current.notes) > items and current.notes[-1 - items].text.rstrip().endswith(("：", ":"))
    return announcing and (line.list_item or bool(_NOTE_ITEM.match(line.text)))


def _template_instruction(text: str) -> bool:
    """The template's instruction left under a table (``无…的，仍保留该表格式，并在本表下方作下述说明：``).

    It belongs to the table, not to the 说明 text, and the 说明 line it announces follows it.
    """
    return any(w in text for w in TEMPLATE_INSTRUCTION_WORDS)


def _continues_note(current: TableDraft, line: TextLine) -> bool:
    """The next line after a long note that stops mid-sentence: the rest the print wrapped onto it."""
    if not current.notes:
        return False
    last = current.notes[-1]
    follows = last.at.line is not None and line.at.line == last.at.line + 1 and line.at.page == last.at.page
    rest = line.text.strip()
    short_rest = len(rest) <= WRAPPED_NOTE_REST and rest.endswith(SENTENCE_ENDS)  # ``出。``
    return (
        follows
        and line.at.column in (None, 0)
        and (len(last.text) >= WRAPPED_NOTE or short_rest)
        and not last.text.rstrip().endswith(SENTENCE_ENDS)
        and not _SECTION_START.match(line.text)
    )


def _continues(current: TableDraft, pending: TableDraft, grid: Grid) -> bool:
    """A repeated title continues the table above when the header repeats (or for performance tables).

    A note under the table above (``备注：一个一级项目支出一张表。``) ends it: the title starts another.
    """
    if current.type.id != pending.type.id or (current.type.layout == "performance" and current.notes):
        return False
    if current.type.layout == "performance" or _number(current) == _number(pending) is not None:
        return True  # the same table number printed again: the next page of one table
    return repeated_header_rows(current.grids[0], grid) > 0


def _number(draft: TableDraft) -> str | None:
    return next(filter(None, (meta.table_number_of(x.text) for x in draft.meta_lines)), None)


def repeated_header_rows(first: Grid, grid: Grid) -> int:
    """How many leading rows of a continuation grid repeat the first grid's header (0: none)."""
    header_rows = split_header(_texts(first.rows)).body_start
    if header_rows == 0 or len(grid.rows) < header_rows:
        return 0
    same = all(
        [header_text(c.text) for c in a] == [header_text(c.text) for c in b]
        for a, b in zip(first.rows[:header_rows], grid.rows[:header_rows], strict=True)
    )
    return header_rows if same else 0


def _texts(rows: list[list[GridCell]]) -> list[list[str]]:
    return [[c.text for c in r] for r in rows]


def draft_to_table(draft: TableDraft) -> Table:
    lines = [draft.title, *draft.meta_lines]
    money: MoneyUnit | None = next((u for u in map(meta.money_unit_of, (x.text for x in lines)) if u), None)
    unit_name = _unit_name(lines)
    number = next((n for n in map(meta.table_number_of, (x.text for x in lines)) if n), None)
    if number is None and draft.heading is not None:
        number = _heading_number(draft.heading.text)  # as the 目录 numbers it: 七
    table = Table(
        type=draft.type.id,
        title=draft.title.text,
        at=draft.title.at,
        columns=[],
        money_unit=money,
        unit_name=unit_name,
        number=number,
        notes=[n.text for n in draft.notes],
    )
    grid_rows = [row for grid in draft.grids for row in grid.rows]
    table.pages = sorted({at.page for at in _places(draft, grid_rows) if at.page is not None})
    if grid_rows and len(table.pages) <= 1:  # lines number within a page: one page, or a text source
        first_line = grid_rows[0][0].at.line
        last_line = (draft.notes[-1].at.line if draft.notes else None) or grid_rows[-1][0].at.line
        if first_line is not None and last_line is not None:
            table.lines = (draft.title.at.line or first_line, last_line)
    if draft.type.layout == "performance":
        table.columns, table.performance = grid_to_performance(grid_rows, draft.type.id)
        for item in table.performance if draft.type.id in OVERALL_TYPES else []:
            item.name = item.name or unit_name or ""  # 重庆 prints 单位名称 above the form, not in it
    else:
        _fill_rows(table, draft)
    if not _has_data(table):
        table.empty_note = next((n for n in table.notes if any(w in n for w in EMPTY_NOTE_WORDS)), None)
    return table


def _measures_as_columns(table: Table, value_paths: list[str]) -> bool:
    """A table printing one row per measure (``预算数`` | ``决算数`` over the item columns, 西安 公开09表)
    becomes the standard one row with ``预算数/…`` and ``决算数/…`` columns, as the national print has it.
    """
    labels = [row.label for row in table.rows]
    if len(labels) < 2 or len(set(labels)) != len(labels) or not set(labels) <= set(MEASURE_ROWS):
        return False
    values = {f"{row.label}/{column}": cell for row in table.rows for column, cell in row.values.items()}
    table.columns = [f"{label}/{path}" for label in labels for path in value_paths if path]
    table.rows = [Row("", values, table.rows[0].at)]
    return True


def _heading_number(text: str) -> str | None:
    match = _HEADING_NUMBER.match(text)
    return match.group(1) if match else None


def _places(draft: TableDraft, grid_rows: list[list[GridCell]]) -> list[Provenance]:
    cells = [c.at for row in grid_rows for c in row[:1]]
    return [draft.title.at, *cells, *(n.at for n in draft.notes)]


def _wrapped_title_end(text: str) -> bool:
    """The last piece of a title the layout wrapped (``表``, ``自评表``)."""
    return len(text) <= WRAPPED_TITLE_END and text.endswith("表")


def _wrapped_title_start(line: TextLine, following: TextLine) -> bool:
    """The first line of a performance title wrapped before its end (``西安市级2022年西安市公共卫生中心``
    over ``（西安市疾病预防控制中心新址）建设公务运转项目绩效自评表``, sample 43 page 84): the line right
    above, no heading, meta line or prose.
    """
    text = line.text.strip()
    below = (
        line.at.page == following.at.page
        and line.at.line is not None
        and following.at.line == line.at.line + 1
    )
    return (
        below
        and len(text) + len(following.text.strip()) <= TITLE_MAX
        and not _SECTION_START.match(text)
        and not meta.is_meta_line(text)
        and not any(mark in text for mark in ("，", "。", "；", "：", ":"))
    )


def _short_line(text: str) -> bool:
    return len(text) <= SHORT_LINE and not text.endswith(("。", "；"))


def _unit_name(lines: list[TextLine]) -> str | None:
    """The unit a table's meta lines name, joined with the short lines its wrapping left below.

    ``lines[0]`` is the title. Without a 部门：/单位： label, the unlabelled meta lines are the name.
    """
    for index, line in enumerate(lines):
        name = meta.unit_name_of(line.text)
        if name:
            for rest in lines[index + 1 :]:
                if meta.is_meta_line(rest.text):
                    break
                name += rest.text.replace(" ", "")
            return name
    unlabelled = [x.text.replace(" ", "") for x in lines[1:] if not meta.is_meta_line(x.text)]
    # a year line (（2024 年度）) is meta, so never part of the name
    return "".join(unlabelled) or None


def _has_data(table: Table) -> bool:
    if table.performance:
        return True
    return any(cell.amount for row in table.rows for cell in row.values.values())


def _fill_rows(table: Table, draft: TableDraft) -> None:
    first = split_header(_texts(draft.grids[0].rows))
    width = max(g.width for g in draft.grids)
    paths = header_to_paths(first.header, width)
    body = draft.grids[0].rows[first.body_start :]
    if first.total_in_header:  # the 合计 row's other cells are column names, not figures
        body[0] = [body[0][0], *(GridCell("", c.at) for c in body[0][1:])]
    total = body[0] if body and any(is_total_label(c.text) for c in body[0]) else None
    for grid in draft.grids[1:]:
        rows = grid.rows[repeated_header_rows(draft.grids[0], grid) :]
        if total is not None and rows and _texts(rows[:1]) == _texts([total]):
            rows = rows[1:]  # the 合计 row reprinted atop a continuation page (佛山): one total, the first
        joined = join_cut_row(body[-1], rows[0]) if body and rows else None
        if joined is not None:
            body[-1], rows = joined, rows[1:]
        body += rows
    body_texts = _texts(body)
    layout = draft.type.layout
    if layout == "two_sided":
        table.rows, paths = two_sided_rows(body, paths)
        template = _template_for(draft.type, paths, list(range(len(paths))))
        if template is not None:
            renamed = dict(zip(paths, template, strict=True))
            for row in table.rows:
                row.values = {renamed[k]: v for k, v in row.values.items()}
            paths = list(template)
            table.header_source = "template"
    elif layout == "blocks":
        table.rows = block_rows(body, paths)
        paths = list(dict.fromkeys(leaf(p) for p in paths))
    else:
        cols = assign_roles(paths, body_texts, first.header, first.column_numbers)
        _name_split_columns(paths, cols.split)
        other_code = _other_code_path(paths, cols.other_code)
        template = _template_for(draft.type, paths, cols.values)
        if template is not None:
            paths = [""] * len(paths)
            for c, path in zip(cols.values, template, strict=True):
                paths[c] = path
            for c, name in zip(cols.split, SPLIT_CODE_WORDS, strict=False):
                paths[c] = f"功能分类科目编码/{name}"
            if cols.label is not None:
                paths[cols.label] = "科目名称"
            table.header_source = "template"
        for c in cols.other_code:
            paths[c] = other_code if c == cols.other_code[0] else ""
        table.rows = coded_rows(body, cols, paths)
        if layout == "listing" and _measures_as_columns(table, [paths[c] for c in cols.values]):
            return
        roles = [*cols.split, cols.code, cols.unit_code, cols.label, *cols.other_code[:1], *cols.values]
        paths = [paths[c] for c in sorted({c for c in roles if c is not None})]
    table.columns = [p for p in paths if p]


def _name_split_columns(paths: list[str], split: list[int]) -> None:
    """类/款/项 columns share one parent: the longest one printed (a centred span prints in one column)."""
    if not split:
        return
    parents = [paths[c].rsplit("/", 1)[0] if len(leaf(paths[c])) == 1 else paths[c] for c in split]
    parents = [p for p in parents if p and p not in SPLIT_CODE_WORDS]
    parent = max(parents, key=lambda p: p.count("/"), default="")
    for c, name in zip(split, SPLIT_CODE_WORDS, strict=False):
        paths[c] = f"{parent}/{name}" if parent else name


def _other_code_path(paths: list[str], other_code: list[int]) -> str:
    """The column of a second classification's 类/款 code, named after its name column on the right
    (``政府预算支出经济分类科目名称`` → ``政府预算支出经济分类科目编码``): both pairs print ``科目编码``."""
    if not other_code:
        return ""
    name = next((leaf(p) for p in paths[other_code[-1] + 1 :] if p), "")
    base = name.removesuffix("名称")
    return f"{base}编码" if "科目" in base else "经济分类科目编码"


def _template_for(table_type: TableType, paths: list[str], values: list[int]) -> tuple[str, ...] | None:
    """The standard columns, when the printed header is unreadable and counts as many columns."""
    printed = [paths[c] for c in values]
    for template in table_type.templates:
        if len(template) != len(values) or tuple(printed) == template:
            continue
        similar = all(_similar(p, t) for p, t in zip(printed, template, strict=True))
        garbled = not all(_readable(p) for p in printed) or len(set(printed)) < len(printed)
        if garbled or similar:
            return template
    return None


def _similar(printed: str, standard: str) -> bool:
    """The printed column name is the standard one, perhaps garbled (``上级上级支出`` for 上缴上级支出)."""
    return SequenceMatcher(None, leaf(printed), leaf(standard)).ratio() >= SIMILAR_NAME


def _readable(path: str) -> bool:
    """A header path a person would write: every part at least two characters, all Chinese."""
    return bool(path) and all(len(part) >= 2 and _CJK_PART.fullmatch(part) for part in path.split("/"))
