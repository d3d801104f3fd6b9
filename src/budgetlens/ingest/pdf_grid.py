"""Ruling edges → tables of cells: the part of PDF reading that is ours.

PDFium gives characters and drawn paths; it knows nothing of tables. Disclosure tables are ruled
grids with merged header cells (``收入`` over three columns, ``项目`` over two rows), cut across
pages, drawn by a dozen producers in different ways (one path per cell, one per line, thin filled
boxes). Rebuilding the grid is domain layout work, so it lives here as a pipeline of pure
functions in the manner of pdfplumber's table finder, each step's output kept in `TableFinding`
for a debug view:

    edges_to_merged     snap nearly collinear segments and join touching ones
    edges_to_groups     connected sets of horizontal and vertical edges: one set per table
    group_to_lattice    the table's column and row boundaries, and which inner borders are drawn
    lattice_to_spans    atomic cells joined across undrawn borders into merged cells

A merged cell is anchored at its top-left atomic cell; `pdf.py` prints its text there and leaves
the other atomic cells of the span blank, as recognition expects.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from budgetlens.ingest.pdf_page import Edge


@dataclass(frozen=True)
class GridSettings:
    """Tolerances in points."""

    snap: float = 1.5  # edges closer than this across their direction are one line
    join: float = 3.0  # collinear edges with a smaller gap between them are one line
    touch: float = 3.0  # a horizontal and a vertical edge this close touch (same table)
    min_cell: float = 3.0  # boundaries closer than this are one boundary (double rules)

    def __post_init__(self) -> None:
        if min(self.snap, self.join, self.touch, self.min_cell) <= 0:
            raise ValueError("grid tolerances must be positive")


DEFAULT_GRID = GridSettings()


@dataclass
class Lattice:
    """A ruled table: boundaries ``xs`` (left to right) and ``ys`` (top to bottom), and spans.

    ``anchor[r][c]`` is the (row, column) of the merged cell atomic cell (r, c) belongs to.
    """

    xs: list[float]
    ys: list[float]
    anchor: list[list[tuple[int, int]]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.ys) - 1

    @property
    def columns(self) -> int:
        return len(self.xs) - 1

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    @cached_property
    def spans(self) -> dict[tuple[int, int], tuple[float, float, float, float]]:
        """Each merged cell's box over its whole span, by anchor."""
        last: dict[tuple[int, int], tuple[int, int]] = {}
        for r in range(self.rows):
            for c in range(self.columns):
                anchor = self.anchor[r][c]
                end = last.get(anchor, anchor)
                last[anchor] = (max(end[0], r), max(end[1], c))
        return {
            (r, c): (self.xs[c], self.ys[r], self.xs[c1 + 1], self.ys[r1 + 1])
            for (r, c), (r1, c1) in last.items()
        }

    def span_box(self, row: int, column: int) -> tuple[float, float, float, float]:
        """The box of the merged cell that atomic cell (row, column) belongs to."""
        return self.spans[self.anchor[row][column]]

    def cell_at(self, x: float, y: float) -> tuple[int, int]:
        """The merged cell (its anchor) containing a point inside the table."""
        row = min(max(bisect_right(self.ys, y) - 1, 0), self.rows - 1)
        column = min(max(bisect_right(self.xs, x) - 1, 0), self.columns - 1)
        return self.anchor[row][column]


@dataclass
class TableFinding:
    """Every intermediate of `find_tables`, for debugging a misread page."""

    edges: list[Edge]
    merged: list[Edge]
    groups: list[list[Edge]]
    lattices: list[Lattice]


def find_tables(edges: list[Edge], settings: GridSettings = DEFAULT_GRID) -> TableFinding:
    merged = edges_to_merged(edges, settings)
    groups = edges_to_groups(merged, settings)
    lattices = []
    for group in groups:
        lattice = group_to_lattice(group, settings)
        if lattice is not None:
            lattices.append(lattice_to_spans(lattice, group, settings))
    lattices = [t for t in lattices if _cells(t) > 1]
    return TableFinding(edges, merged, groups, lattices)


def edges_to_merged(edges: list[Edge], settings: GridSettings = DEFAULT_GRID) -> list[Edge]:
    """Horizontal then vertical edges, snapped to shared positions and joined where they touch."""
    out: list[Edge] = []
    for horizontal in (True, False):
        # (position across, start along, end along) of each edge of this orientation
        spans = sorted(
            (e.top, e.x0, e.x1) if horizontal else (e.x0, e.top, e.bottom)
            for e in edges
            if e.horizontal == horizontal
        )
        for cluster in _clusters(spans, settings.snap):
            position = sum(s[0] for s in cluster) / len(cluster)
            joined: list[list[float]] = []
            for _, start, end in sorted(cluster, key=lambda s: s[1]):
                if joined and start <= joined[-1][1] + settings.join:
                    joined[-1][1] = max(joined[-1][1], end)
                else:
                    joined.append([start, end])
            for start, end in joined:
                out.append(
                    Edge(start, position, end, position)
                    if horizontal
                    else Edge(position, start, position, end)
                )
    return out


def _clusters(spans: list[tuple[float, float, float]], snap: float) -> list[list[tuple[float, float, float]]]:
    clusters: list[list[tuple[float, float, float]]] = []
    for span in spans:
        if clusters and span[0] - clusters[-1][-1][0] <= snap:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    return clusters


def edges_to_groups(edges: list[Edge], settings: GridSettings = DEFAULT_GRID) -> list[list[Edge]]:
    """Connected sets of edges (a horizontal and a vertical edge connect where they touch)."""
    parent = list(range(len(edges)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    horizontal = [i for i, e in enumerate(edges) if e.horizontal]
    vertical = [i for i, e in enumerate(edges) if not e.horizontal]
    tol = settings.touch
    for h in horizontal:
        he = edges[h]
        for v in vertical:
            ve = edges[v]
            if he.x0 - tol <= ve.x0 <= he.x1 + tol and ve.top - tol <= he.top <= ve.bottom + tol:
                parent[find(h)] = find(v)
    groups: dict[int, list[Edge]] = {}
    for i, edge in enumerate(edges):
        groups.setdefault(find(i), []).append(edge)
    return [g for g in groups.values() if any(e.horizontal for e in g) and not all(e.horizontal for e in g)]


def group_to_lattice(group: list[Edge], settings: GridSettings = DEFAULT_GRID) -> Lattice | None:
    """Boundaries of a connected set of edges; the outer frame is taken from the extent when undrawn."""
    hs = [e for e in group if e.horizontal]
    vs = [e for e in group if not e.horizontal]
    left, right = min(e.x0 for e in group), max(e.x1 for e in group)
    top, bottom = min(e.top for e in group), max(e.bottom for e in group)
    xs = _boundaries([left, right, *(e.x0 for e in vs)], settings.min_cell)
    ys = _boundaries([top, bottom, *(e.top for e in hs)], settings.min_cell)
    if len(xs) < 2 or len(ys) < 2:
        return None
    return Lattice(xs, ys)


def _boundaries(positions: list[float], min_cell: float) -> list[float]:
    out: list[float] = []
    for p in sorted(positions):
        if not out or p - out[-1] > min_cell:
            out.append(p)
    return out


def lattice_to_spans(lattice: Lattice, group: list[Edge], settings: GridSettings = DEFAULT_GRID) -> Lattice:
    """Join atomic cells across every border no edge draws; each merged cell gets its top-left anchor."""
    rows, columns = lattice.rows, lattice.columns
    parent = list(range(rows * columns))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the root is always the top-left-most cell

    verticals = _rules(lattice.xs, [(e.x0, e.top, e.bottom) for e in group if not e.horizontal], settings)
    horizontals = _rules(lattice.ys, [(e.top, e.x0, e.x1) for e in group if e.horizontal], settings)
    for r in range(rows):
        middle = (lattice.ys[r] + lattice.ys[r + 1]) / 2
        for c in range(1, columns):
            if not _drawn(verticals[c], middle):
                union(r * columns + c - 1, r * columns + c)
    for c in range(columns):
        middle = (lattice.xs[c] + lattice.xs[c + 1]) / 2
        for r in range(1, rows):
            if not _drawn(horizontals[r], middle):
                union((r - 1) * columns + c, r * columns + c)
    anchor = [[divmod(find(r * columns + c), columns) for c in range(columns)] for r in range(rows)]
    return Lattice(lattice.xs, lattice.ys, anchor)


def _rules(
    boundaries: list[float], lines: list[tuple[float, float, float]], settings: GridSettings
) -> list[list[tuple[float, float]]]:
    """For each boundary, the stretches (start, end) along it that an edge draws."""
    out: list[list[tuple[float, float]]] = [[] for _ in boundaries]
    for position, start, end in lines:
        index = min(range(len(boundaries)), key=lambda i: abs(boundaries[i] - position))
        if abs(boundaries[index] - position) <= settings.min_cell:
            out[index].append((start - settings.join, end + settings.join))
    return out


def _drawn(stretches: list[tuple[float, float]], at: float) -> bool:
    return any(start <= at <= end for start, end in stretches)


def _cells(lattice: Lattice) -> int:
    return len({a for row in lattice.anchor for a in row})
