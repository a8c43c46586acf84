"""Fuzz every /api/ endpoint through the test client: never a 500, always a result or the error shape."""
from __future__ import annotations

import json
import re
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher

# Printable and hostile text alike, but no lone surrogates: a client cannot send those as UTF-8.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
SYNTAX = st.sampled_from(['"', '"unclosed', "(", ")", "AND", "OR", "NOT", "*", "?", "~", "^2", ":",
                          "speaker:", "source:", "title:[a TO", "kind:quote", "{", "}", "\\", "-",
                          "Matsegora", "brotherly", "2025-02", "0", "-1", "99999999999", "%", "\x00"])
VALUE = st.one_of(TEXT, SYNTAX, st.lists(SYNTAX, min_size=1, max_size=4).map(" ".join),
                  st.integers(-5, 10**12).map(str))
PARAM = st.sampled_from(["q", "source", "speaker", "kind", "author", "month", "from", "to", "sort",
                         "page", "per_page", "limit", "format", "_", "q[]", ""])
ARGS = st.lists(st.tuples(PARAM, VALUE), max_size=6)
# Raw query strings as a WSGI server hands them over (latin-1): broken escapes, invalid UTF-8, NULs.
RAW = st.one_of(st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
                st.from_regex(r"((q|page|per_page|kind|source|month|from)=(%[0-9a-fA-F]{0,2}|[&=;+]|\w){0,8}&?){1,4}",
                              fullmatch=True))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def api_rules(app) -> list[str]:
    """Return every GET rule under /api/, so new endpoints are fuzzed without editing this test."""
    return sorted(r.rule for r in app.url_map.iter_rules()
                  if r.rule.startswith("/api/") and "GET" in r.methods)


def fill(rule: str, value: str) -> str:
    """Put value (URL-quoted) into each <converter:name> slot of a rule."""
    return re.sub(r"<[^>]+>", lambda _: quote(value, safe="") or "x", rule)


def check(response) -> None:
    """Assert the response is a result or our one error shape, never a server error."""
    assert response.status_code < 500 or response.status_code == 503, response.get_data(as_text=True)[:300]
    body = response.get_data()
    if response.status_code >= 400:
        data = json.loads(body)
        assert set(data) == {"error"}
        assert data["error"]["status"] == response.status_code
        assert isinstance(data["error"]["message"], str) and data["error"]["message"]
    elif response.mimetype == "application/json":
        assert "error" not in json.loads(body)


def test_the_fuzz_covers_the_main_endpoints(app):
    rules = api_rules(app)
    assert "/api/search" in rules and any(r.startswith("/api/articles/") for r in rules)


@FUZZ
@given(data=st.data(), args=ARGS, slot=st.one_of(TEXT, SYNTAX))
def test_arbitrary_parameters_never_cause_a_server_error(client, app, data, args, slot):
    rule = data.draw(st.sampled_from(api_rules(app)))
    check(client.get(fill(rule, slot), query_string=[(k, v) for k, v in args]))


@FUZZ
@given(data=st.data(), raw=RAW)
def test_raw_query_strings_never_cause_a_server_error(client, app, data, raw):
    rule = data.draw(st.sampled_from(api_rules(app)))
    check(client.get(fill(rule, "002_9edff2facc8fa178"), query_string=raw))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.one_of(TEXT, SYNTAX, st.lists(st.one_of(SYNTAX, TEXT), max_size=5).map(" ".join)),
       page=st.integers(1, 12), per_page=st.integers(1, 100),
       kind=st.lists(st.sampled_from(["article", "quote", "claim", "figure"]), max_size=2),
       sort=st.sampled_from(["relevance", "newest", "oldest"]))
def test_valid_searches_return_a_consistent_page(client, q, page, per_page, kind, sort):
    response = client.get("/api/search", query_string={"q": q, "page": page, "per_page": per_page,
                                                       "kind": kind, "sort": sort})
    check(response)
    if response.status_code == 200:
        data = response.get_json()
        assert len(data["hits"]) <= per_page and data["total"] >= len(data["hits"])
        assert all("<script" not in h["snippet"] for h in data["hits"])


# Every schema field (stored-only ones too), the kind pseudo-fields and unknown names, as prefixes.
FIELD = st.sampled_from(["url", "start", "end", "path", "paragraphs", "date", "topic", "body", "title",
                         "speaker", "source", "kind", "month", "value", "detail", "doc_id", "quotes",
                         "claims", "figures", "nosuch", "*"]).map(lambda name: name + ":")
WORD = st.sampled_from(["x", "matsegra", "brotherly", "troops", "Matsegora", '""', '"sent troops"', "a*",
                        "*e*", "*", "?", "[a TO b]", "{1 TO}", "(troops", ")", "~", "~2", "^2", "AND",
                        "OR", "NOT", "2025-02", "-", "body:", ""])
QUERY = st.lists(st.one_of(st.tuples(FIELD, WORD).map("".join), WORD, TEXT.filter(lambda t: len(t) < 12)),
                 min_size=1, max_size=5).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=QUERY)
def test_any_query_string_searches_without_an_exception(seeds_index, q):
    page = WhooshSearcher(seeds_index).search(SearchParams(q=q))
    assert page.total >= len(page.hits) and (page.suggestion is None or isinstance(page.suggestion, str))
