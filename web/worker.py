"""gunicorn's threaded worker, made to hold slow, idle and stuck clients without losing its threads."""
from __future__ import annotations

import errno
import selectors
import socket
import struct
import threading
import time
from functools import partial

from gunicorn import http
from gunicorn.workers.gthread import TConn, ThreadWorker

from .limits import HEAD_TIMEOUT, IO_TIMEOUT, MAX_HEADER_BYTES

HEAD_END = b"\r\n\r\n"
READ_SIZE = 65536


# Stock gthread hands every new or readable connection to a thread, which then waits for the rest
# of the request: 300 idle or slow-header sockets kept the 4 threads of 2 workers busy for minutes
# (measured with gunicorn 27.0.1). Its heartbeat comes from the event loop, which keeps beating
# while every thread is stuck, so a stuck request was never noticed either.
class GuardedThreadWorker(ThreadWorker):
    """gthread that reads request heads in its event loop and stops its heartbeat on a stuck request."""

    def init_process(self):
        self.running: dict[int, float] = {}  # thread id -> when its request started
        super().init_process()

    def accept(self, listener):
        """Take a new connection into the event loop until its request head is in."""
        try:
            client, address = listener.accept()
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                return
            raise
        self.nr_conns += 1
        _bound_blocking_io(client, IO_TIMEOUT)
        conn = TConn(self.cfg, client, address, listener.getsockname())  # plain HTTP/1: no TLS here
        conn.parser = http.get_parser(self.cfg, client, address)
        self._await_head(conn)

    def on_client_socket_readable(self, conn, client):
        """A kept-alive connection has bytes: gather its next request head like a new one's."""
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._await_head(conn)

    def _await_head(self, conn) -> None:
        conn.head, conn.timeout = bytearray(), time.monotonic() + HEAD_TIMEOUT
        conn.sock.setblocking(False)
        self.pending_conns.append(conn)  # gthread closes these when their timeout passes
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._read_head, conn))

    def _read_head(self, conn, client) -> None:
        try:
            data = client.recv(READ_SIZE)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # the client went away
            self._forget(conn)
            self.nr_conns -= 1
            conn.close()
            return
        conn.head += data  # a bytearray grows in place: a head sent byte by byte costs linear time
        ended = HEAD_END in conn.head[-len(data) - len(HEAD_END):]
        # Past the size limits gunicorn's parser answers 4xx from what is already buffered.
        if ended or len(conn.head) > MAX_HEADER_BYTES:
            self._forget(conn)
            conn.parser.unreader.unread(bytes(conn.head))
            conn.data_ready = True
            self.enqueue_req(conn)

    def _forget(self, conn) -> None:
        self.poller.unregister(conn.sock)
        self.pending_conns.remove(conn)

    def handle(self, conn):
        """Serve one request, noting when it started so a stuck one can be told apart."""
        me = threading.get_ident()
        self.running[me] = time.monotonic()
        try:
            return super().handle(conn)
        finally:
            del self.running[me]

    def notify(self):
        """Beat only while no request has run past the timeout: then the arbiter replaces us."""
        oldest = min(list(self.running.values()), default=None)  # threads change it meanwhile
        if oldest is None or time.monotonic() - oldest < self.cfg.timeout:
            super().notify()


def _bound_blocking_io(sock: socket.socket, seconds: float) -> None:
    """Make blocking reads and writes give up after ``seconds`` (kept when gthread sets blocking)."""
    whole = int(seconds)
    timeval = struct.pack("ll", whole, int((seconds - whole) * 1e6))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, timeval)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, timeval)
