"""Issue 16 side by side, in one run: builds local vs Dask, and Whoosh vs a 3-node Typesense cluster.

Usage: bench/work/venv/bin/python bench/side_by_side.py --scale 1   (or `make bench-side SCALE=10`)
Measures, on the BBC replica of the given scale:
  1. build time: `claimsearch index` local, then with `--dask-workers 2`;
  2. build time on Typesense: `claimsearch index --backend typesense` into a 3-node cluster started
     with `claimsearch typesense start --nodes 3`, and each node's RSS after the import;
  3. through the real server (`claimsearch serve`, once per backend, same workers and threads):
     the repeated and cold query mixes of bench_query.py at each client level: p50, p99, requests/s,
     errors; the server's and the nodes' RSS after the load.
Writes bench/results/side_by_side_x<scale>.json and prints one table. Env as bench_query.py
(BENCH_WORKERS, BENCH_THREADS, BENCH_REQUESTS_PER_CLIENT); options below.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_query import (THREADS, WORKERS, claimsearch_mix, cold_mixes, measure, start,  # noqa: E402
                               stop)
from bench.common import (CLAIMSEARCH, REPO, WORK, article_count, machine_state, replicate,  # noqa: E402
                          require_corpus, run_measured, write_result)

NODES = 3
CLUSTER_SECONDS = 300  # three nodes load and elect a leader


def build(scale: int, name: str, *options: str, env: dict | None = None) -> dict:
    """Run one `claimsearch index` of the replica into WORK/side/<name>-x<scale>; return its measures."""
    corpus, target = replicate(scale), WORK / "side" / f"{name}-x{scale}"
    shutil.rmtree(target, ignore_errors=True)
    print(f"build {name} x{scale} ...", file=sys.stderr)
    result = run_measured([CLAIMSEARCH, "index", corpus, "--index", target, "--silent", *options], env=env)
    if result["exit"] != 0:
        raise SystemExit(f"build {name} failed: {result['output_tail']}")
    return dict(result, build=name, articles=article_count(corpus), index=str(target))


class Cluster:
    """`claimsearch typesense start --nodes 3` in the background, as a user runs it."""

    def __init__(self, root: Path):
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        self.root, self.log = root, root / "start.log"
        with self.log.open("wb") as sink:
            self.proc = subprocess.Popen([str(CLAIMSEARCH), "typesense", "start", "--nodes", str(NODES),
                                          "--dir", str(root)], cwd=REPO, stdout=subprocess.PIPE, stderr=sink)
        deadline = time.monotonic() + CLUSTER_SECONDS
        while "cluster ready" not in self.log.read_text(errors="replace"):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"the Typesense cluster did not start: {self.log.read_text(errors='replace')[-800:]}")
            time.sleep(0.2)  # polling the log of a process that offers no readiness event; bounded
        record = json.loads((root / "nodes.json").read_text(encoding="utf-8"))
        self.nodes = record["nodes"]
        self.env = {"CLAIMSEARCH_BACKEND": "typesense",
                    "CLAIMSEARCH_TYPESENSE_NODES": ",".join(n["url"] for n in self.nodes),
                    "CLAIMSEARCH_TYPESENSE_KEY": Path(record["key_file"]).read_text(encoding="utf-8").strip()}

    def rss_mb(self) -> list[float]:
        """Return each node's resident memory in MB."""
        return [round(psutil.Process(n["pid"]).memory_info().rss / 2**20, 1) for n in self.nodes]

    def stop(self) -> None:
        """Stop every node (SIGTERM to the command, which stops them)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def serve(backend: str, index: str, env: dict | None):
    """Start `claimsearch serve` on one backend; return the process and its base URL."""
    cmd = [CLAIMSEARCH, "serve", "--index", index, "--workers", WORKERS, "--threads", THREADS, "--backend", backend]
    previous = dict(os.environ)
    os.environ.update(env or {})  # bench_query.start passes this process's environment on
    try:
        return start(cmd, "/api/search?q=economy", ready_line=f"{WORKERS} of {WORKERS} worker processes ready")
    finally:
        os.environ.clear()
        os.environ.update(previous)


def queries(backend: str, scale: int, index: str, env: dict | None, levels: list[int], max_seconds: float,
            cluster: Cluster | None) -> list[dict]:
    """Run the repeated, then the cold mix at every client level against one backend's server."""
    proc, base = serve(backend, index, env)
    rows = []
    try:
        warm = claimsearch_mix()
        for mix, mixes, distinct in (("repeated", [warm] * len(levels), False),
                                     ("cold", cold_mixes(scale, levels, base, None), True)):
            found = measure(backend, scale, proc, base, mixes, warm if not distinct else warm[:5], levels,
                            max_seconds, distinct=distinct)
            for row in found:
                row.update(mix=mix, node_rss_mb=cluster.rss_mb() if cluster else None)
            rows += found
    finally:
        stop(proc)
    return rows


def table(result: dict) -> str:
    """Return the results as Markdown tables."""
    lines = ["| build | seconds | peak RSS of the command (MB) | RSS per Typesense node after import (MB) |",
             "|---|---|---|---|"]
    for b in result["builds"]:
        lines.append(f"| {b['build']} | {b['seconds']} | {b['peak_rss_mb']} | {b.get('node_rss_mb') or ''} |")
    lines += ["", "| backend | mix | clients | p50 ms | p99 ms | req/s | errors | server RSS MB | node RSS MB |",
              "|---|---|---|---|---|---|---|---|---|"]
    for r in result["queries"]:
        lines.append(f"| {r['engine']} | {r['mix']} | {r['clients']} | {r['p50_ms']} | {r['p99_ms']} | "
                     f"{r['req_per_s']} | {r['errors']} | {r['rss_mb_after']} | {r['node_rss_mb'] or ''} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="BBC replicas (1 or 10)")
    parser.add_argument("--clients", default="1,8,32", help="client levels, comma-separated")
    parser.add_argument("--max-seconds", type=float, default=60, help="longest run of one cell")
    args = parser.parse_args()
    require_corpus()
    levels = [int(c) for c in args.clients.split(",")]
    builds = [build(args.scale, "whoosh-local"), build(args.scale, "whoosh-dask-2-workers", "--dask-workers", "2")]
    cluster = Cluster(WORK / "side" / f"typesense-x{args.scale}")
    try:
        builds.append(dict(build(args.scale, "typesense-3-nodes", env=cluster.env), node_rss_mb=cluster.rss_mb()))
        rows = queries("whoosh", args.scale, builds[0]["index"], None, levels, args.max_seconds, None)
        rows += queries("typesense", args.scale, builds[0]["index"], cluster.env, levels, args.max_seconds, cluster)
    finally:
        cluster.stop()
    result = {"scale": args.scale, "builds": builds, "queries": rows, "machine": machine_state(),
              "server": f"claimsearch serve --workers {WORKERS} --threads {THREADS}",
              "no_errors": all(r["errors"] == 0 and not r["warmup_problems"] for r in rows)}
    print(table(result))
    write_result(f"side_by_side_x{args.scale}", result)


if __name__ == "__main__":
    main()
