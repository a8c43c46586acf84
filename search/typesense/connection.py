"""Clients of a Typesense cluster: reads that fail over between nodes, writes that wait out an election."""
from __future__ import annotations

import json
import threading
import time
from urllib.parse import urlsplit

from ..errors import BadUsage, ClaimsearchError

HEALTH_SECONDS = 2  # a node that failed is skipped this long before it is tried again
TIMEOUT_SECONDS = 2  # a connect or read on loopback or a LAN: longer means the node is gone
RETRY_SECONDS = 0.05  # between tries on the next node
WRITE_WAIT_SECONDS = 30  # a leader election took 6-9 s when measured on loopback (issue 16)
WRITE_PAUSE_SECONDS = 0.5
EXPORT_READ_SECONDS = 60  # between two chunks of an export stream


def parse_nodes(text: str) -> list[dict]:
    """Return the typesense client's node dicts for "http://HOST:PORT,..."; BadUsage for anything else."""
    nodes = []
    for url in filter(None, (part.strip() for part in text.split(","))):
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            port = None
        if parts.scheme not in ("http", "https") or not parts.hostname or not port:
            raise BadUsage(f"Typesense node {url!r} is not a URL like http://127.0.0.1:8108")
        nodes.append({"host": parts.hostname, "port": port, "protocol": parts.scheme, "path": parts.path})
    if not nodes:
        raise BadUsage("No Typesense node given (CLAIMSEARCH_TYPESENSE_NODES=http://HOST:PORT,...)")
    return nodes


class Connection:
    """A read client and a separate write client: a write stuck on an election never blinds the reads."""

    def __init__(self, nodes: str, key: str):
        typesense = _typesense()
        import requests  # the typesense client's HTTP library, installed with it
        if not key:
            raise BadUsage("No Typesense API key given (CLAIMSEARCH_TYPESENSE_KEY)")
        node_list = parse_nodes(nodes)
        config = {"nodes": node_list, "api_key": key, "connection_timeout_seconds": TIMEOUT_SECONDS,
                  "healthcheck_interval_seconds": HEALTH_SECONDS, "retry_interval_seconds": RETRY_SECONDS,
                  "num_retries": 2 * len(node_list)}  # every node twice before a read fails
        self.errors = typesense.exceptions
        self.retryable = (self.errors.ServiceUnavailable, self.errors.ServerError, self.errors.HTTPStatus0Error,
                          requests.exceptions.RequestException)
        self.reader, self.writer = typesense.Client(dict(config)), typesense.Client(dict(config))
        self.urls, self.key, self.session = [_url(node) for node in node_list], key, requests.Session()
        self._stop = threading.Event()  # set by close(): a waiting write gives up at once

    def read(self, call):
        """Return ``call(read_client)``; a cluster that cannot answer is one ClaimsearchError."""
        try:
            return call(self.reader)
        except self.errors.ObjectNotFound:
            raise
        except (self.errors.TypesenseClientError, OSError) as exc:
            raise ClaimsearchError(f"The Typesense cluster did not answer: {_describe(exc)}") from exc

    def write(self, call, wait: float | None = None):
        """Return ``call(write_client)``, retried while the cluster elects a leader, at most ``wait`` s."""
        deadline = time.monotonic() + (WRITE_WAIT_SECONDS if wait is None else wait)
        while True:
            try:
                return call(self.writer)
            except self.retryable as exc:
                # 503 "Not Ready or Lagging" and refused connections: no leader yet, or this node is gone.
                if time.monotonic() + WRITE_PAUSE_SECONDS > deadline or self._stop.is_set():
                    raise ClaimsearchError(f"The Typesense cluster accepted no write within "
                                           f"{WRITE_WAIT_SECONDS if wait is None else wait:.0f} s (is a "
                                           f"majority of its nodes up?): {_describe(exc)}") from exc
                self._stop.wait(WRITE_PAUSE_SECONDS)
            except self.errors.TypesenseClientError as exc:  # a bad request: retrying cannot help
                raise ClaimsearchError(f"Typesense refused a write: {_describe(exc)}") from exc

    def export(self, collection: str, params: dict | None = None):
        """Yield every document of a collection (``params``: filter_by, include_fields), streamed from one node."""
        failures = []
        for url in self.urls:  # any node holds every document; a node that does not answer is skipped
            try:
                response = self.session.get(f"{url}/collections/{collection}/documents/export", params=params or {},
                                            headers={"X-TYPESENSE-API-KEY": self.key}, stream=True,
                                            timeout=(TIMEOUT_SECONDS, EXPORT_READ_SECONDS))
            except OSError as exc:  # requests' errors are OSErrors
                failures.append(_describe(exc))
                continue
            with response:
                if response.status_code == 404:
                    raise self.errors.ObjectNotFound(404, f"No collection {collection}")
                if response.status_code != 200:
                    failures.append(f"{url}: HTTP {response.status_code}")
                    continue
                try:
                    yield from (json.loads(line) for line in response.iter_lines() if line)
                except (OSError, ValueError) as exc:  # mid-stream: the lines so far were yielded already
                    raise ClaimsearchError(f"Reading the collection {collection} broke off: {_describe(exc)}") from exc
                return
        raise ClaimsearchError(f"No Typesense node could export {collection}: {'; '.join(failures)}")

    def close(self) -> None:
        """Stop waiting writes."""
        self._stop.set()


def _url(node: dict) -> str:
    return f"{node['protocol']}://{node['host']}:{node['port']}{node['path']}"


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def _typesense():
    try:
        import typesense
        import typesense.exceptions  # noqa: F401  (imported by name below)
    except ImportError:
        raise ClaimsearchError("The Typesense backend needs its extra: pip install 'claimsearch[typesense]'") from None
    return typesense
