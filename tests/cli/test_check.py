"""``budgetlens check``: exit codes, the terminal view and the JSON report shape."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from budgetlens.cli import app
from tests.conftest import seed_path

runner = CliRunner()


def test_check_clean_document_exits_0() -> None:
    result = runner.invoke(app, ["check", str(seed_path("001"))])
    assert result.exit_code == 0, result.output
    assert "错误 0 项，警告 0 项" in result.output


def test_check_with_errors_exits_1_and_groups_by_severity() -> None:
    result = runner.invoke(app, ["check", str(seed_path("002"))])
    assert result.exit_code == 1
    assert "错误（3）" in result.output
    assert "[listed-table-missing] 第 13 行" in result.output
    assert "提示（" in result.output


def test_check_json_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["check", str(seed_path("004")), "--format", "json", "-o", str(out)])
    assert result.exit_code == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "budgetlens.report/1"
    assert report["document"]["kind"] == "final_account"
    assert report["counts"]["error"] == 7  # 3 table errors + 4 说明 (tests/rules/test_seeds.py)
    first = report["findings"][0]
    assert first["rule"] == "cross-table-figure"
    assert (first["actual"], first["expected"]) == ("218.50", "218.4")


def test_check_several_files_gives_a_list() -> None:
    result = runner.invoke(app, ["check", str(seed_path("001")), str(seed_path("002")), "-f", "json"])
    assert result.exit_code == 1
    assert [r["document"]["source"] for r in json.loads(result.stdout)] == [
        seed_path("001").name,
        seed_path("002").name,
    ]


def test_check_unreadable_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["check", str(empty)])
    assert result.exit_code == 2
