"""Every link and form the app emits is accepted, and pages, like the API, refuse parameters they do not read."""
from __future__ import annotations

import html
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from search.index import indexer
from tests.browser.corpus import write_corpus
from web import create_app
from web.params import ENDPOINT_PARAMS, EXCLUDE_PREFIX, filter_names
from web.urls import with_args

# Pages a reader starts from; everything else is reached by following what the app emits.
STARTS = ("/", "/?q=soldiers", "/?q=troops+OR+harbour&per_page=2&sort=newest", "/?q=harbour&per_page=1",
          "/speakers?per_page=1", "/sources", "/disagreements?per_page=1", "/disagreements?close=1&per_page=1")
FACET_NAMES = frozenset(filter_names())
MAX_URLS = 3000  # a bound only: the seeds and the dated corpus are crawled whole well within it


class Links(HTMLParser):
    """Collect the hrefs of a page and the URL each of its GET forms submits with its fields as given."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self._form: tuple[str, list] | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "form" and (attrs.get("method") or "get").lower() == "get":
            self._form = (attrs.get("action") or "", [])
        elif self._form and tag == "input" and attrs.get("name") and attrs.get("type") != "submit":
            self._form[1].append((attrs["name"], attrs.get("value") or ""))
        elif self._form and tag == "select":
            self._select = attrs.get("name")
        elif self._form and tag == "option" and self._select and "selected" in attrs:
            self._form[1].append((self._select, attrs.get("value") or ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form" and self._form:
            action, fields = self._form
            self.urls.append(f"{action}?{urlencode(fields)}")
            self._form = None


def json_links(data) -> list[str]:
    """Return the app's own URLs in a JSON answer: values of `*url` keys and of `links`."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "servers":  # the OpenAPI document's base path, not a link
                continue
            if isinstance(value, str) and (key.endswith("url") or key in ("self", "next", "prev", "article",
                                                                          "versions", "speaker", "measure")):
                found.append(value)
            else:
                found += json_links(value)
    elif isinstance(data, list):
        for item in data:
            found += json_links(item)
    return found


def emitted(response) -> list[str]:
    """Return every URL a response offers: its Link header, and its page's or JSON's links."""
    urls = [part.split(">")[0].lstrip(" <") for part in response.headers.get("Link", "").split(",") if part]
    if response.mimetype == "text/html":
        parser = Links()
        parser.feed(response.get_data(as_text=True))
        urls += parser.urls
    elif response.mimetype == "application/json":
        urls += json_links(response.get_json())
    elif response.mimetype == "application/atom+xml":  # absolute: a feed reader has no base URL
        urls += re.findall(r'<link href="([^"]+)"', response.get_data(as_text=True))
    return urls


def own(url: str) -> str | None:
    """Return the app-relative URL without its fragment, or None for another site or a bare fragment."""
    parts = urlsplit(html.unescape(url))
    if (parts.scheme, parts.netloc) not in (("", ""), ("http", "localhost")) or not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def shape(url: str) -> tuple:
    """Return what a URL asks for, values aside: its route and its parameter names."""
    parts = urlsplit(url)
    names = {pair.split("=")[0] for pair in parts.query.split("&") if pair}
    # Facets fold into one name each way (selected, excluded); paths with ids stay apart: each
    # article, speaker and quote page has links of its own.
    return parts.path, frozenset("exclude" if n.startswith(EXCLUDE_PREFIX) else "facet" if n in FACET_NAMES else n
                                 for n in names)


def crawl(client, starts=STARTS, depth=None) -> dict[str, int]:
    """Request every link and form reachable from ``starts`` (within ``depth`` steps); return each URL's status.

    Facet links combine without end, so a page's links are followed only from the first page of its
    shape (route and parameter names): every kind of link is still requested, each at least once.
    """
    seen: dict[str, int] = {}
    expanded: set[tuple] = set()
    todo = deque((url, 0) for url in starts)
    while todo and len(seen) < MAX_URLS:
        url, steps = todo.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code == 200 and shape(url) not in expanded and (depth is None or steps < depth):
            expanded.add(shape(url))
            todo.extend((u, steps + 1) for u in map(own, emitted(response)) if u and u not in seen)
    return seen


@pytest.fixture(scope="module")
def dated_client(tmp_path_factory):
    root = tmp_path_factory.mktemp("crawl")
    indexer.build(write_corpus(root / "corpus"), root / "index")
    return create_app({"TESTING": True, "INDEX": str(root / "index")}).test_client()


def test_every_link_and_form_the_app_emits_is_accepted(client):
    seen = crawl(client)
    assert {url: status for url, status in seen.items() if status != 200} == {}
    assert len(seen) < MAX_URLS  # crawled whole
    reached = {urlsplit(url).path.split("/")[1] for url in seen}
    assert reached >= {"", "api", "articles", "speakers", "sources", "quotes", "figures", "feeds",
                       "disagreements", "quantities", "static"}
    assert any("exclude_" in url for url in seen) and any("/api/export" in url for url in seen)


def test_every_histogram_and_date_link_is_accepted(dated_client):
    seen = crawl(dated_client, ("/?q=harbour", "/api/search?q=harbour", "/?q=harbour&sort=oldest&kind=quote"), depth=1)
    assert {url: status for url, status in seen.items() if status != 200} == {}
    dated = [url for url in seen if "from=" in url and "to=" in url]
    assert len(dated) > 3  # the bars of the page and of its JSON twin, and the date form


def test_every_route_says_which_parameters_it_reads(app):
    routes = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert routes == set(ENDPOINT_PARAMS)


@pytest.mark.parametrize("url, twin, named", [
    ("/?kinds=quote", "/api/search?kinds=quote", "'kinds'"),
    ("/?q=x&pge=2&sorts=new", "/api/search?q=x&pge=2&sorts=new", "'pge', 'sorts'"),
    ("/articles/002_9edff2facc8fa178?q=x", "/api/articles/002_9edff2facc8fa178?q=x", "'q'"),
    ("/speakers?speaker=x", "/api/speakers?speaker=x", "'speaker'"),
    ("/sources?page=2", "/api/sources?page=2", "'page'"),
    ("/disagreements?closed=1", "/api/disagreements?closed=1", "'closed'"),
    ("/quotes/000_1c0211945ba58556/q1?kind=quote", "/api/quotes/000_1c0211945ba58556/q1?kind=quote", "'kind'"),
    ("/feeds/search.atom?query=x", "/api/export.json?query=x", "'query'")])
def test_pages_answer_unknown_parameters_with_a_400_page_naming_them(client, url, twin, named):
    response = client.get(url)
    assert response.status_code == 400 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert named.replace("'", "&#39;") in page and "this endpoint takes" in page
    response = client.get(twin)
    assert response.status_code == 400 and named in response.get_json()["error"]["message"]


def test_paging_disagreements_keeps_the_close_ones():
    following = with_args("/disagreements", MultiDict([("close", "1"), ("page", "1")]), page=2)
    assert following == "/disagreements?close=1&page=2"
