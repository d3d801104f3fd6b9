"""The reviewers' pages (server-rendered Chinese HTML; a little JavaScript for upload progress and charts)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from budgetlens.rules import all_rules
from budgetlens.store import queries
from budgetlens.web import views
from budgetlens.web.api import AcrossWhere, Db, need_document, need_unit, require_token, submit_uploads
from budgetlens.web.templating import templates

router = APIRouter(include_in_schema=False)


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: Db) -> HTMLResponse:
    return page(request, "index.html", documents=queries.documents(db), units=queries.units(db))


@router.post("/upload")
async def upload(
    request: Request,
    files: Annotated[list[UploadFile], File()],
    token: Annotated[str, Form()] = "",
) -> Response:
    require_token(request, f"Bearer {token}")
    jobs = await submit_uploads(request, [f for f in files if f.filename])
    return RedirectResponse("/jobs?" + "&".join(f"id={j.id}" for j in jobs), status_code=303)


@router.get("/jobs", response_class=HTMLResponse)
def jobs(request: Request, id: Annotated[list[str], Query()]) -> HTMLResponse:
    found = [request.app.state.jobs.get(job_id) for job_id in id]
    if None in found:
        raise HTTPException(404, "没有这个上传任务（服务器重启后任务记录不保留，请到首页查看已入库的文档）")
    return page(request, "jobs.html", jobs=found, done=all(j.done for j in found))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(
    request: Request,
    db: Db,
    *,
    document_id: int,
    severity: str | None = None,
    rule: str | None = None,
    table: str | None = None,
) -> HTMLResponse:
    info = need_document(db, document_id)
    where = views.FindingFilter(severity or None, rule or None, table or None)
    every = queries.findings(db, document_id)
    figures = views.figures_of(db, [info])
    return page(
        request,
        "document.html",
        document=info,
        figures=figures[0].figures if figures else None,
        tables=queries.tables(db, document_id),
        findings=[f for f in every if where.keep(f)],
        where=where,
        rules=sorted({f.rule for f in every}),
        table_types=sorted({f.table for f in every if f.table}),
        titles={r.id: r.title for r in all_rules()},
        query=request.url.query,
    )


@router.get("/tables/{table_id}", response_class=HTMLResponse)
def table(request: Request, db: Db, table_id: int) -> HTMLResponse:
    view = views.table_view(db, table_id)
    if view is None:
        raise HTTPException(404, f"没有编号为 {table_id} 的表格")
    return page(request, "table.html", view=view, document=need_document(db, view.info.document_id))


@router.get("/findings", response_class=HTMLResponse)
def all_findings(request: Request, db: Db, where: AcrossWhere) -> HTMLResponse:
    across = views.findings_across(db, where)
    years = sorted({d.year for d in queries.documents(db) if d.year is not None})
    return page(
        request,
        "findings.html",
        across=across,
        where=where,
        years=years,
        rules=all_rules(),
        limit=views.MAX_ACROSS,
        query=request.url.query,
    )


@router.get("/units", response_class=HTMLResponse)
def units(request: Request, db: Db, q: str = "") -> HTMLResponse:
    """Every unit; ``q`` keeps those whose name contains it (e.g. 企业服务中心), to compare them all."""
    chosen = [u for u in queries.units(db) if q.strip() in u.name]
    return page(request, "units.html", units=chosen, q=q.strip())


@router.get("/units/{unit_id}", response_class=HTMLResponse)
def unit(request: Request, db: Db, unit_id: int, year: int | None = None) -> HTMLResponse:
    info = need_unit(db, unit_id)
    items = views.figures_of(db, queries.documents(db, unit_id=unit_id))
    years = sorted({i.document.year for i in items if i.document.year is not None})
    chosen = year if year is not None else (years[-1] if years else None)
    rows = views.execution(db, unit_id, chosen) if chosen is not None else []
    trend = {
        "categories": [
            f"{i.document.year}{'预算' if i.document.kind == 'budget' else '决算'}" for i in items
        ],
        "series": {
            "支出合计": [_number(i.figures.expenditure) for i in items],
            "人员经费": [_number(i.figures.staff) for i in items],
            "三公经费": [_number(i.figures.three_public) for i in items],
        },
    }
    execution_chart = {
        "categories": [r.code for r in rows],
        "series": {"预算": [_number(r.budget) for r in rows], "决算": [_number(r.final) for r in rows]},
    }
    return page(
        request,
        "unit.html",
        unit=info,
        items=items,
        years=years,
        year=chosen,
        execution=rows,
        trend=json.dumps(trend, ensure_ascii=False),
        execution_chart=json.dumps(execution_chart, ensure_ascii=False),
    )


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request, db: Db, unit: Annotated[list[int], Query()], kind: str | None = None
) -> HTMLResponse:
    for unit_id in unit:
        need_unit(db, unit_id)
    documents = views.latest_per_unit(db, unit, kind or None)
    items = views.figures_of(db, documents)
    chart = {
        "categories": [i.document.unit_name or "" for i in items],
        "series": {"人员经费占比%": [_number(i.figures.staff_share) for i in items]},
    }
    return page(
        request,
        "compare.html",
        items=items,
        codes=views.compare_by_code(db, documents),
        kind=kind or "",
        query=request.url.query,
        chart=json.dumps(chart, ensure_ascii=False),
    )


def _number(value: object) -> str | None:
    """Chart data: exact decimal text (ECharts parses it), None for a gap."""
    return None if value is None else str(value)
