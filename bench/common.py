"""Shared helpers for the benchmarks: corpus replicas, measured subprocesses, result files."""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work"  # git-ignored: replicas, indexes, databases
RESULTS = REPO / "bench" / "results"
VENV_BIN = REPO / ".venv" / "bin"
CLAIMSEARCH = VENV_BIN / "claimsearch"
APP_PYTHON = VENV_BIN / "python"
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "bbc-news"
TOPICS = ("business", "entertainment", "politics", "sport", "tech")
SCALES = (1, 4, 10)


def read_article(path: Path) -> str:
    """Return a corpus file's text: UTF-8, or cp1252 as claimsearch reads non-UTF-8 files."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def corpus_root() -> Path | None:
    """Return the BBC corpus folder (env BENCH_CORPUS), or None when it is absent."""
    root = Path(os.environ.get("BENCH_CORPUS", DEFAULT_CORPUS))
    return root if all((root / t).is_dir() for t in TOPICS) else None


def require_corpus() -> Path:
    """Return the corpus or exit 0 with a clear message: benchmarks need the shared data."""
    root = corpus_root()
    if root is None:
        print(f"SKIP: BBC corpus not found at {os.environ.get('BENCH_CORPUS', DEFAULT_CORPUS)} "
              "(set BENCH_CORPUS); no figures written.", file=sys.stderr)
        sys.exit(0)
    return root


def source_line(topic: str) -> str:
    # BBC files name no outlet; one synthetic outlet per topic gives the source facet five values.
    return f"\n\nOriginal Source: {topic}.bbc.co.uk\n"


# A replica's files end in k-1 blank lines: its copies read the same, yet no two replicas hold files
# with the same bytes, so a build extracts every replica (it extracts a byte-identical file once).
REPLICA_FORMAT = "2: replica k ends in k-1 blank lines"


def replicate(scale: int) -> Path:
    """Return bench/work/corpus/x<scale>/r<k>/<topic>/NNN.txt: the corpus copied scale times, each copy's bytes apart."""
    src = require_corpus()
    target = WORK / "corpus" / f"x{scale}"
    stamp = target / ".complete"
    if stamp.exists() and stamp.read_text() == REPLICA_FORMAT:
        return target
    shutil.rmtree(target, ignore_errors=True)
    for k in range(1, scale + 1):
        for topic in TOPICS:
            out = target / f"r{k}" / topic
            out.mkdir(parents=True)
            for path in sorted((src / topic).glob("*.txt")):
                tail = source_line(topic) + "\n" * (k - 1)
                (out / path.name).write_bytes(path.read_bytes() + tail.encode())
    stamp.write_text(REPLICA_FORMAT)
    return target


def article_count(corpus: Path) -> int:
    """Return how many article files a replica holds."""
    return sum(1 for _ in corpus.rglob("*.txt"))


def run_measured(cmd: list[str], env: dict | None = None, timeout: float = 1800) -> dict:
    """Run cmd; return wall seconds, the child's peak RSS in MB, exit code and output tail."""
    started = time.monotonic()
    proc = subprocess.Popen([str(c) for c in cmd], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=dict(os.environ, **(env or {})), cwd=REPO)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    seconds = time.monotonic() - started
    output = proc.stdout.read().decode("utf-8", "replace")
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": round(seconds, 3), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "exit": proc.returncode, "output_tail": output[-600:]}


def dir_size_mb(path: Path) -> float:
    """Return the size of every file under path in MB."""
    return round(sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 2**20, 1)


def machine_state() -> dict:
    """Return what shapes the figures: load, cores, memory, versions, commit, time."""
    mem = {}
    with open("/proc/meminfo") as handle:
        for line in handle:
            key, value = line.split(":", 1)
            if key in ("MemTotal", "MemAvailable"):
                mem[key] = round(int(value.split()[0]) / 1024)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "search", "web"], cwd=REPO,
                                capture_output=True, text=True).stdout.strip())
    return {"when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "loadavg": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count(),
            "mem_total_mb": mem.get("MemTotal"), "mem_available_mb": mem.get("MemAvailable"),
            "python": platform.python_version(), "commit": commit, "search_or_web_dirty": dirty}


def write_result(name: str, data: dict) -> Path:
    """Write bench/results/<name>.json with the machine state attached."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}", file=sys.stderr)
    return path
