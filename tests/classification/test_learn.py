"""``budgetlens codes learn`` grows a registry from real documents; ``codes show`` looks a code up."""

from __future__ import annotations

import csv
import dataclasses
import shutil
from pathlib import Path

from typer.testing import CliRunner

from budgetlens.classification.learn import learn
from budgetlens.classification.registry import DATA, load_registry
from budgetlens.cli import app
from tests.conftest import SAMPLES, read_once, seed, seed_path

runner = CliRunner()
SEED_001 = "001_35844fc53e2b775b.txt"


def registry_without_seed_001(folder: Path) -> None:
    """A copy of the bundled registry as it was before seed 001 was learned: the rows first seen
    there removed, and 215 back to the reconstructed row of the domain notes."""
    shutil.copytree(DATA, folder, dirs_exist_ok=True)
    path = folder / "function.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    kept = []
    for row in rows:
        if row["source"].startswith(f"seen: {SEED_001}"):
            continue
        if row["code"] == "215":
            row["source"] = row["source"].split("; seen: ")[0]
            row["confidence"] = "reconstructed"
        kept.append(row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)


def test_learn_adds_the_seed_codes_with_provenance(tmp_path: Path) -> None:
    registry_without_seed_001(tmp_path)
    result = runner.invoke(app, ["codes", "learn", str(seed_path("001")), "--registry", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"确认  支出功能分类 215 资源勘探工业信息等支出  seen: {SEED_001} l.152",
        # 21505 already had the 2026 name of sample 18: a new name is listed for review.
        f"新增名称（请核对）  支出功能分类 21505 工业和信息产业监管  seen: {SEED_001} l.153"
        "（已登记：工业和信息产业）",
        f"新增编码  支出功能分类 2150550 事业运行  seen: {SEED_001} l.154",
        f"新增编码  支出功能分类 2150599 其他工业和信息产业监管支出  seen: {SEED_001} l.155",
        f"新增编码 2 条，新增名称（请核对） 1 条，确认 1 条；已写入 {tmp_path}",
    ]
    # Learning the seed again restores exactly the bundled rows.
    for name in ("function.csv", "econ_dept.csv", "econ_gov.csv", "revenue.csv", "rejected.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(encoding="utf-8")
    [entry] = load_registry(tmp_path).lookup("function", "2150550", 2024)
    assert (entry.name, entry.parent, entry.first_year, entry.last_year) == ("事业运行", "21505", 2024, 2024)


def test_learn_dry_run_writes_nothing(tmp_path: Path) -> None:
    registry_without_seed_001(tmp_path)
    before = (tmp_path / "function.csv").read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["codes", "learn", str(seed_path("001")), "--registry", str(tmp_path), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[-1]
        == "新增编码 2 条，新增名称（请核对） 1 条，确认 1 条（--dry-run，未写入）"
    )
    assert (tmp_path / "function.csv").read_text(encoding="utf-8") == before


def test_learning_the_bundled_documents_again_changes_nothing() -> None:
    registry = load_registry()
    documents = [seed(key) for key in ("000", "003")] + [
        read_once(SAMPLES / "01-2026-上海市审计局本级-单位预算.pdf")
    ]
    updated, changes = learn(registry, documents)
    assert changes == []
    assert updated.all() == registry.all()


def test_learn_widens_the_years_of_a_seen_name(tmp_path: Path) -> None:
    registry_without_seed_001(tmp_path)
    document = seed("001")
    registry = load_registry(tmp_path)
    updated, _ = learn(registry, [document])
    later = dataclasses.replace(document, year=2027)  # the same codes printed in 2027
    widened, changes = learn(updated, [later])
    assert [(c.action, c.entry.code, c.entry.years()) for c in changes] == [
        ("extended", "21505", "2024–2027"),
        ("extended", "2150550", "2024–2027"),
        ("extended", "2150599", "2024–2027"),
    ]
    assert [e.years() for e in widened.lookup("function", "2150550", 2025)] == ["2024–2027"]


def test_learn_unreadable_file_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["codes", "learn", str(empty), "--registry", str(tmp_path)])
    assert result.exit_code == 2
    assert "错误：" in result.output


def test_learn_broken_registry_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["codes", "learn", str(seed_path("001")), "--registry", str(tmp_path)])
    assert result.exit_code == 2
    assert "无法读取科目编码表" in result.output


def test_show() -> None:
    result = runner.invoke(app, ["codes", "show", "20805", "--year", "2019"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "20805 行政事业单位离退休（支出功能分类款，2019 年）可信度 seen；"
        "出处 seen: 50-2019-佛山市轨道交通局-部门决算.pdf p.8\n"
    )
    assert (
        runner.invoke(app, ["codes", "show", "2010397"]).output
        == "2010397（支出功能分类）未在编码表中登记。\n"
    )
    bad = runner.invoke(app, ["codes", "show", "2010"])
    assert bad.exit_code == 2
    assert "不是支出功能分类、经济分类或收入分类的科目编码" in bad.output


def test_learn_keeps_out_the_names_a_reviewer_rejected() -> None:
    # Sample 56 p.11 prints 30208 物业管理费 and 30213 维护（护）费: misprints, listed in rejected.csv.
    registry = load_registry()
    updated, changes = learn(registry, [read_once(SAMPLES / "56-2026-长春市信访局本级-部门预算.pdf")])
    assert [(c.action, c.entry.code, c.entry.name, c.seen) for c in changes] == [
        ("rejected", "30208", "物业管理费", "seen: 56-2026-长春市信访局本级-部门预算.pdf p.11"),
        ("rejected", "30213", "维护（护）费", "seen: 56-2026-长春市信访局本级-部门预算.pdf p.11"),
    ]
    assert updated.all() == registry.all()
    rejection = registry.rejection("econ_dept", "30213", "维护(护)费")
    assert rejection is not None
    assert rejection.reason == "sample 56 p.11: misprint of 维修（护）费"
    assert registry.rejection("econ_dept", "30213", "维修（护）费") is None
