"""``budgetlens rules``: the catalogue listing and the generated docs/rules.md."""

from __future__ import annotations

from typer.testing import CliRunner

from budgetlens.cli import app
from budgetlens.rules import all_rules, catalogue_markdown

runner = CliRunner()


def test_rules_lists_every_rule() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for rule in all_rules():
        assert rule.id in result.output
        assert rule.title in result.output


def test_rules_markdown() -> None:
    result = runner.invoke(app, ["rules", "--markdown"])
    assert result.exit_code == 0
    assert result.output == catalogue_markdown()


def test_check_and_rules_have_help() -> None:
    for command in ("check", "rules"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert result.output.strip()
