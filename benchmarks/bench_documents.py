"""Reading files: pages/s and rows/s per format, and the speed-up of a pool of 2 processes.

Each fixture of tests/fixtures/formats (the seed exports built as .docx, .xlsx, .xls, .html,
.pdf and .doc by tests/tools/build_fixtures.py) is read with ``read_tables`` ``--repeat`` times
(parse cache emptied each time, so cell parsing is counted) against the baseline of reading its
text export the same way, in the same run. Pages are counted in the PDF (the page count of the
same document's PDF for every other format). The pool is measured by ``read_many`` over every
fixture repeated, with ``jobs=1`` and ``jobs=2``, and its output checked equal.

Run: python benchmarks/bench_documents.py [--repeat N] [--copies N]
(.doc needs LibreOffice: it is measured only where soffice is on the PATH).
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections import defaultdict
from pathlib import Path

import pdfplumber

import perfmetrics as pm
from perfmetrics.documents.batch import read_many
from perfmetrics.values.api import clear_cache

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "tests" / "fixtures" / "formats"
SEEDS = ROOT / "tests" / "data" / "seeds"
EXPORTS = {
    "001": SEEDS / "001_7636b05d3c472e6f.txt",
    "002": SEEDS / "002_9447ddad8dc33496.txt",
    "004": SEEDS / "004_e85c4e418f268774.txt",
}


def timed(path: Path, repeat: int) -> tuple[float, int]:
    """Seconds per read of ``path`` (best of ``repeat``) and its row count."""
    best = float("inf")
    rows = 0
    for _ in range(repeat):
        clear_cache()
        start = time.perf_counter()
        tables = pm.read_tables(path)
        best = min(best, time.perf_counter() - start)
        rows = sum(len(table.rows) for table in tables)
    return best, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=4, help="copies of each file in the pool")
    args = parser.parse_args()
    pages = {}
    for key in EXPORTS:
        with pdfplumber.open(FORMATS / f"{key}.pdf") as pdf:
            pages[key] = len(pdf.pages)
    # name → [seconds, pages, rows, seconds of the text exports of the same documents]
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    office = shutil.which("soffice") is not None
    for key, export in EXPORTS.items():
        baseline, rows = timed(export, args.repeat)
        total = totals["text export (baseline)"]
        total[0] += baseline
        total[1] += pages[key]
        total[2] += rows
        total[3] += baseline
        for path in sorted(FORMATS.glob(f"{key}.*")):
            if path.suffix == ".doc" and not office:
                continue
            seconds, rows = timed(path, 1 if path.suffix == ".doc" else args.repeat)
            name = path.name.removeprefix(f"{key}.")
            total = totals[name]
            total[0] += seconds
            total[1] += pages[key]
            total[2] += rows
            total[3] += baseline
    print(f"{'format':<24}{'pages/s':>10}{'rows/s':>10}{'time / text export':>20}")
    for name, (seconds, page_count, rows, base) in sorted(totals.items()):
        print(
            f"{name:<24}{page_count / seconds:>10.1f}{rows / seconds:>10.0f}{seconds / base:>20.1f}"
        )
    files = [p for p in sorted(FORMATS.iterdir()) if p.suffix != ".doc"] * args.copies
    clear_cache()
    start = time.perf_counter()
    one = read_many(files, jobs=1)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    two = read_many(files, jobs=2)
    pooled = time.perf_counter() - start
    assert one == two, "jobs=2 must give what jobs=1 gives"
    print(
        f"\nread_many over {len(files)} files: jobs=1 {serial:.2f} s, jobs=2 {pooled:.2f} s, "
        f"speed-up {serial / pooled:.2f}x (output identical; {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} before the pool: other work shares the cores)"
    )


if __name__ == "__main__":
    main()
