"""``budgetlens check``: check documents against the rule catalogue and report the findings."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from budgetlens.cli.app import app, read_or_exit
from budgetlens.report.findings_json import findings_json
from budgetlens.report.findings_text import findings_text
from budgetlens.rules import check_document, has_errors

EXIT_ERRORS = 1


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="要审校的公开文档（可多个）")],
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="输出格式")] = CheckFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件（默认输出到屏幕）")] = None,
) -> None:
    """审校公开文档：按规则目录检查，按严重程度列出问题。有错误时退出码为 1，无法读取时为 2。"""
    reports = []
    for file in files:
        document = read_or_exit(file)
        reports.append((document, check_document(document)))
    if format is CheckFormat.json:
        text = findings_json(reports)
    else:
        text = "\n".join(findings_text(d, f) for d, f in reports)
    if output is None:
        sys.stdout.write(text.rstrip("\n") + "\n")
    else:
        output.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
        typer.echo(f"已写入 {output}", err=True)
    if any(has_errors(f) for _, f in reports):
        raise typer.Exit(EXIT_ERRORS)
