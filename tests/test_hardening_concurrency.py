"""Searches in threads while `claimsearch index` rebuilds in another process: old or new, never a mix."""
from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time

from search.index import indexer
from tests.conftest import SEEDS, write
from web import create_app

QUERY = {"q": "Matsegora", "kind": "article", "per_page": 50}
THREADS = 4


def article_ids(client) -> frozenset[str]:
    response = client.get("/api/search", query_string=QUERY)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return frozenset(h["article_id"] for h in response.get_json()["hits"])


def rebuild(corpus, root) -> None:
    done = subprocess.run([sys.executable, "-m", "search.cli", "index", str(corpus), "--index", str(root),
                           "--silent"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_searches_during_rebuilds_see_the_old_or_the_new_index(tmp_path):
    old_corpus, new_corpus, root = tmp_path / "old", tmp_path / "new", tmp_path / "ix"
    shutil.copytree(SEEDS, old_corpus)
    shutil.copytree(SEEDS, new_corpus)
    (new_corpus / "003_904a09ff17ee81d7.txt").unlink()
    write(new_corpus / "005_new.txt", "Matsegora visits Zanzibar\n\nMatsegora said \"the talks went well\".\n")
    indexer.build(old_corpus, root)
    app = create_app({"TESTING": True, "INDEX": str(root)})
    old = article_ids(app.test_client())
    stop, seen, errors = threading.Event(), [], []

    def search_until_stopped():
        client = app.test_client()
        deadline = time.monotonic() + 120
        for _ in range(5000):
            if stop.is_set() or time.monotonic() > deadline:
                break
            try:
                seen.append(article_ids(client))
            except Exception as exc:  # collected and reported below, with the others
                errors.append(repr(exc))

    threads = [threading.Thread(target=search_until_stopped) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    try:
        rebuild(new_corpus, root)
        new = article_ids(app.test_client())
        time.sleep(0.2)
        rebuild(old_corpus, root)  # sweeps the first build while threads may still read it
        time.sleep(0.2)
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
    assert not errors, errors[:3]
    assert new != old and "005_new" in new
    assert set(seen) <= {old, new}
    assert new in seen
    assert article_ids(app.test_client()) == old
