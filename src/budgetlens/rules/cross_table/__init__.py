"""表间勾稽 — the same figure printed in two tables must agree."""
