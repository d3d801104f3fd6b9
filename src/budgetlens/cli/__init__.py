"""The ``budgetlens`` command: a thin layer over the Python API, one module per command group."""

from budgetlens.cli import check as check
from budgetlens.cli import codes as codes
from budgetlens.cli import debug as debug
from budgetlens.cli import extract as extract
from budgetlens.cli import ingest as ingest
from budgetlens.cli import rules as rules
from budgetlens.cli import serve as serve
from budgetlens.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
