"""REST resources under ``/api/v1``: documents, units, tables, cells, findings, comparisons, uploads.

Reads are open; writes (uploads) need ``Authorization: Bearer <token>``. Amounts are JSON strings
(exact decimals, as in ``budgetlens.document/1``). Every list view has an ``.xlsx``/``.csv`` twin.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy.orm import Session

from budgetlens.report.evidence_image import render_evidence_page
from budgetlens.serialize import document_to_dict
from budgetlens.store import queries
from budgetlens.store.queries import DocumentInfo, UnitInfo
from budgetlens.web import views
from budgetlens.web.exports import ExportFormat, sheet_response
from budgetlens.web.jobs import Job

router = APIRouter(prefix="/api/v1", tags=["budgetlens"])


def session(request: Request) -> Iterator[Session]:
    with request.app.state.settings.store.reading() as open_session:
        yield open_session


Db = Annotated[Session, Depends(session)]


def plain(value: Any) -> Any:
    """Dataclasses, decimals and datetimes as JSON-ready values (decimals as exact strings)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def need_document(db: Session, document_id: int) -> DocumentInfo:
    info = queries.document(db, document_id)
    if info is None:
        raise HTTPException(404, f"没有编号为 {document_id} 的文档")
    return info


def need_unit(db: Session, unit_id: int) -> UnitInfo:
    info = queries.unit(db, unit_id)
    if info is None:
        raise HTTPException(404, f"没有编号为 {unit_id} 的单位")
    return info


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    expected = request.app.state.settings.token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not given or not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "写操作需要令牌：请在请求头加 Authorization: Bearer <令牌>")


@router.get("/documents", summary="文档列表")
def list_documents(
    db: Db, unit_id: int | None = None, kind: str | None = None, year: int | None = None
) -> Any:
    return plain(queries.documents(db, unit_id=unit_id, kind=kind, year=year))


@router.get("/documents.{format}", summary="文档列表导出")
def export_documents(
    db: Db, format: ExportFormat, unit_id: int | None = None, kind: str | None = None, year: int | None = None
) -> Response:
    documents = queries.documents(db, unit_id=unit_id, kind=kind, year=year)
    return sheet_response(views.documents_sheet(documents), format)


@router.get("/documents/{document_id}", summary="文档概况与关键数字")
def get_document(db: Db, document_id: int) -> Any:
    info = need_document(db, document_id)
    figures = views.figures_of(db, [info])
    return {**plain(info), "key_figures": plain(figures[0].figures) if figures else None}


@router.get("/documents/{document_id}/content", summary="结构化文档（budgetlens.document/1）")
def get_content(db: Db, document_id: int) -> Any:
    need_document(db, document_id)
    document = queries.canonical(db, document_id)
    assert document is not None
    return document_to_dict(document)


@router.get("/documents/{document_id}/source", summary="原始文件")
def get_source(db: Db, document_id: int) -> Response:
    info = need_document(db, document_id)
    data = queries.source_file(db, info.sha256) or b""
    return Response(data, media_type="application/octet-stream", headers=_attachment(info.file_name))


def _number(name: str, text: str) -> int | None:
    if not text.strip():
        return None  # a form's 全部 sends the parameter empty
    if not text.strip().isdigit():
        raise HTTPException(422, f"参数 {name} 应为整数，收到“{text}”")
    return int(text)


def across_filter(
    severity: str = "", rule: str = "", unit_id: str = "", year: str = "", kind: str = ""
) -> views.AcrossFilter:
    """The filters of the findings overview; empty values (a form's 全部) filter nothing."""
    return views.AcrossFilter(
        severity or None, rule or None, _number("unit_id", unit_id), _number("year", year), kind or None
    )


AcrossWhere = Annotated[views.AcrossFilter, Depends(across_filter)]


@router.get("/findings", summary="全部文档的审校问题（可按严重程度、规则、单位、年度、类型筛选）")
def list_all_findings(db: Db, where: AcrossWhere, limit: int = views.MAX_ACROSS) -> Any:
    across = views.findings_across(db, where, limit)
    return [{"document": plain(d), "finding": plain(f)} for d, f in across.items]


@router.get("/findings.{format}", summary="全部文档的审校问题导出")
def export_all_findings(db: Db, format: ExportFormat, where: AcrossWhere) -> Response:
    return sheet_response(views.across_sheet(views.findings_across(db, where, None)), format)


@router.get("/documents/{document_id}/tables", summary="文档的表格")
def list_tables(db: Db, document_id: int) -> Any:
    need_document(db, document_id)
    return plain(queries.tables(db, document_id))


@router.get("/documents/{document_id}/findings", summary="审校问题（可按严重程度、规则、表筛选）")
def list_findings(
    db: Db, document_id: int, severity: str | None = None, rule: str | None = None, table: str | None = None
) -> Any:
    need_document(db, document_id)
    return plain(
        views.document_findings(
            db, document_id, views.FindingFilter(severity or None, rule or None, table or None)
        )
    )


@router.get("/documents/{document_id}/findings.{format}", summary="审校问题导出")
def export_findings(
    db: Db,
    *,
    document_id: int,
    format: ExportFormat,
    severity: str | None = None,
    rule: str | None = None,
    table: str | None = None,
) -> Response:
    info = need_document(db, document_id)
    found = views.document_findings(
        db, document_id, views.FindingFilter(severity or None, rule or None, table or None)
    )
    return sheet_response(views.findings_sheet(info, found), format)


@router.get("/documents/{document_id}/pages/{page}.png", summary="页面图像（可标出某条问题的证据）")
def page_image(db: Db, document_id: int, page: int, finding: int | None = None) -> Response:
    info = need_document(db, document_id)
    if info.format != "pdf":
        raise HTTPException(404, f"{info.file_name} 不是 PDF，没有页面图像")
    marks = []
    if finding is not None:
        chosen = next((f for f in queries.findings(db, document_id) if f.id == finding), None)
        if chosen is None:
            raise HTTPException(404, f"该文档没有编号为 {finding} 的问题")
        marks = [e["at"] for e in chosen.data.get("evidence", []) if e.get("at", {}).get("page") == page]
    data = queries.source_file(db, info.sha256) or b""
    try:
        png = render_evidence_page(data, page, marks)
    except ValueError as error:
        raise HTTPException(404, str(error)) from None
    return Response(png, media_type="image/png")


# Before /tables/{table_id}: "3.csv" must not be taken for a table id.
@router.get("/tables/{table_id}.{format}", summary="表格导出")
def export_table(db: Db, table_id: int, format: ExportFormat) -> Response:
    view = views.table_view(db, table_id)
    if view is None:
        raise HTTPException(404, f"没有编号为 {table_id} 的表格")
    return sheet_response(views.table_sheet(view), format)


@router.get("/tables/{table_id}", summary="表格（行与单元格）")
def get_table(db: Db, table_id: int) -> Any:
    view = views.table_view(db, table_id)
    if view is None:
        raise HTTPException(404, f"没有编号为 {table_id} 的表格")
    return {"table": plain(view.info), "columns": view.columns, "rows": plain(view.rows)}


@router.get("/tables/{table_id}/cells", summary="单元格（可按科目编码、栏目筛选）")
def list_cells(db: Db, table_id: int, code: str | None = None, column: str | None = None) -> Any:
    view = views.table_view(db, table_id)
    if view is None:
        raise HTTPException(404, f"没有编号为 {table_id} 的表格")
    cells = []
    for row in view.rows:
        if code is not None and row.code != code:
            continue
        for path, cell in row.cells.items():
            if column is None or path == column:
                at = {"page": cell.page, "line": cell.line, "column": cell.column}
                cells.append(
                    {"row": row.order, "code": row.code, "label": row.label, "column": path}
                    | {"text": cell.text, "value": plain(cell.value), "at": at}
                )
    return cells


@router.get("/units", summary="单位列表")
def list_units(db: Db) -> Any:
    return plain(queries.units(db))


@router.get("/units.{format}", summary="单位列表导出")
def export_units(db: Db, format: ExportFormat) -> Response:
    return sheet_response(views.units_sheet(queries.units(db)), format)


@router.get("/units/{unit_id}/documents.{format}", summary="单位历年文档与关键数字导出")
def export_unit_documents(db: Db, unit_id: int, format: ExportFormat) -> Response:
    unit = need_unit(db, unit_id)
    items = views.figures_of(db, queries.documents(db, unit_id=unit_id))
    return sheet_response(views.figures_sheet(f"{unit.name} 历年文档与关键数字", items), format)


@router.get("/units/{unit_id}", summary="单位：历年文档与关键数字")
def get_unit(db: Db, unit_id: int) -> Any:
    unit = need_unit(db, unit_id)
    documents = queries.documents(db, unit_id=unit_id)
    return {**plain(unit), "documents": plain(views.figures_of(db, documents))}


@router.get("/units/{unit_id}/execution", summary="预算与决算按功能分类科目比较（执行率）")
def get_execution(db: Db, unit_id: int, year: int) -> Any:
    need_unit(db, unit_id)
    return plain(views.execution(db, unit_id, year))


@router.get("/units/{unit_id}/execution.{format}", summary="执行率导出")
def export_execution(db: Db, unit_id: int, year: int, format: ExportFormat) -> Response:
    unit = need_unit(db, unit_id)
    return sheet_response(views.execution_sheet(unit, year, views.execution(db, unit_id, year)), format)


@router.get("/compare", summary="比较所选单位的关键数字（各取最新文档）")
def compare(db: Db, unit: Annotated[list[int], Query()], kind: str | None = None) -> Any:
    for unit_id in unit:
        need_unit(db, unit_id)
    return plain(views.figures_of(db, views.latest_per_unit(db, unit, kind)))


@router.get("/compare/codes", summary="比较所选单位各功能分类科目的支出（各取最新文档）")
def compare_codes(db: Db, unit: Annotated[list[int], Query()], kind: str | None = None) -> Any:
    for unit_id in unit:
        need_unit(db, unit_id)
    documents = views.latest_per_unit(db, unit, kind)
    return {"documents": plain(documents), "codes": plain(views.compare_by_code(db, documents))}


@router.get("/compare/codes.{format}", summary="按科目比较导出")
def export_compare_codes(
    db: Db, format: ExportFormat, unit: Annotated[list[int], Query()], kind: str | None = None
) -> Response:
    documents = views.latest_per_unit(db, unit, kind)
    return sheet_response(views.codes_sheet(documents, views.compare_by_code(db, documents)), format)


@router.get("/compare.{format}", summary="单位比较导出")
def export_compare(
    db: Db, format: ExportFormat, unit: Annotated[list[int], Query()], kind: str | None = None
) -> Response:
    items = views.figures_of(db, views.latest_per_unit(db, unit, kind))
    return sheet_response(views.figures_sheet("单位比较", items), format)


@router.post(
    "/documents",
    status_code=202,
    summary="上传文档（需令牌），返回任务",
    dependencies=[Depends(require_token)],
)
async def upload(request: Request, files: Annotated[list[UploadFile], File()]) -> Any:
    return [plain(job_json(job)) for job in await submit_uploads(request, files)]


@router.get("/jobs/{job_id}", summary="上传任务进度")
def get_job(request: Request, job_id: str) -> Any:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"没有这个上传任务：{job_id}")
    return job_json(job)


def job_json(job: Job) -> dict[str, Any]:
    return {**plain(job), "status_name": job.status_name, "done": job.done}


async def submit_uploads(request: Request, files: list[UploadFile]) -> list[Job]:
    """Queue each uploaded file; too large a file is refused before anything is queued."""
    settings = request.app.state.settings
    payloads = []
    for upload_file in files:
        data = await upload_file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            limit = settings.max_upload_bytes // (1024 * 1024)
            raise HTTPException(413, f"{upload_file.filename or '文件'} 超过上传上限 {limit} MB")
        payloads.append((upload_file.filename, data))
    if not payloads:
        raise HTTPException(400, "没有收到文件")
    jobs = request.app.state.jobs
    return [jobs.submit(name, data) for name, data in payloads]


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f"attachment; filename=\"source\"; filename*=UTF-8''{quote(name)}"}
