"""Time quote clustering on the BBC corpus at 1x, 2x, 4x and 10x: it must grow about linearly.

Usage: .venv/bin/python bench/cluster_speed.py   (writes bench/results/cluster_speed.json)
Two kinds of replica, each with new ids: exact copies (wire copies, joined without comparing)
and near copies (one extra word per copy, so every copy goes through blocking and fuzzy
scoring: the hard case, k versions sharing the same rare words).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import TOPICS, machine_state, require_corpus, write_result  # noqa: E402
from search.compare import Comparisons  # noqa: E402
from search.compare.quotes import candidate_pairs  # noqa: E402
from search.compare.text import content_stems  # noqa: E402
from search.extract import extract  # noqa: E402
from search.index.records import comparison_records  # noqa: E402
from search.ingest import documents  # noqa: E402

SCALES = (1, 2, 4, 10)


def bbc_quotes(root: Path) -> list[dict]:
    """Return the quote records of every BBC article, as the indexer stores them."""
    records = []
    for topic in TOPICS:
        for path in sorted((root / topic).glob("*.txt")):
            for article in documents.load_file(path, root)[0]:
                records.extend(comparison_records(article, extract(article))[0])
    return records


def replicate(quotes: list[dict], scale: int, near: bool) -> list[dict]:
    """Return ``scale`` copies of the quotes with distinct ids; near copies gain a word each."""
    return [dict(q, id=f"r{k}/{q['id']}", article_id=f"r{k}/{q['article_id']}",
                 text=q["text"] + (f" copy{k}" if near and k else ""))
            for k in range(scale) for q in quotes]


def measure(quotes: list[dict]) -> dict:
    """Time one full clustering of the quotes."""
    started = time.perf_counter()
    comps = Comparisons()
    comps.add(quotes, [])
    comps.compute()
    seconds = time.perf_counter() - started
    pairs = len(candidate_pairs([content_stems(q["text"]) for q in quotes]))
    return {"quotes": len(quotes), "seconds": round(seconds, 3), "candidate_pairs": pairs,
            "all_pairs": len(quotes) * (len(quotes) - 1) // 2, "clusters": len(comps.clusters)}


def main() -> None:
    base = bbc_quotes(require_corpus())
    rows = [dict(scale=s, copies=kind, **measure(replicate(base, s, kind == "near")))
            for kind in ("exact", "near") for s in SCALES]
    for row in rows:
        first = next(r for r in rows if r["copies"] == row["copies"])
        growth = row["seconds"] / first["seconds"] if first["seconds"] else 0
        print(f"{row['copies']:>5} {row['scale']:>3}x {row['quotes']:>7} quotes {row['seconds']:>7.2f}s "
              f"(x{growth:.1f}) {row['candidate_pairs']:>9} candidate pairs of {row['all_pairs']:>12} "
              f"{row['clusters']:>6} clusters")
    write_result("cluster_speed", {"rows": rows, "machine": machine_state()})


if __name__ == "__main__":
    main()
