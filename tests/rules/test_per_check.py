"""Views shared within one check run are dropped after it: an edit between two runs is always seen."""

from __future__ import annotations

import copy

from budgetlens.rules import check_document, get_rule
from budgetlens.rules.narrative.figures import sections
from budgetlens.rules.per_check import check_run
from tests.conftest import seed

PLACEHOLDER = [get_rule("placeholder-left")]


def test_an_edit_between_two_runs_is_seen() -> None:
    document = copy.deepcopy(seed("004"))
    assert [f.location.line for f in check_document(document, rules=PLACEHOLDER)] == [399]
    (paragraph,) = [p for s in document.narrative for p in s.paragraphs if p.at.line == 399]
    paragraph.text = paragraph.text.replace("减少（增加）", "持平").replace("减少（增长）", "持平")
    assert check_document(document, rules=PLACEHOLDER) == []


def test_a_view_is_computed_once_inside_a_run_and_afresh_outside() -> None:
    document = seed("004")
    with check_run():
        assert sections(document) is sections(document)
    assert sections(document) is not sections(document)
    assert sections(document) == sections(document)
