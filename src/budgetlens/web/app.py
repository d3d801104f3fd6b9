"""The web application: REST API under ``/api/v1`` and the reviewers' pages, one FastAPI app.

`create_app` takes `WebSettings` (the database, the write token, upload limits) so tests and
``budgetlens serve`` build the same app. Every API error has one JSON shape::

    {"error": {"status": 404, "code": "not_found", "message": "没有编号为 7 的文档"}}

Pages show the same errors as a Chinese HTML page. Static files (CSS, the page script and ECharts)
are served from the package: nothing comes from a CDN, so the UI works offline.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from budgetlens import __version__
from budgetlens.ingest.pdf import MAX_PAGES
from budgetlens.store.database import Store
from budgetlens.web import api, pages
from budgetlens.web.jobs import Jobs
from budgetlens.web.templating import templates

STATIC = Path(__file__).parent / "static"
CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found", 413: "too_large", 422: "invalid"}


@dataclass(frozen=True)
class WebSettings:
    """What a running server needs: an open store, the token for writes and the upload limits."""

    store: Store
    token: str
    max_upload_bytes: int = 50 * 1024 * 1024
    max_pages: int = MAX_PAGES


def create_app(settings: WebSettings) -> FastAPI:
    jobs = Jobs(settings.store, settings.max_pages)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.close()

    app = FastAPI(
        lifespan=lifespan,
        title="budgetlens 预决算公开审校与分析系统",
        version=__version__,
        description="文档、单位、表格、单元格、审校问题与比较查询的 REST 接口；写操作需要令牌（Bearer）。",
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.jobs = jobs
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]

    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        code = CODES.get(status, HTTPStatus(status).phrase.lower().replace(" ", "_"))
        body = {"error": {"status": status, "code": code, "message": message}}
        return JSONResponse(body, status_code=status)
    page = templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )
    return HTMLResponse(page.body, status_code=status)


async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
    message = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    if error.status_code == 404 and message == "Not Found":
        message = f"没有这个地址：{request.url.path}"
    if error.status_code == 405:
        message = "此地址不支持该请求方法"
    return error_response(request, error.status_code, message)


async def _invalid(request: Request, error: RequestValidationError) -> Response:
    parts = []
    for problem in error.errors():
        where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or '请求'}：{problem.get('msg', '格式不对')}")
    return error_response(request, 422, "参数有误（" + "；".join(parts) + "）")
