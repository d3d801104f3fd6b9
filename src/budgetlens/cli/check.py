"""``budgetlens check``: check documents against the rule catalogue and report the findings.

Formats: ``text`` (terminal), ``json``, ``html`` (one printable page), ``xlsx`` (汇总 + 问题清单,
needs ``-o``) and ``csv`` (the 问题清单, UTF-8 with BOM). Several files make one report.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from budgetlens.cli.app import EXIT_UNREADABLE, app, fail, read_or_exit
from budgetlens.ingest.pdf import MAX_PAGES
from budgetlens.report.findings_csv import findings_csv
from budgetlens.report.findings_html import findings_html
from budgetlens.report.findings_json import findings_json
from budgetlens.report.findings_text import findings_text
from budgetlens.report.findings_xlsx import findings_xlsx
from budgetlens.rules import check_document, has_errors
from budgetlens.rules.performance.profiles import (
    DEFAULT_PROFILE,
    PROFILES,
    UnknownProfileError,
    profile_by_name,
)

EXIT_ERRORS = 1


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    xlsx = "xlsx"
    csv = "csv"


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="要审校的公开文档（可多个）")],
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="输出格式：text、json、html、xlsx（须用 -o）、csv")
    ] = CheckFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件（默认输出到屏幕）")] = None,
    profile: Annotated[
        str,
        typer.Option("--profile", help=f"绩效自评评分方案：{'、'.join(PROFILES)}（默认 {DEFAULT_PROFILE}）"),
    ] = DEFAULT_PROFILE,
    max_pages: Annotated[int, typer.Option("--max-pages", help="PDF 页数上限")] = MAX_PAGES,
) -> None:
    """审校公开文档：按规则目录检查，按严重程度列出问题。有错误时退出码为 1，无法读取时为 2。"""
    if format is CheckFormat.xlsx and output is None:
        typer.echo("错误：xlsx 格式不能输出到屏幕，请用 -o 指定文件，例如 -o 审校.xlsx", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        profile_by_name(profile)
    except UnknownProfileError as error:
        fail(str(error))
    reports = []
    for file in files:
        document = read_or_exit(file, max_pages)
        reports.append((document, check_document(document, profile=profile)))
    data: bytes
    if format is CheckFormat.xlsx:
        data = findings_xlsx(reports)
    elif format is CheckFormat.csv:
        data = findings_csv(reports)
    else:
        if format is CheckFormat.json:
            text = findings_json(reports)
        elif format is CheckFormat.html:
            text = findings_html(reports)
        else:
            text = "\n".join(findings_text(d, f) for d, f in reports)
        data = (text.rstrip("\n") + "\n").encode("utf-8")
    if output is None:
        if format in (CheckFormat.text, CheckFormat.json):
            sys.stdout.write(data.decode("utf-8"))
        else:  # html and csv are UTF-8 files whatever the terminal's encoding
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    else:
        try:
            output.write_bytes(data)
        except OSError as error:
            typer.echo(f"错误：无法写入 {output}（{error.strerror or error}）", err=True)
            raise typer.Exit(EXIT_UNREADABLE) from None
        typer.echo(f"已写入 {output}", err=True)
    if any(has_errors(f) for _, f in reports):
        raise typer.Exit(EXIT_ERRORS)
