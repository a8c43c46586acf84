"""API hygiene: links on hits and pages, one name per concept, unknown parameters, exports in parts, JSON-LD."""
from __future__ import annotations

import csv
import io

import pytest

from search.index import indexer
from search.index.records import EXPORT_COLUMNS
from search.render.export import encode_cursor
from web import create_app


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    return response


def test_every_link_of_every_hit_answers(client):
    data = get(client, "/api/search?q=troops OR soldiers&per_page=50").get_json()
    hits = [h for hit in data["hits"] for h in [hit, *hit.get("statements", [])]]
    assert {h["kind"] for h in hits} >= {"quote", "claim", "figure"}
    for hit in hits:
        links = hit["links"]
        assert set(links) == {"self", "article", "versions", "speaker", "measure"}
        itself = get(client, links["self"]).get_json()
        assert (itself["article"] if hit["kind"] == "article" else itself)["id"] == hit["id"]
        for url in filter(None, (links["article"], links["versions"], links["speaker"], links["measure"])):
            get(client, url)
        assert (links["speaker"] is None) == (hit.get("speaker_id") is None)
        assert (links["measure"] is not None) == (hit["kind"] == "figure" and bool(hit.get("topic")))


def test_pages_link_to_their_neighbours(client):
    first = get(client, "/api/search?q=troops&per_page=3").get_json()
    assert first["pages"] > 2
    assert first["links"]["prev"] is None and "page=2" in first["links"]["next"]
    second = get(client, first["links"]["next"]).get_json()
    assert second["page"] == 2 and "page=1" in second["links"]["prev"]
    last = get(client, f"/api/search?q=troops&per_page=3&page={first['pages']}").get_json()
    assert last["links"]["next"] is None


def test_dates_answer_under_the_names_they_are_asked_by(client):
    data = get(client, "/api/search?from=2025-01-01&to=2025-12-31").get_json()
    assert data["from"] == "2025-01-01" and data["to"] == "2025-12-31" and "date_from" not in data


@pytest.mark.parametrize("url, named", [("/api/search?kinds=quote", "'kinds'"),
                                        ("/api/speakers?q=x&sorts=1", "'q', 'sorts'"),
                                        ("/api/export.json?page_size=3", "'page_size'"),
                                        ("/api/sources?source=x", "'source'")])
def test_unknown_parameters_are_a_400_naming_them(client, url, named):
    message = get(client, url, 400).get_json()["error"]["message"]
    assert named in message and "this endpoint takes" in message


def test_a_topic_sent_with_an_unencoded_plus_is_found(client):
    quantities = get(client, "/api/disagreements").get_json()["disagreements"]
    topic = next(row["topic"] for q in quantities for row in q["values"] if "+" in (row.get("topic") or ""))
    assert get(client, "/api/figures?topic=" + topic).get_json()["topic"] == topic
    get(client, "/figures?topic=" + topic)


def test_speaker_page_lists_names_outlets_and_statements(client):
    row = get(client, "/api/speakers").get_json()["speakers"][0]
    data = get(client, row["links"]["self"] + "?per_page=2").get_json()
    assert data["speaker"] == row["speaker"] and data["total"] == row["total"]
    listed = row["total"] - data["acts_total"]  # acts ('endorsed ...') are listed apart, not paged with claims
    assert len(data["statements"]) == 2 and data["pages"] == -(-listed // 2)
    assert all(s["speaker_id"] == row["speaker_id"] for s in data["statements"] + data["acts"])
    assert all(s["form"] == "act" for s in data["acts"]) and all(s["form"] != "act" for s in data["statements"])
    assert sum(s["count"] for s in data["sources"]) <= data["total"] and data["topics"]
    assert row["speaker"] not in data["aliases"]
    html = get(client, f"/speakers/{row['speaker_id']}").get_data(as_text=True)
    assert row["speaker"] in html
    get(client, "/api/speakers/Nobody%20Here", 404)
    get(client, "/speakers/Nobody%20Here", 404)


def test_source_page_counts_its_articles(client):
    row = next(r for r in get(client, "/api/sources").get_json()["sources"] if r["source"])
    data = get(client, f"/api/sources/{row['source']}").get_json()
    assert data["articles"] == row["articles"] and data["kinds"]["quote"] == row["quote"]
    assert len(data["latest"]) == min(row["articles"], 50) and all(a["kind"] == "article" for a in data["latest"])
    assert row["source"] in get(client, f"/sources/{row['source']}").get_data(as_text=True)
    get(client, "/api/sources/nowhere.example", 404)


@pytest.fixture
def small_exports(seeds_index):
    return create_app({"TESTING": True, "INDEX": str(seeds_index), "MAX_EXPORT": 4}).test_client()


def test_an_export_continues_with_its_cursor_until_every_record_is_out(small_exports):
    url, ids, parts = "/api/export.json?q=troops OR soldiers OR harbour", [], 0
    while url:
        data = get(small_exports, url).get_json()
        ids += [r["id"] for r in data["records"]]
        assert data["exported"] == len(data["records"]) <= 4
        url, parts = data["links"]["next"], parts + 1
    assert parts > 2 and len(ids) == len(set(ids)) == data["total"]
    assert not data["truncated"] and data["next"] is None


def test_csv_export_has_the_new_columns_and_a_next_link(small_exports):
    response = get(small_exports, "/api/export.csv?q=troops")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert tuple(rows[0]) == EXPORT_COLUMNS and {"mention", "speaker_id", "versions", "story"} <= set(rows[0])
    assert len(rows) == 5 and 'rel="next"' in response.headers["Link"]
    following = response.headers["Link"].split(">")[0].lstrip("<")
    more = list(csv.reader(io.StringIO(get(small_exports, following).get_data(as_text=True))))
    assert not {r[0] for r in rows[1:]} & {r[0] for r in more[1:]}


@pytest.mark.parametrize("cursor", ["x", "eyJhIjogMX0", "W10"])
def test_a_forged_cursor_is_a_bad_parameter(client, cursor):
    assert "'cursor'" in get(client, f"/api/export.json?cursor={cursor}", 400).get_json()["error"]["message"]


def test_jsonld_export_speaks_schema_org(client):
    response = get(client, "/api/export.jsonld?q=troops OR soldiers OR brotherly")
    assert response.mimetype == "application/ld+json"
    data = response.get_json()
    assert data["@context"] == "https://schema.org"
    by_type = {}
    for node in data["@graph"]:
        by_type.setdefault(node["@type"], node)
    quote, claim = by_type["Quotation"], by_type["Claim"]
    assert quote["spokenByCharacter"]["@type"] == "Person" and quote["isPartOf"]["@type"] == "NewsArticle"
    assert quote["isPartOf"]["headline"] and quote["text"]
    assert claim["appearance"]["@type"] == claim["firstAppearance"]["@type"] == "NewsArticle"
    published = [n for n in data["@graph"] if n.get("isPartOf", {}).get("publisher")]
    assert published and published[0]["isPartOf"]["publisher"]["@type"] == "Organization"


def test_a_cursor_resumes_after_its_record_even_where_the_offset_moved(client):
    url = "/api/export.json?q=troops OR soldiers"
    records = [r["id"] for r in get(client, url).get_json()["records"]]
    after_third = get(client, f"{url}&cursor={encode_cursor(0, records[2])}").get_json()["records"]
    assert [r["id"] for r in after_third] == records[3:]  # the record is the anchor, not the stale offset
    gone = get(client, f"{url}&cursor={encode_cursor(4, 'deleted#q9')}").get_json()["records"]
    assert [r["id"] for r in gone] == records[4:]  # a record gone since: its offset


STRIKE = """---
title: {title}
source: {source}
date: {date}
---

{lead} {number} dock workers {rest}, union leader Mara Quist said.

{tail}
"""


@pytest.fixture(scope="module")
def strike_client(tmp_path_factory):
    """Three outlets report one figure on different days; the middle one is indexed first."""
    root = tmp_path_factory.mktemp("strike")
    for name, title, source, date, lead, number, rest, tail in (
        ("a-later", "Portvale port stands still as walkout continues", "gazette.example", "2025-03-04",
         "Cranes stood idle for a fourth day.", "Some 3,000", "are on the Portvale harbour strike",
         "Fishermen complained that the fish market had nowhere to land the catch."),
        ("b-first", "Harbour strike spreads along the coast", "herald.example", "2025-03-01",
         "Dock workers in Portvale walked out on Monday.", "About 3,000", "joined the Portvale harbour strike",
         "Ships waited outside the breakwater through the night."),
        ("c-undated", "Portvale dockers hold out", "", "", "The strike went on.", "About 3,000",
         "are on the Portvale harbour strike", "The mayor called for calm.")):
        text = STRIKE.format(title=title, source=source, date=date, lead=lead, number=number, rest=rest, tail=tail)
        (root / f"{name}.md").write_text(text.replace("source: \n", "").replace("date: \n", ""), encoding="utf-8")
    indexer.build(root, root / "index")
    return create_app({"TESTING": True, "INDEX": str(root / "index")}).test_client()


def test_jsonld_first_appearance_is_where_a_figure_was_first_reported(strike_client):
    graph = get(strike_client, "/api/export.jsonld?kind=figure").get_json()["@graph"]
    figures = {node["identifier"]: node for node in graph}
    assert set(figures) >= {"a-later#f1", "b-first#f1"}
    later = figures["a-later#f1"]
    assert later["appearance"]["identifier"] == "a-later"
    assert later["firstAppearance"]["identifier"] == "b-first"
    assert later["firstAppearance"]["datePublished"] == "2025-03-01"
    assert later["firstAppearance"]["publisher"]["name"] == "herald.example"
    assert figures["b-first#f1"]["firstAppearance"] == figures["b-first#f1"]["appearance"]
    page = get(strike_client, "/api/figures/a-later/f1").get_json()["first_appearance"]
    assert page["article_id"] == "b-first"  # the figure's page says the same


def test_jsonld_first_appearance_of_an_uncompared_claim_is_its_own_article(strike_client):
    claims = get(strike_client, "/api/export.jsonld?kind=claim").get_json()["@graph"]
    assert claims and all(c["firstAppearance"] == c["appearance"] for c in claims)


@pytest.mark.parametrize("url", ["/api/disagreements?close=1&per_page=1", "/api/disagreements?per_page=1",
                                 "/api/quotes/000_1c0211945ba58556/q1?per_page=1"])
def test_paged_comparisons_link_to_their_neighbours(client, url):
    data = get(client, url).get_json()
    assert data["links"]["prev"] is None and data["links"]["self"].endswith("page=1")
    if data["pages"] > 1:
        following = get(client, data["links"]["next"]).get_json()
        assert following["page"] == 2 and following.get("close") == data.get("close")
    else:
        assert data["links"]["next"] is None


def test_an_articles_statements_carry_their_links(client):
    statements = get(client, "/api/articles/002_9edff2facc8fa178").get_json()["statements"]
    assert statements
    for statement in statements:
        assert get(client, statement["links"]["self"]).get_json()["id"] == statement["id"]
        assert (statement["links"]["versions"] is not None) == (statement["kind"] == "quote" or
                                                                  bool(statement.get("topic")))
