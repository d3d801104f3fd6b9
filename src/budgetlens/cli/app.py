"""The Typer application every command module registers on, and the shared error exit.

Exit codes: 0 success; 1 the check found errors; 2 the input cannot be read (a Chinese message on
stderr, never a traceback).
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer

from budgetlens.api import read_document
from budgetlens.errors import BudgetlensError
from budgetlens.ingest.ocr import terminal_progress
from budgetlens.ingest.pdf import MAX_PAGES
from budgetlens.model import Document

EXIT_UNREADABLE = 2

app = typer.Typer(
    help="budgetlens — 预决算公开审校与分析系统：读取、建模、审校部门预算与决算公开文档。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str) -> NoReturn:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(EXIT_UNREADABLE)


def read_or_exit(path: Path, max_pages: int = MAX_PAGES) -> Document:
    """The recognised document, or exit 2 with a Chinese message."""
    if max_pages < 1:
        fail(f"页数上限 --max-pages 须为正整数，现为 {max_pages}。")
    try:
        with terminal_progress():  # scans are read by OCR, seconds per page
            return read_document(path, max_pages=max_pages)
    except BudgetlensError as error:
        fail(str(error))
    except Exception as error:
        fail(f"读取 {path.name} 时出现内部错误（{type(error).__name__}: {error}），请将该文件反馈给开发者。")
