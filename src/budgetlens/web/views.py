"""What each view shows, computed once for the API, the pages and the exports.

A view function takes an open session and returns plain data; `Sheet` is the tabular form of a
view (title, header, rows) that `budgetlens.web.exports` writes to XLSX or CSV, so every view a
reviewer sees can be exported exactly as shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy.orm import Session

from budgetlens.report.key_figures import KEY_TABLES, KeyFigures, key_figures
from budgetlens.store import queries
from budgetlens.store.queries import DocumentInfo, FindingInfo, RowInfo, TableInfo, UnitInfo

Value = str | int | Decimal | None


@dataclass(frozen=True)
class Sheet:
    """A view as one table: what the XLSX and CSV exports write."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Value]]


@dataclass(frozen=True)
class FindingFilter:
    severity: str | None = None
    rule: str | None = None
    table: str | None = None

    def keep(self, finding: FindingInfo) -> bool:
        return (
            (self.severity is None or finding.severity == self.severity)
            and (self.rule is None or finding.rule == self.rule)
            and (self.table is None or finding.table == self.table)
        )


def document_findings(session: Session, document_id: int, where: FindingFilter) -> list[FindingInfo]:
    return [f for f in queries.findings(session, document_id) if where.keep(f)]


KIND_NAMES: dict[str | None, str] = {"budget": "预算", "final_account": "决算", None: "未识别"}
SCOPE_NAMES: dict[str | None, str] = {"department": "部门", "unit": "单位", None: ""}


def documents_sheet(documents: Sequence[DocumentInfo]) -> Sheet:
    header = ["文件", "单位", "单位编码", "年度", "类型", "范围", "页数", "表格数", "错误", "警告", "提示"]
    rows = [
        [
            d.file_name,
            d.unit_name,
            d.unit_code,
            d.year,
            KIND_NAMES.get(d.kind, "未识别"),
            SCOPE_NAMES.get(d.scope, ""),
            d.pages,
            d.tables,
            *(d.findings.get(severity, 0) for severity in ("error", "warning", "info")),
        ]
        for d in documents
    ]
    return Sheet("已入库的文档", header, rows)


def units_sheet(units: Sequence[UnitInfo]) -> Sheet:
    return Sheet("单位", ["单位", "单位编码", "文档数"], [[u.name, u.code, u.documents] for u in units])


def findings_sheet(document: DocumentInfo, findings: Sequence[FindingInfo]) -> Sheet:
    rows = [
        [f.severity, f.rule, f.page, f.line, f.table, f.code, f.column, f.actual, f.expected, f.message]
        for f in findings
    ]
    header = ["严重程度", "规则", "页", "行", "表", "科目编码", "栏目", "实际", "应为", "说明"]
    return Sheet(f"{document.file_name} 审校问题", header, rows)


MAX_ACROSS = 2000  # findings listed across documents at most (the export has them all)


@dataclass(frozen=True)
class Across:
    """Findings of many documents, each with its document, for a bureau's overview."""

    items: list[tuple[DocumentInfo, FindingInfo]]
    by_rule: dict[str, int]  # rule → count, most frequent first


@dataclass(frozen=True)
class AcrossFilter:
    severity: str | None = None
    rule: str | None = None
    unit_id: int | None = None
    year: int | None = None
    kind: str | None = None


def findings_across(session: Session, where: AcrossFilter, limit: int | None = MAX_ACROSS) -> Across:
    """Every stored document's findings matching ``where``, with the counts per rule."""
    documents = {d.id: d for d in queries.documents(session)}
    found = queries.findings(
        session,
        severity=where.severity or None,
        rule=where.rule or None,
        unit_id=where.unit_id,
        year=where.year,
        kind=where.kind or None,
        limit=limit,
    )
    counts = Counter(f.rule for f in found)
    return Across([(documents[f.document_id], f) for f in found], dict(counts.most_common()))


def across_sheet(across: Across) -> Sheet:
    header = [
        "单位",
        "年度",
        "类型",
        "文件",
        "严重程度",
        "规则",
        "页",
        "行",
        "表",
        "科目编码",
        "栏目",
        "说明",
    ]
    rows = [
        [
            d.unit_name,
            d.year,
            KIND_NAMES.get(d.kind, "未识别"),
            d.file_name,
            f.severity,
            f.rule,
            f.page,
            f.line,
            f.table,
            f.code,
            f.column,
            f.message,
        ]
        for d, f in across.items
    ]
    return Sheet("审校问题汇总", header, rows)


@dataclass(frozen=True)
class TableView:
    """A stored table as printed: its columns, rows and the cells a finding points at."""

    info: TableInfo
    columns: list[str]
    rows: list[RowInfo]
    # (row code, or label for a row without one; column) → the rules its value failed
    flagged: dict[tuple[str, str], list[str]] = field(default_factory=dict)


def table_view(session: Session, table_id: int) -> TableView | None:
    info = queries.table(session, table_id)
    if info is None:
        return None
    rows = queries.table_rows(session, table_id)
    columns: list[str] = []
    for row in rows:
        columns += [c for c in row.cells if c not in columns]
    flagged: dict[tuple[str, str], list[str]] = {}
    for finding in queries.findings(session, info.document_id):
        if finding.table != info.type or not finding.column or finding.severity == "info":
            continue
        if finding.page is not None and info.pages and finding.page not in info.pages:
            continue  # another table of the same type (one per project, say)
        printed = finding.code or finding.data.get("location", {}).get("label") or ""
        flagged.setdefault((printed, finding.column), []).append(finding.rule)
    return TableView(info, columns, rows, flagged)


def table_sheet(view: TableView) -> Sheet:
    header = ["科目编码", "项目", *view.columns]
    rows = [
        [r.code, r.label, *(r.cells[c].value if c in r.cells else None for c in view.columns)]
        for r in view.rows
    ]
    return Sheet(view.info.title, header, rows)


@dataclass(frozen=True)
class DocumentFigures:
    document: DocumentInfo
    figures: KeyFigures


def figures_of(session: Session, documents: Sequence[DocumentInfo]) -> list[DocumentFigures]:
    found = []
    for info in documents:
        document = queries.canonical(session, info.id, KEY_TABLES)
        if document is not None:
            found.append(DocumentFigures(info, key_figures(document)))
    return found


def figures_sheet(title: str, items: Sequence[DocumentFigures]) -> Sheet:
    header = [
        "单位",
        "年度",
        "类型",
        "支出合计（万元）",
        "基本支出",
        "项目支出",
        "人员经费",
        "人员经费占比%",
        "三公经费",
    ]
    rows = [
        [
            i.document.unit_name,
            i.document.year,
            KIND_NAMES.get(i.document.kind, "未识别"),
            i.figures.expenditure,
            i.figures.basic,
            i.figures.project,
            i.figures.staff,
            i.figures.staff_share,
            i.figures.three_public,
        ]
        for i in items
    ]
    return Sheet(title, header, rows)


@dataclass(frozen=True)
class Execution:
    """One 功能分类 code's budget, final account and execution rate (决算/预算, %)."""

    code: str
    label: str
    budget: Decimal | None
    final: Decimal | None
    difference: Decimal | None
    rate: Decimal | None


def execution(session: Session, unit_id: int, year: int) -> list[Execution]:
    result = []
    for item in queries.budget_vs_final(session, unit_id, year):
        rate = None
        if item.budget and item.final is not None:
            rate = (item.final / item.budget * 100).quantize(Decimal("0.01"))
        result.append(Execution(item.code, item.label, item.budget, item.final, item.difference, rate))
    return result


def execution_sheet(unit: UnitInfo, year: int, items: Sequence[Execution]) -> Sheet:
    header = ["功能分类科目编码", "科目名称", "预算（万元）", "决算（万元）", "差额", "执行率%"]
    rows = [[e.code, e.label, e.budget, e.final, e.difference, e.rate] for e in items]
    return Sheet(f"{unit.name} {year}年预算与决算", header, rows)


@dataclass(frozen=True)
class CodeRow:
    """One 功能分类 code across the compared documents (万元; None where a document lacks it)."""

    code: str
    label: str
    amounts: list[Decimal | None]


def compare_by_code(session: Session, documents: Sequence[DocumentInfo]) -> list[CodeRow]:
    """Expenditure per 功能分类 code, side by side, for each compared document (支出总表 / 支出决算表)."""
    spent = [queries.spending_by_code(session, d.id, d.kind) for d in documents]
    codes = sorted({code for by_code in spent for code in by_code})
    return [
        CodeRow(
            code,
            next(by_code[code][0] for by_code in spent if code in by_code),
            [by_code[code][1] if code in by_code else None for by_code in spent],
        )
        for code in codes
    ]


def codes_sheet(documents: Sequence[DocumentInfo], rows: Sequence[CodeRow]) -> Sheet:
    header = ["功能分类科目编码", "科目名称", *(f"{d.unit_name} {d.year}（万元）" for d in documents)]
    return Sheet("按功能分类科目比较", header, [[r.code, r.label, *r.amounts] for r in rows])


def latest_per_unit(session: Session, unit_ids: Sequence[int], kind: str | None) -> list[DocumentInfo]:
    """For each chosen unit its newest document (of ``kind`` when given), for a comparison."""
    chosen = []
    for unit_id in unit_ids:
        documents = [d for d in queries.documents(session, unit_id=unit_id, kind=kind) if d.year is not None]
        if documents:
            chosen.append(max(documents, key=lambda d: (d.year or 0, d.kind or "")))
    return chosen
