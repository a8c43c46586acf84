"""Query latency through the real servers: claimsearch (gunicorn) vs Datasette over SQLite FTS5.

Usage: bench/work/venv/bin/python bench/bench_query.py   (or `make bench`)
Env: BENCH_QUERY_SCALES=1,10  BENCH_CLIENTS=1,8,32  BENCH_MAX_SECONDS=60 (per cell),
BENCH_MIX=repeated (25 queries replayed: popular queries, caches help) or cold (every request a
distinct query made from the corpus's headline words, no page 2: nothing can be served from a cache).
Both servers listen on 127.0.0.1 only, one at a time, and get the same bounded load (bench/load.py)
with the same query mix. Also records each server's RSS after its load (the memory bar).
Writes bench/results/query.json.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_index import full_build, index_dir  # noqa: E402
from bench.common import (CLAIMSEARCH, REPO, TOPICS, VENV_BIN, WORK, machine_state, read_article,  # noqa: E402
                          replicate, require_corpus, write_result)
from bench.load import run_load, warm_up  # noqa: E402

DATASETTE = Path(sys.executable).parent / "datasette"
WORDS = ("economy", "election", "film", "music", "mobile", "england", "growth", "software",
         "minister", "champion")
PHRASES = ("prime minister", "interest rates", "mobile phone", "world cup", "box office")
# (word, topic): the source facet narrows a word to the outlet of one topic.
FACETED = (("growth", "business"), ("award", "entertainment"), ("tax", "politics"),
           ("injury", "sport"), ("broadband", "tech"))
# The claimsearch server: gunicorn processes sharing the port and threads in each (serve's defaults
# on this 2-core machine).
WORKERS = os.environ.get("BENCH_WORKERS", "2")
THREADS = os.environ.get("BENCH_THREADS", "2")
ENGINES = os.environ.get("BENCH_ENGINES", "claimsearch,datasette")  # claimsearch alone: quicker tries
PER_CLIENT = int(os.environ.get("BENCH_REQUESTS_PER_CLIENT", "50"))  # 8 clients: 400 requests, p99 = 4th worst
PAGE_SIZE = 20


def ints(name: str, default: str) -> list[int]:
    return [int(v) for v in os.environ.get(name, default).split(",") if v.strip()]


def claimsearch_mix() -> list[tuple[str, str]]:
    """Return (query type, path) pairs for claimsearch: facets and snippets are always on."""
    def url(**params):
        return "/api/search?" + urlencode(dict(params, per_page=PAGE_SIZE))
    mix = [("word", url(q=w)) for w in WORDS]
    mix += [("phrase", url(q=f'"{p}"')) for p in PHRASES]
    mix += [("source facet", url(q=w, source=f"{t}.bbc.co.uk")) for w, t in FACETED]
    mix += [("page 2+", url(q=w, page=2 + n % 2)) for n, w in enumerate(WORDS[:5])]
    return mix


def datasette_mix(base: str, db: str) -> list[tuple[str, str]]:
    """Return the same queries as Datasette table searches with a source facet."""
    def url(**params):
        return f"/{db}/articles.json?" + urlencode(dict(params, _facet="source", _size=PAGE_SIZE))
    mix = [("word", url(_search=w)) for w in WORDS]
    mix += [("phrase", url(_search=f'"{p}"')) for p in PHRASES]
    mix += [("source facet", url(_search=w, source=f"{t}.bbc.co.uk")) for w, t in FACETED]
    with httpx.Client(timeout=60) as http:  # Datasette pages by keyset: follow `next` tokens
        for n, w in enumerate(WORDS[:5]):
            link = url(_search=w)
            for _ in range(1 + n % 2):
                token = http.get(base + link).json().get("next")
                link = url(_search=w, _next=token) if token else link
            mix.append(("page 2+", link))
    return mix


def cold_queries(scale: int, count: int) -> list[tuple[str, str, str | None]]:
    """Return `count` distinct (type, q, source) queries from headline words; none repeats."""
    corpus, seen, out = replicate(scale), set(), []
    titles = {t: [_row(p, corpus)["title"] for p in sorted((corpus / "r1" / t).glob("*.txt"))] for t in TOPICS}
    for n in range(max(len(v) for v in titles.values())):
        for topic in TOPICS:
            if n >= len(titles[topic]):
                continue
            words = [w.strip(".,:;'\"!?()").lower() for w in titles[topic][n].split()]
            words = [w for w in words if len(w) >= 4 and w.isalpha()]
            if len(words) >= 2 and (key := " ".join(words[:2])) not in seen:
                seen.add(key)
                out.append(("phrase", f'"{words[0]} {words[1]}"', None))
            for w in words[2:4]:
                if w not in seen:
                    seen.add(w)
                    faceted = len(seen) % 3 == 0
                    out.append(("source facet" if faceted else "word", w,
                                f"{topic}.bbc.co.uk" if faceted else None))
    return out[:count]


def cold_mixes(scale: int, levels: list[int], base: str | None, db: str | None) -> list[list]:
    """Return one mix per client level, disjoint, for claimsearch (db None) or Datasette."""
    sizes = [requests_for(c) for c in levels]
    queries = cold_queries(scale, sum(sizes))
    mixes, start = [], 0
    for size in sizes:
        chunk, start = queries[start:start + size], start + size
        if db is None:
            mixes.append([(k, "/api/search?" + urlencode(dict({"q": q, "per_page": PAGE_SIZE},
                                                              **({"source": s} if s else {}))))
                          for k, q, s in chunk])
        else:
            mixes.append([(k, f"/{db}/articles.json?" + urlencode(dict(
                {"_search": q, "_facet": "source", "_size": PAGE_SIZE}, **({"source": s} if s else {}))))
                for k, q, s in chunk])
    return mixes


def build_db(scale: int) -> Path:
    """Load the replica's articles into SQLite with sqlite-utils and enable FTS5 on title and body."""
    import sqlite_utils

    path = WORK / "db" / f"x{scale}.db"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    db = sqlite_utils.Database(tmp, recreate=True)
    corpus = replicate(scale)
    db["articles"].insert_all((_row(p, corpus) for p in sorted(corpus.rglob("*.txt"))), pk="id",
                              batch_size=1000)
    db["articles"].create_index(["source"])
    db["articles"].enable_fts(["title", "body"], fts_version="FTS5", create_triggers=False)
    db.vacuum()
    db.close()
    tmp.rename(path)
    return path


def _row(path: Path, corpus: Path) -> dict:
    title, _, body = read_article(path).partition("\n")
    body, _, source = body.rpartition("Original Source:")
    return {"id": path.relative_to(corpus).with_suffix("").as_posix(), "title": title.strip(),
            "body": body.strip(), "source": source.strip()}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(cmd: list, probe: str, ready_line: str | None = None) -> tuple[subprocess.Popen, str]:
    """Start a server on a free loopback port; return it once `probe` answers (and `ready_line` is logged)."""
    port = free_port()
    log = WORK / "logs" / f"{Path(str(cmd[0])).name}-{port}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    # A log file, not a pipe: nobody reads a pipe during the run, and a full one blocks the server.
    with log.open("wb") as sink:
        proc = subprocess.Popen([str(c) for c in cmd] + ["--port", str(port)], cwd=REPO,
                                stdout=subprocess.DEVNULL, stderr=sink)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {log.read_text(errors='replace')[-800:]}")
        try:
            if httpx.get(base + probe, timeout=30).status_code == 200 and (
                    ready_line is None or ready_line in log.read_text(errors="replace")):
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"server did not answer {probe} within 300 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def requests_for(clients: int) -> int:
    """Return the requests of one cell: enough that its p99 is not one or two unlucky requests."""
    return max(100, PER_CLIENT * clients)


def server_rss_mb(pid: int) -> float:
    """Return the RSS of a server and all its worker processes together, in MB."""
    server = psutil.Process(pid)
    return round(sum(p.memory_info().rss for p in [server, *server.children(recursive=True)]) / 2**20, 1)


def measure(engine: str, scale: int, proc, base: str, mixes, warm, levels, max_seconds,
            distinct: bool = False) -> list[dict]:
    """Warm the server up, then run every client level; attach the server's RSS afterwards."""
    problems = warm_up(base, warm, connections=max(levels))  # every worker process sees every query
    rows = []
    for clients, mix in zip(levels, mixes):
        print(f"  {engine} x{scale}: {clients} clients...", file=sys.stderr)
        max_requests = requests_for(clients)
        result = run_load(base, mix, clients, max_requests, max_seconds, distinct=distinct)
        result["rss_mb_after"] = server_rss_mb(proc.pid)
        rows.append(dict(engine=engine, scale=scale, clients=clients, warmup_problems=problems,
                         loadavg=[round(x, 2) for x in os.getloadavg()], **result))
    return rows


def main() -> None:
    require_corpus()
    levels, max_seconds = ints("BENCH_CLIENTS", "1,8,32"), float(os.environ.get("BENCH_MAX_SECONDS", "60"))
    cold = os.environ.get("BENCH_MIX", "repeated") == "cold"
    rows = []
    for scale in ints("BENCH_QUERY_SCALES", "1,10"):
        if not (index_dir(scale) / "CURRENT").exists():
            full_build(scale)
        db = build_db(scale)
        proc, base = start([CLAIMSEARCH, "serve", "--index", index_dir(scale), "--workers", WORKERS,
                            "--threads", THREADS],
                           "/api/search?q=economy", ready_line=f"{WORKERS} of {WORKERS} worker processes ready")
        try:
            warm = claimsearch_mix()
            mixes = cold_mixes(scale, levels, base, None) if cold else [warm] * len(levels)
            rows += measure("claimsearch", scale, proc, base, mixes, warm if not cold else warm[:5],
                            levels, max_seconds, distinct=cold)
        finally:
            stop(proc)
        if "datasette" not in ENGINES:
            continue
        proc, base = start([DATASETTE, "serve", db], f"/{db.stem}/articles.json?_size=1")
        try:
            warm = datasette_mix(base, db.stem)
            mixes = cold_mixes(scale, levels, base, db.stem) if cold else [warm] * len(levels)
            rows += measure("datasette", scale, proc, base, mixes, warm if not cold else warm[:5],
                            levels, max_seconds, distinct=cold)
        finally:
            stop(proc)
    write_result("query-cold" if cold else "query", {"mix": "cold" if cold else "repeated", "machine": machine_state(), "rows": rows, "checks": checks(rows),
                           "servers": {"claimsearch": f"claimsearch serve --workers {WORKERS} --threads {THREADS} (gunicorn; waitress for 1 worker)",
                                       "datasette": "datasette serve DB (default settings)"}})


def checks(rows: list[dict]) -> dict:
    """Return the bars: at 8 clients on 10x, claimsearch p50/p99 <= Datasette's; no errors; RSS."""
    cell = {(r["engine"], r["scale"], r["clients"]): r for r in rows}
    out = {"no_errors": {"ok": all(r["errors"] == 0 and not r["warmup_problems"] for r in rows)}}
    ours, theirs = cell.get(("claimsearch", 10, 8)), cell.get(("datasette", 10, 8))
    if ours and theirs:
        for p in ("p50_ms", "p99_ms"):
            out[f"{p}_10x_8_clients"] = {"claimsearch": ours[p], "datasette": theirs[p],
                                         "ok": ours[p] <= theirs[p]}
    last = [r for r in rows if r["engine"] == "claimsearch" and r["scale"] == 10]
    if last:
        rss = last[-1]["rss_mb_after"]
        out["server_rss_after_10x_load_mb"] = {"value": rss, "bar": 500, "ok": rss < 500}
    return out


if __name__ == "__main__":
    main()
