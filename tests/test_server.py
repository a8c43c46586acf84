"""End to end: the real `claimsearch serve` (waitress) on a free port, queried over HTTP."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(index, port: int, *options) -> tuple[subprocess.Popen, str]:
    """Start `claimsearch serve` and wait until it answers."""
    env = dict(os.environ, CLAIMSEARCH_INDEX=str(index))
    proc = subprocess.Popen([sys.executable, "-m", "search.cli", "serve", "--port", str(port), *options],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/api/search?q=x", timeout=1)
            return proc, base
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                pytest.fail(proc.stderr.read().decode())
            time.sleep(0.1)
    proc.kill()
    pytest.fail("the server did not answer within 20 s")


@pytest.fixture
def server(seeds_index):
    proc, base = start_server(seeds_index, free_port())
    yield base
    proc.terminate()
    proc.wait(10)


def test_api_search_over_http(server):
    with urllib.request.urlopen(server + "/api/search?q=Matsegora&per_page=50", timeout=5) as response:
        assert response.headers["Content-Type"] == "application/json"
        data = json.load(response)
    assert len({h["article_id"] for h in data["hits"]}) >= 4


def test_http_errors_use_the_json_shape(server):
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(server + "/api/search?page=0", timeout=5)
    assert info.value.code == 400 and json.load(info.value)["error"]["status"] == 400


def workers_of(pid: int) -> set[int]:
    """Return the ids of a process's live children."""
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(c) for c in task.read_text().split())
    return {c for c in found if alive(c)}


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_until(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def search_ids(base: str) -> list[str]:
    with urllib.request.urlopen(base + "/api/search?q=Matsegora&per_page=50", timeout=5) as response:
        return sorted(h["id"] for h in json.load(response)["hits"])


def test_worker_processes_share_the_port_and_stop_with_the_server(seeds_index):
    proc, base = start_server(seeds_index, free_port(), "--workers", "2", "--threads", "1")
    try:
        workers = workers_of(proc.pid)
        assert len(workers) == 2
        first = search_ids(base)
        assert first and all(search_ids(base) == first for _ in range(10))
        dead = workers.pop()
        os.kill(dead, signal.SIGKILL)  # a crashed worker is replaced; the other keeps answering
        # Connections waiting in the dead worker's own listening socket are lost with it. Its
        # sockets close once every thread has gone, which is when the server reaps it (a zombie
        # leader may still have threads holding them).
        assert wait_until(lambda: not Path(f"/proc/{dead}").exists())
        assert search_ids(base) == first
        assert wait_until(lambda: len(workers_of(proc.pid)) == 2 and dead not in workers_of(proc.pid))
        everyone = workers_of(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    assert proc.returncode == 0
    assert "2 of 2 worker processes ready" in proc.stderr.read().decode()
    assert wait_until(lambda: not any(alive(pid) for pid in everyone))


def sockets_of(pid: int) -> int:
    """Return how many sockets a process has open."""
    count = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            count += os.readlink(fd).startswith("socket:")
        except OSError:
            pass
    return count


def test_connections_spread_over_the_workers(seeds_index):
    port = free_port()
    proc, base = start_server(seeds_index, port, "--workers", "2", "--threads", "1")
    held = []
    try:
        workers = sorted(workers_of(proc.pid))
        before = {pid: sockets_of(pid) for pid in workers}
        # 16 keep-alive connections opened at once, as a load generator's pool opens them
        held = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(16)]
        for conn in held:
            conn.sendall(b"GET /api/search?q=x HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert all(conn.recv(12).startswith(b"HTTP/1.1 200") for conn in held)
        # Each worker holds some of them, so both serve.
        assert all(sockets_of(pid) > before[pid] for pid in workers)
    finally:
        for conn in held:
            conn.close()
        proc.terminate()
        proc.wait(10)


def test_workers_end_when_the_server_is_killed(seeds_index):
    proc, base = start_server(seeds_index, free_port(), "--workers", "2")
    workers = workers_of(proc.pid)
    assert len(workers) == 2
    proc.kill()  # SIGKILL: no chance to stop the workers itself
    proc.wait(10)
    assert wait_until(lambda: not any(alive(pid) for pid in workers))


def test_a_port_in_use_is_a_clear_error(seeds_index):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "search.cli", "serve", "--port", str(port),
                                 "--index", str(seeds_index)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "Cannot listen on 127.0.0.1:" in result.stderr and "Traceback" not in result.stderr
