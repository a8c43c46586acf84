"""Serve the app: gunicorn's pre-fork server with threaded workers, or waitress in one process."""
from __future__ import annotations

import multiprocessing
import os
import socket
import sys

import waitress

from .limits import (BACKLOG, GRACEFUL_TIMEOUT, IO_TIMEOUT, KEEPALIVE, MAX_BODY_BYTES, MAX_CONNECTIONS,
                     MAX_HEADER_BYTES, MAX_HEADER_FIELD_SIZE, MAX_HEADER_FIELDS, MAX_REQUEST_LINE)

if hasattr(os, "fork"):
    from gunicorn.app.base import BaseApplication

    from .worker import GuardedThreadWorker
else:  # gunicorn needs fork: there one waitress process serves
    BaseApplication = object


def serve(make_app, sock: socket.socket, workers: int, threads: int, timeout: int) -> None:
    """Serve ``make_app()`` on the port claimed by ``sock`` (see claim_port) until SIGTERM/SIGINT."""
    if _one_process(workers):
        _serve_waitress(make_app, sock, threads)
    else:
        GunicornServer(make_app, sock, workers, threads, timeout).run()


def _one_process(workers: int) -> bool:
    return workers == 1 or BaseApplication is object


def claim_port(host: str, port: int, workers: int) -> socket.socket:
    """Fail now if the port is taken; return its listening socket, or a claim on it to share."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=BACKLOG)
    if _one_process(workers):
        return sock
    # Each gunicorn worker listens on its own SO_REUSEPORT socket, so the kernel spreads
    # connections over them (one shared socket let the first worker to wake take them all).
    # This bound, never listening, socket keeps other programs off the port meanwhile.
    sock.close()
    claim = socket.socket(family, socket.SOCK_STREAM)
    claim.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    claim.bind((host, port))
    return claim


def _say_ready(count: int, total: int) -> None:
    print(f"{count} of {total} worker processes ready", file=sys.stderr, flush=True)


def _serve_waitress(make_app, sock: socket.socket, threads: int) -> None:
    app = make_app()
    _say_ready(1, 1)
    # waitress reads whole requests in its event loop before a thread sees them, so slow or idle
    # clients cost a socket, not a thread; these bound how many and for how long.
    waitress.serve(app, sockets=[sock], threads=threads, ident="claimsearch",
                   connection_limit=MAX_CONNECTIONS, channel_timeout=IO_TIMEOUT,
                   cleanup_interval=KEEPALIVE, max_request_header_size=MAX_HEADER_BYTES,
                   max_request_body_size=MAX_BODY_BYTES, backlog=BACKLOG)


def _bind_address(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"[{host}]:{port}" if sock.family == socket.AF_INET6 else f"{host}:{port}"


def _gunicorn_options(sock: socket.socket, workers: int, threads: int, timeout: int) -> dict:
    return {
        "bind": [_bind_address(sock)], "reuse_port": True, "backlog": BACKLOG,
        "workers": workers, "worker_class": GuardedThreadWorker, "threads": threads,
        "worker_connections": MAX_CONNECTIONS, "keepalive": KEEPALIVE,
        "timeout": timeout, "graceful_timeout": GRACEFUL_TIMEOUT,
        "limit_request_line": MAX_REQUEST_LINE, "limit_request_fields": MAX_HEADER_FIELDS,
        "limit_request_field_size": MAX_HEADER_FIELD_SIZE,
        "control_socket_disable": True,  # nothing here uses gunicornc; two servers would share its path
    }


class GunicornServer(BaseApplication):
    """gunicorn's documented custom application: our settings, our app factory in each worker."""

    def __init__(self, make_app, claim: socket.socket, workers: int, threads: int, timeout: int):
        self.make_app, self.claim, self.workers = make_app, claim, workers
        self.options = _gunicorn_options(claim, workers, threads, timeout)
        self.ready = multiprocessing.get_context("fork").Value("i", 0)  # shared with the workers
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)
        self.cfg.set("post_fork", self._post_fork)
        self.cfg.set("post_worker_init", self._post_worker_init)

    def load(self):
        return self.make_app()  # in each worker: searchers, caches and open files are not shared

    def _post_fork(self, _server, _worker):
        self.claim.close()  # the worker listens on its own socket

    def _post_worker_init(self, _worker):
        with self.ready.get_lock():
            self.ready.value += 1
            if self.ready.value == self.workers:  # replacement workers later count past it
                _say_ready(self.workers, self.workers)
