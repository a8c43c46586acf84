"""Time the cold query mix in one process, no HTTP: the search work alone, query by query.

Usage: .venv/bin/python bench/cold_inprocess.py [SCALE] [COUNT]   (defaults: 10, 200)
Runs the same distinct queries as the 8-client cell of `make bench-query-cold` against the
bench index of that scale (bench/work/ix/x<SCALE>, built by `make bench-index`), one at a time.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.extend(str(p) for p in (REPO / "bench/work/venv/lib").glob("python3*/site-packages"))

from bench.bench_index import index_dir  # noqa: E402
from bench.bench_query import cold_queries  # noqa: E402
from search.query.parse import SearchParams  # noqa: E402
from search.query.searcher import WhooshSearcher  # noqa: E402


def main(scale: str = "10", count: str = "200") -> None:
    root = index_dir(int(scale))
    if not (root / "CURRENT").exists():
        raise SystemExit(f"SKIP: no bench index at {root}; run `make bench-index` first")
    queries = cold_queries(int(scale), 100 + int(count))[100:]  # the 8-client cell's queries
    searcher = WhooshSearcher(root)
    searcher.warm()
    timings = []
    for kind, q, source in queries:
        params = SearchParams(q=q, filters={"source": (source,)} if source else {})
        started = time.perf_counter()
        page = searcher.search(params)
        timings.append((time.perf_counter() - started, kind, q, page.total))
    ordered = sorted(t for t, *_ in timings)
    print(f"{len(ordered)} distinct queries at {scale}x in one process: total {sum(ordered):.2f} s, "
          f"p50 {1000 * ordered[len(ordered) // 2]:.1f} ms, p90 {1000 * ordered[int(len(ordered) * .9)]:.1f} ms, "
          f"max {1000 * ordered[-1]:.1f} ms")
    for seconds, kind, q, total in sorted(timings, reverse=True)[:5]:
        print(f"  {1000 * seconds:6.1f} ms  {kind:12} {q!r} ({total} matches)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
