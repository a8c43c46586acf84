"""Helpers shared by the tests; each test module imports what it needs from here, never another test module."""
from __future__ import annotations

import contextlib
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

# ---------------------------------------------------------------------------------------------
# Corpora and files (SETTINGS helper). Process helpers (psutil trees, CLI subprocesses) belong in
# their own section below.
# ---------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SPEAKERS = ("Jane Harbour", "Omar Quayside", "Lena Tidewater", "Piet Marina")


def write(path: Path, content, mode: str = "w") -> Path:
    """Write text or bytes to path, creating parents."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def synthetic_corpus(root: Path, count: int) -> Path:
    """Write `count` distinct small articles with quotes and figures, big enough to index slowly."""
    for n in range(count):
        who = SPEAKERS[n % len(SPEAKERS)]
        paragraphs = [f"Harbour plan vote {n} splits the council"]
        paragraphs += [f"{who} said \"the harbour plan number {n} part {k} will bring {n * 7 + k} jobs "
                       f"to the town of Portwick{n % 13}\" at a meeting on Monday, adding that the cost "
                       f"was about {k + 2} million pounds for stage {k} of {n}." for k in range(6)]
        write(root / f"batch{n % 10}" / f"{n:04d}.txt", "\n\n".join(paragraphs) + "\n")
    return root


# ---------------------------------------------------------------------------------------------
# Waiting on events instead of sleeping (SETTINGS helper).
# ---------------------------------------------------------------------------------------------

class Rounds:
    """Count finished rounds of work in other threads; let a test wait for more of them, never sleep."""

    def __init__(self):
        self._done, self._changed = 0, threading.Condition()

    def finished(self) -> None:
        """Record one more finished round."""
        with self._changed:
            self._done += 1
            self._changed.notify_all()

    def wait_for(self, more: int, timeout: float = 60) -> bool:
        """Wait until ``more`` rounds finish after now; False if ``timeout`` seconds pass first."""
        with self._changed:
            target = self._done + more
            return self._changed.wait_for(lambda: self._done >= target, timeout)


# ---------------------------------------------------------------------------------------------
# Processes: the real `claimsearch serve` in a subprocess, process trees (psutil).
# ---------------------------------------------------------------------------------------------

READY = "worker processes ready"


def free_port() -> int:
    """Return a loopback TCP port that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """`claimsearch serve` in a subprocess on a free loopback port; its stderr is read as it comes."""

    def __init__(self, index, *options, env=None, startup: float = 60):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environ = dict(os.environ, CLAIMSEARCH_INDEX=str(index), **(env or {}))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "search.cli", "serve", "--port", str(self.port), *options],
            cwd=ROOT, env=environ, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._events: queue.Queue = queue.Queue()
        threading.Thread(target=self._read_stderr, daemon=True).start()
        self.wait_for_line(READY, startup)

    def _read_stderr(self) -> None:
        for line in self.proc.stderr:  # drained always: a full pipe would block the server
            self.lines.append(line)
            self._events.put(line)
        self._events.put(None)

    def wait_for_line(self, text: str, timeout: float) -> str:
        """Return the first stderr line (from now on) containing ``text``; fail on exit or timeout."""
        while True:
            try:
                line = self._events.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no {text!r} within {timeout} s:\n{self.log()}") from None
            if line is None:
                raise AssertionError(f"the server exited before {text!r}:\n{self.log()}")
            if text in line:
                return line

    def log(self) -> str:
        """Return everything the server wrote to stderr so far."""
        return "".join(self.lines)

    def workers(self) -> list[psutil.Process]:
        """Return the server's live worker processes."""
        return live_children(self.proc.pid)

    def stop(self, timeout: float = 30) -> int:
        """SIGTERM the server and return its exit status; SIGKILL it if it does not stop in time."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise
        return self.proc.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            self.stop()
        finally:
            for worker in self.workers():
                worker.kill()  # never leave a process behind, whatever the test found


def live_children(pid: int) -> list[psutil.Process]:
    """Return a process's children that have not exited (zombies count as gone)."""
    try:
        kids = psutil.Process(pid).children()
    except psutil.NoSuchProcess:
        return []
    return [kid for kid in kids if _running(kid)]


def _running(proc: psutil.Process) -> bool:
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def still_running(procs, timeout: float) -> list[psutil.Process]:
    """Wait up to ``timeout`` seconds for the processes to end; return those still running."""
    _, alive = psutil.wait_procs(list(procs), timeout=timeout)
    return [proc for proc in alive if _running(proc)]


def wait_until(condition, timeout: float) -> bool:
    """Return True as soon as ``condition()`` holds, False if it still does not after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)  # a polling interval: the condition decides, never the wait
    return True


NEVER = threading.Event()  # never set: a request waiting on it is stuck for good


def app_with_stuck_route(overrides=None):
    """The real app plus /stuck, a route that never answers (for `serve --app`)."""
    from web import create_app

    app = create_app(overrides=overrides)

    @app.get("/stuck")
    def stuck():
        NEVER.wait()
        return "unreachable"

    return app


# ---------------------------------------------------------------------------------------------
# Optional backends: skip a whole module, with the reason, where they cannot run.
# ---------------------------------------------------------------------------------------------

def require_typesense() -> None:
    """Skip the calling test module unless the typesense client and a prepared server binary exist."""
    import pytest

    pytest.importorskip("typesense", reason="the typesense client is not installed (pip install '.[typesense]')")
    from search.errors import ClaimsearchError
    from search.typesense import cluster

    try:
        cluster.server_binary()
    except ClaimsearchError as exc:
        pytest.skip(f"no Typesense server binary: {exc.message}", allow_module_level=True)


@contextlib.contextmanager
def typesense_cluster(root: Path, count: int):
    """Yield a running local Typesense cluster; skip the test with the reason when it cannot start here."""
    import pytest

    from search.errors import ClaimsearchError
    from search.typesense import cluster

    nodes = cluster.LocalCluster(root, count)
    try:
        nodes.start()
    except ClaimsearchError as exc:
        nodes.stop()
        pytest.skip(f"the Typesense server could not start here: {exc.message}")
    try:
        yield nodes
    finally:
        nodes.stop()
