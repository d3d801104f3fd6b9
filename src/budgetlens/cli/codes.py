"""``budgetlens codes``: look a classification code up in the bundled registry, or grow the registry
from real documents (``codes learn``), every new row with the file and page it was seen on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from budgetlens.classification.kinds import KIND_NAMES, is_digits, kind_of, level_of
from budgetlens.classification.learn import ACTION_NAMES, Change, learn
from budgetlens.classification.names import cut_short
from budgetlens.classification.registry import DATA, Registry, RegistryError, load_registry, write_registry
from budgetlens.cli.app import app, fail, read_or_exit

codes_app = typer.Typer(
    help="政府收支分类科目编码表：查询编码，或从真实文档中补充新的编码与名称。", no_args_is_help=True
)
app.add_typer(codes_app, name="codes")

RegistryOption = Annotated[
    Path | None,
    typer.Option("--registry", help="编码表目录（每种分类一个 CSV；默认使用随包发布的编码表）"),
]


@codes_app.command("show")
def show(
    code: Annotated[str, typer.Argument(help="科目编码，如 2010350、30213")],
    year: Annotated[int | None, typer.Option("--year", help="按该年度查询名称")] = None,
    registry: RegistryOption = None,
) -> None:
    """查询一个科目编码在编码表中的名称与出处。"""
    kind = kind_of(code) if is_digits(code) else None
    if kind is None or level_of(kind, code) is None:
        fail(f"“{code}”不是支出功能分类、经济分类或收入分类的科目编码（应为 3、5、7 位数字）。")
    entries = _load(registry).lookup(kind, code, year)
    if not entries:
        typer.echo(f"{code}（{KIND_NAMES[kind]}）未在编码表中登记。")
        return
    for entry in entries:
        years = f"，{entry.years()} 年" if entry.dated else ""
        typer.echo(
            f"{entry.code} {entry.name}（{KIND_NAMES[kind]}{entry.level}{years}）"
            f"可信度 {entry.confidence}；出处 {entry.source}"
        )


@codes_app.command("learn")
def learn_command(
    files: Annotated[list[Path], typer.Argument(help="要读取的公开文档（可多个）")],
    registry: RegistryOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只列出变化，不写入编码表")] = False,
) -> None:
    """读取文档，把功能分类表和经济分类表中新出现的编码与名称（附出处）加入编码表。"""
    folder = registry or DATA
    base = _load(folder)
    documents = [read_or_exit(path) for path in files]
    updated, changes = learn(base, documents)
    for change in changes:
        typer.echo(_change_line(change))
    counts = {name: sum(c.action == action for c in changes) for action, name in ACTION_NAMES.items()}
    summary = "，".join(f"{name} {n} 条" for name, n in counts.items() if n) or "没有新的编码或名称"
    if dry_run:
        typer.echo(f"{summary}（--dry-run，未写入）")
        return
    write_registry(updated, folder)
    typer.echo(f"{summary}；已写入 {folder}")


def _load(folder: Path | None) -> Registry:
    try:
        return load_registry(folder)
    except RegistryError as error:
        fail(str(error))


def _change_line(change: Change) -> str:
    entry = change.entry
    line = f"{ACTION_NAMES[change.action]}  {KIND_NAMES[entry.kind]} {entry.code} {entry.name}  {change.seen}"
    if change.action == "rejected":
        return line  # the reason is in rejected.csv
    if change.known:
        cut = any(cut_short(entry.name, e.name) for e in change.known)
        line += "（已登记：" + "、".join(e.name for e in change.known) + ("；疑为截断" if cut else "") + "）"
    return line
