"""Ranking the known matches gives Whoosh's own order and scores, across segments, for every path."""
import pytest
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import QueryParser
from whoosh.query import And, Or, Phrase, Term

from search.whoosh_ext import ranking
from search.whoosh_ext.ranking import ranked, without_positions

TEXTS = [
    "the minister said the budget would grow",
    "budget cuts hit the schools, the minister said",
    "schools said nothing about the budget budget budget",
    "a quiet day with no news",
    "the minister resigned over the budget",
    "budget minister budget minister",
    "news of the budget reached the schools",
]


@pytest.fixture(scope="module")
def searcher():
    schema = Schema(body=TEXT(analyzer=StemmingAnalyzer()), n=NUMERIC(sortable=True), tag=ID(stored=True))
    ix = RamStorage().create_index(schema)
    for start in range(0, len(TEXTS) * 3, 5):  # several segments: docnums carry offsets
        writer = ix.writer()
        for n in range(start, min(start + 5, len(TEXTS) * 3)):
            writer.add_document(body=TEXTS[n % len(TEXTS)], n=(n * 7) % 11, tag=str(n))
        writer.commit(merge=False)
    with ix.searcher() as s:
        assert len(s.subsearchers) > 1
        yield s


def parse(searcher, text):
    return QueryParser("body", searcher.schema).parse(text)


def pairs(results):
    return [(hit.docnum, round(hit.score, 9) if hit.score is not None else None) for hit in results]


@pytest.mark.parametrize("text", ["budget", "minister budget", '"the minister"', '"budget minister"',
                                  "schools OR news", "budget -minister"])
@pytest.mark.parametrize("skip_to_max", [0, 10_000])  # Whoosh's collector path and the skip-to path
def test_same_order_and_scores_as_whoosh(searcher, monkeypatch, text, skip_to_max):
    monkeypatch.setattr(ranking, "SKIP_TO_MAX", skip_to_max)
    query = parse(searcher, text)
    known = sorted(searcher.docs_for_query(query))
    assert known
    expected = pairs(searcher.search(query, limit=5))
    assert pairs(ranked(searcher, query, known, 5)) == expected


def test_only_known_documents_are_ranked(searcher):
    query = parse(searcher, "budget")
    everything = sorted(searcher.docs_for_query(query))
    known = everything[1::2]  # as if a facet filter removed the others
    got = [hit.docnum for hit in ranked(searcher, query, known, 100)]
    assert sorted(got) == known
    assert got == [hit.docnum for hit in searcher.search(query, limit=100, filter=set(known))]


@pytest.mark.parametrize("reverse", [False, True])
def test_sorted_by_a_column_like_whoosh(searcher, reverse):
    query = parse(searcher, '"the minister"')
    known = sorted(searcher.docs_for_query(query))
    expected = [hit.docnum for hit in searcher.search(query, limit=4, sortedby="n", reverse=reverse)]
    assert [hit.docnum for hit in ranked(searcher, query, known, 4, "n", reverse)] == expected


def test_phrases_lose_positions_but_keep_words_and_boost():
    query = And([Phrase("body", ["a", "b"], boost=2.0), Term("kind", "quote")])
    rewritten = without_positions(query)
    phrase_part = rewritten.subqueries[0]
    assert isinstance(phrase_part, And) and phrase_part.boost == 2.0
    assert phrase_part.subqueries == [Term("body", "a"), Term("body", "b")]
    assert rewritten.subqueries[1] == Term("kind", "quote")


def test_queries_without_phrases_are_left_as_they_are():
    query = Or([Term("body", "a"), Term("title", "a", boost=2.0)])
    assert without_positions(query) is query
