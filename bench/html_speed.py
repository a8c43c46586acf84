"""Measure how long loading saved web pages takes (trafilatura), largest pages first.

Usage: .venv/bin/python bench/html_speed.py [DIR]   (default ../shared/data/article-extraction/html)
Loading is timed apart from extraction of statements: this is what the HTML loader adds.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.extract import extract  # noqa: E402
from search.ingest.documents import corpus_files, load_file  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "article-extraction" / "html"


def main() -> None:
    """Print the load and extract time of the five largest pages and of the whole folder."""
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    rows = []
    for path in corpus_files(corpus):
        started = time.perf_counter()
        articles = load_file(path, corpus)[0]
        loaded = time.perf_counter()
        for article in articles:
            extract(article)
        rows.append((path.stat().st_size, loaded - started, time.perf_counter() - loaded, path.name))
    rows.sort(reverse=True)
    for size, load_s, extract_s, name in rows[:5]:
        print(f"{size / 1e6:6.2f} MB  load {load_s:6.3f}s  extract {extract_s:6.3f}s  {name[:16]}")
    total = sum(r[0] for r in rows) / 1e6
    print(f"{len(rows)} pages, {total:.1f} MB: load {sum(r[1] for r in rows):.2f}s, "
          f"extract {sum(r[2] for r in rows):.2f}s")


if __name__ == "__main__":
    main()
