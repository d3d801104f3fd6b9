"""``budgetlens rules``: list the rule catalogue, or render docs/rules.md."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from budgetlens.cli.app import app
from budgetlens.rules import all_rules, catalogue_markdown
from budgetlens.rules.finding import SEVERITY_NAMES
from budgetlens.rules.performance.profiles import PROFILES


@app.command()
def rules(
    markdown: Annotated[bool, typer.Option("--markdown", help="输出 docs/rules.md 的 Markdown 内容")] = False,
    profiles: Annotated[bool, typer.Option("--profiles", help="列出绩效评分方案（--profile）")] = False,
) -> None:
    """列出审校规则目录。"""
    if profiles:
        for profile in PROFILES.values():
            typer.echo(f"{profile.name:12} {profile.title}\n{'':12} 依据：{profile.source}")
        return
    if markdown:
        sys.stdout.write(catalogue_markdown())
        return
    for rule in all_rules():
        typer.echo(f"{rule.id:24} {SEVERITY_NAMES[rule.severity]}  {rule.title}")
