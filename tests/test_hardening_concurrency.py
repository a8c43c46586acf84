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


def test_searches_during_rebuilds_see_the_old_or_the_new_index(tmp_path):
    old_corpus, new_corpus, root = tmp_path / "old", tmp_path / "new", tmp_path / "ix"
    shutil.copytree(SEEDS, old_corpus)
    shutil.copytree(SEEDS, new_corpus)
    (new_corpus / "003_904a09ff17ee81d7.txt").unlink()
    write(new_corpus / "005_new.txt", "Matsegora visits Zanzibar\n\nMatsegora said \"the talks went well\".\n")
    indexer.build(old_corpus, root)
    app = create_app({"TESTING": True, "INDEX": str(root)})
    old = article_ids(app.test_client())
    stop, seen, errors, rounds, lock = threading.Event(), set(), [], Rounds(), threading.Lock()

    def search_until_stopped():
        client = app.test_client()
        deadline = time.monotonic() + 300  # a bound on a hung test, never a verdict
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                ids = article_ids(client)
                with lock:
                    seen.add(ids)
            except Exception as exc:  # collected and reported below, with the others
                errors.append(repr(exc))
            rounds.finished()

    def seen_so_far():
        with lock:
            return set(seen)

    threads = [threading.Thread(target=search_until_stopped) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    try:
        # Each wait lets 2 x THREADS searches finish: at most THREADS were in flight when it began,
        # so at least THREADS ran wholly after it (during the paused build, after each swap).
        build = paused_rebuild(new_corpus, root)
        assert rounds.wait_for(2 * THREADS), "searching threads stalled"
        during_build = seen_so_far()  # the new build is half written: every search saw the old one
        resume(build)
        new = article_ids(app.test_client())
        assert rounds.wait_for(2 * THREADS), "searching threads stalled"
        rebuild(old_corpus, root)  # sweeps the first build while threads may still read it
        assert rounds.wait_for(2 * THREADS), "searching threads stalled"
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
    assert not errors, errors[:3]
    assert during_build == {old}
    assert new != old and "005_new" in new
    assert seen <= {old, new}
    assert new in seen
    assert article_ids(app.test_client()) == old
