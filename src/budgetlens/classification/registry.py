"""The bundled code registry: one CSV per classification in ``data/``, read once, looked up by year.

A row is one (code, name) with the years it is known in (blank: undated, e.g. the official template
lists), where it came from and how far to trust the name (``exact`` from an official template,
``verified`` by several sources, ``seen`` as printed in a real document, ``reconstructed`` a
hypothesis). Codes are keyed by (year, code): a name holds in the years it was seen, and outside
them until another name of the code was seen nearer (names persist until renamed).

``rejected.csv`` keeps the printed names a reviewer turned down (misprints, names cut by a
conversion) with the reason, so that learning the same document again does not bring them back.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Literal, get_args

from budgetlens.classification.kinds import KINDS, Kind, is_digits, level_of, parent_of
from budgetlens.classification.names import same_name
from budgetlens.errors import BudgetlensError

Confidence = Literal["exact", "verified", "seen", "reconstructed"]
CONFIDENCES: tuple[Confidence, ...] = get_args(Confidence)
# Names a reviewer may hold a document to; a reconstructed name is a guess, never a reason to warn.
TRUSTED: frozenset[Confidence] = frozenset({"exact", "verified", "seen"})
_CONFIDENCE_OF: dict[str, Confidence] = {c: c for c in CONFIDENCES}
DATA = Path(__file__).with_name("data")
FIELDS = ("code", "name", "level", "parent", "first_year", "last_year", "source", "confidence")
REJECTED_FIELDS = ("kind", "code", "name", "reason")
_KIND_OF: dict[str, Kind] = {k: k for k in KINDS}


class RegistryError(BudgetlensError):
    """A registry file cannot be read (missing, or a row that breaks its format)."""


@dataclass(frozen=True)
class Entry:
    """One name of one code, with the years it is known in and its provenance."""

    kind: Kind
    code: str
    name: str
    level: str
    parent: str
    first_year: int | None
    last_year: int | None
    source: str
    confidence: Confidence

    @property
    def dated(self) -> bool:
        return self.first_year is not None or self.last_year is not None

    @property
    def trusted(self) -> bool:
        return self.confidence in TRUSTED

    def covers(self, year: int) -> bool:
        return (self.first_year is None or self.first_year <= year) and (
            self.last_year is None or year <= self.last_year
        )

    def distance(self, year: int) -> int:
        """Years between ``year`` and the years this name is known in (0 inside them)."""
        if self.first_year is not None and year < self.first_year:
            return self.first_year - year
        if self.last_year is not None and year > self.last_year:
            return year - self.last_year
        return 0

    def years(self) -> str:
        """``2024``, ``2019–2026`` or empty (undated)."""
        if not self.dated:
            return ""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year or ''}–{self.last_year or ''}"

    def row(self) -> dict[str, str]:
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "kind"}
        return {k: "" if values[k] is None else str(values[k]) for k in FIELDS}


@dataclass(frozen=True)
class Rejected:
    """A printed name a reviewer decided is not a name of the code, and why."""

    kind: Kind
    code: str
    name: str
    reason: str


class Registry:
    """Every known name of every code, by classification, and the names turned down."""

    def __init__(self, entries: Iterable[Entry], rejected: Iterable[Rejected] = ()) -> None:
        self._by_code: dict[tuple[Kind, str], list[Entry]] = {}
        for entry in entries:
            self._by_code.setdefault((entry.kind, entry.code), []).append(entry)
        self.rejected = tuple(rejected)

    def rejection(self, kind: Kind, code: str, name: str) -> Rejected | None:
        """Why this printed name of the code was turned down (None: it was not)."""
        return next(
            (r for r in self.rejected if (r.kind, r.code) == (kind, code) and same_name(r.name, name)), None
        )

    def entries(self, kind: Kind, code: str) -> list[Entry]:
        """Every name of the code in any year."""
        return list(self._by_code.get((kind, code), []))

    def knows(self, kind: Kind, code: str) -> bool:
        return (kind, code) in self._by_code

    def lookup(self, kind: Kind, code: str, year: int | None = None) -> list[Entry]:
        """The names of the code in force in ``year``: undated names, the names seen in that year and,
        when none was, those seen nearest to it. Empty when the code is unknown."""
        entries = self.entries(kind, code)
        if year is None:
            return entries
        dated = [e for e in entries if e.dated]
        nearest = min((e.distance(year) for e in dated), default=0)
        return [e for e in entries if not e.dated or e.distance(year) == nearest]

    def all(self, kind: Kind | None = None) -> list[Entry]:
        return [e for (k, _), group in sorted(self._by_code.items()) if kind in (None, k) for e in group]

    def __len__(self) -> int:
        return sum(len(group) for group in self._by_code.values())


def load_registry(folder: Path | None = None) -> Registry:
    """The registry of ``folder`` (one ``<kind>.csv`` per classification; default: the bundled one)."""
    folder = folder or DATA
    entries: list[Entry] = []
    for kind in KINDS:
        path = folder / f"{kind}.csv"
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
        except OSError as error:
            raise RegistryError(f"无法读取科目编码表 {path}：{error.strerror or error}") from error
        entries.extend(_entry(kind, row, path, number) for number, row in enumerate(rows, start=2))
    return Registry(entries, _rejected(folder / "rejected.csv"))


@cache
def default_registry() -> Registry:
    """The bundled registry, read once per process."""
    return load_registry()


def lookup(kind: Kind, code: str, year: int | None = None) -> list[Entry]:
    """`Registry.lookup` on the bundled registry."""
    return default_registry().lookup(kind, code, year)


def write_registry(registry: Registry, folder: Path) -> None:
    """Write one sorted CSV per classification (stable order, so a reviewer reads a small diff)."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        entries = sorted(registry.all(kind), key=lambda e: (e.code, e.first_year or 0, e.name))
        with (folder / f"{kind}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(e.row() for e in entries)
    with (folder / "rejected.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, REJECTED_FIELDS, lineterminator="\n")
        writer.writeheader()
        rejected = sorted(registry.rejected, key=lambda r: (KINDS.index(r.kind), r.code, r.name))
        writer.writerows({name: getattr(r, name) for name in REJECTED_FIELDS} for r in rejected)


def _entry(kind: Kind, row: dict[str, str], path: Path, number: int) -> Entry:
    missing = [name for name in FIELDS if row.get(name) is None]
    if missing:
        raise RegistryError(f"科目编码表 {path.name} 缺少列：{'、'.join(missing)}")
    code, confidence = row["code"].strip(), _CONFIDENCE_OF.get(row["confidence"].strip())
    if not is_digits(code) or level_of(kind, code) is None or not row["name"].strip():
        raise RegistryError(f"科目编码表 {path.name} 第 {number} 行的编码或名称无效：{code} {row['name']}")
    if confidence is None:
        raise RegistryError(f"科目编码表 {path.name} 第 {number} 行的可信度无效：{row['confidence']}")
    return Entry(
        kind=kind,
        code=code,
        name=row["name"].strip(),
        level=row["level"].strip() or (level_of(kind, code) or ""),
        parent=row["parent"].strip() or parent_of(code),
        first_year=_year(row["first_year"], path, number),
        last_year=_year(row["last_year"], path, number),
        source=row["source"].strip(),
        confidence=confidence,
    )


def _rejected(path: Path) -> list[Rejected]:
    """The turned-down names (an optional file: a registry folder may have none)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rejected = []
    for number, row in enumerate(rows, start=2):
        kind = _KIND_OF.get((row.get("kind") or "").strip())
        if kind is None or not (row.get("code") or "").strip() or not (row.get("name") or "").strip():
            raise RegistryError(f"科目编码表 {path.name} 第 {number} 行的分类、编码或名称无效")
        rejected.append(
            Rejected(kind, row["code"].strip(), row["name"].strip(), (row.get("reason") or "").strip())
        )
    return rejected


def _year(text: str, path: Path, number: int) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or len(text) != 4:
        raise RegistryError(f"科目编码表 {path.name} 第 {number} 行的年度无效：{text}")
    return int(text)
