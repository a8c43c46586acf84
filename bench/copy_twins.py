"""CPU seconds one process spends working out a build's copy twins (its first search per build).

Usage: .venv/bin/python bench/copy_twins.py INDEX_DIR
Prints a checksum of the twins (equal before and after a change that must not alter them), their
count and the CPU seconds of WhooshSearcher._find_twins; the comparisons store is opened first.
"""
from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from search.query.searcher import WhooshSearcher  # noqa: E402


def main(index_dir: str) -> None:
    """Print the twins' checksum, count and CPU seconds for the live build under ``index_dir``."""
    backend = WhooshSearcher(index_dir)
    _, ix = backend._live()
    with ix.searcher() as searcher:
        backend.comparisons().stories  # opening the store is not the twins' cost
        start = time.process_time()
        twins = backend._find_twins(searcher)
        seconds = time.process_time() - start
    print(hashlib.sha1(twins._to.tobytes()).hexdigest()[:10], f"{len(twins)} twins, {seconds:.2f} CPU s")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not (Path(sys.argv[1]) / "CURRENT").is_file():
        sys.exit("usage: bench/copy_twins.py INDEX_DIR (a claimsearch index: a folder with CURRENT)")
    main(sys.argv[1])
