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
    others = {v["source"] for v in data["versions"] if not v["this"]} - {data["quote"]["source"]}
    assert data["label"] == f"2 other articles, {len(others)} other outlet{'' if len(others) == 1 else 's'}"
    assert data["copies"] == []
    assert data["first_appearance"]["article_id"] == data["appearances"][0]["article_id"]
    assert all((v["mention"] or v["speaker"]) and "differs" in v and v["kind"] == "quote" for v in data["versions"])
    assert any(w["word"] == "fraternal" and w["differs"] for v in data["versions"] for w in v["words"])
    html = client.get(f"/quotes/{ref}").get_data(as_text=True)
    assert '<mark class="differs">fraternal</mark>' in html and html.count("<li class=\"version") == 3


def test_disagreements_show_the_troop_numbers(client):
    data = client.get("/api/disagreements").get_json()
    assert (data["page"], data["total"]) == (1, 1)
    troops = data["disagreements"][0]
    assert {v["value"] for v in troops["values"]} == {11000, 12000}
    assert len({v["article_id"] for v in troops["values"]}) == 4 and len(troops["positions"]) == 2
    assert all(v["sentence"] and "qualifier" in v and v["speaker"] and v["kind"] == "figure" for v in troops["values"])
    # One name per concept: who is credited is `speaker` (as written: `mention`), as on search hits.
    assert not {"claimer", "claimed_by", "speaker_as_written"} & {k for v in troops["values"] for k in v}
    assert client.get(f"/api/quantities/{troops['id']}").get_json()["conflict"]
    html = client.get("/disagreements").get_data(as_text=True)
    assert "12,000" in html and "11,000" in html and "sources disagree" in html


def test_disagreements_are_paged(client):
    first = client.get("/api/disagreements?per_page=1").get_json()
    assert first["per_page"] == 1 and len(first["disagreements"]) == 1
    second = client.get("/api/disagreements?per_page=1&page=2").get_json()
    assert second["disagreements"] == [] and second["total"] == first["total"]
    assert client.get("/api/disagreements?page=0").get_json()["error"]["status"] == 400


def test_figure_page_lists_appearances_first_marked(client):
    data = client.get("/api/disagreements").get_json()["disagreements"][0]
    ref = data["values"][0]["id"].replace("#", "/")
    page = client.get(f"/api/figures/{ref}").get_json()
    assert page["first_appearance"]["label"].startswith("first reported by")
    assert [a["first"] for a in page["appearances"]][0] is True
    assert "first reported by" in client.get(f"/figures/{ref}").get_data(as_text=True).lower()


def test_compare_errors_use_the_error_shape(client):
    assert client.get("/api/figures").get_json()["error"]["status"] == 400
    assert client.get("/api/figures?topic=none").get_json()["error"]["status"] == 404
    assert client.get("/api/figures?measure=none").get_json()["error"]["status"] == 404
    assert client.get("/api/quantities/qn-none").get_json()["error"]["status"] == 404
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
    assert html.count("Also in 2 other articles, ") == 3
    assert 'href="/quotes/' in html and "#" not in html.split('href="/quotes/')[1].split('"')[0]
    html = client.get("/?q=soldiers&kind=figure&per_page=50").get_data(as_text=True)
    assert "Also reported in 3 other articles" in html and 'href="/figures/' in html
    assert 'href="/disagreements"' in html  # in the site navigation


def test_who_said_what_says_no_other_report_rather_than_zero(client):
    html = client.get("/articles/002_9edff2facc8fa178").get_data(as_text=True)
    # the seeds' 200 artillery pieces: a figure no other article reports
    assert ">0 other" not in html
    assert ">no other reports<" in html
