"""表内勾稽 — arithmetic identities within one table (rows, code hierarchies, two-sided totals)."""
