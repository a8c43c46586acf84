"""Pages whose work is bounded by what they show: quote versions paged, article marking in one pass."""
from __future__ import annotations

import difflib

import pytest

from search.compare import Comparisons
from search.compare import diff as diff_module
from web.marking import mark_paragraphs


def many_versions(n: int) -> Comparisons:
    """Return comparisons where one quote has n versions in n articles."""
    quotes = {f"a{i:05d}#q1": {"id": f"a{i:05d}#q1", "article_id": f"a{i:05d}", "title": f"Story {i}",
                               "source": f"outlet{i % 7}.example", "date": f"2024-01-{i % 28 + 1:02d}",
                               "speaker": "Ana Ruiz", "text": f"We will rebuild the bridge by spring {i % 3}"}
              for i in range(n)}
    comps = Comparisons(quotes)
    comps._set_clusters({"c1": sorted(quotes)})
    return comps


@pytest.fixture
def diff_calls(monkeypatch):
    """Count the word-diff comparisons (difflib matchers) made."""
    calls = []

    class Counting(difflib.SequenceMatcher):
        def __init__(self, *args, **kwargs):
            calls.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(diff_module.difflib, "SequenceMatcher", Counting)
    return calls


@pytest.fixture
def quote_client(app, monkeypatch):
    """A client whose comparisons hold one quote with 8,000 versions."""
    comps = many_versions(8000)
    monkeypatch.setattr(app.extensions["claimsearch"], "comparisons", lambda: comps)
    return app.test_client()


@pytest.mark.parametrize("n", [600, 8000])
def test_quote_json_diffs_one_page_of_versions(quote_client, app, monkeypatch, diff_calls, n):
    comps = many_versions(n)
    monkeypatch.setattr(app.extensions["claimsearch"], "comparisons", lambda: comps)
    data = quote_client.get("/api/quotes/a00000/q1?per_page=30").get_json()
    assert data["total"] == n and data["pages"] == -(-n // 30) and len(data["versions"]) == 30
    assert len(diff_calls) <= 30 * 29


def test_quote_page_defaults_to_the_page_holding_the_quote(quote_client, diff_calls):
    data = quote_client.get("/api/quotes/a05000/q1").get_json()
    assert any(v["this"] for v in data["versions"]) and data["page"] > 1
    assert len(diff_calls) <= data["per_page"] ** 2


def test_quote_page_links_the_other_pages(quote_client):
    html = quote_client.get("/quotes/a00000/q1?page=2").get_data(as_text=True)
    assert "8000 versions of a quote" in html and html.count('<li class="version') == 20
    assert 'href="/quotes/a00000/q1?page=3"' in html and 'href="/quotes/a00000/q1?page=1"' in html


@pytest.mark.parametrize("query", ["page=401", "page=0", "per_page=101", "per_page=x"])
def test_quote_paging_errors_are_400(quote_client, query):
    response = quote_client.get(f"/api/quotes/a00000/q1?{query}")
    assert response.status_code == 400 and "page" in response.get_json()["error"]["message"]


class CountingDict(dict):
    """A statement or paragraph that counts how often its fields are read."""

    reads = 0

    def __getitem__(self, key):
        CountingDict.reads += 1
        return super().__getitem__(key)

    def get(self, key, default=None):
        CountingDict.reads += 1
        return super().get(key, default)


def article(n: int):
    paragraphs, statements, start = [], [], 0
    for i in range(n):
        text = f"Paragraph {i} where the minister said \u201cwe act now\u201d today."
        paragraphs.append(CountingDict(start=start, text=text))
        at = start + text.index("\u201c")
        statements.append(CountingDict(id=f"a#q{i}", kind="quote", speaker="Ana Ruiz", start=at, end=at + 13))
        start += len(text) + 2
    return paragraphs, statements[::-1]  # stored order is not text order


@pytest.mark.parametrize("n", [200, 2000])
def test_marking_reads_each_statement_a_bounded_number_of_times(n):
    paragraphs, statements = article(n)
    CountingDict.reads = 0
    marked, placed = mark_paragraphs(paragraphs, statements)
    assert len(placed) == n and all("<mark" in m for m in marked)
    # paragraphs x statements would be n * n reads; one merge is a constant number per item
    assert CountingDict.reads <= 40 * n


def test_marking_skips_statements_between_paragraphs_and_overlaps():
    paragraphs = [{"start": 0, "text": "One said \u201cyes\u201d."}, {"start": 20, "text": "Two said \u201cno\u201d."}]
    statements = [{"id": "a#q1", "kind": "quote", "start": 9, "end": 14},
                  {"id": "a#q2", "kind": "quote", "start": 10, "end": 12},
                  {"id": "a#q3", "kind": "quote", "start": 17, "end": 19},
                  {"id": "a#q4", "kind": "quote", "start": 29, "end": 33, "speaker": "Two"}]
    marked, placed = mark_paragraphs(paragraphs, statements)
    assert placed == {"a#q1", "a#q4"}
    assert 'id="q4" tabindex="-1">“no”</mark><span class="by by-quote"><span class="by-kind">quote</span> Two</span>' in marked[1]
