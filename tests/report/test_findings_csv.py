"""The 问题清单 as CSV: UTF-8 with BOM, the XLSX list's columns, exact figures of seed 003."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from decimal import Decimal as D

from budgetlens.model import Document, Provenance, Source
from budgetlens.report.findings_csv import COLUMNS, findings_csv
from budgetlens.rules import Evidence, Finding, Location, check_document
from tests.conftest import seed, seed_path

FILE = "003_ad50221802a8c10b.txt"
TOTAL = "2024年度收入支出决算总表"
EXPENDITURE = "2024年度支出决算表"
GPB = "2024年度一般公共预算财政拨款支出决算表"
BASIC = "2024年度一般公共预算财政拨款基本支出决算明细表"

# The findings tests/rules/test_seeds.py pins for seed 003 (the table rules), as CSV rows without 说明:
# 文件, 严重程度, 规则, 规则名称, 页, 行, 表, 行项目, 列, 期望值, 实际值, 差额.
PINNED_003 = [
    [
        FILE,
        "错误",
        "cross-table-figure",
        "表间同一数字一致",
        "",
        "106",
        TOTAL,
        "本年支出合计",
        "支出/金额",
        "497.84",
        "497.8",
        "-0.04",
    ],
    [
        FILE,
        "错误",
        "two-sided-totals",
        "收支总表合计与总计",
        "",
        "106",
        TOTAL,
        "本年支出合计",
        "支出/金额",
        "497.69",
        "497.8",
        "0.11",
    ],
    [
        FILE,
        "错误",
        "two-sided-totals",
        "收支总表合计与总计",
        "",
        "109",
        TOTAL,
        "总计",
        "支出/金额",
        "497.8",
        "497.84",
        "0.04",
    ],
    [
        FILE,
        "错误",
        "code-hierarchy-sum",
        "功能分类科目逐级汇总",
        "",
        "160",
        EXPENDITURE,
        "合计",
        "本年支出合计",
        "392.01",
        "497.84",
        "105.83",
    ],
    [
        FILE,
        "错误",
        "row-identity",
        "行内合计等于各列之和",
        "",
        "162",
        EXPENDITURE,
        "2010399 其他政府办公厅(室)及相关机构事务支出",
        "本年支出合计",
        "105.83",
        "0",
        "-105.83",
    ],
    [
        FILE,
        "错误",
        "cross-table-figure",
        "表间同一数字一致",
        "",
        "231",
        GPB,
        "合计",
        "本年支出/基本支出",
        "392.71",
        "392.79",
        "0.08",
    ],
    [
        FILE,
        "错误",
        "block-totals",
        "人员经费、公用经费合计等于各类之和",
        "",
        "284",
        BASIC,
        "公用经费合计",
        "决算数",
        "15.42",
        "15.4",
        "-0.02",
    ],
]
TABLE_FAMILIES = {
    "cross-table-figure",
    "two-sided-totals",
    "code-hierarchy-sum",
    "row-identity",
    "block-totals",
}


def read_back(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel/WPS"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_seed_003_rows_exact() -> None:
    findings = check_document(seed("003"))
    header, *rows = read_back(findings_csv([(seed("003"), findings)]))
    assert tuple(header) == COLUMNS
    assert len(rows) == len(findings)
    assert [r[4] for r in rows] == [f.message for f in findings]
    without_message = [r[:4] + r[5:] for r in rows]
    assert [r for r in without_message if r[2] in TABLE_FAMILIES] == PINNED_003
    narrative = [r for r in without_message if r[2] == "narrative-table-figure"]
    assert [(r[1], r[5], r[8]) for r in narrative] == [("错误", "421", "决算数")]


def test_several_documents_in_order() -> None:
    reports = [(seed(k), check_document(seed(k))) for k in ("001", "002", "003")]
    rows = read_back(findings_csv(reports))[1:]
    assert [r[0] for r in rows] == [d.source.name for d, f in reports for _ in f]
    assert [r[6] for r in rows if r[2] == "listed-table-missing"] == ["13", "15", "16"]


def test_text_that_looks_like_a_formula_is_defused_numbers_are_not() -> None:
    document = Document(Source("x.txt", "text", "0" * 64), "budget", "department", 2024, "单位", None)
    finding = Finding(
        rule="row-identity",
        severity="error",
        message='=HYPERLINK("http://x","点")',
        location=Location(line=3, label="+其他", column="@列"),
        evidence=(Evidence("印制数", "1", D("1"), Provenance(line=3)),),
        expected=D("1.50"),
        actual=D("1"),
    )
    (row,) = read_back(findings_csv([(document, [finding])]))[1:]
    assert row[4] == '\'=HYPERLINK("http://x","点")'
    assert (row[8], row[9]) == ("'+其他", "'@列")
    assert row[10:] == ["1.50", "1", "-0.50"]


def test_cli_writes_bom_csv_to_stdout() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "budgetlens", "check", str(seed_path("003")), "--format", "csv"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    rows = read_back(result.stdout)
    assert [r[:4] + r[5:] for r in rows[1:] if r[2] in TABLE_FAMILIES] == PINNED_003
