"""Reads survive the SIGKILL of any one of three Typesense nodes; writes wait out the election, bounded."""
from __future__ import annotations

import json
import urllib.request

import pytest

from search.errors import BadUsage, ClaimsearchError
from search.typesense import cluster, connection
from tests.helpers import require_typesense, wait_until

require_typesense()

SCHEMA = {"name": "faults", "fields": [{"name": "body", "type": "string"},
                                       {"name": "source", "type": "string", "facet": True}]}
DOCS = [{"id": str(n), "body": f"harbour vote {n} splits the council of Portwick", "source": f"s{n % 3}"}
        for n in range(60)]
SEARCH = {"q": "harbour council", "query_by": "body", "facet_by": "source", "per_page": 5}


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    """A 3-node cluster on loopback with one small collection."""
    with cluster.LocalCluster(tmp_path_factory.mktemp("ts") / "three", 3) as nodes:
        conn = connection.Connection(",".join(nodes.urls), nodes.key)
        conn.write(lambda c: c.collections.create(SCHEMA))
        conn.write(lambda c: c.collections["faults"].documents.import_(DOCS, {"action": "create"}))
        # Followers apply the leader's log a moment later: every node must hold the documents first.
        assert wait_until(lambda: all(count(nodes, n) == len(DOCS) for n in range(3)), timeout=60)
        yield nodes, conn


def count(nodes, n: int) -> int:
    """Return how many documents node n holds in the test collection."""
    return debug(nodes, n, "/collections/faults")["num_documents"]


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


def test_reads_go_on_while_the_leader_is_killed_and_writes_wait_for_the_new_one(three):
    nodes, conn = three
    failures, answers = [], 0
    killed = leader(nodes)
    for n in range(120):
        if n == 20:
            nodes.kill_node(killed)  # SIGKILL mid-loop: the next reads meet a dead node
        try:
            found = search(conn)
            answers += found["found"] == 60 and {c["value"] for c in found["facet_counts"][0]["counts"]} == \
                {"s0", "s1", "s2"}
        except ClaimsearchError as exc:
            failures.append(exc.message)
    assert failures == [] and answers == 120
    # The two survivors elect a leader; the write waits for it instead of failing.
    conn.write(lambda c: c.collections["faults"].documents.upsert({"id": "new", "body": "quay", "source": "s9"}))
    alive = [n for n in range(3) if n != killed]
    assert wait_until(lambda: all(count(nodes, n) == len(DOCS) + 1 for n in alive), timeout=60)
    nodes.start_node(killed)
    nodes.wait_healthy(killed)


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
