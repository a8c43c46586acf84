"""Connection probes of issue 12 item 8: idle and slow-header sockets must not stop other clients.

Usage: .venv/bin/python bench/connection_probes.py
Starts `claimsearch serve --workers 2` on the seeds index (built into bench/work/ix/seeds when
missing) on a free 127.0.0.1 port, then per probe holds SOCKETS loopback connections (idle: connected,
nothing sent; slow-header: a request head that never ends, one more byte per socket before each
request) while a normal client asks REQUESTS searches. Prints a table; exits 1 when any normal
request of a probe is unanswered or takes LIMIT s or more.
"""
from __future__ import annotations

import json
import queue
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.common import CLAIMSEARCH, WORK  # noqa: E402

SOCKETS = 300  # per kind of stalled client
REQUESTS = 5  # normal searches per probe
LIMIT = 1.0  # seconds a normal search may take while the sockets are held
STARTUP = 60.0  # seconds for the server's workers to be ready
READY = "worker processes ready"
HEAD = b"GET /api/search?q=x HTTP/1.1\r\nHost: localhost\r\n"
SEARCH = "/api/search?q=Matsegora"


def seeds_index() -> Path:
    """Return the seeds index, building it when missing."""
    root = WORK / "ix" / "seeds"
    if not (root / "CURRENT").exists():
        subprocess.run([CLAIMSEARCH, "index", REPO / "seeds", "--index", root, "--silent"], check=True)
    return root


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`claimsearch serve --workers 2` in a subprocess, ready once its workers say so."""

    def __init__(self, index: Path):
        self.port = free_port()
        self.proc = subprocess.Popen([CLAIMSEARCH, "serve", "--index", index, "--host", "127.0.0.1",
                                      "--port", str(self.port), "--workers", "2"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._drain, args=(lines,), daemon=True).start()
        deadline = time.monotonic() + STARTUP
        while (line := lines.get(timeout=max(0.1, deadline - time.monotonic()))) is not None:
            if READY in line:
                return
        raise SystemExit("the server exited before it was ready")

    def _drain(self, lines: queue.Queue) -> None:
        for line in self.proc.stderr:  # drained always: a full pipe would block the server
            lines.put(line)
        lines.put(None)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def normal_requests(port: int, before_each=None) -> list[float | None]:
    """Return the seconds each normal search took (None: unanswered or failed)."""
    took = []
    for _ in range(REQUESTS):
        if before_each:
            before_each()
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{SEARCH}", timeout=10) as response:
                ok = json.load(response)["total"] > 0
        except OSError:
            ok = False
        took.append(time.perf_counter() - started if ok else None)
    return took


def hold(port: int, count: int, first: bytes) -> list[socket.socket]:
    """Open ``count`` loopback connections, each sending ``first``."""
    held = []
    for _ in range(count):
        conn = socket.create_connection(("127.0.0.1", port), timeout=10)
        if first:
            conn.sendall(first)
        held.append(conn)
    return held


def trickle(held: list[socket.socket]) -> None:
    """Send one more header byte on each slow socket still open (a slowloris keeps its head growing)."""
    for conn in held:
        try:
            conn.send(b"X", socket.MSG_DONTWAIT)
        except OSError:
            pass  # the server closed it or its buffer is full: either way it holds nothing more


def probe(port: int, idle: int, slow: int) -> dict:
    """Hold the stalled sockets, time the normal searches, let the sockets go."""
    held_idle, held_slow = [], []
    try:
        held_idle = hold(port, idle, b"")
        held_slow = hold(port, slow, HEAD)
        took = normal_requests(port, (lambda: trickle(held_slow)) if slow else None)
    finally:
        for conn in held_idle + held_slow:
            conn.close()
    answered = [t for t in took if t is not None]
    passed = len(answered) == REQUESTS and max(answered) < LIMIT
    return {"idle": idle, "slow": slow, "answered": len(answered), "max_ms": max(answered, default=0) * 1000,
            "median_ms": sorted(answered)[len(answered) // 2] * 1000 if answered else 0, "passed": passed}


def main() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))  # 600 sockets and more
    server = Server(seeds_index())
    try:
        rows = [("none (baseline)", probe(server.port, 0, 0)),
                (f"{SOCKETS} idle", probe(server.port, SOCKETS, 0)),
                (f"{SOCKETS} slow-header", probe(server.port, 0, SOCKETS)),
                (f"{SOCKETS} idle + {SOCKETS} slow-header", probe(server.port, SOCKETS, SOCKETS))]
    finally:
        server.stop()
    print(f"| Sockets held | Normal searches answered | Median | Max | Under {LIMIT:g} s |")
    print("|---|---|---|---|---|")
    for label, row in rows:
        print(f"| {label} | {row['answered']}/{REQUESTS} | {row['median_ms']:.0f} ms | {row['max_ms']:.0f} ms | "
              f"{'yes' if row['passed'] else 'NO'} |")
    return 0 if all(row["passed"] for _, row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
