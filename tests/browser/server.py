"""Run the real app (`python -m search.cli serve`, waitress) on a free port, and Chromium."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM = Path(os.environ.get("CLAIMSEARCH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """Return a TCP port that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(index: Path, startup_seconds: float = 30):
    """Serve ``index`` with waitress (one process) in a subprocess; yield the base URL."""
    port = free_port()
    env = dict(os.environ, CLAIMSEARCH_INDEX=str(index))
    command = [sys.executable, "-m", "search.cli", "serve", "--port", str(port), "--workers", "1"]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(proc, base, startup_seconds)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


def _wait_until_up(proc, base: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/api/sources", timeout=2).close()
            return
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                raise RuntimeError("server exited: " + proc.stderr.read().decode(errors="replace"))
            time.sleep(0.1)
    raise RuntimeError(f"server at {base} did not answer within {seconds}s")


def launch_chromium(playwright):
    """Launch the system Chromium headless (Playwright's own browser download is unavailable)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
