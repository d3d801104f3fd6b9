"""``budgetlens debug FILE --page N -o page.png``: draw what was detected on a PDF page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from budgetlens.cli.app import app, fail
from budgetlens.errors import BudgetlensError
from budgetlens.ingest.raw import Grid
from budgetlens.ingest.registry import read_path
from budgetlens.recognize.document import raw_to_document
from budgetlens.report.page_image import render_debug_page


@app.command()
def debug(
    file: Annotated[Path, typer.Argument(help="要查看的 PDF 文档")],
    page: Annotated[int, typer.Option("--page", "-p", min=1, help="页码（从 1 开始）")] = 1,
    output: Annotated[Path, typer.Option("--output", "-o", help="输出的 PNG 图片")] = Path("page.png"),
    scale: Annotated[float, typer.Option("--scale", min=0.5, max=6.0, help="放大倍数")] = 2.0,
) -> None:
    """把某页画成图片，标出检测到的表格线、单元格和识别出的表格类型（用于排查误读）。"""
    try:
        raw = read_path(file)
        if raw.source.format != "pdf":
            fail(f"{file.name} 不是 PDF（识别为 {raw.source.format}），调试图只适用于 PDF。")
        document = raw_to_document(raw)
        grids = [b for b in raw.blocks if isinstance(b, Grid) and b.at.page == page]
        image = render_debug_page(file, page, document, grids, scale)
    except BudgetlensError as error:
        fail(str(error))
    image.save(output)
    typer.echo(f"已写入 {output}（第 {page} 页，{len(grids)} 个表格网格）", err=True)
