"""Full builds swap in atomically; updates touch only changed files; bad files are skipped."""
from __future__ import annotations

import threading

import pytest

from search import compare
from search.errors import ClaimsearchError, IndexBusy
from search.index import incremental, indexer
from search.index.store import IndexStore
from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher
from search.whoosh_ext import storage
from tests.helpers import write


def ids(root, q, **filters):
    page = WhooshSearcher(root).search(SearchParams(q=q, filters=filters, per_page=100))
    return sorted(h["id"] for h in page.hits)


def test_build_indexes_articles_and_statements(corpus, tmp_path):
    summary = indexer.build(corpus, tmp_path / "ix")
    assert summary.articles == 5 and not summary.skipped and summary.quotes >= 5
    assert ids(tmp_path / "ix", "Matsegora", kind=("article",)) == [
        "000_1c0211945ba58556", "001_2bbd235ae9a8e014", "002_9edff2facc8fa178", "003_904a09ff17ee81d7",
        "004_4c11fdb1b319dc2b"]
    assert ids(tmp_path / "ix", "Wonsan", kind=("article",)) == ["002_9edff2facc8fa178"]


def test_failed_rebuild_leaves_the_previous_index_serving(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    before, live = ids(root, "Matsegora"), IndexStore(root).current_name()
    write(corpus / "005_new.txt", "A new headline about Matsegora\n\nMatsegora said nothing new.\n")
    indexed = []

    def interrupt_on_third(path):  # the build's public per-file hook, as the progress bar uses it
        indexed.append(path)
        if len(indexed) == 3:
            raise KeyboardInterrupt  # Ctrl-C mid-build

    with pytest.raises(KeyboardInterrupt):
        indexer.build(corpus, root, on_file=interrupt_on_third)
    assert IndexStore(root).current_name() == live
    assert ids(root, "Matsegora") == before
    assert [p.name for p in (root / "builds").iterdir()] == [live]  # the half build is gone


def test_rebuild_swaps_and_sweeps_leftovers(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    first = IndexStore(root).current_name()
    (root / "builds" / ".building-crashed").mkdir()  # what a SIGKILLed build leaves
    (corpus / "003_904a09ff17ee81d7.txt").unlink()
    indexer.build(corpus, root)
    store = IndexStore(root)
    assert store.current_name() != first
    assert sorted(p.name for p in store.builds.iterdir()) == sorted([first, store.current_name()])
    assert "003_904a09ff17ee81d7" not in ids(root, "Matsegora")


def test_update_adds_changes_and_removes_only_what_changed(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    assert incremental.update(root).articles == 0
    write(corpus / "new" / "story.txt", "Zanzibar talks\n\nThe envoy said \"Zanzibar will host the talks\".\n")
    path = corpus / "002_9edff2facc8fa178.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Wonsan", "Quixotica"), encoding="utf-8")
    (corpus / "003_904a09ff17ee81d7.txt").unlink()
    summary = incremental.update(root)
    assert (summary.added, summary.changed, summary.removed, summary.articles) == (1, 1, 1, 2)
    assert ids(root, "Zanzibar", kind=("article",)) == ["new/story"]
    assert ids(root, "Quixotica", kind=("article",)) == ["002_9edff2facc8fa178"]
    assert ids(root, "Wonsan") == []
    assert "003_904a09ff17ee81d7" not in ids(root, "Matsegora")
    assert len(ids(root, "Matsegora", kind=("article",))) == 4  # no duplicates left behind


def test_a_running_searcher_sees_updates_through_its_cached_filters(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    searcher = WhooshSearcher(root)  # one searcher, as the server keeps it across requests
    articles = {"kind": ("article",)}
    assert searcher.search(SearchParams(q="Matsegora", filters=articles)).total == 5  # kind filter cached
    write(corpus / "new" / "story.txt", "Zanzibar talks\n\nMatsegora said \"Zanzibar will host the talks\".\n")
    incremental.update(root)
    assert [h["id"] for h in searcher.search(SearchParams(q="Zanzibar", filters=articles)).hits] == ["new/story"]
    assert searcher.search(SearchParams(q="Matsegora", filters=articles)).total == 6


def test_update_without_index_is_a_clear_error(tmp_path):
    with pytest.raises(ClaimsearchError, match="No index"):
        incremental.update(tmp_path / "missing")


def test_bad_files_are_skipped_with_reasons(corpus, tmp_path):
    write(corpus / "empty.txt", "")
    write(corpus / "binary.txt", b"\x89PNG\x00\x00\x00")
    write(corpus / "latin.txt", "Caf\xe9 news\n\nThe owner said \"open\".\n".encode("cp1252"))
    write(corpus / "feed.jsonl", '{"id": "ok", "title": "Fine", "text": "Fine text."}\n{broken\n')
    write(corpus / "broken.md", "---\ntitle: [oops\n---\nText\n")
    summary = indexer.build(corpus, tmp_path / "ix")
    reasons = dict(summary.skipped)
    assert summary.articles == 5 + 2  # seeds, the cp1252 file and the good JSONL line
    assert set(reasons) == {"empty.txt", "binary.txt", "feed.jsonl:2", "broken.md"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.txt"]
    assert [w[0] for w in summary.warnings] == ["latin.txt"]


def test_second_indexer_fails_fast_while_one_holds_the_lock(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    store, held, release = IndexStore(root), threading.Event(), threading.Event()

    def hold():
        with store.lock():
            held.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    try:
        with pytest.raises(IndexBusy):
            indexer.build(corpus, root)
    finally:
        release.set()
        thread.join()
    assert ids(root, "Matsegora")


def test_unwritable_index_path_fails_before_touching_anything(corpus, tmp_path):
    blocker = write(tmp_path / "file", "not a directory")
    with pytest.raises(ClaimsearchError, match="Cannot write index"):
        indexer.build(corpus, blocker / "ix")
    assert blocker.read_text() == "not a directory"


def test_an_index_from_another_schema_asks_for_a_rebuild(tmp_path):
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, TEXT, Schema

    from search.errors import IndexMissing

    build = tmp_path / "ix" / "builds" / "old"
    build.mkdir(parents=True)
    whoosh_index.create_in(str(build), Schema(doc_id=ID(stored=True), quotes=TEXT), indexname="MAIN").close()
    (tmp_path / "ix" / "CURRENT").write_text("old\n")
    with pytest.raises(IndexMissing, match="rebuild it"):
        WhooshSearcher(tmp_path / "ix").search(SearchParams(q="x"))


def test_a_failure_beside_the_flush_fails_the_build_and_keeps_the_live_one(corpus, tmp_path, monkeypatch):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    live = IndexStore(root).current_name()

    def broken(*args, **kwargs):
        raise RuntimeError("clustering broke")

    monkeypatch.setattr(compare, "save", broken)  # the comparisons are saved in the forked child
    with pytest.raises(ClaimsearchError, match="Comparing quotes"):
        indexer.build(corpus, root)
    assert IndexStore(root).current_name() == live
    assert [p.name for p in (root / "builds").iterdir()] == [live]


@pytest.mark.parametrize("failure, message", [
    (RuntimeError("segment broke"), "Writing the index failed"),
    (OSError(28, "No space left on device"), "No space left on device"),
])
def test_a_failing_segment_child_fails_the_build_and_keeps_the_live_one(corpus, tmp_path, monkeypatch,
                                                                        failure, message):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    live = IndexStore(root).current_name()

    def broken(ix, docs):
        raise failure

    monkeypatch.setattr(storage, "write_segments", broken)  # runs in the forked segment children
    with pytest.raises(ClaimsearchError, match=message):
        indexer.build(corpus, root)
    assert IndexStore(root).current_name() == live
    assert [p.name for p in (root / "builds").iterdir()] == [live]
    assert ids(root, "Wonsan", kind=("article",)) == ["002_9edff2facc8fa178"]


def test_a_figures_value_is_stored_but_indexes_no_terms(corpus, tmp_path):
    write(corpus / "005_rates.txt", "Rates rise\n\nThe bank raised its rate to 4.5% on Tuesday, its governor said.\n")
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    ix = indexer.open_index(IndexStore(root).current_dir())
    with ix.searcher() as searcher:
        stored = [f["value"] for f in searcher.documents(kind="figure")]
        assert 4.5 in stored and "value" not in set(searcher.reader().indexed_field_names())  # no query reads it
    ix.close()
