"""``budgetlens extract`` and ``budgetlens tables``: read a document, list the table vocabulary.

``extract --format xlsx|docx -o OUT`` writes the recognised tables back as a workbook or a Word
document laid out as a disclosure prints them (``report.document_xlsx``, ``report.document_docx``).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from budgetlens.cli.app import EXIT_UNREADABLE, app, read_or_exit
from budgetlens.ingest.pdf import MAX_PAGES
from budgetlens.recognize.vocabulary import TABLE_TYPES, vocabulary_markdown
from budgetlens.report.document_docx import document_docx
from budgetlens.report.document_xlsx import document_xlsx
from budgetlens.report.printed_tables import printable
from budgetlens.report.summary import document_summary
from budgetlens.serialize import document_to_json


class ExtractFormat(StrEnum):
    json = "json"
    text = "text"
    xlsx = "xlsx"
    docx = "docx"


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="要读取的公开文档（目前支持文本文件）")],
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="输出格式：json、text，或 xlsx、docx（须用 -o）")
    ] = ExtractFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件（默认输出到屏幕）")] = None,
    rows: Annotated[bool, typer.Option("--rows", help="文本格式时列出每张表的各行")] = False,
    max_pages: Annotated[int, typer.Option("--max-pages", help="PDF 页数上限")] = MAX_PAGES,
) -> None:
    """读取一份公开文档，输出识别出的结构化文档（JSON）、摘要（text），或按公开格式写成 Excel、Word。"""
    if format in (ExtractFormat.xlsx, ExtractFormat.docx) and output is None:
        typer.echo(f"错误：{format} 格式不能输出到屏幕，请用 -o 指定文件，例如 -o 公开表.{format}", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    document = read_or_exit(file, max_pages)
    if format in (ExtractFormat.xlsx, ExtractFormat.docx):
        assert output is not None
        data = document_xlsx(document) if format is ExtractFormat.xlsx else document_docx(document)
        try:
            output.write_bytes(data)
        except OSError as error:
            typer.echo(f"错误：无法写入 {output}（{error.strerror or error}）", err=True)
            raise typer.Exit(EXIT_UNREADABLE) from None
        typer.echo(f"已写入 {output}", err=True)
        skipped = [t.title for t in document.tables if not printable(t)]
        if skipped:
            typer.echo(f"注意：{len(skipped)} 张绩效表暂不写出：{'、'.join(skipped)}", err=True)
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
