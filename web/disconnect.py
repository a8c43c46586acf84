"""Whether a request's client has gone away, so a search it no longer waits for can stop."""
from __future__ import annotations

import socket


def client_gone(environ):
    """Return a callable saying True once the client closed its connection, or None when the server hides the socket."""
    # gunicorn puts the client socket in the environ; waitress does not (it reads whole requests
    # in its own loop), and there a search runs to its time budget.
    sock = environ.get("gunicorn.socket")
    if sock is None or not hasattr(sock, "recv"):
        return None

    def gone() -> bool:
        # A peek neither consumes a pipelined next request nor waits: b"" is the peer's FIN.
        # A client that half-closes after sending its request reads as gone too; HTTP clients do not.
        try:
            return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:  # reset or closed under us
            return True
    return gone
