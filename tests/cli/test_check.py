"""``budgetlens check``: exit codes, the terminal view, the JSON report and the html/xlsx/csv outputs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import lxml.html
import openpyxl
import pytest
from typer.testing import CliRunner

from budgetlens.cli import app
from budgetlens.rules import check_document
from tests.conftest import seed, seed_path

runner = CliRunner()


def test_check_clean_document_exits_0() -> None:
    result = runner.invoke(app, ["check", str(seed_path("001"))])
    assert result.exit_code == 0, result.output
    assert "错误 0 项，警告 0 项" in result.output


def test_check_with_errors_exits_1_and_groups_by_severity() -> None:
    result = runner.invoke(app, ["check", str(seed_path("002"))])
    assert result.exit_code == 1
    assert "错误（3）" in result.output
    assert "[listed-table-missing] 第 13 行" in result.output
    assert "提示（" in result.output


def test_check_json_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["check", str(seed_path("004")), "--format", "json", "-o", str(out)])
    assert result.exit_code == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "budgetlens.report/1"
    assert report["document"]["kind"] == "final_account"
    # 3 table errors + 4 说明 (tests/rules/test_seeds.py), a unit-name typo and a placeholder
    # (test_consistency_rules.py, test_text_rules.py), 5 performance errors (test_performance_rules.py)
    assert report["counts"] == {"error": 14, "warning": 2, "info": 6}
    first = report["findings"][0]
    assert first["rule"] == "cross-table-figure"
    assert (first["actual"], first["expected"]) == ("218.50", "218.4")


def test_check_several_files_gives_a_list() -> None:
    result = runner.invoke(app, ["check", str(seed_path("001")), str(seed_path("002")), "-f", "json"])
    assert result.exit_code == 1
    assert [r["document"]["source"] for r in json.loads(result.stdout)] == [
        seed_path("001").name,
        seed_path("002").name,
    ]


def test_check_unreadable_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["check", str(empty)])
    assert result.exit_code == 2


def test_check_html_to_stdout_and_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(seed_path("003")), "--format", "html"])
    assert result.exit_code == 1
    assert result.stdout.startswith("<!DOCTYPE html>")
    tree = lxml.html.fromstring(result.stdout_bytes)
    assert "cross-table-figure" in tree.xpath('//code[@class="rule"]/text()')
    out = tmp_path / "审校.html"
    result = runner.invoke(app, ["check", str(seed_path("001")), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr == f"已写入 {out}\n"
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="document"') == 1
    assert "未发现问题。" in html


def test_check_xlsx_needs_output() -> None:
    result = runner.invoke(app, ["check", str(seed_path("003")), "--format", "xlsx"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "错误：xlsx 格式不能输出到屏幕，请用 -o 指定文件，例如 -o 审校.xlsx\n"


def test_check_xlsx_several_files(tmp_path: Path) -> None:
    out = tmp_path / "审校.xlsx"
    result = runner.invoke(
        app, ["check", str(seed_path("001")), str(seed_path("003")), "-f", "xlsx", "-o", str(out)]
    )
    assert result.exit_code == 1
    book = openpyxl.load_workbook(out)
    assert [row[0] for row in book["汇总"].iter_rows(min_row=2, values_only=True)] == [
        seed_path("001").name,
        seed_path("003").name,
    ]
    rules = [row[2] for row in book["问题清单"].iter_rows(min_row=2, values_only=True)]
    assert rules == [f.rule for f in check_document(seed("003"))]


def test_check_csv_file_has_bom(tmp_path: Path) -> None:
    out = tmp_path / "审校.csv"
    result = runner.invoke(app, ["check", str(seed_path("002")), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 1
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [(r[2], r[6]) for r in rows if r[2] == "listed-table-missing"] == [
        ("listed-table-missing", "13"),
        ("listed-table-missing", "15"),
        ("listed-table-missing", "16"),
    ]


@pytest.mark.parametrize("format", ["html", "xlsx", "csv"])
def test_check_unreadable_exits_2_in_every_format(tmp_path: Path, format: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / f"out.{format}"
    result = runner.invoke(app, ["check", str(empty), "-f", format, "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：")
    assert not out.exists()


def test_check_unwritable_output_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "审校.csv"
    result = runner.invoke(app, ["check", str(seed_path("001")), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：无法写入 {out}")
