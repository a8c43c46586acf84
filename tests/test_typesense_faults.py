"""Reads survive the SIGKILL of any one of three Typesense nodes; writes wait out the election, bounded."""
from __future__ import annotations

import json
import threading
import urllib.request

import pytest

from search.errors import BadUsage, ClaimsearchError
from search.typesense import connection
from tests.helpers import require_typesense, typesense_cluster, wait_until

require_typesense()

SCHEMA = {"name": "faults", "fields": [{"name": "body", "type": "string"},
                                       {"name": "source", "type": "string", "facet": True}]}
DOCS = [{"id": str(n), "body": f"harbour vote {n} splits the council of Portwick", "source": f"s{n % 3}"}
        for n in range(60)]
SEARCH = {"q": "harbour council", "query_by": "body", "facet_by": "source", "per_page": 5}


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    """A 3-node cluster on loopback with one small collection."""
    with typesense_cluster(tmp_path_factory.mktemp("ts") / "three", 3) as nodes:
        conn = connection.Connection(",".join(nodes.urls), nodes.key)
        conn.write(lambda c: c.collections.create(SCHEMA))
        conn.write(lambda c: c.collections["faults"].documents.import_(DOCS, {"action": "create"}))
        # Followers apply the leader's log a moment later: every node must hold the documents first (a follower
        # that has not yet applied the collection's creation answers 404: not yet, not a failure).
        assert wait_until(lambda: all(answered_count(nodes, n) == len(DOCS) for n in range(3)), timeout=60)
        yield nodes, conn


def count(nodes, n: int) -> int:
    """Return how many documents node n holds in the test collection."""
    return debug(nodes, n, "/collections/faults")["num_documents"]


def answered_count(nodes, n: int) -> int | None:
    """Return node n's document count, or None while it does not answer (loading, lagging)."""
    try:
        return count(nodes, n)
    except OSError:
        return None


def debug(nodes, n: int, path: str) -> dict:
    """Return node n's JSON answer at path."""
    request = urllib.request.Request(nodes.nodes[n].url + path, headers={"X-TYPESENSE-API-KEY": nodes.key})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def leader(nodes) -> int:
    """Return the index of the node that says it leads (Raft state 1 in /debug)."""
    for n in range(len(nodes.nodes)):
        if nodes.procs[n].poll() is None and debug(nodes, n, "/debug").get("state") == 1:
            return n
    raise AssertionError("no leader")


def search(conn) -> dict:
    return conn.read(lambda c: c.collections["faults"].documents.search(SEARCH))


class SearchLoop:
    """Searches without pause in a thread; counts answers and keeps every failure."""

    def __init__(self, conn):
        self.conn, self.answers, self.failures = conn, 0, []
        self.stop, self.progress = threading.Event(), threading.Condition()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self.stop.is_set():
            try:
                found = search(self.conn)
                facets = {c["value"] for c in found["facet_counts"][0]["counts"]}
                if found["found"] < len(DOCS) or not {"s0", "s1", "s2"} <= facets:
                    self.failures.append(f"a partial answer: {found['found']} found, facets {facets}")
            except ClaimsearchError as exc:
                self.failures.append(exc.message)
            with self.progress:
                self.answers += 1
                self.progress.notify_all()

    def more(self, count: int, timeout: float = 60) -> None:
        """Wait until ``count`` more searches were answered (or failed) since now."""
        with self.progress:
            target = self.answers + count
            assert self.progress.wait_for(lambda: self.answers >= target, timeout), "the search loop stalled"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def follower(nodes) -> int:
    """Return a node that is up and does not lead."""
    chief = leader(nodes)
    return next(n for n in range(len(nodes.nodes)) if n != chief and nodes.procs[n].poll() is None)


@pytest.mark.parametrize("role", ["leader", "follower"])
def test_searches_never_fail_while_a_node_is_killed_and_restarted_and_it_catches_up(three, role):
    nodes, conn = three
    victim = leader(nodes) if role == "leader" else follower(nodes)
    held = count(nodes, victim)
    with SearchLoop(conn) as loop:
        loop.more(20)
        nodes.kill_node(victim)  # SIGKILL mid-loop: the next reads meet a dead node
        loop.more(50)
        # Written while the victim is down (after an election, if it led): it must catch up on them.
        missed = [{"id": f"{role}-{n}", "body": "quay", "source": "s9"} for n in range(20)]
        conn.write(lambda c: c.collections["faults"].documents.import_(missed, {"action": "upsert"}))
        loop.more(20)
        nodes.start_node(victim)
        nodes.wait_healthy(victim)
        assert wait_until(lambda: answered_count(nodes, victim) == held + len(missed), timeout=60), \
            "the restarted node did not catch up"
        loop.more(50)  # reads now reach the restarted node too
    assert loop.failures == [] and loop.answers >= 140


def test_without_a_majority_a_write_fails_clearly_within_its_bound(three):
    nodes, conn = three
    down = [n for n in range(3) if n != leader(nodes)][:1] + [leader(nodes)]
    for n in down:
        nodes.kill_node(n)
    with pytest.raises(ClaimsearchError, match="accepted no write within 3 s"):
        conn.write(lambda c: c.collections["faults"].documents.upsert({"id": "x", "body": "b", "source": "s"}),
                   wait=3)


@pytest.mark.parametrize("nodes", ["", "127.0.0.1:8108", "ftp://h:1", "http://h"])
def test_bad_node_lists_are_usage_errors(nodes):
    with pytest.raises(BadUsage):
        connection.parse_nodes(nodes)
