"""End to end: the real `claimsearch serve` (waitress) on a free port, queried over HTTP."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(seeds_index):
    port = free_port()
    env = dict(os.environ, CLAIMSEARCH_INDEX=str(seeds_index))
    proc = subprocess.Popen([sys.executable, "-m", "search.cli", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/api/search?q=x", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                pytest.fail(proc.stderr.read().decode())
            time.sleep(0.1)
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
