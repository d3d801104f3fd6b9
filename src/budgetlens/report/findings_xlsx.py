"""Findings as an Excel workbook: a 汇总 sheet (a row per document) and a 问题清单 sheet (a row per finding).

A plain openpyxl workbook (fonts, number formats, widths, a frozen header and an autofilter only),
so Excel and WPS both open it. Amounts are real numeric cells whose number format shows the decimals
the figure was printed with (``497.8`` → ``#,##0.0``, ``497.84`` → ``#,##0.00``); a figure of more
than 15 significant digits, which a spreadsheet number cannot hold exactly, is written as text.
Text is always a string cell (never a formula, whatever it starts with).
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from budgetlens.report.findings_csv import COLUMNS, Cell, Reports, finding_rows, plain_amount
from budgetlens.rules.finding import SEVERITIES, SEVERITY_NAMES

SUMMARY_SHEET = "汇总"
LIST_SHEET = "问题清单"
SUMMARY_COLUMNS: tuple[str, ...] = (
    "文件",
    "单位名称",
    "单位编码",
    "年度",
    "种类",
    *(SEVERITY_NAMES[s] for s in SEVERITIES),
    "合计",
    "SHA-256",
)
KIND_NAMES = {"budget": "部门预算", "final_account": "部门决算"}
WRAPPED = frozenset({"说明", "表", "行项目", "列"})
MAX_WIDTH = {"说明": 80, "表": 36, "行项目": 30, "列": 24, "SHA-256": 66}
_EXACT_DIGITS = 15


def amount_format(value: Decimal) -> str:
    """The number format showing the decimals of the printed figure (``#,##0`` for whole numbers)."""
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * places if places else "")


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _put(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    if value is None or value == "":
        return
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Decimal):
        if len(value.as_tuple().digits) > _EXACT_DIGITS:
            cell.value = plain_amount(value)
            cell.data_type = "s"
        else:
            cell.value = value
            cell.number_format = amount_format(value)
    elif isinstance(value, int):
        cell.value = value
        cell.number_format = "0"
    else:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # document text starting with "=" stays text, never a formula


def _fill(sheet: Worksheet, header: tuple[str, ...], rows: list[list[Cell]]) -> None:
    """Header (bold, frozen, filtered), rows, and widths fitted to the content within limits."""
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center")
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            _put(sheet, r, c, value)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    for c, name in enumerate(header, start=1):
        texts = [name] + [
            plain_amount(v) if isinstance(v, Decimal) else str(v)
            for v in (row[c - 1] for row in rows)
            if v is not None
        ]
        width = max(_display_width(t) for t in texts) + 2
        letter = get_column_letter(c)
        sheet.column_dimensions[letter].width = min(max(width, 6), MAX_WIDTH.get(name, 40))
        if name in WRAPPED:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def summary_rows(reports: Reports) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for document, findings in reports:
        counts = Counter(f.severity for f in findings)
        rows.append(
            [
                document.source.name,
                document.unit_name,
                document.unit_code,
                document.year,
                KIND_NAMES.get(document.kind or "", document.kind),
                *(counts.get(s, 0) for s in SEVERITIES),
                len(findings),
                document.source.sha256,
            ]
        )
    return rows


def findings_workbook(reports: Reports) -> Workbook:
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = SUMMARY_SHEET
    _fill(summary, SUMMARY_COLUMNS, summary_rows(reports))
    _fill(workbook.create_sheet(LIST_SHEET), COLUMNS, finding_rows(reports))
    return workbook


def findings_xlsx(reports: Reports) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    findings_workbook(reports).save(buffer)
    return buffer.getvalue()
