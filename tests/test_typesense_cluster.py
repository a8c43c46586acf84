"""`claimsearch typesense start` runs a loopback cluster until SIGTERM and stops every node."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request

import psutil
import pytest

from search.errors import ClaimsearchError
from search.typesense import cluster

try:
    cluster.server_binary()
except ClaimsearchError as exc:
    pytest.skip(f"no Typesense server binary: {exc.message}", allow_module_level=True)


def health(url: str, key: str) -> dict:
    """Return a node's /health answer."""
    request = urllib.request.Request(f"{url}/health", headers={"X-TYPESENSE-API-KEY": key})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def test_start_runs_nodes_until_sigterm_and_stops_them_all(tmp_path):
    root = tmp_path / "cluster"
    proc = subprocess.Popen([sys.executable, "-m", "search.cli", "typesense", "start", "--nodes", "1",
                             "--dir", str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # The exports are printed once every node is healthy; the command itself bounds that wait.
        exports = [proc.stdout.readline() for _ in range(3)]
        assert exports[0] == "export CLAIMSEARCH_BACKEND=typesense\n", proc.stderr.read()
        record = json.loads((root / "nodes.json").read_text())
        [node] = record["nodes"]
        assert exports[1] == f"export CLAIMSEARCH_TYPESENSE_NODES={node['url']}\n"
        assert node["url"].startswith("http://127.0.0.1:") and (root / "node0" / "data").samefile(node["data_dir"])
        key = (root / "api-key").read_text().strip()
        assert record["key_file"] == str(root / "api-key") and len(key) >= 32
        assert (root / "api-key").stat().st_mode & 0o077 == 0  # the key is the owner's alone
        assert health(node["url"], key) == {"ok": True}
        server = psutil.Process(node["pid"])
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        assert not server.is_running() or server.status() == psutil.STATUS_ZOMBIE
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_bad_node_count_is_a_usage_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "search.cli", "typesense", "start", "--nodes", "0",
                             "--dir", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--nodes" in result.stderr and "Traceback" not in result.stderr


def test_three_nodes_elect_a_leader_and_all_answer(tmp_path):
    with cluster.LocalCluster(tmp_path / "three", 3) as nodes:
        assert all(nodes.healthy(n) for n in range(3))
        assert len(set(nodes.urls)) == 3 and len({n.peering_port for n in nodes.nodes}) == 3
        pids = [n.pid for n in nodes.nodes]
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
                   for pid in pids)
