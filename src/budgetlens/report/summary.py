"""A readable text summary of a recognised document (``budgetlens extract --format text``)."""

from __future__ import annotations

from budgetlens.model import Document, Table

KIND_NAMES = {"budget": "预算", "final_account": "决算"}
SCOPE_NAMES = {"department": "部门", "unit": "单位"}


def document_summary(document: Document, *, rows: bool = False) -> str:
    kind = KIND_NAMES.get(document.kind or "", "未识别")
    scope = SCOPE_NAMES.get(document.scope or "", "")
    lines = [
        f"文件：{document.source.name}（{document.source.format}，sha256 {document.source.sha256[:12]}…）",
        f"单位：{document.unit_name or '未识别'}"
        + (f"（编码 {document.unit_code}）" if document.unit_code else ""),
        f"类型：{document.year or '????'} 年{scope}{kind}",
        f"识别到 {len(document.tables)} 张表：",
    ]
    for table in document.tables:
        lines.append("  " + _table_line(table))
        if rows:
            lines.extend("      " + _row_line(table, i) for i in range(len(table.rows)))
    absent = document.absent_tables
    if absent:
        lines.append(f"目录列出但正文缺少 {len(absent)} 张表：")
        lines.extend(f"  - {entry.title}" + (f"（{entry.type}）" if entry.type else "") for entry in absent)
    lines.append(f"情况说明：{len(document.narrative)} 节")
    return "\n".join(lines)


def _table_line(table: Table) -> str:
    where = f"第 {table.lines[0]}–{table.lines[1]} 行" if table.lines else ""
    size = f"{len(table.performance)} 个绩效项目" if table.performance else f"{len(table.rows)} 行"
    unit = table.money_unit or "金额单位未注明"
    note = "，空表：" + table.empty_note if table.empty_note else ""
    return f"[{table.type}] {table.title}（{size}，{len(table.columns)} 列，{unit}，{where}）{note}"


def _row_line(table: Table, index: int) -> str:
    row = table.rows[index]
    head = " ".join(x for x in (row.side, row.group, row.code, row.unit_code, row.label) if x)
    values = "；".join(f"{k}={v.text}" for k, v in row.values.items())
    return f"{head}：{values}"
