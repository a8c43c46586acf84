"""The server's memory per process under the cold query mix, and the comparison pages' latency.

Usage: bench/work/venv/bin/python bench/server_memory.py INDEX_ROOT [--scale 10] [--queries 400] [--pages 60] [--result NAME] [--claimsearch PATH]
Starts `claimsearch serve --workers 2 --threads 2` on INDEX_ROOT (a built index, e.g. the 10x
bench index), then reads each process's RSS, PSS and USS (/proc smaps_rollup): when ready, after
the comparison pages (quote versions, disagreements pages, figure pages, speakers), and after
the cold mix of `make bench-query-cold` at 8 clients. Every worker is warmed up first (its per-build caches), as bench_query.py does. bench_query.py's RSS figure is the RSS
summed over the process tree; PSS splits pages shared by the gunicorn processes between them.
Writes bench/results/server_memory.json (or --result NAME).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_query import CLAIMSEARCH, claimsearch_mix, cold_mixes, start, stop  # noqa: E402
from bench.common import machine_state, write_result  # noqa: E402
from bench.load import percentile, run_load, warm_up  # noqa: E402


def memory(pid: int) -> dict:
    """Return RSS, PSS and USS in MB of the server and each of its workers, and their sums."""
    procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    rows = []
    for proc in procs:
        full = proc.memory_full_info()
        rows.append({"pid": proc.pid, "rss": _mb(full.rss), "pss": _mb(full.pss), "uss": _mb(full.uss)})
    return {"processes": rows, **{k: round(sum(r[k] for r in rows), 1) for k in ("rss", "pss", "uss")}}


def _mb(value: int) -> float:
    return round(value / 2**20, 1)


def comparison_paths(base: str, pages: int) -> list[tuple[str, str]]:
    """Return (kind, path) for a spread of comparison pages: disagreements pages, quotes, figures, speakers."""
    listing = httpx.get(base + "/api/disagreements", params={"per_page": 50}, timeout=120).json()
    paths = [("disagreements", f"/api/disagreements?page={n}") for n in range(1, 4)]
    paths += [("close", "/api/disagreements?close=1")]
    for row in listing.get("disagreements", [])[:pages // 3]:
        paths.append(("figure", "/api/figures/" + row["values"][0]["id"].replace("#", "/")))
        paths.append(("quantity", f"/quantities/{row['id']}"))
    quotes = httpx.get(base + "/api/search", params={"q": "said", "kind": "quote", "per_page": 50},
                       timeout=120).json()
    paths += [("quote", hit["links"]["versions"]) for hit in quotes.get("hits", [])[:pages // 3]]
    paths += [("quote page", "/quotes/" + hit["id"].replace("#", "/")) for hit in quotes.get("hits", [])[:5]]
    speakers = httpx.get(base + "/api/speakers", params={"per_page": 10}, timeout=120).json()
    paths += [("speaker", f"/api/speakers/{row['speaker_id']}") for row in speakers.get("speakers", [])]
    return paths


def timed(base: str, paths: list[tuple[str, str]]) -> dict:
    """Request each path once (one client); return p50/p99 in ms and any non-200 answers."""
    lat, bad, by_kind = [], [], {}
    with httpx.Client(base_url=base, timeout=120) as http:
        for kind, path in paths:
            started = time.perf_counter()
            status = http.get(path).status_code
            lat.append(1000 * (time.perf_counter() - started))
            by_kind.setdefault(kind, []).append(lat[-1])
            if status != 200:
                bad.append(f"{status} {path}")
    lat.sort()
    return {"requests": len(lat), "p50_ms": round(percentile(lat, 50), 1), "p99_ms": round(percentile(lat, 99), 1),
            "max_ms": round(lat[-1], 1) if lat else None, "errors": bad,
            "p50_ms_by_kind": {k: round(percentile(sorted(v), 50), 1) for k, v in by_kind.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("index")
    ap.add_argument("--scale", type=int, default=10, help="the replica the index holds (picks the cold queries)")
    ap.add_argument("--queries", type=int, default=400)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--claimsearch", default=str(CLAIMSEARCH), help="the claimsearch command (another checkout's: a before figure)")
    ap.add_argument("--result", default="server_memory", help="the result file's name under bench/results")
    args = ap.parse_args()
    proc, base = start([args.claimsearch, "serve", "--index", args.index, "--workers", "2", "--threads", "2"],
                       "/api/search?q=economy", ready_line="2 of 2 worker processes ready")
    try:
        out = {"index": args.index, "ready": memory(proc.pid)}
        # As bench_query.py does: every worker's first searches (its per-build caches) before the clock starts.
        out["warm_up_problems"] = warm_up(base, claimsearch_mix()[:5], connections=8)
        paths = comparison_paths(base, args.pages)
        out["comparison_pages_first"] = timed(base, paths)  # each worker's first views build any derived data
        out["comparison_pages_again"] = timed(base, paths)
        out["after_comparison_pages"] = memory(proc.pid)
        mix = cold_mixes(args.scale, [1, 8], base, None)[1][:args.queries]
        out["cold_mix_8_clients"] = run_load(base, mix, 8, len(mix), 120, distinct=True)
        out["after_cold_mix"] = memory(proc.pid)
    finally:
        stop(proc)
    out["machine"] = machine_state()
    write_result(args.result, out)
    for stage in ("ready", "after_comparison_pages", "after_cold_mix"):
        print(stage, {k: out[stage][k] for k in ("rss", "pss", "uss")},
              [p["rss"] for p in out[stage]["processes"]])
    for key in ("comparison_pages_first", "comparison_pages_again"):
        print(key, {k: v for k, v in out[key].items() if k != "errors"}, out[key]["errors"][:3])
    cold = out["cold_mix_8_clients"]
    print("cold mix", {k: cold.get(k) for k in ("requests", "errors", "p50_ms", "p99_ms", "rps")})


if __name__ == "__main__":
    main()
