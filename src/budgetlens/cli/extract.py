"""``budgetlens extract`` and ``budgetlens tables``: read a document, list the table vocabulary."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from budgetlens.cli.app import app, read_or_exit
from budgetlens.recognize.vocabulary import TABLE_TYPES, vocabulary_markdown
from budgetlens.report.summary import document_summary
from budgetlens.serialize import document_to_json


class ExtractFormat(StrEnum):
    json = "json"
    text = "text"


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="要读取的公开文档（目前支持文本文件）")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="输出格式")] = ExtractFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件（默认输出到屏幕）")] = None,
    rows: Annotated[bool, typer.Option("--rows", help="文本格式时列出每张表的各行")] = False,
) -> None:
    """读取一份公开文档，输出识别出的结构化文档（JSON）或摘要（text）。"""
    document = read_or_exit(file)
    text = (
        document_to_json(document) if format is ExtractFormat.json else document_summary(document, rows=rows)
    )
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        output.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"已写入 {output}", err=True)


@app.command()
def tables(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="输出 docs/tables.md 的 Markdown 内容")
    ] = False,
) -> None:
    """列出可识别的标准表格类型。"""
    if markdown:
        sys.stdout.write(vocabulary_markdown())
        return
    for table_type in TABLE_TYPES:
        typer.echo(f"{table_type.id:40} {table_type.name}")
