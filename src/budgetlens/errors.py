"""Errors budgetlens raises to its callers.

    BudgetlensError          — catch this for any failure of ours
     └── UnreadableError     — the input cannot be read (missing, empty, wrong format); the CLI exits 2

Messages are Chinese and meant for the end user as they are.
"""


class BudgetlensError(Exception):
    """Base of every error budgetlens raises on purpose."""


class UnreadableError(BudgetlensError):
    """The file cannot be read as a disclosure document."""
