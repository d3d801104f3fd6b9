"""The 问题清单 as a flat list, one row per finding: CSV here, the XLSX sheet in findings_xlsx.

`finding_rows` gives the cells with their real types (``int`` for page and line, exact `Decimal` for
amounts, ``None`` for blank); `findings_csv` writes them as UTF-8 with a BOM, so that Excel and WPS
open the Chinese text correctly. Amounts are written exactly as computed (``497.8``, never a float).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

from budgetlens.model import Document
from budgetlens.rules.finding import SEVERITY_NAMES, Finding
from budgetlens.rules.registry import get_rule

Cell = str | int | Decimal | None
Reports = Sequence[tuple[Document, Sequence[Finding]]]

COLUMNS: tuple[str, ...] = (
    "文件",
    "严重程度",
    "规则",
    "规则名称",
    "说明",
    "页",
    "行",
    "表",
    "行项目",
    "列",
    "期望值",
    "实际值",
    "差额",
)
AMOUNT_COLUMNS = frozenset({"期望值", "实际值", "差额"})

# A text cell starting with one of these is taken for a formula by Excel/WPS when the CSV is opened;
# document text is untrusted, so such a cell is prefixed with an apostrophe (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def rule_title(rule_id: str) -> str:
    """The Chinese title of a rule in the catalogue ("" for an id the catalogue does not know)."""
    try:
        return get_rule(rule_id).title
    except KeyError:
        return ""


def row_item(code: str | None, label: str | None) -> str | None:
    """The row a finding points at: ``2010399 其他政府办公厅…``, the code or the label alone."""
    text = " ".join(part for part in (code, label) if part)
    return text or None


def finding_row(document: Document, finding: Finding) -> list[Cell]:
    """The cells of one finding, in the order of `COLUMNS`."""
    where = finding.location
    return [
        document.source.name,
        SEVERITY_NAMES[finding.severity],
        finding.rule,
        rule_title(finding.rule),
        finding.message,
        where.page,
        where.line,
        where.title or where.table,
        row_item(where.code, where.label),
        where.column,
        finding.expected,
        finding.actual,
        finding.difference,
    ]


def finding_rows(reports: Reports) -> list[list[Cell]]:
    """Every finding of every document, documents in the given order, findings in engine order."""
    return [finding_row(document, finding) for document, findings in reports for finding in findings]


def plain_amount(value: Decimal) -> str:
    """A decimal in plain notation with its printed scale: ``497.80`` stays ``497.80``, never ``4.978E+2``."""
    return format(value, "f")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain_amount(value)
    if isinstance(value, int):
        return str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def findings_csv(reports: Reports) -> bytes:
    """The 问题清单 as CSV bytes: UTF-8 with BOM, a header row, CRLF line ends (RFC 4180)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in finding_rows(reports):
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")
