"""The command line as a user meets it: real files in, exit codes and messages out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, seed_path

CLI = [sys.executable, "-m", "budgetlens"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, check=False, timeout=120)


def test_extract_json_has_schema_id_and_the_unit() -> None:
    result = run("extract", str(seed_path("000")))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "budgetlens.document/1"
    assert data["unit_name"] == "株洲市荷塘区产业服务中心"
    assert data["unit_code"] == "048001"


def test_extract_text_summary_names_tables_and_absent_ones() -> None:
    result = run("extract", str(seed_path("000")), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "单位：株洲市荷塘区产业服务中心（编码 048001）" in result.stdout
    assert "类型：2024 年部门预算" in result.stdout
    assert "[budget.gpb_expenditure] 一般公共预算支出表" in result.stdout
    assert "目录列出但正文缺少 3 张表：" in result.stdout
    assert "  - 收入总表（budget.income）" in result.stdout


def test_extract_writes_output_file(tmp_path: Path) -> None:
    out = tmp_path / "doc.json"
    result = run("extract", str(seed_path("001")), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text("utf-8"))["unit_name"] == "长沙市企业服务中心"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件是空的"),
        (b"   \n\n", "文件是空的"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "是网页（HTML），不是预决算公开文档"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "无法识别"),
        (b"\xff\xfe\x00\x01\x02garbage\x00", "无法识别"),
    ],
)
def test_unreadable_input_gives_chinese_error_and_exit_2(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.startswith("错误：")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_file_exit_2() -> None:
    result = run("extract", "/nonexistent/预算.txt")
    assert result.returncode == 2
    assert result.stderr == "错误：找不到文件：/nonexistent/预算.txt\n"


def test_html_landing_page_named_pdf_is_refused() -> None:
    landing = SAMPLES / "57-2026-重庆市公安局-落地页非正文.pdf"
    result = run("extract", str(landing))
    assert result.returncode == 2
    assert "57-2026-重庆市公安局-落地页非正文.pdf 是网页（HTML），不是预决算公开文档" in result.stderr


def test_scanned_pdf_without_text_layer_asks_for_ocr() -> None:
    scanned = SAMPLES / "11-2026-北京市政务服务和数据管理局-部门预算情况说明.pdf"
    result = run("extract", str(scanned))
    assert result.returncode == 2
    assert "没有文字层（可能是扫描件），需要先做文字识别（OCR）才能读取" in result.stderr
    assert "Traceback" not in result.stderr


def test_tables_lists_the_vocabulary() -> None:
    result = run("tables")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["final.summary", "收入支出决算总表"]
    assert ["performance.project_self_eval", "项目支出绩效自评表"] in [line.split() for line in lines]


def test_every_command_has_help() -> None:
    for command in ("extract", "tables"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert "Usage" in result.stdout
