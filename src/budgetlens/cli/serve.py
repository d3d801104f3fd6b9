"""``budgetlens serve``: the web UI and REST API on the embedded SQLite default or a PostgreSQL URL.

Writes (uploads) need a token: ``--token``, else the environment variable ``BUDGETLENS_TOKEN``,
else a random one printed at start, so a server is never open for writing by accident.
"""

from __future__ import annotations

import os
import secrets
from typing import Annotated

import typer
import uvicorn

from budgetlens.cli.app import app, fail
from budgetlens.cli.ingest import DB_HELP
from budgetlens.ingest.pdf import MAX_PAGES
from budgetlens.store.database import StoreError, open_store
from budgetlens.web.app import WebSettings, create_app


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    host: Annotated[str, typer.Option("--host", help="监听地址（默认只接受本机访问）")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="端口")] = 8000,
    token: Annotated[
        str | None, typer.Option("--token", help="上传等写操作的令牌（默认读 BUDGETLENS_TOKEN）")
    ] = None,
    max_upload_mb: Annotated[
        int, typer.Option("--max-upload-mb", min=1, help="单个上传文件的大小上限（MB）")
    ] = 50,
    max_pages: Annotated[int, typer.Option("--max-pages", min=1, help="上传 PDF 的页数上限")] = MAX_PAGES,
) -> None:
    """启动网页界面和 REST 接口（浏览器打开显示的地址；接口文档在 /api/docs）。"""
    try:
        store = open_store(db)
    except StoreError as error:
        fail(str(error))
    secret = token or os.environ.get("BUDGETLENS_TOKEN") or secrets.token_urlsafe(16)
    settings = WebSettings(store, secret, max_upload_mb * 1024 * 1024, max_pages)
    typer.echo(f"budgetlens 网页界面：http://{host}:{port}/  （数据库：{store.url}）", err=True)
    if not (token or os.environ.get("BUDGETLENS_TOKEN")):
        typer.echo(f"上传令牌：{secret}（可用 --token 或环境变量 BUDGETLENS_TOKEN 指定）", err=True)
    try:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
    finally:
        store.close()
