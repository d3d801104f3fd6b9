"""Benchmark: budgetlens' PDF reader against pdfplumber's ``extract_tables`` on the shared samples.

    .venv/bin/python bench/read_pdfs.py [FOLDER] [--repeat N] [--no-baseline]

Reads every ``*.pdf`` of FOLDER (default: ../shared/samples) in one warm process and prints, per
document: pages, our wall time (best of N), the peak of Python memory while reading (tracemalloc,
measured in a separate pass so it does not slow the timed one), pdfplumber's time to run
``extract_tables`` on every page of the same file, and the ratio. pdfplumber comes with the
``bench`` extra (``pip install -e '.[bench]'``); it is a baseline only, never used by the reader.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from pathlib import Path

from budgetlens.errors import UnreadableError
from budgetlens.ingest.registry import read_path

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "samples"


def time_ours(path: Path, repeat: int) -> tuple[float, int]:
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        start = time.perf_counter()
        raw = read_path(path)
        best = min(best, time.perf_counter() - start)
        pages = raw.source.pages or 0
    return best, pages


def peak_memory(path: Path) -> int:
    tracemalloc.start()
    try:
        read_path(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def time_pdfplumber(path: Path) -> float:
    import pdfplumber  # noqa: PLC0415 - optional baseline, imported only when asked for

    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--repeat", type=int, default=3, help="timed reads per document (best is kept)")
    parser.add_argument("--no-baseline", action="store_true", help="skip pdfplumber")
    args = parser.parse_args()
    paths = sorted(args.folder.glob("*.pdf"))
    readable = []
    for path in paths:  # warm-up: imports, PDFium initialisation, and weeding out unreadable files
        try:
            read_path(path)
            readable.append(path)
        except UnreadableError as error:
            print(f"skip {path.name}: {error}")
    header = f"{'document':<44} {'pages':>5} {'ours s':>8} {'s/page':>7} {'peak MiB':>8}"
    print(header + ("" if args.no_baseline else f" {'plumber s':>9} {'ratio':>6}"))
    total_ours = total_plumber = 0.0
    total_pages = 0
    for path in readable:
        ours, pages = time_ours(path, args.repeat)
        peak = peak_memory(path) / 2**20
        total_ours += ours
        total_pages += pages
        line = f"{path.name[:44]:<44} {pages:>5} {ours:>8.3f} {ours / max(pages, 1):>7.4f} {peak:>8.1f}"
        if not args.no_baseline:
            plumber = time_pdfplumber(path)
            total_plumber += plumber
            line += f" {plumber:>9.2f} {plumber / ours:>5.1f}x"
        print(line, flush=True)
    per_page = total_ours / max(total_pages, 1)
    line = f"{'total':<44} {total_pages:>5} {total_ours:>8.3f} {per_page:>7.4f} {'':>8}"
    if not args.no_baseline:
        line += f" {total_plumber:>9.2f} {total_plumber / total_ours:>5.1f}x"
    print(line)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS (incl. PDFium and pdfplumber): {rss:.0f} MiB")


if __name__ == "__main__":
    main()
