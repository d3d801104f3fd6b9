"""The ``budgetlens`` command: a thin layer over the Python API.

Exit codes: 0 success; 2 the input cannot be read (a Chinese message on stderr, never a traceback).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from budgetlens.api import read_document
from budgetlens.errors import BudgetlensError
from budgetlens.recognize.vocabulary import TABLE_TYPES, vocabulary_markdown
from budgetlens.report.summary import document_summary
from budgetlens.serialize import document_to_json

EXIT_UNREADABLE = 2

app = typer.Typer(
    help="budgetlens — 预决算公开审校与分析系统：读取、建模、审校部门预算与决算公开文档。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ExtractFormat(StrEnum):
    json = "json"
    text = "text"


def _fail(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(EXIT_UNREADABLE)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="要读取的公开文档（目前支持文本文件）")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="输出格式")] = ExtractFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件（默认输出到屏幕）")] = None,
    rows: Annotated[bool, typer.Option("--rows", help="文本格式时列出每张表的各行")] = False,
) -> None:
    """读取一份公开文档，输出识别出的结构化文档（JSON）或摘要（text）。"""
    try:
        document = read_document(file)
    except BudgetlensError as error:
        _fail(str(error))
        return
    except Exception as error:
        _fail(f"读取 {file.name} 时出现内部错误（{type(error).__name__}: {error}），请将该文件反馈给开发者。")
        return
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


def main() -> None:
    app()
