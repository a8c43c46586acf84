"""CPU time of the comparison views read from a build's store against the same comparisons held whole.

Usage: .venv/bin/python bench/compare_store_speed.py INDEX_ROOT [COUNT]   (COUNT views of each kind, default 200)
The store (search.compare.store) is what a server reads; the whole comparisons in memory are what
each server process held before. CPU time, not wall time: other work on the machine barely moves it.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search import compare  # noqa: E402
from search.compare import views  # noqa: E402
from search.index.store import IndexStore  # noqa: E402


def cpu_ms(work) -> float:
    """Return the best of three CPU times of ``work()`` in ms."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return 1000 * best


def main(root: str, count: str = "200") -> None:
    build = IndexStore(root).current_dir()
    stored = compare.open_build(build)
    started = time.process_time()
    whole = compare.load(build)
    print(f"reading the comparisons whole: {time.process_time() - started:.2f} s CPU")
    rng = random.Random(7)
    quotes = rng.sample(sorted(whole.cluster_of), min(int(count), len(whole.cluster_of)))
    figures = rng.sample(sorted(whole.quantity_of), min(int(count), len(whole.quantity_of)))
    hits = [dict(whole.quotes[q], kind="quote") for q in quotes] + [dict(whole.figures[f], kind="figure") for f in figures]
    work = {
        "quote versions (one page)": lambda c: [views.quote_versions(c, q) for q in quotes],
        "figure reports": lambda c: [views.figure_reports(c, f) for f in figures],
        "disagreements, 3 pages (ranked once per process)": lambda c: [views.disagreements(c, page=p) for p in (1, 2, 3)],
        "a hit's other versions (search pages)": lambda c: [views.other_versions(c, h) for h in hits],
        "a hit's copies (search pages)": lambda c: [c.copy_records(h["article_id"]) for h in hits],
    }
    print(f"{len(quotes)} quotes, {len(figures)} figures, {len(hits)} hits; CPU ms per view, whole -> store")
    for name, run in work.items():
        run(stored)  # the ranked disagreements are worked out once per process in both
        run(whole)
        before, after = cpu_ms(lambda: run(whole)), cpu_ms(lambda: run(stored))
        per = {"quote": len(quotes), "figure": len(figures), "hit'": len(hits)}
        n = next((v for k, v in per.items() if k in name), 3)
        print(f"  {name}: {before / n:.3f} -> {after / n:.3f} ms ({after / before:.1f}x)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
