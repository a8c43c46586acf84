"""End to end under gunicorn: a search whose client closed its connection stops."""
from __future__ import annotations

import os
import socket

from tests.helpers import Served, write

# Loaded by each server process at start (sitecustomize on PYTHONPATH): a search that only ends
# when its deadline says so, telling stderr when it starts and why it ended.
ENDLESS_SEARCH = '''
import sys
from search.query import searcher
from search.query.budget import Deadline

whole = searcher.WhooshSearcher.search

def endless(self, params, cancelled=None):
    deadline = Deadline(3600, cancelled)
    print("search started", file=sys.stderr, flush=True)
    while not deadline():
        pass
    print("search ended: " + ("cancelled" if deadline.cancelled else "expired"), file=sys.stderr, flush=True)
    return whole(self, params)

searcher.WhooshSearcher.search = endless
'''


def test_a_search_stops_when_its_client_goes(seeds_index, tmp_path):
    write(tmp_path / "sitecustomize.py", ENDLESS_SEARCH)
    path = os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))
    with Served(seeds_index, "--workers", "2", "--threads", "2", env={"PYTHONPATH": path}) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
            conn.sendall(b"GET /api/search?q=x HTTP/1.1\r\nHost: localhost\r\n\r\n")
            server.wait_for_line("search started", 30)
        assert "cancelled" in server.wait_for_line("search ended", 30)
