"""A Typesense build holds the Whoosh build's documents and swaps the alias; a failed one leaves it."""
from __future__ import annotations

import json

import pytest
from whoosh import index as whoosh_index

from search import compare
from search.errors import ClaimsearchError
from search.index import indexer
from search.index.store import IndexStore
from search.typesense import connection, sidecar, store
from tests.helpers import SEEDS, require_typesense, typesense_cluster, write

require_typesense()


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    """A connection to a 1-node cluster on loopback."""
    with typesense_cluster(tmp_path_factory.mktemp("ts") / "one", 1) as nodes:
        yield connection.Connection(nodes.urls[0], nodes.key)


def whoosh_ids(root) -> dict:
    """Return {doc_id: (kind, article_id)} of the live Whoosh build."""
    ix = whoosh_index.open_dir(IndexStore(root).current_dir(), indexname=indexer.INDEX_NAME)
    with ix.reader() as reader:
        found = {f["doc_id"]: (f["kind"], f["article_id"]) for f in reader.all_stored_fields()}
    ix.close()
    return found


def exported(conn, collection: str) -> list[dict]:
    """Return every document of the collection."""
    return [json.loads(line) for line in conn.read(lambda c: c.collections[collection].documents.export()).splitlines()]


def test_a_build_holds_the_whoosh_documents_and_swaps_the_alias(conn, corpus, tmp_path):
    write(corpus / "dated.md", "---\ntitle: Quay vote\ndate: 2025-02-03\nsource: portwick.example\n---\n\n"
                               "Mara Quill said \"the quay reopens\" on Friday.\n")
    indexer.build(corpus, tmp_path / "whoosh")
    first = store.build(corpus, conn)
    assert store.current_collection(conn) == first.build
    docs = exported(conn, first.build)
    assert {d["id"]: (d["kind"], d["article_id"]) for d in docs} == whoosh_ids(tmp_path / "whoosh")
    articles = [d for d in docs if d["kind"] == "article"]
    # Article pages need the paragraphs with their offsets; sorting needs the date as a number.
    assert all(isinstance(start, int) and text for d in articles for start, text in d["paragraphs"])
    assert [d["date"] for d in articles if "date" in d] == [1738540800]  # 2025-02-03 UTC, in seconds
    second = store.build(corpus, conn)
    assert store.current_collection(conn) == second.build != first.build
    names = {c["name"] for c in conn.read(lambda c: c.collections.retrieve())}
    assert first.build not in names  # the old collection is dropped after the swap


def test_a_failed_build_leaves_the_alias_and_drops_its_collection(conn, corpus):
    live = store.build(corpus, conn).build

    def failing(items, corpus_dir):
        raise ClaimsearchError("worker lost")
        yield

    with pytest.raises(ClaimsearchError, match="worker lost"):
        store.build(corpus, conn, preparer=failing)
    assert store.current_collection(conn) == live
    assert {c["name"] for c in conn.read(lambda c: c.collections.retrieve())} == {live, sidecar.side_name(live)}


def test_an_update_writes_a_new_collection_with_the_changes_and_swaps_the_alias(conn, corpus):
    live = store.build(corpus, conn).build
    before = {d["id"] for d in exported(conn, live)}
    gone = sorted(corpus.iterdir())[0]
    gone.unlink()
    write(corpus / "new.md", "---\ntitle: Quay vote\nsource: portwick.example\n---\n\n"
                             "Mara Quill said \"the quay reopens\".\n")
    summary = store.update(conn, corpus, allow_mass_removal=True)
    assert (summary.added, summary.removed) == (1, 1) and summary.build != live
    assert store.current_collection(conn) == summary.build
    names = {c["name"] for c in conn.read(lambda c: c.collections.retrieve())}
    assert names == {summary.build, sidecar.side_name(summary.build)}  # the old pair is dropped
    after = {d["id"] for d in exported(conn, summary.build)}
    assert "new" in after and not any(i.split("#")[0] == gone.stem for i in after)
    assert {i for i in before if not i.startswith(gone.stem)} <= after
    manifest = sidecar.read(conn, summary.build, "manifest")
    assert "new.md" in manifest["files"] and gone.name not in manifest["files"]
    assert store.update(conn, corpus).build == summary.build  # nothing changed: nothing swapped


def test_a_failed_update_leaves_the_live_collection(conn, corpus):
    live = store.build(corpus, conn).build
    write(corpus / "new.md", "---\ntitle: Quay vote\n---\n\nMara Quill said \"the quay reopens\".\n")

    def failing(items, corpus_dir):
        raise ClaimsearchError("worker lost")
        yield

    with pytest.raises(ClaimsearchError, match="worker lost"):
        store.update(conn, corpus, preparer=failing)
    assert store.current_collection(conn) == live
    assert {c["name"] for c in conn.read(lambda c: c.collections.retrieve())} == {live, sidecar.side_name(live)}
    with pytest.raises(ClaimsearchError, match="Refusing to update"):
        store.update(conn, _emptied(corpus))


def _emptied(corpus):
    """Return an empty folder standing for an unmounted corpus."""
    empty = corpus.parent / "empty"
    empty.mkdir()
    return empty


def test_comparisons_round_trip_through_the_side_collection(conn, tmp_path):
    indexer.build(SEEDS, tmp_path / "ix")
    built = compare.load(IndexStore(tmp_path / "ix").current_dir())
    live = store.build(SEEDS, conn).build
    loaded = sidecar.load_comparisons(conn, live)
    assert loaded.to_json() == built.to_json() and loaded.clusters and loaded.signatures
    with pytest.raises(ClaimsearchError, match="has no manifest"):
        sidecar.read(conn, "claimsearch_none", "manifest")
