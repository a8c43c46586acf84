"""A build bigger than the writer's posting pool is written as several segments, all searchable."""
from __future__ import annotations

from search.index import indexer
from search.index.indexer import open_index
from search.index.store import IndexStore
from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher
from search.whoosh_ext import storage
from tests.helpers import synthetic_corpus


def test_a_build_that_outgrows_the_pool_commits_segments_and_loses_nothing(tmp_path, monkeypatch):
    corpus = synthetic_corpus(tmp_path / "corpus", 240)  # over the worker threshold as well
    monkeypatch.setattr(storage, "BUILD_POOL_MB", 0.2)
    summary = indexer.build(corpus, tmp_path / "ix")
    ix = open_index(IndexStore(tmp_path / "ix").current_dir())
    try:
        assert len(ix._segments()) > 1
        with ix.searcher() as searcher:
            assert searcher.doc_count() == summary.articles + summary.quotes + summary.claims + summary.figures
    finally:
        ix.close()
    page = WhooshSearcher(tmp_path / "ix").search(SearchParams(q="harbour", filters={"kind": ("article",)}))
    assert summary.articles == 240 and page.total == 240
