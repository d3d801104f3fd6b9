"""The “三公” figures of a document: the table's (item, 预算/决算) cells and the amounts the text states.

Items: ``合计``, ``因公出国（境）费``, ``公务用车购置及运行费``, ``公务用车购置费``, ``公务用车运行费``,
``公务接待费``. Templates name them differently (``公务用车购置及运行维护费/小计``, ``其中：公务用车
购置``, ``（三）公务接待费支出``) and lay them out as columns (most) or rows (广州, 福州); 决算 tables
have 预算数 and 决算数, budget tables this year's (and sometimes last year's) 预算数. A stated
amount's item is the last item the sentence names before it (or, for a part, its section's heading),
its measure the last 预算/决算 word before it; changes (比上年增加…), last year's figures and
averages are not figures of the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.model import Document, Row, Table
from budgetlens.rules.figures import Figure
from budgetlens.rules.narrative.figures import Sentence, Stated, amounts, fold
from budgetlens.rules.rounding import table_decimals
from budgetlens.rules.spending.topics import topic_sentences

TOTAL, ABROAD, CAR, PURCHASE, RUNNING, RECEPTION = (
    "“三公”经费合计",
    "因公出国（境）费",
    "公务用车购置及运行费",
    "公务用车购置费",
    "公务用车运行费",
    "公务接待费",
)
PARTS = {TOTAL: (ABROAD, CAR, RECEPTION), CAR: (PURCHASE, RUNNING)}
BUDGET, ACTUAL = "预算数", "决算数"

# Mentions in (folded) text, most specific first; OTHER words end an item's run (会议费、培训费).
OTHER = "other"
_MENTIONS = re.compile(
    r"(?P<car>公务用车购置(?:费)?(?:及|和)运行(?:维护)?|公务用车购置及运维)"
    r"|(?P<purchase>公务用车购置|购置公务用车|车辆购置)"
    r"|(?P<running>公务用车运行|公务用车运维)"
    r"|(?P<abroad>因公出国)"
    r"|(?P<reception>公务接待|接待费)"
    r"|(?P<total>三公)"
    r"|(?P<other>会议费|培训费|机关运行|国内公务接待|外宾接待|国\(境\)外公务接待)"
)
_NAMES = {
    "car": CAR,
    "purchase": PURCHASE,
    "running": RUNNING,
    "abroad": ABROAD,
    "reception": RECEPTION,
    "total": TOTAL,
    "other": OTHER,
}
# Words that make an amount something else than the year's figure of the item.
_NOT_A_FIGURE = re.compile(
    r"增加|减少|增长|下降|降低|上升|持平|节约|结余|结转|超|相比|较|比上|上年|去年"
    r"|平均|每辆|每人|人均|国内|外宾"
)
_YEAR = re.compile(r"(\d{4})\s*年")
_MEASURE = re.compile(r"预算|决算|执行|实际支出")

Figures = dict[tuple[str, str], list[Figure]]


@dataclass(frozen=True)
class StatedItem:
    """A stated “三公” amount with its item and measure (预算数/决算数)."""

    sentence: Sentence
    stated: Stated
    item: str
    measure: str
    initial: bool = False  # a 年初预算数: a 决算 table's 预算数 is the adjusted 全年预算数


def mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, item) of every item the text names; ``占“三公”经费的`` is a base, not a mention."""
    found = []
    for match in _MENTIONS.finditer(text):
        name = _NAMES[match.lastgroup or "other"]
        if text[max(0, match.start() - 2) : match.start()].endswith(("占", "占“", '占"')):
            continue
        found.append((match.start(), match.end(), name))
    return found


def _item_before(sentence: Sentence, start: int, previous: Sentence | None) -> tuple[str, int] | None:
    """The item named last before ``start`` and where its mention ends; else the section's part."""
    before = [m for m in mentions(sentence.plain) if m[1] <= start]
    if before:
        return before[-1][2], before[-1][1]
    if previous is not None and previous.paragraph is not sentence.paragraph:
        # A sentence broken across paragraphs by the conversion: “…“三公”” / “经费预算数为…”.
        tail = fold(previous.paragraph.text).rstrip()
        if tail and tail[-1] not in "。;!?:" and mentions(tail):
            return mentions(tail)[-1][2], 0
    heading = sentence.headings.rsplit(" ", 1)[-1]
    named = [m[2] for m in mentions(heading)]
    if named and named[-1] not in (TOTAL, OTHER):
        return named[-1], 0
    return None


def stated_items(document: Document) -> list[StatedItem]:
    """The “三公” amounts the narrative states, with item and measure."""
    found: list[StatedItem] = []
    final = document.kind == "final_account"
    for entry in topic_sentences(document, "三公"):
        sentence = entry.sentence
        previous = entry.section[entry.index - 1] if entry.index > 0 else None
        last_end = 0
        for stated in amounts(sentence, document.unit_name):
            item = _item_before(sentence, stated.start, previous)
            segment_start = max(last_end, item[1] if item else 0)
            segment = sentence.plain[segment_start : stated.start]
            last_end = stated.end
            if item is None or item[0] == OTHER or _NOT_A_FIGURE.search(segment):
                continue
            if any(int(y) != document.year for y in _YEAR.findall(segment)) or stated.label.endswith("的"):
                continue
            measure = _measure(sentence.plain[: stated.start], segment, final)
            if measure is not None:
                initial = final and measure == BUDGET and "年初" in segment
                found.append(StatedItem(sentence, stated, item[0], measure, initial))
    return found


def _measure(prefix: str, segment: str, final: bool) -> str | None:
    if not final:
        return BUDGET
    words = _MEASURE.findall(segment) or _MEASURE.findall(prefix)
    if not words:
        return None
    return BUDGET if words[-1] == "预算" else ACTUAL


# --- the table -------------------------------------------------------------------------------------

_MEASURE_SEGMENT = re.compile(
    r"预算数|决算数|当年预算|上年结转|\d{4}年|一般公共预算|政府性基金|国有资本|财政拨款"
)


def item_of(path: str, *, label: bool = False) -> str | None:
    """The item a column path or row label names (``公务用车购置及运行维护费/小计`` → ``CAR``)."""
    segments = [s for s in fold(path).split("/") if s and (label or not _is_frame(s))]
    if not segments:
        return None
    leaf = segments[-1]
    if leaf in ("小计", "合计", "总计"):
        if len(segments) == 1:
            return TOTAL
        leaf = segments[-2]
    if "科研" in leaf or any(w in leaf for w in ("会议费", "培训费", "行政经费", "机关运行")):
        return None
    named = [m[2] for m in mentions(leaf)]
    if named:
        return named[0]
    if leaf in ("购置费", "购置"):
        return PURCHASE
    if leaf in ("运行费", "运行维护费"):
        return RUNNING
    return None


def _is_frame(segment: str) -> bool:
    """A column segment that names a measure, year or fund, not an item (``预算数``, ``2026年预算数``)."""
    if "三公" in segment and not re.search(r"合计|总额|小计", segment):
        return True
    return bool(_MEASURE_SEGMENT.fullmatch(segment) or re.fullmatch(r"\d{4}年预算数|当年预算", segment))


def _column_measure(path: str, year: int | None) -> str | None:
    """预算数 or 决算数 of a column; None for last year's and carried-over columns."""
    text = fold(path)
    years = [int(y) for y in re.findall(r"(\d{4})年", text)]
    if "上年" in text or (year is not None and any(y != year for y in years)):
        return None
    if any(w in text for w in ("政府性基金", "国有资本", "科研")):
        return None
    return ACTUAL if "决算数" in text else BUDGET


def _rows(table: Table, year: int | None) -> list[Row]:
    totals = [r for r in table.rows if r.kind == "total"]
    if totals:
        return totals[:1]
    dated = [r for r in table.rows if any(c.rsplit("/", 1)[-1] == "年度" for c in r.values)]
    if dated:
        return [r for r in dated if str(year) in (r.values["年度"].text if "年度" in r.values else "")]
    return [r for r in table.rows if r.kind == "item"]


def table_figures(document: Document) -> Figures:
    """(item, measure) → the “三公” table cells printing it (one table, the first)."""
    tables = document.tables_of("final.three_public") + document.tables_of("budget.three_public")
    found: Figures = {}
    if not tables or tables[0].money_unit is None:
        return found
    table = tables[0]
    rows = _rows(table, document.year)
    by_column = any(item_of(c) not in (None, TOTAL) for c in table.columns)
    for row in rows if by_column else [r for r in table.rows if r.kind != "unit"]:
        row_item = None if by_column else item_of(row.label, label=True)
        for column, cell in row.values.items():
            item = item_of(column) if by_column else row_item
            measure = _column_measure(column, document.year)
            if item is None or measure is None or cell.amount is None:
                continue
            found.setdefault((item, measure), []).append(Figure(table, row, column))
    if by_column and len(rows) > 1:  # several unit rows and no total: no single figure
        return {key: figures for key, figures in found.items() if len({f.row.at for f in figures}) == 1}
    return found


def in_wan(figure: Figure) -> Decimal:
    return figure.value.scaleb(-4) if figure.table.money_unit == "元" else figure.value


def digits_of(figure: Figure) -> int:
    """The decimals (in 万元) a table figure is rounded to: its table's, four more for 元 tables."""
    return table_decimals(figure.table) + (4 if figure.table.money_unit == "元" else 0)
