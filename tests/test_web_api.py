"""The JSON API as documented: OpenAPI coverage, the README's curl examples, the error shape."""
from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from search.errors import BadParameter
from web import create_app
from web.urls import page_window, safe_href

README = Path(__file__).resolve().parent.parent / "README.md"
CURL = re.compile(r"curl (?:-[a-zA-Z]+ )*'(http://127\.0\.0\.1:8000/[^']+)'")


def readme_curl_urls() -> list[str]:
    return CURL.findall(README.read_text(encoding="utf-8"))


def test_readme_has_curl_examples_for_every_endpoint():
    paths = {urlsplit(url).path.rsplit("/", 1)[0] if "/articles/" in url else urlsplit(url).path
             for url in readme_curl_urls()}
    assert {"/api/search", "/api/articles", "/api/speakers", "/api/sources", "/api/export.csv",
            "/api/export.json", "/api/openapi.json"} <= paths


@pytest.mark.parametrize("url", readme_curl_urls())
def test_readme_curl_examples_work(client, url):
    parts = urlsplit(url)
    response = client.get(parts.path + ("?" + parts.query if parts.query else ""))
    if "page=0" in parts.query or "kinds=" in parts.query:  # the examples of a 400
        assert response.status_code == 400 and response.get_json()["error"]["status"] == 400
    else:
        assert response.status_code == 200, response.get_data(as_text=True)


def test_openapi_documents_every_api_route(app):
    doc = app.test_client().get("/api/openapi.json").get_json()
    documented = {"/api" + re.sub(r"\{(\w+)\}", r"<\1>", p) for p in doc["paths"]}
    served = {re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", rule.rule) for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/")}
    assert served <= documented
    assert doc["openapi"].startswith("3.") and "Error" in doc["components"]["schemas"]
    assert len(doc["paths"]["/search"]["get"]["parameters"]) > 10  # hand-written entries win


def test_openapi_search_parameters_match_the_parsers(client):
    params = {p["name"]: p for p in client.get("/api/openapi.json").get_json()["paths"]["/search"]["get"]["parameters"]}
    facets = {"source", "speaker", "kind", "author", "month"}
    assert set(params) == {"q", *facets, *(f"exclude_{f}" for f in facets), "from", "to", "sort", "page",
                           "per_page", "copies"}
    for copies in params["copies"]["schema"]["enum"]:
        assert client.get(f"/api/search?copies={copies}").status_code == 200
    for kind in params["kind"]["schema"]["items"]["enum"]:
        assert client.get(f"/api/search?kind={kind}").status_code == 200
    for sort in params["sort"]["schema"]["enum"]:
        assert client.get(f"/api/search?sort={sort}").status_code == 200
    top = params["per_page"]["schema"]["maximum"]
    assert client.get(f"/api/search?per_page={top}").status_code == 200
    assert client.get(f"/api/search?per_page={top + 1}").status_code == 400


@pytest.mark.parametrize("url", ["/api/speakers?page=x", "/api/speakers?source=" + "x" * 300,
                                 "/api/speakers?kind=tweet", "/api/export.json?from=soon",
                                 "/api/export.csv?month=2025-1"])
def test_every_endpoint_rejects_bad_parameters_in_one_shape(client, url):
    response = client.get(url)
    assert response.status_code == 400 and set(response.get_json()) == {"error"}


@pytest.mark.parametrize("url", ["/api/speakers", "/api/sources", "/api/export.csv", "/api/articles/x"])
def test_wrong_method_is_405_in_the_error_shape(client, url):
    response = client.delete(url)
    assert response.status_code == 405 and response.get_json()["error"]["status"] == 405


def test_html_pages_answer_errors_with_a_page(client):
    for url, status in [("/speakers?per_page=0", 400), ("/nowhere", 404)]:
        response = client.get(url)
        assert response.status_code == status and response.mimetype == "text/html"
    response = client.post("/")
    assert response.status_code == 405 and "Method not allowed" in response.get_data(as_text=True)


@pytest.fixture
def broken_app(seeds_index):
    app = create_app({"INDEX": str(seeds_index)})  # not TESTING: errors are handled, not raised

    def explode(*args, **kwargs):
        raise RuntimeError("secret internals /etc/passwd")

    app.extensions["claimsearch"].search = explode
    app.extensions["claimsearch"].browse = explode
    app.extensions["claimsearch"].export = explode
    return app


@pytest.mark.parametrize("url", ["/api/search?q=x", "/api/speakers", "/api/export.csv?q=x"])
def test_unexpected_errors_are_logged_and_answered_in_the_shape(broken_app, caplog, url):
    with caplog.at_level(logging.ERROR):
        response = broken_app.test_client().get(url)
    assert response.status_code == 500
    assert response.get_json() == {"error": {"status": 500, "message": "Internal error; it has been logged."}}
    assert "secret internals" in caplog.text and "Traceback" in caplog.text


def test_unexpected_errors_on_pages_show_no_traceback(broken_app, caplog):
    with caplog.at_level(logging.ERROR):
        response = broken_app.test_client().get("/?q=x")
    html = response.get_data(as_text=True)
    assert response.status_code == 500 and "Something went wrong" in html
    assert "Traceback" not in html and "secret internals" not in html
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/a?b=1", "https://example.com/a?b=1"), ("http://x.org", "http://x.org"),
    ("javascript:alert(1)", None), ("JavaScript:alert(1)", None), (" javascript:alert(1)", None),
    ("data:text/html,<script>", None), ("//evil.example/x", None), ("/relative", None),
    ("http://ok.example/\nSet-Cookie", None), ("", None), (None, None),
])
def test_safe_href_allows_only_absolute_http_links(url, expected):
    assert safe_href(url) == expected


@pytest.mark.parametrize("current, pages, window", [
    (1, 1, [1]), (1, 3, [1, 2, 3]), (5, 10, [1, None, 3, 4, 5, 6, 7, None, 10]),
    (10, 10, [1, None, 8, 9, 10]), (2, 9, [1, 2, 3, 4, None, 9]),
])
def test_page_window(current, pages, window):
    assert page_window(current, pages) == window


def test_bad_parameter_names_the_parameter():
    assert "'per_page'" in BadParameter("per_page", "0", "too small").message


@pytest.mark.parametrize("query", ["page=%C2%B2", "per_page=%C2%B2", "page=%D9%A3", "per_page=%EF%BC%95"])
def test_non_ascii_digits_are_a_bad_parameter(client, query):
    # "²", Arabic-Indic three and fullwidth five pass str.isdigit() but int() rejects or misreads them.
    for path in ("/api/search?q=talks&", "/api/export.csv?q=talks&"):
        response = client.get(path + query)
        assert response.status_code == 400 and response.get_json()["error"]["status"] == 400


def test_warm_up_loads_the_index_before_the_first_request(seeds_index):
    app = create_app({"TESTING": True, "INDEX": str(seeds_index), "WARM_UP": True})
    searcher = app.extensions["claimsearch"]
    assert searcher._ix is not None and searcher._comparisons is not None


def test_warm_up_without_an_index_still_starts_and_answers_503(tmp_path):
    app = create_app({"TESTING": True, "INDEX": str(tmp_path / "none"), "WARM_UP": True})
    response = app.test_client().get("/api/search?q=x")
    assert response.status_code == 503 and response.get_json()["error"]["status"] == 503
