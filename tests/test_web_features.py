"""The full search service through the test client: facets, sorting, paging, browse, export."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from search.index import indexer
from tests.browser.corpus import ARTICLES_BY_MONTH, ARTICLES_BY_SOURCE, EVIL_ID, write_corpus
from web import create_app

EVIL_SOURCE = "<img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("web-corpus")
    indexer.build(write_corpus(root / "corpus"), root / "index")
    return root / "index"


@pytest.fixture
def client(corpus_index):
    return create_app({"TESTING": True, "INDEX": str(corpus_index)}).test_client()


def api(client, **args):
    response = client.get("/api/search", query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def facet(data, name) -> dict:
    return {v["value"]: v for v in next(f for f in data["facets"] if f["name"] == name)["values"]}


def counts(data, name) -> dict:
    return {value: v["count"] for value, v in facet(data, name).items()}


def test_article_counts_per_outlet_and_month_come_from_metadata(client):
    data = api(client, kind="article")
    assert counts(data, "source") == ARTICLES_BY_SOURCE
    assert counts(data, "month") == ARTICLES_BY_MONTH
    assert list(facet(data, "month")) == sorted(ARTICLES_BY_MONTH, reverse=True)


def test_selected_facet_narrows_the_other_facets_but_not_itself(client):
    before = api(client, q="harbour")
    after = api(client, q="harbour", source="herald.example")
    assert after["total"] == counts(before, "source")["herald.example"] < before["total"]
    # The selected facet still offers its other values with their counts (OR within a facet)...
    assert counts(after, "source") == counts(before, "source")
    assert facet(after, "source")["herald.example"]["selected"]
    assert not facet(after, "source")["daily.example"]["selected"]
    # ...while the other facets count only herald documents (AND across facets).
    assert counts(after, "kind") != counts(before, "kind")
    assert sum(counts(after, "kind").values()) == after["total"]


def test_values_of_one_facet_combine_with_or_and_facets_with_and(client):
    daily, herald = (api(client, q="harbour", source=s)["total"] for s in ("daily.example", "herald.example"))
    both = api(client, q="harbour", source=["daily.example", "herald.example"])
    assert both["total"] == daily + herald
    articles = api(client, q="harbour", source=["daily.example", "herald.example"], kind="article")
    assert articles["total"] == 6 and {h["kind"] for h in articles["hits"]} == {"article"}


def test_speaker_facet_agrees_with_speaker_filter(client):
    data = api(client, q="harbour")
    speaker, value = next(iter(facet(data, "speaker").items()))
    narrowed = api(client, q="harbour", speaker=speaker, per_page=100)
    assert narrowed["total"] == value["count"]
    assert {h["speaker"] for h in narrowed["hits"]} == {speaker}


def test_clear_all_filters_keeps_the_query_and_sort(client):
    html = client.get("/?q=harbour&sort=newest&kind=quote&source=daily.example&from=2025-01-01").get_data(as_text=True)
    assert '<a href="/?q=harbour&amp;sort=newest">Clear all filters</a>' in html
    assert "Clear all filters" not in client.get("/?q=harbour").get_data(as_text=True)


def test_date_range_and_month_filters_agree(client):
    by_month = api(client, kind="article", month="2025-02")
    by_range = api(client, kind="article", **{"from": "2025-02-01", "to": "2025-02-28"})
    assert by_month["total"] == by_range["total"] == ARTICLES_BY_MONTH["2025-02"]
    assert by_range["from"] == "2025-02-01" and by_range["to"] == "2025-02-28"


@pytest.mark.parametrize("sort, reverse", [("newest", True), ("oldest", False)])
def test_sort_by_date(client, sort, reverse):
    dates = [h["date"] for h in api(client, kind="article", sort=sort)["hits"]]
    assert len(dates) == 7 and dates == sorted(dates, reverse=reverse)


def test_pages_cover_every_result_once(client):
    first = api(client, q="harbour", per_page=3)
    assert first["pages"] == -(-first["total"] // 3) > 2
    hits = [h for n in range(1, first["pages"] + 1) for h in api(client, q="harbour", per_page=3, page=n)["hits"]]
    # A statement whose article is on the same page is listed under that article.
    ids = [h["id"] for hit in hits for h in [hit, *hit.get("statements", [])]]
    assert len(ids) == len(set(ids)) == first["total"]
    nested = [(hit["id"], s["article_id"]) for hit in hits for s in hit.get("statements", [])]
    assert nested and all(article == parent for parent, article in nested)
    assert api(client, q="harbour", per_page=3, page=first["pages"] + 1)["hits"] == []


def test_query_syntax(client):
    assert api(client, q='"harbour bridge"')["total"] > 0
    assert api(client, q='"bridge harbour"')["total"] == 0
    soon = api(client, q="soon")["total"]
    assert api(client, q="harbour NOT soon")["total"] == api(client, q="harbour")["total"] - soon
    assert api(client, q="soon OR money")["total"] > soon
    assert {h["source"] for h in api(client, q="source:herald.example")["hits"]} == {"herald.example"}
    assert {h["kind"] for h in api(client, q="title:herald")["hits"]} == {"article"}


@pytest.mark.parametrize("q", ['"harbour', "harbour AND", "(harbour", "harbour)]"])
def test_broken_syntax_is_searched_as_words_with_a_note(client, q):
    data = api(client, q=q)
    assert data["total"] > 0 and "searched for the words: harbour" in data["notes"][0]


def test_did_you_mean_offers_a_real_word_and_keeps_filters(client):
    assert api(client, q="brigde")["suggestion"] == "bridge"  # the index holds the stem "bridg"
    assert api(client, q="harbour")["suggestion"] is None
    html = client.get("/?q=brigde&kind=quote").get_data(as_text=True)
    assert 'Did you mean\n  <a href="/?kind=quote&amp;q=bridge">bridge</a>' in html


def test_results_link_to_the_passage_on_the_article_page(client):
    hit = next(h for h in api(client, q="money", kind="quote")["hits"])
    anchor = hit["id"].rsplit("#", 1)[1]
    html = client.get("/?q=money&kind=quote").get_data(as_text=True)
    assert f'href="/articles/{hit["article_id"]}#{anchor}"' in html
    article = client.get(f"/articles/{hit['article_id']}").get_data(as_text=True)
    assert re.search(rf'<mark class="stmt quote" id="{anchor}"[^>]*>', article)


def test_article_page_and_twin(client):
    data = client.get("/api/articles/herald1").get_json()
    assert data["article"]["source"] == "herald.example" and data["article"]["date"] == "2025-02-21"
    html = client.get("/articles/herald1").get_data(as_text=True)
    for s in data["statements"]:
        assert f'id="{s["id"].rsplit("#", 1)[1]}"' in html
    for name in data["speakers"]:
        assert f'href="/?speaker={name.replace(" ", "+")}"' in html
    assert client.get("/articles/herald1").headers["Link"] == \
        '</api/articles/herald1>; rel="alternate"; type="application/json"'


def test_speaker_browse_agrees_with_search(client):
    data = client.get("/api/speakers").get_json()
    assert data["total"] == len(data["speakers"]) > 0
    totals = [row["total"] for row in data["speakers"]]
    assert totals == sorted(totals, reverse=True)
    for row in data["speakers"]:
        assert row["total"] == sum(row["kinds"].values()) == sum(s["count"] for s in row["sources"])
        found = api(client, speaker=row["speaker"], kind=["quote", "claim", "figure"])
        assert found["total"] == row["total"], row
    herald = client.get("/api/speakers?source=herald.example").get_json()
    assert all({s["source"] for s in row["sources"]} == {"herald.example"} for row in herald["speakers"])


def test_speaker_browse_pages_and_rejects_articles(client):
    everyone = client.get("/api/speakers").get_json()["speakers"]
    page2 = client.get("/api/speakers?per_page=1&page=2").get_json()
    assert page2["speakers"] == everyone[1:2] and page2["pages"] == len(everyone)
    assert client.get("/api/speakers?kind=article").get_json()["error"]["status"] == 400
    html = client.get("/speakers").get_data(as_text=True)
    assert all(row["speaker"] in html for row in everyone)


def test_sources_browse_agrees_with_search(client):
    rows = {r["source"]: r for r in client.get("/api/sources").get_json()["sources"]}
    assert {s: r["articles"] for s, r in rows.items()} == ARTICLES_BY_SOURCE
    for source, row in rows.items():
        for kind in ("quote", "claim", "figure"):
            assert api(client, source=source, kind=kind)["total"] == row[kind]
    assert rows["herald.example"]["first_month"] == rows["herald.example"]["last_month"] == "2025-02"
    assert 'href="/?source=herald.example"' in client.get("/sources").get_data(as_text=True)


def test_export_has_every_result_whatever_the_page(client):
    total = api(client, q="harbour")["total"]
    response = client.get("/api/export.csv?q=harbour&page=2&per_page=1")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    assert len(rows) == total == int(response.headers["X-Total-Count"])
    data = json.loads(client.get("/api/export.json?q=harbour&sort=oldest").get_data(as_text=True))
    assert data["total"] == data["exported"] == total and not data["truncated"]
    assert {r["id"] for r in data["records"]} == {r["id"] for r in rows}
    dates = [r["date"] for r in data["records"]]
    assert dates == sorted(dates)


def test_export_is_bounded(corpus_index):
    client = create_app({"TESTING": True, "INDEX": str(corpus_index), "MAX_EXPORT": 2}).test_client()
    data = client.get("/api/export.json?q=harbour").get_json()
    assert data["exported"] == len(data["records"]) == 2 and data["truncated"] and data["total"] > 2
    lines = client.get("/api/export.csv?q=harbour").get_data(as_text=True).strip().splitlines()
    assert len(lines) == 3


def test_export_csv_neutralises_formulas(client):
    text = client.get("/api/export.csv?kind=article&source=daily.example").get_data(as_text=True)
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["id"] == "formula")
    assert row["title"] == "'=SUM(1,2) harbour memo" and row["author"] == "'@boss"
    assert not any(cell.startswith(("=", "+", "-", "@")) for line in csv.reader(io.StringIO(text))
                   for cell in line)


def test_export_rejects_bad_parameters_in_the_error_shape(client):
    response = client.get("/api/export.csv?sort=random")
    assert response.status_code == 400 and response.get_json()["error"]["status"] == 400


def test_untrusted_text_is_inert_on_every_page(client):
    pages = ["/?q=harbour", "/?q=script", "/?q=alert", f"/?source={EVIL_SOURCE}", f"/articles/{EVIL_ID}",
             "/speakers", "/sources", "/?q=harbour&kind=article"]
    for url in pages:
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html, url
        parser = Tags()
        parser.feed(html)
        hrefs = [attrs.get("href") or "" for tag, attrs in parser.tags if tag == "a"]
        assert not [h for h in hrefs if not h.startswith(("/", "#", "http"))], url
    results = client.get("/?q=harbour").get_data(as_text=True)
    assert "&lt;img src=x onerror=alert(2)&gt;" in results  # the outlet, in a facet and a hit
    article = client.get(f"/articles/{EVIL_ID}").get_data(as_text=True)
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in article and "javascript:alert(3)" in article


def test_untrusted_text_is_data_in_json_and_exports(client):
    hit = api(client, q="minister")["hits"][0]
    assert "<script>" not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]
    assert EVIL_SOURCE in counts(api(client, q="harbour"), "source")
    records = client.get("/api/export.json?q=minister").get_json()["records"]
    assert any(r["title"] == "<script>alert(1)</script> harbour exposé" for r in records)
    text = client.get("/api/export.csv?q=minister").get_data(as_text=True)
    assert "<script>alert(1)</script> harbour exposé" in text


def test_every_form_control_has_a_label(client):
    html = client.get("/?q=harbour").get_data(as_text=True)
    controls = re.findall(r'<(?:input|select)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', html)
    assert {"q", "sort", "from", "to"} <= set(controls)
    for ident in controls:
        assert f'<label for="{ident}"' in html, ident
    assert len(re.findall(r"<(?:input|select)\b(?![^>]*type=\"hidden\")", html)) == len(controls)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("url", ["/?q=harbour", f"/articles/{EVIL_ID}", "/speakers", "/sources"])
def test_no_inline_script_and_no_event_handlers(client, url):
    parser = Tags()
    parser.feed(client.get(url).get_data(as_text=True))
    assert [attrs for tag, attrs in parser.tags if tag == "script"] == [{"src": "/static/app.js", "defer": None}]
    assert not [(tag, name) for tag, attrs in parser.tags for name in attrs if name.startswith("on")]
    assert not [tag for tag, _ in parser.tags if tag in ("img", "b", "iframe", "object")]
