"""Any view as a download: XLSX (opens in WPS and Excel) or CSV (UTF-8 with BOM for Excel)."""

from __future__ import annotations

import csv
import io
from typing import Literal
from urllib.parse import quote

from fastapi.responses import Response
from openpyxl import Workbook
from openpyxl.styles import Font

from budgetlens.web.views import Sheet

ExportFormat = Literal["xlsx", "csv"]
MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def sheet_bytes(sheet: Sheet, format: ExportFormat) -> bytes:
    if format == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(sheet.header)
        writer.writerows(["" if v is None else str(v) for v in row] for row in sheet.rows)
        return ("\ufeff" + text.getvalue()).encode("utf-8")
    book = Workbook()
    page = book.active
    assert page is not None
    page.title = "数据"
    page.append([sheet.title])
    page["A1"].font = Font(bold=True)
    page.append(list(sheet.header))
    for cell in page[2]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        page.append(list(row))  # Decimal stays an exact number cell
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_response(sheet: Sheet, format: ExportFormat) -> Response:
    name = f"{sheet.title}.{format}"
    disposition = f"attachment; filename=\"export.{format}\"; filename*=UTF-8''{quote(name)}"
    return Response(
        sheet_bytes(sheet, format), media_type=MEDIA[format], headers={"Content-Disposition": disposition}
    )
