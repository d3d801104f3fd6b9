"""政府收支分类科目 — the bundled registry of classification codes and the codes a document prints.

The official lists change every year and no complete machine-readable list is available, so the
registry starts from the domain notes (official templates, reconstructed lists) and grows from the
codes real documents print (`budgetlens codes learn`), every row keeping where it came from.

>>> from budgetlens.classification import lookup
>>> [entry.name for entry in lookup("econ_dept", "30213", 2024)]
['维修（护）费']
"""

from budgetlens.classification.kinds import KIND_NAMES, KINDS, Kind, kind_of, level_of
from budgetlens.classification.printed import PrintedCode, classified_tables, printed_codes
from budgetlens.classification.registry import Entry, Registry, default_registry, load_registry, lookup

__all__ = [
    "KINDS",
    "KIND_NAMES",
    "Entry",
    "Kind",
    "PrintedCode",
    "Registry",
    "classified_tables",
    "default_registry",
    "kind_of",
    "level_of",
    "load_registry",
    "lookup",
    "printed_codes",
]
