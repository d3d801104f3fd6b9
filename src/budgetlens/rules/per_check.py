"""Views of a document that many rules derive (its narrative split into sentences, its texts
folded), computed once per `check_document` run instead of once per rule.

The memo lives only while one run is in progress (a context variable set by the engine), so a
document edited between two runs is never seen through a stale view; outside a run the function is
simply called. Rules do not change the document, which is what makes sharing within a run safe.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_MEMO: ContextVar[dict[Hashable, Any] | None] = ContextVar("budgetlens_check_memo", default=None)


@contextmanager
def check_run() -> Iterator[None]:
    """The span of one check run: views computed inside it are shared, then dropped."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def per_check(function: Callable[P, R]) -> Callable[P, R]:
    """Compute ``function(document, *args)`` once per check run (keyed by the document's identity)."""

    @functools.wraps(function)
    def shared(*args: P.args, **kwargs: P.kwargs) -> R:
        memo = _MEMO.get()
        if memo is None:
            return function(*args, **kwargs)
        document, *rest = args
        key = (function, id(document), *rest, *sorted(kwargs.items()))
        if key not in memo:
            memo[key] = function(*args, **kwargs)
        result: R = memo[key]
        return result

    return shared


def per_check_text(function: Callable[[str], str]) -> Callable[[str], str]:
    """Compute ``function(text)`` once per check run for each distinct text."""

    @functools.wraps(function)
    def shared(text: str) -> str:
        memo = _MEMO.get()
        if memo is None:
            return function(text)
        key = (function, text)
        if key not in memo:
            memo[key] = function(text)
        result: str = memo[key]
        return result

    return shared
