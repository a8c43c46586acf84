"""Serve a WSGI app with waitress in several worker processes that share one listening socket."""
from __future__ import annotations

import os
import signal
import socket
import sys
import time

from .processes import end_with_parent

RESTART_PAUSE = 1.0  # seconds between restarts of a worker that keeps dying


def listening_socket(host: str, port: int) -> socket.socket:
    """Bind and listen before forking, so every worker accepts on the same socket."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family, backlog=1024)


def serve(make_app, sock: socket.socket, workers: int, threads: int) -> None:
    """Run ``workers`` waitress processes on ``sock`` until SIGINT/SIGTERM; restart any that die."""
    if workers == 1:
        _run_worker(make_app, sock, threads)
        return
    children: dict[int, int] = {}  # pid -> worker number

    def stop(_signum, _frame):
        raise _Stopping  # interrupts waitpid, which PEP 475 would otherwise retry

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for number in range(workers):
            children[_fork_worker(make_app, sock, threads)] = number
        while True:
            _reap_and_restart(children, make_app, sock, threads)
    except _Stopping:
        pass
    finally:
        _stop_children(children)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


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
        children[_fork_worker(make_app, sock, threads)] = number


def _fork_worker(make_app, sock, threads) -> int:
    parent = os.getpid()
    pid = os.fork()
    if pid:
        return pid
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        end_with_parent(parent, signal.SIGTERM)
        _run_worker(make_app, sock, threads)
    except BaseException:  # noqa: BLE001 - a forked child must never return into the parent's code
        status = 1
    finally:
        os._exit(status)


def _run_worker(make_app, sock, threads) -> None:
    import waitress

    # Each process builds its own app: searchers, caches and open files are never shared.
    waitress.serve(make_app(), sockets=[sock], threads=threads, ident="claimsearch")


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
