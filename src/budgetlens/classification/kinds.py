"""The four classifications, told apart by a code's first digit, and the shape of their codes.

支出功能分类 2xx (类 3 digits, 款 5, 项 7), 部门预算支出经济分类 3xx and 政府预算支出经济分类 5xx
(类 3, 款 5), 收入分类 1xx (类 3 … 目 9). Some regions print a local third level of 3xx codes
(重庆 ``3010201 规范性津补贴``), so 7 digits are a valid 部门预算经济分类 shape too. A child's
code always starts with its parent's.
"""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["function", "econ_dept", "econ_gov", "revenue"]
KINDS: tuple[Kind, ...] = ("function", "econ_dept", "econ_gov", "revenue")
KIND_NAMES: dict[Kind, str] = {
    "function": "支出功能分类",
    "econ_dept": "部门预算支出经济分类",
    "econ_gov": "政府预算支出经济分类",
    "revenue": "收入分类",
}
_FIRST_DIGIT: dict[str, Kind] = {"1": "revenue", "2": "function", "3": "econ_dept", "5": "econ_gov"}
LEVELS: dict[Kind, dict[int, str]] = {
    "function": {3: "类", 5: "款", 7: "项"},
    "econ_dept": {3: "类", 5: "款", 7: "项"},
    "econ_gov": {3: "类", 5: "款"},
    "revenue": {3: "类", 5: "款", 7: "项", 9: "目"},
}
# The classifications of expenditure tables: the ones the code rules check and `codes learn` reads.
EXPENDITURE_KINDS: tuple[Kind, ...] = ("function", "econ_dept", "econ_gov")
_DIGITS = re.compile(r"[0-9]+")


def kind_of(code: str) -> Kind | None:
    """The classification a code belongs to by its first digit (None: no classification starts so)."""
    return _FIRST_DIGIT.get(code[:1])


def is_digits(code: str) -> bool:
    """ASCII digits only (``str.isdigit`` would also accept full-width and superscript digits)."""
    return _DIGITS.fullmatch(code) is not None


def level_of(kind: Kind, code: str) -> str | None:
    """类/款/项/目 of a well-formed code; None when its length is not one of its classification's."""
    return LEVELS[kind].get(len(code)) if is_digits(code) else None


def parent_of(code: str) -> str:
    """The code one level up (``2010350`` → ``20103``); empty for a 类."""
    return code[:-2] if len(code) > 3 else ""


def ancestors_of(code: str) -> list[str]:
    """Every code above, nearest first (``2010350`` → ``20103``, ``201``)."""
    return [code[:n] for n in range(len(code) - 2, 2, -2)]
