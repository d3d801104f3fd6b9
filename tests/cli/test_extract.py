"""The command line as a user meets it: real files in, exit codes and messages out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
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


def test_pdf_without_any_text_exits_2(tmp_path: Path) -> None:
    # a scan is read by OCR, or refused with the install hint: tests/ingest/test_ocr.py
    blank = pdfium.PdfDocument.new()
    blank.new_page(595, 842)
    blank.save(tmp_path / "blank.pdf")
    result = run("extract", str(tmp_path / "blank.pdf"))
    assert result.returncode == 2
    assert result.stderr == "错误：blank.pdf 没有可读取的内容：页面上没有文字。\n"


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


@pytest.mark.parametrize("form", ["xlsx", "docx"])
def test_extract_writes_the_tables_as_a_workbook_or_word_file(tmp_path: Path, form: str) -> None:
    out = tmp_path / f"公开表.{form}"
    result = run("extract", str(seed_path("003")), "--format", form, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == f"已写入 {out}"
    assert result.stderr.splitlines()[1].startswith(
        "注意：4 张绩效表暂不写出：一、2024年度武汉市江汉区企业服务中心"
    )
    back = run("extract", str(out), "--format", "text")
    assert "识别到 9 张表：" in back.stdout
    assert "[final.gpb_basic] 2024年度一般公共预算财政拨款基本支出决算明细表" in back.stdout


@pytest.mark.parametrize("form", ["xlsx", "docx"])
def test_extract_office_formats_need_an_output_file(form: str) -> None:
    result = run("extract", str(seed_path("003")), "--format", form)
    assert result.returncode == 2
    assert result.stderr == f"错误：{form} 格式不能输出到屏幕，请用 -o 指定文件，例如 -o 公开表.{form}\n"
    assert result.stdout == ""
