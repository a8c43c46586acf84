"""Serve a WSGI app with waitress in several worker processes listening on one port."""
from __future__ import annotations

import os
import select
import signal
import socket
import sys
import time

from .processes import Forked

RESTART_PAUSE = 1.0  # seconds between restarts of a worker that keeps dying
READY_TIMEOUT = 300  # seconds to wait for every worker to load the index before saying so
BACKLOG = 1024


def claim_port(host: str, port: int, workers: int) -> socket.socket:
    """Fail now if the port is taken; return its listening socket (one worker) or a claim on it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    server = socket.create_server((host, port), family=family, backlog=BACKLOG)
    if workers == 1:
        return server
    # Several workers each listen on their own SO_REUSEPORT socket and the kernel spreads new
    # connections over them. With one shared socket the first worker to wake took them all:
    # a benchmark's 8 keep-alive connections sometimes all went to one process, the other idle.
    server.close()
    claim = socket.socket(family, socket.SOCK_STREAM)
    claim.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    claim.bind((host, port))  # bound, never listening: keeps other programs off the port
    return claim


def _worker_socket(claim: socket.socket) -> socket.socket:
    host, port = claim.getsockname()[:2]
    return socket.create_server((host, port), family=claim.family, backlog=BACKLOG, reuse_port=True)


def serve(make_app, sock: socket.socket, workers: int, threads: int) -> None:
    """Run ``workers`` waitress processes on the port claimed by ``sock`` until SIGINT/SIGTERM."""
    if workers == 1:
        app = make_app()
        print("1 of 1 worker processes ready", file=sys.stderr, flush=True)
        _run_worker(app, sock, threads)
        return
    children: dict[int, int] = {}  # pid -> worker number
    ready_read, ready_write = os.pipe()

    def stop(_signum, _frame):
        raise _Stopping  # interrupts waitpid, which PEP 475 would otherwise retry

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for number in range(workers):
            children[_fork_worker(make_app, sock, threads, ready_write)] = number
        os.close(ready_write)
        ready = _count_ready(ready_read, workers)
        print(f"{ready} of {workers} worker processes ready", file=sys.stderr, flush=True)
        while True:
            _reap_and_restart(children, make_app, sock, threads)
    except _Stopping:
        pass
    finally:
        os.close(ready_read)
        _stop_children(children)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _count_ready(ready_read: int, workers: int) -> int:
    """Return how many workers got ready: each writes b"r" once warmed up, or b"x" if it failed."""
    reports, deadline = b"", time.monotonic() + READY_TIMEOUT
    while len(reports) < workers and time.monotonic() < deadline:
        if select.select([ready_read], [], [], 1.0)[0]:
            got = os.read(ready_read, workers)
            if not got:
                break  # every worker closed its end
            reports += got
    return reports.count(b"r")


class _Stopping(Exception):
    """SIGINT or SIGTERM reached the serving parent."""


def _reap_and_restart(children, make_app, sock, threads) -> None:
    try:
        pid, status = os.waitpid(-1, 0)
    except ChildProcessError:
        time.sleep(RESTART_PAUSE)
        return
    if pid in children:
        number = children.pop(pid)
        print(f"worker {number} (pid {pid}) exited with status {status}; restarting it", file=sys.stderr)
        time.sleep(RESTART_PAUSE)  # a worker that dies at start must not spin the CPU
        children[_fork_worker(make_app, sock, threads, None)] = number


def _fork_worker(make_app, sock, threads, ready_write) -> int:
    # SIGTERM, not SIGKILL, when the server dies: waitress closes its sockets on the way out.
    return Forked(_worker, make_app, sock, threads, ready_write, parent_death_signal=signal.SIGTERM).pid


def _worker(make_app, claim, threads, ready_write) -> None:
    """In a worker process: listen, load the app, say so, serve until stopped."""
    try:
        listener = _worker_socket(claim)  # before loading: connections queue while it warms up
        claim.close()
        app = make_app()  # each process builds its own: searchers, caches and files are not shared
    except BaseException:
        _report(ready_write, b"x")
        raise
    _report(ready_write, b"r")
    _run_worker(app, listener, threads)


def _report(ready_write, byte: bytes) -> None:
    if ready_write is not None:
        try:
            os.write(ready_write, byte)
        except OSError:
            pass  # already reported (and closed), or the parent stopped listening


def _run_worker(app, sock, threads) -> None:
    import waitress

    waitress.serve(app, sockets=[sock], threads=threads, ident="claimsearch")


def _stop_children(children: dict[int, int]) -> None:
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for pid in children:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
