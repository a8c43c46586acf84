"""The comparison pages, their JSON twins and the `compare` command."""
from __future__ import annotations

import json

from search.cli import cli


def brotherly_id(client):
    hits = client.get("/api/search?q=rehabilitation%20hundreds&kind=quote").get_json()["hits"]
    return next(h for h in hits if h["versions"] == 2)["id"]


def test_quote_hits_count_their_other_versions(client):
    hits = client.get("/api/search?q=rehabilitation%20hundreds&kind=quote").get_json()["hits"]
    assert sorted(h["versions"] for h in hits) == [2, 2, 2]


def test_quote_page_and_json_list_every_version(client):
    quote_id = brotherly_id(client)
    ref = quote_id.replace("#", "/")
    data = client.get(f"/api/quotes/{ref}").get_json()
    assert len(data["versions"]) == 3 and data["quote"]["id"] == quote_id
    assert any(w["word"] == "fraternal" and w["differs"] for v in data["versions"] for w in v["words"])
    html = client.get(f"/quotes/{ref}").get_data(as_text=True)
    assert '<mark class="differs">fraternal</mark>' in html and html.count("<li class=\"version") == 3


def test_disagreements_show_the_troop_numbers(client):
    data = client.get("/api/disagreements").get_json()["disagreements"]
    values = [{v["value"] for v in d["values"]} for d in data]
    assert {11000, 12000} in values
    topic = next(d["topic"] for d in data if {v["value"] for v in d["values"]} == {11000, 12000})
    page = client.get("/api/figures", query_string={"topic": topic}).get_json()
    assert page["disagreement"] and len({f["article_id"] for v in page["values"] for f in v["figures"]}) == 4
    html = client.get("/disagreements").get_data(as_text=True)
    assert "12,000" in html and "11,000" in html and "sources disagree" in html


def test_compare_errors_use_the_error_shape(client):
    assert client.get("/api/figures").get_json()["error"]["status"] == 400
    assert client.get("/api/figures?topic=none").get_json()["error"]["status"] == 404
    assert client.get("/api/quotes/nope/q1").get_json()["error"]["status"] == 404
    assert client.get("/quotes/nope/q1").status_code == 404


def test_compare_command_prints_versions_side_by_side(runner, seeds_index):
    result = runner.invoke(cli, ["compare", "brotherly", "--index", str(seeds_index)])
    assert result.exit_code == 0
    assert "3 versions" in result.stdout and "[fraternal]" in result.stdout
    data = json.loads(runner.invoke(cli, ["compare", "soldiers", "--json", "--index", str(seeds_index),
                                          "--limit", "50"]).stdout)
    assert any(v.get("disagreement") for v in data)


def test_search_page_links_quotes_and_figures_to_their_comparisons(client):
    html = client.get("/?q=rehabilitation+hundreds&kind=quote").get_data(as_text=True)
    assert html.count("2 other versions in other outlets") == 3
    assert 'href="/quotes/' in html and "#" not in html.split('href="/quotes/')[1].split('"')[0]
    html = client.get("/?q=soldiers&kind=figure&per_page=50").get_data(as_text=True)
    assert "other reports of this figure" in html and 'href="/figures?topic=' in html
    assert 'href="/disagreements"' in html  # in the site navigation
