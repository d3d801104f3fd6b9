"""Benchmark: budgetlens' PDF reader against pdfplumber's ``extract_tables`` on the shared samples.

    .venv/bin/python bench/read_pdfs.py [FOLDER] [--repeat N] [--no-baseline]

Reads every ``*.pdf`` of FOLDER (default: ../shared/samples) in one warm process and prints, per
document: pages, our wall time to read and recognise it (best of N), the time the check catalogue
adds (and its share of reading time), the peak of Python memory while reading and recognising
(tracemalloc, measured in a separate pass so it does not slow the timed one), pdfplumber's time to
run ``extract_tables`` on every page of the same file, and the ratio. pdfplumber comes with the
``bench`` extra (``pip install -e '.[bench]'``); it is a baseline only, never used by the reader.
A scanned document is read by OCR (timed once): pdfplumber finds no table in it, so it is listed
but left out of the ratios. Last, the peak memory of a fresh process reading, recognising and
checking the longest document.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from budgetlens.errors import UnreadableError
from budgetlens.ingest.registry import read_path
from budgetlens.recognize.document import raw_to_document
from budgetlens.rules.engine import check_document

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "samples"


def time_ours(path: Path, repeat: int) -> tuple[float, float, int, bool]:
    """Best read+recognise time, best check time, pages, whether OCR read any page."""
    best = best_check = float("inf")
    pages = 0
    ocr = False
    for _ in range(repeat):
        start = time.perf_counter()
        raw = read_path(path)
        document = raw_to_document(raw)
        checked = time.perf_counter()
        check_document(document)
        best = min(best, checked - start)
        best_check = min(best_check, time.perf_counter() - checked)
        pages = raw.source.pages or 0
        ocr = bool(raw.source.ocr_pages)
        if ocr:
            break  # seconds a page: once is enough
    return best, best_check, pages, ocr


def peak_memory(path: Path) -> int:
    tracemalloc.start()
    try:
        raw_to_document(read_path(path))
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
    header = f"{'document':<44} {'pages':>5} {'ours s':>8} {'s/page':>7}"
    header += f" {'check s':>8} {'+%':>5} {'peak MiB':>8}"
    print(header + ("" if args.no_baseline else f" {'plumber s':>9} {'ratio':>6}"))
    total_ours = total_check = total_plumber = 0.0
    total_pages = 0
    ratios = []
    page_counts = {}
    for path in readable:
        ours, check, pages, ocr = time_ours(path, args.repeat)
        page_counts[path] = pages
        peak = peak_memory(path) / 2**20
        line = (
            f"{path.name[:44]:<44} {pages:>5} {ours:>8.3f} {ours / max(pages, 1):>7.4f}"
            f" {check:>8.4f} {100 * check / ours:>4.1f}% {peak:>8.1f}"
        )
        if ocr:
            line += "  (scan read by OCR: not in the totals)"
        elif not args.no_baseline:
            plumber = time_pdfplumber(path)
            total_plumber += plumber
            ratios.append(plumber / ours)
            line += f" {plumber:>9.2f} {plumber / ours:>5.1f}x"
        if not ocr:
            total_ours += ours
            total_check += check
            total_pages += pages
        print(line, flush=True)
    per_page = total_ours / max(total_pages, 1)
    line = (
        f"{'total':<44} {total_pages:>5} {total_ours:>8.3f} {per_page:>7.4f}"
        f" {total_check:>8.4f} {100 * total_check / total_ours:>4.1f}% {'':>8}"
    )
    if not args.no_baseline:
        line += f" {total_plumber:>9.2f} {total_plumber / total_ours:>5.1f}x"
    print(line)
    if ratios:
        print(f"median ratio: {statistics.median(ratios):.1f}x")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this process's peak RSS (incl. PDFium and pdfplumber): {rss:.0f} MiB")
    largest = max(readable, key=lambda path: page_counts[path])
    print(f"peak RSS reading, recognising and checking {largest.name} alone: {alone_rss(largest):.0f} MiB")


def alone_rss(path: Path) -> float:
    """Peak resident memory of a fresh process that reads, recognises and checks one document."""
    # VmHWM, not ru_maxrss: Linux carries a forking parent's ru_maxrss over into the child
    code = (
        "import sys\n"
        "from budgetlens import read_document\n"
        "from budgetlens.rules.engine import check_document\n"
        "check_document(read_document(sys.argv[1]))\n"
        "status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "print(status.split()[0])\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


if __name__ == "__main__":
    main()
