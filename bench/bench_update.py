"""Incremental update benchmark: change one article in the 10x corpus, time `claimsearch update`.

Usage: bench/work/venv/bin/python bench/bench_update.py   (or `make bench`)
Env: BENCH_UPDATE_SCALE=10 (default). Reuses bench/work/ix/x<N> from bench_index.py when it was
built from the replica as it is now; otherwise builds it (and times that build).
Writes bench/results/update.json.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_index import full_build, index_dir  # noqa: E402
from bench.common import (CLAIMSEARCH, RESULTS, machine_state, replicate, require_corpus,  # noqa: E402
                          run_measured, write_result)

CHANGED = Path("r1") / "business" / "001.txt"
EDIT = b"\nThe chief executive said \"this benchmark sentence changed the article\".\n"


def full_seconds(scale: int) -> tuple[float, str]:
    """Return a full build's time at this scale: from indexing.json if it has it, else timed now."""
    try:
        rows = json.loads((RESULTS / "indexing.json").read_text())["rows"]
        found = [r for r in rows if r["engine"] == "claimsearch" and r["scale"] == scale]
        if found and (index_dir(scale) / "CURRENT").exists():
            return found[0]["seconds"], "bench/results/indexing.json"
    except (OSError, ValueError, KeyError):
        pass
    return full_build(scale)["seconds"], "timed in this run"


def update(scale: int) -> dict:
    """Time `claimsearch update` after changing one file; return its figures."""
    figures = run_measured([CLAIMSEARCH, "update", "--index", index_dir(scale), "--silent"])
    if figures["exit"] != 0:
        raise SystemExit(f"claimsearch update failed:\n{figures['output_tail']}")
    return figures


def main() -> None:
    require_corpus()
    scale = int(os.environ.get("BENCH_UPDATE_SCALE", "10"))
    corpus = replicate(scale)
    full, full_from = full_seconds(scale)
    update(scale)  # settle: the index must match the corpus before the change
    path = corpus / CHANGED
    original = path.read_bytes()
    try:
        path.write_bytes(original + EDIT)
        changed = update(scale)
    finally:
        path.write_bytes(original)
    restored = update(scale)
    unchanged = update(scale)
    rows = [dict(step=step, **{k: v for k, v in f.items() if k != "output_tail"},
                 percent_of_full=round(100 * f["seconds"] / full, 2))
            for step, f in (("one article changed", changed), ("changed back", restored),
                            ("nothing changed", unchanged))]
    ok = changed["seconds"] < 0.05 * full
    write_result("update", {"machine": machine_state(), "scale": scale, "full_build_seconds": full,
                            "full_build_from": full_from, "rows": rows,
                            "checks": {"update_under_5pct_of_full": {
                                "value": rows[0]["percent_of_full"], "bar": 5.0, "ok": ok}}})


if __name__ == "__main__":
    main()
