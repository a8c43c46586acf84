"""What one client may cost the server: time, connections and request sizes, for both servers."""

GRACEFUL_TIMEOUT = 10  # seconds a stopping worker gets to finish its requests before SIGKILL
KEEPALIVE = 5  # seconds an idle keep-alive connection stays open
HEAD_TIMEOUT = 10  # seconds from a request's first byte (or the connection) to the end of its head
IO_TIMEOUT = 10  # seconds any read or write may wait on a stalled client
BACKLOG = 1024  # connections the kernel queues per listening socket while the workers are busy
MAX_CONNECTIONS = 1000  # open connections per process; beyond it new ones wait in the backlog
# Requests are a URL and a few headers: anything bigger is an error or an attack.
MAX_REQUEST_LINE = 8190
MAX_HEADER_FIELDS = 50
MAX_HEADER_FIELD_SIZE = 8190
MAX_HEADER_BYTES = MAX_REQUEST_LINE + (MAX_HEADER_FIELDS + 1) * (MAX_HEADER_FIELD_SIZE + 2)
MAX_BODY_BYTES = 64 * 1024  # no route reads a body; a bigger one is refused before it is read
