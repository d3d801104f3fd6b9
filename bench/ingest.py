"""Benchmark: batch ingest throughput with 1 and 2 worker processes.

    .venv/bin/python bench/ingest.py [PATH ...] [--workers 1 2]

Ingests PATHs (default: ../shared/seeds and ../shared/samples) into a fresh SQLite database once
per worker count, the way ``budgetlens ingest`` does (read and check in worker processes, one
transaction per document in the parent), and prints the documents stored, wall time, documents/s,
pages/s (text documents count as one page) and the speed-up over the first worker count. Worker
start-up is included: it is part of what a user waits for.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from budgetlens.store import open_store
from budgetlens.store.batch import expand, ingest_files

SHARED = Path(__file__).resolve().parents[2] / "shared"


def run(paths: list[Path], workers: int) -> tuple[int, int, int, float]:
    """Documents stored, pages, files failed or skipped, seconds."""
    files, _ = expand(paths)
    with tempfile.TemporaryDirectory(prefix="budgetlens-bench-") as folder:
        store = open_store(Path(folder) / "bench.sqlite3")
        try:
            start = time.perf_counter()
            outcomes = ingest_files(store, files, workers=workers)
            seconds = time.perf_counter() - start
        finally:
            store.close()
    stored = [o for o in outcomes if o.status == "stored"]
    pages = sum(o.pages or 1 for o in stored)
    return len(stored), pages, len(outcomes) - len(stored), seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path, default=[SHARED / "seeds", SHARED / "samples"])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    args = parser.parse_args()
    header = ("workers", "documents", "pages", "not stored", "seconds", "doc/s", "pages/s", "speed-up")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (7, 9, 6, 10, 8, 6, 7, 8), strict=True)))
    first: float | None = None
    for workers in args.workers:
        documents, pages, other, seconds = run(args.paths, workers)
        first = first or seconds
        print(
            f"{workers:>7} {documents:>9} {pages:>6} {other:>10} {seconds:>8.1f} {documents / seconds:>6.2f}"
            f" {pages / seconds:>7.1f} {first / seconds:>7.2f}×"
        )


if __name__ == "__main__":
    main()
