"""Doc ids are stored, not indexed: every document is still found by its id, through its article."""
from __future__ import annotations

from search.index.records import article_ids_of, statement_id
from search.query.searcher import WhooshSearcher


def test_every_document_is_found_by_its_id(seeds_index):
    backend = WhooshSearcher(seeds_index)
    with backend._index().searcher() as searcher:
        stored = [searcher.stored_fields(n) for n in range(searcher.doc_count_all())]
        assert "doc_id" not in {name for name, _ in searcher.reader().all_terms()}  # no term per document
    assert len(stored) > 50
    for doc in stored:
        assert backend.documents("doc_id", doc["doc_id"]) == [doc]
    statement = next(doc for doc in stored if doc["kind"] == "quote")
    assert backend.statement(statement["doc_id"])["id"] == statement["doc_id"]
    assert backend.article(statement["article_id"])["article"]["id"] == statement["article_id"]


def test_an_article_id_with_a_hash_still_names_its_statements():
    # 'feed.jsonl#3' could be an article's own id: its statements are 'feed.jsonl#3#q1'...
    quote = statement_id("feed.jsonl#3", "quote", 1)
    assert quote == "feed.jsonl#3#q1"
    assert "feed.jsonl#3" in article_ids_of(quote)
    assert "feed.jsonl#3" in article_ids_of("feed.jsonl#3")  # the article itself
    assert article_ids_of("a1") == {"a1"}
