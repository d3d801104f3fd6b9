"""Document and table meta lines: year, kind, scope, unit name and code, money unit, table number."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from budgetlens.model import DocumentKind, MoneyUnit, Scope

_MONEY_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元)\s*$")
_MONEY_UNIT_ANYWHERE = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元)(?![\u4e00-\u9fff])")
_UNIT_NAME = re.compile(
    r"^(?:单位名称|部门名称|填报单位|编制单位|编制部门|预算单位|预算主管部门|资金主管部门"
    r"|部门\(单位\)|单位\(部门\)|单位|部门)\s*[:：]\s*(.+)$"  # 部门（单位）： after NFKC
)
_COVER_NAME_LABELS = ("单位名称", "部门名称", "预算单位", "预算主管部门")
_UNIT_CODE = re.compile(r"单位(?:编码|代码)\s*[:：]\s*(\d{3,})")
_TABLE_NUMBER = re.compile(
    r"(公开\s*\d+\s*表|预算\s*\d+\s*表|(?:公开|预算)表\s*\d+|表[一二三四五六七八九十]+|表\s*\d+(?![\d\-—.．]))"
)
_NUMBER_LINE = re.compile(
    r"(?:公开\d+表|预算\d+表|(?:公开|预算)?表[一二三四五六七八九十]+|(?:公开|预算)?表\d+)"
)
_YEAR_LINE = re.compile(r"[(（]?(\d{4})年度?[)）]?")
LEVEL_WORDS = ("市级", "区级", "县级", "本级", "省级")
_TITLE = re.compile(r"(\d{4})\s*年度?\s*(.*?)\s*(部门|单位)\s*(预算|决算)")
_NAME_FIRST = re.compile(r"^(.*?)\s*(\d{4})\s*年度?\s*(部门|单位)\s*(预算|决算)")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def money_unit_of(line: str) -> MoneyUnit | None:
    match = _MONEY_UNIT_ANYWHERE.search(fold(line))
    return "万元" if match and match.group(1) == "万元" else ("元" if match else None)


def unit_name_of(line: str) -> str | None:
    """The unit a meta line names (``单位：048001_株洲市…`` → ``株洲市…``), not a money unit."""
    text = fold(line)
    match = _UNIT_NAME.match(text)
    if not match or _MONEY_UNIT.search(text):
        return None
    name = _TABLE_NUMBER.sub("", match.group(1))
    name = _MONEY_UNIT_ANYWHERE.sub("", name).strip()
    name = re.sub(r"^\d+_", "", name)
    return name.replace(" ", "") or None


def unit_code_of(line: str) -> str | None:
    match = _UNIT_CODE.search(fold(line))
    return match.group(1) if match else None


def table_number_of(line: str) -> str | None:
    match = _TABLE_NUMBER.search(fold(line))
    return re.sub(r"\s+", "", match.group(1)) if match else None


def is_number_line(line: str) -> bool:
    """A line that is only a table number (``表 6``, ``表一``, ``公开 01 表``, ``预算01表``)."""
    return bool(_NUMBER_LINE.fullmatch(fold(line).replace(" ", "")))


def year_line_of(line: str) -> int | None:
    """The year of a line that says only that (``（2024 年度）``): a table's meta, never a unit name."""
    match = _YEAR_LINE.fullmatch(fold(line).replace(" ", ""))
    return int(match.group(1)) if match else None


def is_meta_line(line: str) -> bool:
    return bool(
        money_unit_of(line)
        or unit_name_of(line)
        or table_number_of(line) == fold(line).replace(" ", "")
        or year_line_of(line)
    )


@dataclass
class Heading:
    year: int | None = None
    kind: DocumentKind | None = None
    scope: Scope | None = None
    unit_name: str | None = None
    unit_code: str | None = None


def read_heading(lines: list[str]) -> Heading:
    """What the cover lines say: ``2024 年度武汉市…中心 部门决算公开``, ``单位编码：048001`` …"""
    heading = Heading()
    joined = "".join(fold(line).replace(" ", "") for line in lines)
    match = _TITLE.search(joined)
    if match:
        heading.year = int(match.group(1))
        heading.kind = "final_account" if match.group(4) == "决算" else "budget"
        heading.scope = "unit" if match.group(3) == "单位" else "department"
        heading.unit_name = _without_level(match.group(2))
        before = _NAME_FIRST.search(joined)
        if not heading.unit_name and before and before.group(1):
            heading.unit_name = _without_level(before.group(1))
    for line in lines:
        heading.unit_code = heading.unit_code or unit_code_of(line)
        name = unit_name_of(line)
        if name and fold(line).startswith(_COVER_NAME_LABELS):
            heading.unit_name = name
    return heading


def _without_level(name: str) -> str | None:
    """A cover's name part without the level word (``市级``) or stray marks; None when nothing is left.

    ``上海市2026年市级单位预算``: the name comes from the 预算单位： line instead.
    """
    name = name.strip(" .·、,，:：")
    return None if not name or name in LEVEL_WORDS else name
