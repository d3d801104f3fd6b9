"""The XLSX report: 汇总 and 问题清单 sheets, real numeric cells with the printed decimals (seed 003)."""

from __future__ import annotations

import io
from decimal import Decimal as D

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from budgetlens.model import Document, Source
from budgetlens.report.findings_csv import COLUMNS
from budgetlens.report.findings_xlsx import LIST_SHEET, SUMMARY_SHEET, amount_format, findings_xlsx
from budgetlens.rules import Finding, Location, check_document
from tests.conftest import seed

# tests/rules/test_seeds.py, seed 003 (the table rules): rule, line, 行项目, column, actual, expected.
PINNED_003 = [
    ["cross-table-figure", 106, "本年支出合计", "支出/金额", D("497.8"), D("497.84")],
    ["two-sided-totals", 106, "本年支出合计", "支出/金额", D("497.8"), D("497.69")],
    ["two-sided-totals", 109, "总计", "支出/金额", D("497.84"), D("497.8")],
    ["code-hierarchy-sum", 160, "合计", "本年支出合计", D("497.84"), D("392.01")],
    [
        "row-identity",
        162,
        "2010399 其他政府办公厅(室)及相关机构事务支出",
        "本年支出合计",
        D("0"),
        D("105.83"),
    ],
    ["cross-table-figure", 231, "合计", "本年支出/基本支出", D("392.79"), D("392.71")],
    ["block-totals", 284, "公用经费合计", "决算数", D("15.4"), D("15.42")],
]
TABLE_RULES = {row[0] for row in PINNED_003}


def workbook(*keys: str) -> openpyxl.Workbook:
    data = findings_xlsx([(seed(k), check_document(seed(k))) for k in keys])
    return openpyxl.load_workbook(io.BytesIO(data))


def records(sheet: Worksheet) -> list[dict[str, object]]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def exact(value: object) -> D | None:
    """A numeric cell back as the exact decimal it was written from (Excel stores the nearest double)."""
    return None if value is None else D(str(value))


def test_sheets_header_frozen_bold_filtered() -> None:
    book = workbook("003")
    assert book.sheetnames == [SUMMARY_SHEET, LIST_SHEET]
    sheet = book[LIST_SHEET]
    assert tuple(c.value for c in sheet[1]) == COLUMNS
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{sheet.max_row}"
    assert sheet.column_dimensions["E"].width == 80  # 说明, wrapped
    assert all(sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKLM")


def test_seed_003_findings_exact() -> None:
    findings = check_document(seed("003"))
    rows = [list(row) for row in workbook("003")[LIST_SHEET].iter_rows(min_row=2)]
    assert len(rows) == len(findings)
    values = [[c.value for c in row] for row in rows]
    assert [v[4] for v in values] == [f.message for f in findings]
    pinned = [r for r in rows if r[2].value in TABLE_RULES]
    assert [
        [r[2].value, r[6].value, r[8].value, r[9].value, exact(r[11].value), exact(r[10].value)]
        for r in pinned
    ] == PINNED_003
    first = pinned[0]
    assert [c.value for c in first[:4]] == [
        "003_ad50221802a8c10b.txt",
        "错误",
        "cross-table-figure",
        "表间同一数字一致",
    ]
    assert first[5].value is None  # a text export has no pages
    assert first[7].value == "2024年度收入支出决算总表"
    # Real numbers, shown with the decimals the figure was printed with.
    assert (first[10].data_type, first[11].data_type, first[12].data_type) == ("n", "n", "n")
    assert (exact(first[10].value), first[10].number_format) == (D("497.84"), "#,##0.00")
    assert (exact(first[11].value), first[11].number_format) == (D("497.8"), "#,##0.0")
    assert exact(first[12].value) == D("-0.04")
    assert (first[6].value, first[6].data_type) == (106, "n")
    blank = next(r for r in pinned if r[2].value == "row-identity")
    assert (exact(blank[11].value), blank[11].number_format) == (D("0"), "#,##0")
    assert [(v[2], v[6]) for v in values if v[2] == "narrative-table-figure"] == [
        ("narrative-table-figure", 421)
    ]


def test_summary_sheet_one_row_per_document() -> None:
    book = workbook("002", "003")
    summary = records(book[SUMMARY_SHEET])
    counts = {k: check_document(seed(k)) for k in ("002", "003")}
    assert [(r["文件"], r["单位名称"], r["年度"], r["种类"]) for r in summary] == [
        ("002_8fd632e91e011919.txt", seed("002").unit_name, 2024, "部门预算"),
        ("003_ad50221802a8c10b.txt", "武汉市江汉区企业服务中心", 2024, "部门决算"),
    ]
    for row, findings in zip(summary, counts.values(), strict=True):
        assert row["错误"] == sum(f.severity == "error" for f in findings)
        assert row["提示"] == sum(f.severity == "info" for f in findings)
        assert row["合计"] == len(findings)
    assert summary[1]["SHA-256"] == seed("003").source.sha256
    assert [r["文件"] for r in records(book[LIST_SHEET])][:3] == ["002_8fd632e91e011919.txt"] * 3


def test_text_is_never_a_formula_and_long_figures_stay_exact() -> None:
    document = Document(Source("x.txt", "text", "0" * 64), None, None, None, "=1+1", None)
    finding = Finding(
        rule="unknown-rule",
        severity="warning",
        message="=SUM(A1:A9)\x07",
        location=Location(label="-其他"),
        expected=D("1234567890123.4567"),
        actual=D("12.5"),
    )
    book = openpyxl.load_workbook(io.BytesIO(findings_xlsx([(document, [finding])])))
    (row,) = book[LIST_SHEET].iter_rows(min_row=2)
    assert [(c.value, c.data_type) for c in (row[1], row[3], row[4], row[8])] == [
        ("警告", "s"),
        (None, "n"),  # a rule the catalogue does not know has no title
        ("=SUM(A1:A9)", "s"),  # control characters Excel rejects are dropped
        ("-其他", "s"),
    ]
    assert (row[10].value, row[10].data_type) == ("1234567890123.4567", "s")  # > 15 digits: text
    assert (row[11].value, row[11].number_format) == (12.5, "#,##0.0")
    summary = records(book[SUMMARY_SHEET])
    assert (summary[0]["单位名称"], summary[0]["年度"], summary[0]["种类"]) == ("=1+1", None, None)


def test_amount_format_follows_printed_scale() -> None:
    assert [amount_format(D(x)) for x in ("17", "33.3", "353.10", "0.005", "1E+2")] == [
        "#,##0",
        "#,##0.0",
        "#,##0.00",
        "#,##0.000",
        "#,##0",
    ]
