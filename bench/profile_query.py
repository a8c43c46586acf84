"""Profile the query mix in-process (Flask test client) with pyinstrument; print per-type timings.

Usage: .venv/bin/python bench/profile_query.py INDEX_ROOT [ROUNDS] [OUT.html]
pyinstrument comes from bench/work/venv (appended to sys.path so the app's pins win).
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.extend(str(p) for p in (REPO / "bench/work/venv/lib").glob("python3*/site-packages"))

from pyinstrument import Profiler  # noqa: E402

from bench.bench_query import claimsearch_mix  # noqa: E402
from web import create_app  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def main(index_root: str, rounds: str = "3", out: str | None = None) -> None:
    client = create_app({"TESTING": True, "INDEX": index_root}).test_client()
    mix = claimsearch_mix()
    for _, url in mix:  # warm up: open the index, load caches
        assert client.get(url).status_code == 200, url
    print(f"RSS after warm-up: {rss_mb():.0f} MB (peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f})")
    timings: dict[str, list[float]] = {}
    profiler = Profiler(interval=0.001)
    profiler.start()
    for _ in range(int(rounds)):
        for kind, url in mix:
            started = time.perf_counter()
            client.get(url)
            timings.setdefault(kind, []).append(time.perf_counter() - started)
    profiler.stop()
    for kind, values in timings.items():
        values.sort()
        print(f"{kind:14} median {1000 * values[len(values) // 2]:7.1f} ms   max {1000 * values[-1]:7.1f} ms")
    print(profiler.output_text(unicode=False, color=False))
    if out:
        Path(out).write_text(profiler.output_html(), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
