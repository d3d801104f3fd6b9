"""``budgetlens ingest``: read, check and store files and folders in the database.

Exit codes: 0 every file is stored (now or before) or was skipped as not a disclosure (a README);
1 some files could not be read or written (the others are stored; the summary says why);
2 the database cannot be opened or no path exists; 130 interrupted by Ctrl-C (everything stored
so far is kept whole; running the same command again continues with the rest).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.engine import make_url

from budgetlens.cli.app import app, fail
from budgetlens.store.batch import Outcome, expand, ingest_files
from budgetlens.store.database import StoreError, open_store
from budgetlens.store.ingest import document_count

EXIT_SOME_FAILED = 1
EXIT_INTERRUPTED = 130
DB_HELP = (
    "数据库：文件路径（SQLite）或 postgresql+psycopg://… 地址；默认为用户数据目录中的 budgetlens.sqlite3"
)


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def summary(outcomes: list[Outcome]) -> str:
    """The Chinese closing summary: counts, then each failed file with its reason."""
    count = {s: sum(1 for o in outcomes if o.status == s) for s in ("stored", "present", "skipped", "failed")}
    lines = [
        f"新入库 {count['stored']} 份，已在库中 {count['present']} 份，"
        f"跳过 {count['skipped']} 份（不是预决算公开文档），失败 {count['failed']} 份。"
    ]
    for outcome in outcomes:
        if outcome.status in ("failed", "skipped"):
            label = "失败" if outcome.status == "failed" else "跳过"
            lines.append(f"  {label}：{outcome.path} — {outcome.reason}")
    return "\n".join(lines)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="要入库的文件或文件夹（文件夹递归读取，跳过隐藏文件）")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-j", min=1, help="并行读取的进程数（默认为 CPU 核数，最多 4）")
    ] = None,
) -> None:
    """读取、审校并存入数据库。已入库的文件（按内容 sha256）自动跳过，中断后重新运行即可继续。"""
    files, missing = expand(paths)
    if not files:
        fail("没有找到要入库的文件" + "".join(f"；{o.path}：{o.reason}" for o in missing))
    try:
        store = open_store(db)
    except StoreError as error:
        fail(str(error))
    console = Console(stderr=True)
    before = document_count(store)
    outcomes: list[Outcome] = list(missing)
    progress = Progress(
        TextColumn("入库"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
    )
    try:
        with progress:
            task = progress.add_task("", total=len(files))

            def advance(outcome: Outcome) -> None:
                outcomes.append(outcome)
                progress.update(task, advance=1, description=outcome.path.name)

            ingest_files(store, files, workers=workers or default_workers(), progress=advance)
    except KeyboardInterrupt:
        # Counted in the database: Ctrl-C may land between a commit and its progress report.
        stored = document_count(store) - before
        console.print(
            f"已中断：本次已完整入库 {stored} 份文档，未完成的文档没有留下任何数据。"
            "重新运行同一命令即可继续处理其余文件。",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except StoreError as error:
        fail(str(error))
    finally:
        store.close()
    console.print(summary(outcomes), highlight=False, soft_wrap=True)
    console.print(
        f"数据库：{make_url(store.url).render_as_string(hide_password=True)}", highlight=False, soft_wrap=True
    )
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(EXIT_SOME_FAILED)
