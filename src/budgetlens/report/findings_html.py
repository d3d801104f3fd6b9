"""Findings as one self-contained HTML page a reviewer can read on screen and print.

Inline CSS only (no CDN, no script, no external resource). One section per document: the summary
(unit, year, kind, file, sha256), the counts by severity, then the findings grouped by severity, each
with its rule id and Chinese title, message, location and the evidence with its provenance. Severity
is always written out (错误/警告/提示), so the page reads the same in black and white; the print CSS
starts every document on a new page and keeps a finding on one page where it fits. Every text from
the document or the rules passes through `html.escape`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from html import escape

from budgetlens.model import Document, Provenance
from budgetlens.report.findings_csv import Reports, plain_amount, row_item, rule_title
from budgetlens.rules.finding import SEVERITIES, SEVERITY_NAMES, Evidence, Finding, Location

KIND_NAMES = {"budget": "部门预算", "final_account": "部门决算"}
SCOPE_NAMES = {"department": "部门", "unit": "单位"}

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #bbb; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: var(--ink); margin: 2em auto; max-width: 60em; padding: 0 1em; line-height: 1.5; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid var(--ink); padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1.1em; margin-top: 1.5em; }
h4 { font-size: 1em; margin: 0 0 .3em; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }
table { border-collapse: collapse; margin: .4em 0; font-size: .9em; }
th, td { border: 1px solid var(--rule); padding: .2em .5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
table.evidence { width: 100%; }
table.evidence th, table.evidence td.role, table.evidence td.at, table.evidence td.none {
  white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: .5em 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.finding dl.facts { grid-template-columns: max-content 1fr max-content 1fr; font-size: .95em; }
.finding { border: 1px solid var(--rule); border-left-width: 6px; padding: .6em .8em; margin: .8em 0; }
.finding.error { border-left-color: #b00020; border-left-style: solid; }
.finding.warning { border-left-color: #b26a00; border-left-style: dashed; }
.finding.info { border-left-color: #777; border-left-style: dotted; }
.badge { display: inline-block; border: 1px solid var(--ink); padding: 0 .4em; font-weight: bold; }
.title { font-weight: normal; }
.message { margin: .3em 0; }
.muted, .none { color: var(--muted); }
nav ol { padding-left: 1.5em; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  .document + .document { break-before: page; }
  .finding { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value))


def _amount(value: Decimal | None) -> str:
    return "" if value is None else plain_amount(value)


def _facts(pairs: Sequence[tuple[str, object]]) -> str:
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in pairs if v not in (None, ""))
    return f'<dl class="facts">{items}</dl>' if items else ""


def provenance_text(at: Provenance) -> str:
    """``第 3 页 第 106 行 第 6 栏`` (the cell index is 0-based in the model, shown from 1)."""
    parts = []
    if at.page is not None:
        parts.append(f"第 {at.page} 页")
    if at.line is not None:
        parts.append(f"第 {at.line} 行")
    if at.column is not None:
        parts.append(f"第 {at.column + 1} 栏")
    return " ".join(parts) or "—"


def location_text(location: Location) -> str:
    return provenance_text(Provenance(page=location.page, line=location.line))


def _table_name(title: str | None, table: str | None) -> str:
    if title and table:
        return f"{title}（{table}）"
    return title or table or ""


def _evidence_table(evidence: Sequence[Evidence]) -> str:
    if not evidence:
        return ""
    head = "".join(f"<th>{h}</th>" for h in ("依据", "原文", "金额", "出处", "表", "行项目", "列"))
    rows = []
    for item in evidence:
        text = f"<td>{_e(item.text)}</td>" if item.text else '<td class="none">（空白）</td>'
        rows.append(
            f'<tr><td class="role">{_e(item.role)}</td>{text}<td class="num">{_e(_amount(item.amount))}</td>'
            f'<td class="at">{_e(provenance_text(item.at))}</td><td>{_e(item.title or item.table)}</td>'
            f"<td>{_e(row_item(item.code, item.label))}</td><td>{_e(item.column)}</td></tr>"
        )
    return (
        f'<table class="evidence"><caption class="muted">依据（{len(evidence)} 项）</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _finding(finding: Finding, anchor: str) -> str:
    where = finding.location
    facts = _facts(
        [
            ("位置", location_text(where)),
            ("表", _table_name(where.title, where.table)),
            ("行项目", row_item(where.code, where.label)),
            ("列", where.column),
            ("期望值", _amount(finding.expected)),
            ("实际值", _amount(finding.actual)),
            ("差额", _amount(finding.difference)),
            ("容差", _amount(finding.tolerance)),
            ("由规则", finding.raised_by),
            ("口径", finding.reference),
            *sorted(finding.extra.items()),
        ]
    )
    return (
        f'<article class="finding {finding.severity}" id="{anchor}">'
        f'<h4><span class="badge">{SEVERITY_NAMES[finding.severity]}</span> '
        f'<code class="rule">{_e(finding.rule)}</code> '
        f'<span class="title">{_e(rule_title(finding.rule))}</span></h4>'
        f'<p class="message">{_e(finding.message)}</p>{facts}{_evidence_table(finding.evidence)}</article>'
    )


def _counts_table(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    cells = "".join(
        f'<tr><th>{SEVERITY_NAMES[s]}</th><td class="num">{counts.get(s, 0)}</td></tr>' for s in SEVERITIES
    )
    total = f'<tr><th>合计</th><td class="num">{len(findings)}</td></tr>'
    head = "<thead><tr><th>严重程度</th><th>项数</th></tr></thead>"
    return f'<table class="counts">{head}<tbody>{cells}{total}</tbody></table>'


def document_heading(document: Document) -> str:
    kind = KIND_NAMES.get(document.kind or "", "文档")
    return f"{document.unit_name or '单位未识别'} {document.year or ''} 年{kind}".replace("  ", " ")


def _document(index: int, document: Document, findings: Sequence[Finding]) -> str:
    anchor = f"doc-{index}"
    summary = _facts(
        [
            ("单位", document.unit_name or "未识别"),
            ("单位编码", document.unit_code),
            ("年度", document.year or "未识别"),
            ("种类", KIND_NAMES.get(document.kind or "", "未识别")),
            ("范围", SCOPE_NAMES.get(document.scope or "", document.scope)),
            ("文件", document.source.name),
            ("格式", document.source.format),
            ("SHA-256", document.source.sha256),
            ("识别表格", f"{len(document.tables)} 张"),
        ]
    )
    parts = [
        f'<section class="document" id="{anchor}">',
        f"<h2>{_e(document_heading(document))}</h2>",
        summary,
        _counts_table(findings),
    ]
    if not findings:
        parts.append('<p class="none">未发现问题。</p>')
    number = 0
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        parts.append(
            f'<section class="severity {severity}"><h3>{SEVERITY_NAMES[severity]}（{len(group)}）</h3>'
        )
        for finding in group:
            number += 1
            parts.append(_finding(finding, f"{anchor}-f{number}"))
        parts.append("</section>")
    parts.append("</section>")
    return "\n".join(parts)


def findings_html(reports: Reports) -> str:
    """The whole page: a header with the totals, a contents list for several documents, one section each."""
    counts = Counter(f.severity for _, findings in reports for f in findings)
    totals = "，".join(f"{SEVERITY_NAMES[s]} {counts.get(s, 0)} 项" for s in SEVERITIES)
    nav = ""
    if len(reports) > 1:
        items = "".join(
            f'<li><a href="#doc-{i}">{_e(document_heading(d))}</a> '
            f'<span class="muted">{_e(d.source.name)}</span></li>'
            for i, (d, _) in enumerate(reports, start=1)
        )
        nav = f"<nav><h2>目录</h2><ol>{items}</ol></nav>"
    body = "\n".join(_document(i, d, f) for i, (d, f) in enumerate(reports, start=1))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>budgetlens 审校报告</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>预决算公开审校报告</h1><p>共 {len(reports)} 份文件；{totals}。</p></header>\n"
        f"{nav}\n{body}\n</body>\n</html>\n"
    )
