"""End to end: the real `claimsearch serve` (gunicorn, or waitress for one process) over loopback HTTP."""
from __future__ import annotations

import http.client
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

from tests.helpers import Served, still_running, wait_until
from web.limits import GRACEFUL_TIMEOUT, MAX_HEADER_BYTES

SERVERS = {"gunicorn": ("--workers", "2", "--threads", "2"), "waitress": ("--workers", "1")}
STOP_WITHIN = GRACEFUL_TIMEOUT + 5  # seconds: the graceful timeout, then SIGKILL and exit


@pytest.fixture(scope="module", params=sorted(SERVERS))
def served(request, seeds_index):
    """One server of each kind, with a web setting given only through the environment."""
    with Served(seeds_index, *SERVERS[request.param], env={"CLAIMSEARCH_PAGE_SIZE": "5"}) as server:
        server.kind = request.param
        yield server


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/json"
        return json.load(response)


def test_api_search_over_http(served):
    data = get_json(served.base + "/api/search?q=Matsegora&per_page=50")
    assert len({h["article_id"] for h in data["hits"]}) >= 4


def test_environment_settings_apply_under_serve(served):
    hits = get_json(served.base + "/api/search")["hits"]  # CLAIMSEARCH_PAGE_SIZE=5; statements under their article
    assert len([h for hit in hits for h in [hit, *hit.get("statements", [])]]) == 5


def test_http_errors_use_the_json_shape(served):
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(served.base + "/api/search?page=0", timeout=10)
    assert info.value.code == 400 and json.load(info.value)["error"]["status"] == 400


HEAD = b"GET /api/search?q=x HTTP/1.1\r\nHost: localhost\r\n"


@pytest.mark.parametrize("stall", [b"", HEAD, HEAD + b"\r\n"], ids=["idle", "slow-head", "kept-alive"])
def test_idle_and_slow_sockets_do_not_stop_other_clients(served, stall):
    held = []
    try:
        for _ in range(300):  # idle, with a head that never ends, or idle after one request
            conn = socket.create_connection(("127.0.0.1", served.port), timeout=10)
            conn.sendall(stall)
            held.append(conn)
        for _ in range(3):
            assert get_json(served.base + "/api/search?q=Matsegora")["total"] > 0
    finally:
        for conn in held:
            conn.close()


def test_a_huge_body_is_refused_without_being_read(served):
    with socket.create_connection(("127.0.0.1", served.port), timeout=10) as conn:
        conn.sendall(b"POST /api/search HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1073741824\r\n"
                     b"Content-Type: application/octet-stream\r\n\r\n" + b"x" * 65536)
        status = conn.recv(64).split(b" ")[1]
    # gunicorn routes it (no route takes a POST); waitress refuses the size before the route
    assert status == (b"405" if served.kind == "gunicorn" else b"413")


def test_request_heads_are_bounded(served):
    with socket.create_connection(("127.0.0.1", served.port), timeout=10) as conn:
        conn.sendall(b"GET /" + b"a" * (MAX_HEADER_BYTES + 10) + b" HTTP/1.1\r\nHost: localhost\r\n\r\n")
        status = conn.recv(64).split(b" ")[1]
    assert status in (b"414", b"431", b"400")


def test_connections_spread_over_the_workers(seeds_index):
    with Served(seeds_index, "--workers", "2", "--threads", "1") as server:
        workers = server.workers()
        assert len(workers) == 2
        before = {w.pid: len(w.net_connections()) for w in workers}
        held = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(16)]
        try:
            for conn in held:
                conn.sendall(b"GET /api/search?q=x HTTP/1.1\r\nHost: localhost\r\n\r\n")
            assert all(conn.recv(12).startswith(b"HTTP/1.1 200") for conn in held)
            # 16 keep-alive connections opened at once: each worker holds some, so both serve
            assert all(len(w.net_connections()) > before[w.pid] for w in workers)
        finally:
            for conn in held:
                conn.close()


class ClientLoop(threading.Thread):
    """Send search requests until stopped (at most ``limit``); record what came back."""

    def __init__(self, port: int, limit: int = 2000):
        super().__init__(daemon=True)
        self.port, self.limit, self.done = port, limit, threading.Event()
        self.answers: list[int] = []  # statuses of complete answers
        self.broken: list[str] = []  # answers cut off or malformed

    def run(self):
        for _ in range(self.limit):
            if self.done.is_set():
                return
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                conn.request("GET", "/api/search?q=Matsegora")
                response = conn.getresponse()
                json.loads(response.read())
                self.answers.append(response.status)
            except (ConnectionRefusedError, ConnectionResetError, http.client.RemoteDisconnected):
                pass  # not accepted before the workers closed their sockets
            except (http.client.IncompleteRead, ValueError) as exc:
                self.broken.append(repr(exc))
            finally:
                conn.close()


def test_sigterm_stops_the_server_and_every_worker_under_load(seeds_index):
    for _ in range(20):
        with Served(seeds_index, "--workers", "2", "--threads", "2") as server:
            workers = server.workers()
            assert len(workers) == 2
            clients = ClientLoop(server.port)
            clients.start()
            assert wait_until(lambda: clients.answers, 30), "the clients got no answer"
            server.proc.send_signal(signal.SIGTERM)
            assert server.proc.wait(STOP_WITHIN) == 0
            clients.done.set()
            clients.join(30)
            assert not still_running(workers, STOP_WITHIN)
            assert clients.broken == [] and set(clients.answers) == {200}


def test_sigterm_while_a_crashed_worker_is_replaced(seeds_index):
    for _ in range(3):
        with Served(seeds_index, "--workers", "2") as server:
            workers = server.workers()
            workers[0].kill()
            server.proc.send_signal(signal.SIGTERM)
            assert server.proc.wait(STOP_WITHIN) == 0
            assert not still_running(workers + server.workers(), STOP_WITHIN)


def test_a_worker_stuck_in_a_request_is_replaced(seeds_index):
    options = ("--workers", "2", "--threads", "2", "--timeout", "2")
    with Served(seeds_index, *options, "--app", "tests.helpers:app_with_stuck_route") as server:
        before = {w.pid for w in server.workers()}
        stuck = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        stuck.request("GET", "/stuck")
        assert get_json(server.base + "/api/search?q=Matsegora")["total"] > 0  # meanwhile
        with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
            stuck.getresponse()  # its worker was killed

        def replaced():
            pids = {w.pid for w in server.workers()}
            return len(pids) == 2 and pids != before

        assert wait_until(replaced, 30)
        assert "WORKER TIMEOUT" in server.log()
        assert all(get_json(server.base + "/api/search?q=Matsegora")["total"] > 0 for _ in range(5))


def test_workers_end_when_the_server_is_killed(seeds_index):
    with Served(seeds_index, "--workers", "2") as server:
        workers = server.workers()
        server.proc.kill()  # SIGKILL: no chance to stop the workers itself
        server.proc.wait(10)
        assert not still_running(workers, STOP_WITHIN)


def test_a_damaged_index_answers_503_without_restarting_workers(seeds_index, tmp_path):
    root = tmp_path / "damaged"
    shutil.copytree(seeds_index, root)
    for toc in root.glob("builds/*/_MAIN_*.toc"):
        toc.write_bytes(b"\0damaged" * 64)
    with Served(root, "--workers", "2") as server:
        workers = server.workers()
        for _ in range(4):
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(server.base + "/api/search?q=x", timeout=10)
            error = json.load(info.value)["error"]
            assert info.value.code == 503 and error["status"] == 503 and "rebuild" in error["message"]
        assert server.workers() == workers  # the same processes: none died and came back


def test_a_port_in_use_is_a_clear_error(seeds_index):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for workers in ("1", "2"):
            result = subprocess.run([sys.executable, "-m", "search.cli", "serve", "--port", str(port),
                                     "--workers", workers, "--index", str(seeds_index)],
                                    capture_output=True, text=True, timeout=30)
            assert result.returncode == 1
            assert "Cannot listen on 127.0.0.1:" in result.stderr and "Traceback" not in result.stderr
