"""The Typesense searcher answers with the Whoosh searcher's page shape: facets, marks, sorting, paging."""
from __future__ import annotations

import datetime as dt

import pytest

from search.errors import ClaimsearchError, NotFound
from search.query.parse import SearchParams
from search.typesense import connection, store
from search.typesense import searcher as searcher_module
from search.typesense.searcher import TypesenseSearcher
from tests.helpers import require_typesense, typesense_cluster, write

require_typesense()

ARTICLES = [  # (file, date, source, text)
    ("a.md", "2025-01-05", "north.example", 'Mara Quill said "the quay reopens on Friday" to <b>reporters</b>.'),
    ("b.md", "2025-02-07", "south.example",
     'Tobias Wren said "the quay will stay shut until the council has repaired the old sea wall" after the vote.'),
    ("c.md", "2025-03-09", "north.example", "The harbour board met on Monday about the tides."),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    """A searcher over a 1-node cluster holding three dated articles."""
    corpus = tmp_path_factory.mktemp("corpus")
    for name, date, source, text in ARTICLES:
        write(corpus / name, f"---\ntitle: Harbour news {name}\ndate: {date}\nsource: {source}\n---\n\n{text}\n")
    with typesense_cluster(tmp_path_factory.mktemp("ts") / "one", 1) as nodes:
        conn = connection.Connection(nodes.urls[0], nodes.key)
        store.build(corpus, conn)
        yield TypesenseSearcher(conn)


def test_facets_count_and_show_the_selection(searcher):
    page = searcher.search(SearchParams(q="quay", filters={"kind": ("article",)}))
    assert page.total == 2 and {hit["kind"] for hit in page.hits} == {"article"}
    source = next(f for f in page.facets if f.name == "source")
    assert {(v.value, v.count) for v in source.values} == {("north.example", 1), ("south.example", 1)}
    # A facet counts the documents passing the *other* facets: the unselected kind still shows its count.
    kind = next(f for f in page.facets if f.name == "kind")
    assert [(v.value, v.count, v.selected) for v in kind.values] == [("article", 2, True), ("quote", 1, False)]


def test_snippets_mark_matches_and_escape_the_text(searcher):
    [hit] = searcher.search(SearchParams(q="reopens", filters={"kind": ("article",)})).hits
    assert '<mark class="hit term0">reopens</mark>' in hit["snippet"] and "&lt;b&gt;" in hit["snippet"]
    assert "<b>" not in hit["snippet"]


def test_sorting_by_date_and_paging(searcher):
    params = dict(filters={"kind": ("article",)}, per_page=2)
    newest = searcher.search(SearchParams(sort="newest", **params))
    assert [h["date"] for h in newest.hits] == ["2025-03-09", "2025-02-07"] and newest.pages == 2
    second = searcher.search(SearchParams(sort="newest", page=2, **params))
    assert [h["date"] for h in second.hits] == ["2025-01-05"]
    oldest = searcher.search(SearchParams(sort="oldest", date_from=dt.date(2025, 2, 1), **params))
    assert [h["date"] for h in oldest.hits] == ["2025-02-07", "2025-03-09"]


def test_an_article_page_lists_its_statements_in_order(searcher):
    [hit] = searcher.search(SearchParams(q="Tobias", filters={"kind": ("quote",)})).hits
    page = searcher.article(hit["article_id"])
    assert page["article"]["source"] == "south.example" and page["article"]["paragraphs"]
    assert [s["kind"] for s in page["statements"]][:1] == ["quote"] and page["statements"][0]["speaker"]
    with pytest.raises(NotFound):
        searcher.article("no-such-article")
    with pytest.raises(NotFound, match="No statement with id"):
        searcher.statement(hit["article_id"] + "#q99")


def test_a_search_right_after_a_swap_reads_the_new_collection(searcher, tmp_path, monkeypatch):  # last: rebuilds
    monkeypatch.setattr(searcher_module, "ALIAS_SECONDS", 3600)  # the remembered alias is stale, not expired
    searcher.search(SearchParams(q="quay"))
    corpus = tmp_path / "corpus"
    write(corpus / "d.md", "---\ntitle: Lighthouse\n---\n\nThe lighthouse keeper retired.\n")
    store.build(corpus, searcher.conn)  # drops the collection the searcher remembers
    page = searcher.search(SearchParams(q="lighthouse"))
    assert [hit["article_id"] for hit in page.hits] == ["d"]
