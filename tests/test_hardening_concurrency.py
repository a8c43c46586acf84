"""Searches in threads while `claimsearch index` rebuilds in another process: old or new, never a mix."""
from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time

from search.index import indexer
from tests.helpers import SEEDS, Rounds, write
from web import create_app

QUERY = {"q": "Matsegora", "kind": "article", "per_page": 50}
THREADS = 4
# A build in another process that stops after its second file (indexer.build's on_file hook),
# says so on stdout and goes on when it reads a line: the test decides when, nothing sleeps.
PAUSED_BUILD = """
import sys
from search.index import indexer
done = []
def pause(path):
    done.append(path)
    if len(done) == 2:
        print("paused", flush=True)
        sys.stdin.readline()
indexer.build(sys.argv[1], sys.argv[2], on_file=pause)
"""


def article_ids(client) -> frozenset[str]:
    response = client.get("/api/search", query_string=QUERY)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return frozenset(h["article_id"] for h in response.get_json()["hits"])


def rebuild(corpus, root) -> None:
    done = subprocess.run([sys.executable, "-m", "search.cli", "index", str(corpus), "--index", str(root),
                           "--silent"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def paused_rebuild(corpus, root) -> subprocess.Popen:
    """Start a rebuild of ``root`` from ``corpus`` and return once it has paused mid-build."""
    build = subprocess.Popen([sys.executable, "-c", PAUSED_BUILD, str(corpus), str(root)], text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert build.stdout.readline().strip() == "paused", build.communicate(timeout=120)[1]
    return build


def resume(build: subprocess.Popen) -> None:
    """Let a paused rebuild finish; it must succeed."""
    _, stderr = build.communicate("\n", timeout=120)
    assert build.returncode == 0, stderr


class Searchers:
    """THREADS threads searching the app until stopped, recording the distinct answers and errors."""

    def __init__(self, app):
        self.app, self.rounds, self.errors = app, Rounds(), []
        self._seen, self._lock, self._stop = set(), threading.Lock(), threading.Event()
        self._threads = [threading.Thread(target=self._search) for _ in range(THREADS)]

    def _search(self):
        client = self.app.test_client()
        deadline = time.monotonic() + 300  # a bound on a hung test, never a verdict
        while not self._stop.is_set() and time.monotonic() < deadline:
            try:
                ids = article_ids(client)
                with self._lock:
                    self._seen.add(ids)
            except Exception as exc:  # collected and reported by the test, with the others
                self.errors.append(repr(exc))
            self.rounds.finished()

    def seen(self) -> set[frozenset[str]]:
        """Return the distinct answers so far."""
        with self._lock:
            return set(self._seen)

    def settle(self) -> None:
        """Wait until THREADS searches have run wholly after now."""
        # At most THREADS searches are in flight when this begins, so 2 x THREADS finished ones
        # include at least THREADS that started after it.
        assert self.rounds.wait_for(2 * THREADS), "searching threads stalled"

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(30)


def test_searches_during_rebuilds_see_the_old_or_the_new_index(tmp_path):
    old_corpus, new_corpus, root = tmp_path / "old", tmp_path / "new", tmp_path / "ix"
    shutil.copytree(SEEDS, old_corpus)
    shutil.copytree(SEEDS, new_corpus)
    (new_corpus / "003_904a09ff17ee81d7.txt").unlink()
    write(new_corpus / "005_new.txt", "Matsegora visits Zanzibar\n\nMatsegora said \"the talks went well\".\n")
    indexer.build(old_corpus, root)
    app = create_app({"TESTING": True, "INDEX": str(root)})
    old = article_ids(app.test_client())
    with Searchers(app) as searchers:
        build = paused_rebuild(new_corpus, root)
        searchers.settle()
        during_build = searchers.seen()  # the new build is half written: every search saw the old one
        resume(build)
        new = article_ids(app.test_client())
        searchers.settle()
        rebuild(old_corpus, root)  # sweeps the first build while threads may still read it
        searchers.settle()
    assert not searchers.errors, searchers.errors[:3]
    assert during_build == {old}
    assert new != old and "005_new" in new
    assert searchers.seen() <= {old, new}
    assert new in searchers.seen()
    assert article_ids(app.test_client()) == old
