"""说明与表格 — what the 情况说明 states: its figures against the tables and its own arithmetic.

Sentences are read with `figures.sentences`; a sentence that cannot be parsed unambiguously yields
no finding.
"""
