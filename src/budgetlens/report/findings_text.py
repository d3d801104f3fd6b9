"""Findings for the terminal: grouped by severity, one line each with its place."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from budgetlens.model import Document
from budgetlens.rules.finding import SEVERITIES, SEVERITY_NAMES, Finding

_STYLES = {"error": "bold red", "warning": "yellow", "info": "dim"}


def render_findings(console: Console, document: Document, findings: Sequence[Finding]) -> None:
    kind = {"budget": "部门预算", "final_account": "部门决算"}.get(document.kind or "", "文档")
    console.print(
        Text(
            f"{document.source.name}：{document.unit_name or '单位未识别'} {document.year or ''} 年{kind}",
            style="bold",
        )
    )
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    console.print("，".join(f"{SEVERITY_NAMES[s]} {n} 项" for s, n in counts.items()))
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        console.print(Text(f"\n{SEVERITY_NAMES[severity]}（{len(group)}）", style=_STYLES[severity]))
        for finding in group:
            place = f"第 {finding.location.line} 行" if finding.location.line else "—"
            line = Text(f"  [{finding.rule}] {place}  ", style=_STYLES[severity])
            line.append(finding.message, style="" if severity != "info" else "dim")
            console.print(line)


def findings_text(document: Document, findings: Sequence[Finding], width: int = 120) -> str:
    """The terminal view as plain text (for files and tests)."""
    console = Console(width=width, record=True, file=None, force_terminal=False, color_system=None)
    with console.capture() as capture:
        render_findings(console, document, findings)
    return capture.get()
