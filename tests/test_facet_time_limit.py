"""Facets are counted under a time limit (Datasette's facet_time_limit_ms); what runs out is listed."""
from __future__ import annotations

import json

from search.cli import cli
from search.index.schema import FACETS
from search.query.facets import count_facets
from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher
from web import create_app

NAMES = [facet.name for facet in FACETS]


def test_a_limit_of_zero_times_out_every_facet_and_none_counts_them_all():
    columns = {"kind": ["article", "quote", "quote"].__getitem__, "source": ["a.com", None, "b.com"].__getitem__}
    timed_out = count_facets([0, 1, 2], columns, {}, {}, time_limit=0)
    assert [(f.name, f.timed_out, f.values) for f in timed_out] == [("kind", True, ()), ("source", True, ())]
    counted = count_facets([0, 1, 2], columns, {}, {}, time_limit=None)
    assert not any(f.timed_out for f in counted)
    assert {v.value: v.count for v in counted[0].values} == {"quote": 2, "article": 1}


def test_the_page_lists_timed_out_facets_in_json_and_says_so_in_html(seeds_index):
    client = create_app({"TESTING": True, "INDEX": str(seeds_index), "FACET_TIME_LIMIT_MS": 0}).test_client()
    data = client.get("/api/search?q=Matsegora&source=newser.com").get_json()
    assert data["facets_timed_out"] == NAMES and data["facets"] == []
    assert data["total"] > 0 and data["hits"]  # the page still renders
    html = client.get("/?q=Matsegora").get_data(as_text=True)
    assert "Counting took too long for" in html and "source, speaker" in html


def test_facets_counted_in_time_are_not_listed(client):
    data = client.get("/api/search?q=Matsegora").get_json()
    assert data["facets_timed_out"] == [] and [f["name"] for f in data["facets"]] == NAMES
    assert "Counting took too long" not in client.get("/?q=Matsegora").get_data(as_text=True)


def test_a_timed_out_count_is_not_cached_for_later_searches(seeds_index):
    searcher = WhooshSearcher(seeds_index, facet_time_limit_ms=0)
    params = SearchParams(q="Matsegora")
    assert searcher.search(params).facets_timed_out == NAMES
    searcher.facet_time_limit = None  # as if the server were idle now
    assert searcher.search(params).facets_timed_out == []


def test_the_cli_uses_the_setting(runner, seeds_index):
    result = runner.invoke(cli, ["search", "Matsegora", "--json", "--index", str(seeds_index)],
                           env={"CLAIMSEARCH_FACET_TIME_LIMIT_MS": "0"})
    assert result.exit_code == 0 and json.loads(result.stdout)["facets_timed_out"] == NAMES
