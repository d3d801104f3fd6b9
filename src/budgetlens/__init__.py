"""budgetlens — 预决算公开审校与分析系统.

>>> from budgetlens import read_document
>>> document = read_document("000_2dc7f0fcd8664e1f.txt")  # doctest: +SKIP
>>> document.table("budget.summary").rows[0].values["收入/预算数"].amount  # doctest: +SKIP
Decimal('353.11')
"""

from budgetlens.api import read_document
from budgetlens.errors import BudgetlensError, UnreadableError
from budgetlens.model import Document
from budgetlens.serialize import document_from_dict, document_to_dict, document_to_json

__version__ = "0.1.0"
__all__ = [
    "BudgetlensError",
    "Document",
    "UnreadableError",
    "__version__",
    "document_from_dict",
    "document_to_dict",
    "document_to_json",
    "read_document",
]
