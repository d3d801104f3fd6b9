"""docs/rules.md: the rule catalogue rendered from the rule classes (``budgetlens rules --markdown``)."""

from __future__ import annotations

from budgetlens.rules import rounding
from budgetlens.rules.finding import SEVERITY_NAMES
from budgetlens.rules.registry import FAMILIES, all_rules


def catalogue_markdown() -> str:
    lines = [
        "# 审校规则 / Rule catalogue",
        "",
        "Generated from `budgetlens/rules/` by `budgetlens rules --markdown`; do not edit.",
        "",
        "## 尾数误差政策 / Rounding policy",
        "",
        *(
            line.strip() if not line.startswith("- ") else line
            for line in (rounding.__doc__ or "").splitlines()
        ),
        "",
    ]
    rules = all_rules()
    for family, name in FAMILIES.items():
        members = [r for r in rules if r.family == family]
        if members:
            lines += [f"## {name}（{family}）", ""]
        for rule in members:
            lines += [
                f"### `{rule.id}` — {rule.title}",
                "",
                f"- 严重程度：{SEVERITY_NAMES[rule.severity]}（{rule.severity}）",
                f"- 标签：{'、'.join(rule.tags) or '—'}",
                f"- 消息模板：`{rule.template}`",
                "",
                rule.description,
                "",
                " ".join(line.strip() for line in rule.example().splitlines()),
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"
