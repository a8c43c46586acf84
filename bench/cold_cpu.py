"""CPU time of the cold mix's searches in one process: a before/after that load on the machine barely moves.

Usage: .venv/bin/python bench/cold_cpu.py [REPO] [INDEX_ROOT]   (defaults: this checkout, bench/work/ix/x10)
Runs the 8-client cell's 200 distinct queries of `make bench-query-cold` (10x) against INDEX_ROOT with
the search code of REPO (another checkout gives the "before"), after one search that fills the
per-build caches, and prints their CPU time (process_time): total, p50 and p90.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def main(repo: str = str(HERE), root: str = str(HERE / "bench/work/ix/x10")) -> None:
    sys.path.insert(0, repo)
    sys.path.extend(str(p) for p in (HERE / "bench/work/venv/lib").glob("python3*/site-packages"))
    from bench.bench_query import cold_queries
    from search.query.parse import SearchParams
    from search.query.searcher import WhooshSearcher

    queries = cold_queries(10, 300)[100:]
    searcher = WhooshSearcher(root)
    searcher.warm()
    searcher.search(SearchParams(q="economy"))  # the per-build caches (columns, copy twins)
    cpu = []
    for _kind, q, source in queries:
        started = time.process_time()
        searcher.search(SearchParams(q=q, filters={"source": (source,)} if source else {}))
        cpu.append(time.process_time() - started)
    cpu.sort()
    print(f"{len(cpu)} cold searches, CPU: total {sum(cpu):.2f} s, p50 {1000 * cpu[len(cpu) // 2]:.1f} ms, "
          f"p90 {1000 * cpu[int(len(cpu) * .9)]:.1f} ms")


if __name__ == "__main__":
    main(*sys.argv[1:3])
