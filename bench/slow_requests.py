"""Time the slow-request table of issue 12 item 4 in one process, no HTTP: every request under 1 s.

Usage: .venv/bin/python bench/slow_requests.py
BENCH_CORPUS names the BBC folder (default ../shared/data/bbc-news). Indexes it once into
bench/work/ix/x1 (the 1x index `make bench-index` also uses), then runs each request cold: a fresh
searcher, so no cache of an earlier request helps. Exits 1 if any request takes 1 s or more.
"""
from __future__ import annotations

import string
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bench_index import index_dir  # noqa: E402
from bench.common import CLAIMSEARCH, replicate, run_measured  # noqa: E402
from search.query.parse import SearchParams  # noqa: E402
from search.query.searcher import WhooshSearcher  # noqa: E402
from search.render.export import csv_lines  # noqa: E402
from search.settings import defaults  # noqa: E402

BUDGET = 1.0  # seconds, per request
MAX_EXPORT = defaults()["MAX_EXPORT"]
# (what, query, before): the table of issue 12 item 4, measured on the 2,225 BBC articles.
REQUESTS = [
    ("search", "*", 2.8),
    ("search", " OR ".join(f"{c}*" for c in string.ascii_lowercase), 240.0),
    ("search", "*a* *e* *i* *o*", 76.0),
    ("search", "a* b* c* d*", 14.5),
    ("export.csv", "*e*", 13.5),
    # Not in the table: the same patterns in shapes the limits must also cover.
    ("export.csv", "a* OR e*", None),
    ("search", "[a TO z]", None),
    ("search", "s* NOT t*", None),
]


def ensure_index() -> Path:
    """Return the 1x index, building it from the corpus when it is missing."""
    root = index_dir(1)
    if not (root / "CURRENT").exists():
        figures = run_measured([CLAIMSEARCH, "index", replicate(1), "--index", root, "--silent"])
        if figures["exit"] != 0:
            raise SystemExit(f"index failed: {figures['output_tail']}")
    return root


def run(searcher: WhooshSearcher, what: str, q: str) -> tuple[int, list[str]]:
    """Run one request as the web app would; return its total and notes."""
    params = SearchParams(q=q)
    if what == "export.csv":
        found = searcher.export(params, MAX_EXPORT)
        sum(map(len, csv_lines(found.records)))  # the body the client would be sent
        return found.total, found.notes
    page = searcher.search(params)
    return page.total, page.notes


def main() -> int:
    root = ensure_index()
    slow = 0
    print(f"{'seconds':>8}  {'before':>7}  {'request':42} total  notes")
    for what, q, before in REQUESTS:
        searcher = WhooshSearcher(root)
        searcher.warm()  # a serving worker is warm; the request itself is cold
        started = time.perf_counter()
        total, notes = run(searcher, what, q)
        seconds = time.perf_counter() - started
        slow += seconds >= BUDGET
        label = f"{what}?q={q}"
        shown = " | ".join(notes)[:90]
        print(f"{seconds:8.3f}  {before or float('nan'):7.1f}  {label[:42]:42} {total:5}  {shown}")
        searcher.close()
    print("all under 1 s" if not slow else f"{slow} request(s) took 1 s or more")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
