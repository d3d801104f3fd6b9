"""分类科目编码 — the shape, hierarchy and names of classification codes, checked against the bundled
registry of `budgetlens.classification` (official templates plus the codes real documents print)."""
