"""The journalist's workbench on the web: date histogram, excluded facet values, Atom feeds of searches."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest

from search.index import incremental, indexer
from tests.browser.corpus import ARTICLES_BY_MONTH, ARTICLES_BY_SOURCE, write_corpus
from tests.helpers import write
from web import create_app

ATOM = "{http://www.w3.org/2005/Atom}"
NEW_ARTICLE = """---
title: Late news on the harbour ferry
source: herald.example
date: 2025-04-02
---

The ferry captain, Ola Mast, said "The harbour ferry will run every hour from May."
"""


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("workbench")
    indexer.build(write_corpus(root / "corpus"), root / "index")
    return root / "index"


@pytest.fixture
def client(dated_index):
    return create_app({"TESTING": True, "INDEX": str(dated_index)}).test_client()


def search(client, query: str) -> dict:
    response = client.get("/api/search?" + query)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_histogram_counts_every_dated_match_and_links_to_its_period(client):
    data = search(client, "kind=article")
    h = data["histogram"]
    assert h["interval"] == "week"  # 2024-12-05 .. 2025-03-15
    assert sum(b["count"] for b in h["buckets"]) == data["total"] == sum(ARTICLES_BY_MONTH.values())
    busiest = max(h["buckets"], key=lambda b: b["count"])
    args = parse_qs(urlsplit(busiest["url"]).query)
    assert args["from"] == [busiest["start"]] and args["to"] == [busiest["end"]] and args["kind"] == ["article"]
    narrowed = client.get(busiest["url"].replace("/?", "/api/search?", 1)).get_json()
    assert narrowed["total"] == busiest["count"]
    assert narrowed["histogram"]["interval"] == "day"


def test_histogram_is_null_when_nothing_matched_is_dated(client):
    assert search(client, "q=zzzunknownword")["histogram"] is None


def test_search_page_draws_the_histogram_as_linked_svg_bars(client):
    html = client.get("/?kind=article").get_data(as_text=True)
    assert "<svg" in html and 'role="list"' in html and "<title>" in html
    assert 'href="/?kind=article&amp;from=' in html
    assert 'id="from"' in html  # dates exist, so the date controls are shown


def test_excluding_a_source_leaves_out_its_hits_and_keeps_its_count(client):
    everything = search(client, "kind=article")
    without = search(client, "kind=article&exclude_source=daily.example")
    assert without["total"] == everything["total"] - ARTICLES_BY_SOURCE["daily.example"]
    assert without["excluded"] == {"source": ["daily.example"]}
    assert all(hit["source"] != "daily.example" for hit in without["hits"])
    source = next(f for f in without["facets"] if f["name"] == "source")
    daily = next(v for v in source["values"] if v["value"] == "daily.example")
    assert daily["excluded"] and not daily["selected"] and daily["count"] == ARTICLES_BY_SOURCE["daily.example"]
    # Its exclude_url toggles the exclusion off; its toggle_url selects it instead.
    assert "exclude_source" not in daily["exclude_url"]
    assert "source=daily.example" in daily["toggle_url"] and "exclude_source" not in daily["toggle_url"]


def test_every_facet_in_the_registry_can_be_excluded(client):
    from search.index.schema import FACETS
    for facet in FACETS:
        data = search(client, "q=harbour")
        values = next(f for f in data["facets"] if f["name"] == facet.name)["values"]
        if not values:
            continue
        first = values[0]
        assert f"exclude_{facet.name}=" in first["exclude_url"]
        excluded = client.get(first["exclude_url"].replace("/?", "/api/search?", 1)).get_json()
        assert excluded["total"] == data["total"] - first["count"], facet.name


def test_a_bad_excluded_value_is_a_400_naming_the_parameter(client):
    response = client.get("/api/search?exclude_kind=nonsense")
    assert response.status_code == 400 and "exclude_kind" in response.get_json()["error"]["message"]


def test_excluded_chip_removes_the_exclusion(client):
    html = client.get("/?q=harbour&exclude_source=daily.example").get_data(as_text=True)
    assert 'class="chip excluded"' in html and 'aria-label="Remove filter: not source daily.example"' in html


def test_openapi_lists_an_exclude_parameter_per_facet(client):
    from search.index.schema import FACETS
    names = {p["name"] for p in client.get("/api/openapi.json").get_json()["paths"]["/search"]["get"]["parameters"]}
    assert {f"exclude_{facet.name}" for facet in FACETS} <= names


def feed_entries(client, query: str) -> list:
    response = client.get("/feeds/search.atom?" + query)
    assert response.status_code == 200 and response.content_type.startswith("application/atom+xml")
    return ET.fromstring(response.data).findall(f"{ATOM}entry")


def test_feed_lists_matches_newest_first_with_their_urls_as_ids(client):
    entries = feed_entries(client, "q=harbour&kind=quote")
    assert entries
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all("/articles/" in i and "#q" in i for i in ids)
    dates = [e.find(f"{ATOM}updated").text for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert all(e.find(f"{ATOM}link").get("href") == e.find(f"{ATOM}id").text for e in entries)


def test_every_results_page_links_its_feed(client):
    html = client.get("/?q=harbour&page=1").get_data(as_text=True)
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/feeds/search.atom?q=harbour"' in html


def test_feed_with_bad_parameters_is_a_400(client):
    assert client.get("/feeds/search.atom?from=yesterday").status_code == 400


def test_a_feed_reader_sees_a_new_match_after_update(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    indexer.build(corpus, tmp_path / "index")
    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "index")}).test_client()
    before = {e.find(f"{ATOM}id").text for e in feed_entries(client, "q=harbour")}
    write(corpus / "ferry.md", NEW_ARTICLE)
    incremental.update(tmp_path / "index")
    after = feed_entries(client, "q=harbour")
    new = [e for e in after if e.find(f"{ATOM}id").text not in before]
    assert new and "ferry" in ET.tostring(new[0], encoding="unicode")
    assert after[0] in new  # the newest date comes first


def test_date_controls_hidden_when_no_article_is_dated(tmp_path):
    write(tmp_path / "corpus" / "a.md", "# Undated harbour\n\nJo Bloggs said \"the harbour is calm today.\"\n")
    indexer.build(tmp_path / "corpus", tmp_path / "index")
    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "index")}).test_client()
    html = client.get("/?q=harbour").get_data(as_text=True)
    assert 'id="from"' not in html and "<svg" not in html
    assert client.get("/api/search?q=harbour").get_json()["histogram"] is None


def test_article_page_labels_each_statement_with_its_speaker_in_the_text(client):
    data = client.get("/api/articles/daily1").get_json()
    html = client.get("/articles/daily1").get_data(as_text=True)
    assert 'title="quote by' not in html  # a tooltip is not a label
    for statement in data["statements"]:
        assert f'id="{statement["id"].rsplit("#", 1)[1]}"' in html
    named = [s for s in data["statements"] if s.get("speaker")]
    assert named and all(f'<span class="by-kind">{s["kind"]}</span> {s["speaker"]}</span>' in html for s in named)
    person = next(s for s in named if s["speaker_id"])  # a person links to their page by id
    assert f'href="/speakers/{person["speaker_id"]}"' in html


def test_speaker_url_is_one_path_segment():
    from web.urls import speaker_url
    assert speaker_url("Jane Roe") == "/speakers/Jane%20Roe"
    assert speaker_url("AC/DC & co?") == "/speakers/AC%2FDC%20%26%20co%3F"
