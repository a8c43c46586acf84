"""The web app through its test client: search, errors, escaping, headers."""
from __future__ import annotations

import pytest

from search.index import indexer
from tests.helpers import write
from web import create_app


def test_api_search_returns_hits_and_facets(client):
    data = client.get("/api/search?q=Matsegora").get_json()
    assert data["query"] == "Matsegora" and data["total"] >= 5
    hit = data["hits"][0]
    assert {"id", "article_id", "title", "source", "kind", "text", "speaker", "snippet"} <= set(hit)
    source = next(f for f in data["facets"] if f["name"] == "source")
    value = source["values"][0]
    assert value["toggle_url"].startswith("/api/search?") and f"source={value['value']}" in value["toggle_url"]


def test_toggle_url_removes_a_selected_value(client):
    data = client.get("/api/search?q=Matsegora&source=newser.com&page=1").get_json()
    source = next(f for f in data["facets"] if f["name"] == "source")
    chosen = next(v for v in source["values"] if v["value"] == "newser.com")
    assert chosen["selected"] and chosen["toggle_url"] == "/api/search?q=Matsegora"


@pytest.mark.parametrize("query, name", [
    ("page=0", "page"), ("page=abc", "page"), ("per_page=1000", "per_page"), ("kind=tweet", "kind"),
    ("sort=random", "sort"), ("from=yesterday", "from"), ("month=2025-13", "month"),
    ("from=2025-02-02&to=2025-01-01", "from"), ("q=" + "x" * 600, "q"),
])
def test_bad_parameters_get_400_in_one_shape(client, query, name):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert set(body) == {"error"} and body["error"]["status"] == 400 and repr(name) in body["error"]["message"]


def test_html_pages_show_a_friendly_error(client):
    response = client.get("/?page=-1")
    assert response.status_code == 400 and b"Bad request" in response.data and b"Traceback" not in response.data
    assert client.get("/articles/nope").status_code == 404


def test_unknown_article_and_route_and_method(client):
    assert client.get("/api/articles/nope").get_json() == {"error": {"status": 404, "message": "No article with id 'nope'"}}
    assert client.get("/api/nothing").get_json()["error"]["status"] == 404
    assert client.post("/api/search").get_json()["error"]["status"] == 405


def test_broken_query_syntax_is_answered_with_a_note(client):
    response = client.get('/?q=%22brotherly')
    assert response.status_code == 200 and b"Could not read the query syntax" in response.data


def test_missing_index_is_503_not_500(tmp_path):
    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "none")}).test_client()
    assert client.get("/api/search?q=x").get_json()["error"]["status"] == 503


def test_search_page_highlights_and_links_to_articles(client):
    html = client.get("/?q=brotherly").get_data(as_text=True)
    assert '<mark class="hit term0">brotherly</mark>' in html
    assert 'href="/articles/002_9edff2facc8fa178#q1"' in html


def test_article_page_marks_quotes(client):
    html = client.get("/articles/002_9edff2facc8fa178").get_data(as_text=True)
    assert 'class="stmt quote"' in html and "newser.com" in html


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def xss_client(tmp_path):
    corpus = tmp_path / "c"
    write(corpus / "evil.md", "---\ntitle: <script>alert(1)</script>\nsource: <img src=x onerror=alert(2)>\n"
          "url: javascript:alert(3)\n---\n\nThe <script>alert(4)</script> mayor said \"<img src=x onerror=alert(5)> "
          "is what we want\" yesterday.\n")
    indexer.build(corpus, tmp_path / "ix")
    return create_app({"TESTING": True, "INDEX": str(tmp_path / "ix")}).test_client()


def test_article_text_is_escaped_everywhere(xss_client):
    for url in ["/?q=mayor", "/?q=script", "/articles/evil", "/?q=alert"]:
        html = xss_client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;" in html or "&lt;img" in html, url
    hit = xss_client.get("/api/search?q=mayor").get_json()["hits"][0]
    assert "<script>" not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]
    assert 'href="javascript' not in xss_client.get("/articles/evil").get_data(as_text=True)
