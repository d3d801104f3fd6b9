"""Page response times of ``budgetlens serve``: a unit page with 10 documents, measured over HTTP.

Builds a fresh SQLite store holding ten years of one unit's final account (seed 004 with its report
year set to 2015…2024: ten distinct files of the same unit), starts the real server in its own
process, and times sequential requests with a plain HTTP client (urllib). The baseline in the same
run is the server's floor: a small static file. Prints p50/p95 in milliseconds and the ratio.

    .venv/bin/python bench/serve.py --requests 200
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = (
    Path(os.environ.get("BUDGETLENS_SHARED", ROOT.parent / "shared")) / "seeds" / "004_711672de32b8e3d1.txt"
)
YEARS = range(2015, 2025)


def build_store(folder: Path) -> Path:
    from budgetlens.store.batch import ingest_files  # noqa: PLC0415 - after argument parsing
    from budgetlens.store.database import open_store  # noqa: PLC0415

    text = SEED.read_text(encoding="utf-8")
    files = []
    for year in YEARS:
        path = folder / f"004-{year}.txt"
        # the report year and the prior year, shifted together
        shifted = re.sub("202[34]", lambda m, shift=year - 2024: str(shift + int(m[0])), text)
        path.write_text(shifted, encoding="utf-8")
        files.append(path)
    database = folder / "bench.sqlite3"
    store = open_store(database)
    outcomes = ingest_files(store, files, workers=2)
    store.close()
    stored = sum(1 for o in outcomes if o.status == "stored")
    print(f"stored {stored} documents of one unit in {database}")
    return database


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def timed(url: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            response.read()
            assert response.status == 200, url
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = build_store(Path(folder))
        port = free_port()
        command = [sys.executable, "-m", "budgetlens", "serve", "--db", str(database), "--port", str(port)]
        server = subprocess.Popen(command, env={**os.environ, "BUDGETLENS_TOKEN": "bench"})
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(200):
                try:
                    timed(base + "/static/style.css", 1)
                    break
                except OSError:
                    time.sleep(0.1)
            with urllib.request.urlopen(base + "/api/v1/units") as response:
                unit_id = json.loads(response.read())[0]["id"]
            targets = {
                "static file (baseline)": "/static/style.css",
                "unit page, 10 documents (HTML)": f"/units/{unit_id}",
                "unit resource, 10 documents (JSON)": f"/api/v1/units/{unit_id}",
                "document findings page": "/documents/1",
            }
            print(f"{'request':38} {'p50 ms':>8} {'p95 ms':>8} {'p50 ratio':>10}")
            floor = None
            for name, path in targets.items():
                timed(base + path, 5)  # warm up
                times = timed(base + path, args.requests)
                p50, p95 = statistics.median(times), percentile(times, 0.95)
                floor = floor or p50
                print(f"{name:38} {p50:8.1f} {p95:8.1f} {p50 / floor:9.1f}×")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
