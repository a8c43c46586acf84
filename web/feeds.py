"""Saved searches as Atom feeds: any search's newest matches, so a feed reader sees new ones after an update."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from feedgen.feed import FeedGenerator
from flask import Blueprint, Response, current_app, request, url_for

from .marking import anchor
from .pages import searcher
from .params import parse_search_params
from .urls import with_args

bp = Blueprint("feeds", __name__)

# XML 1.0 forbids most control characters; lxml refuses text holding them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
TITLE_CHARS = 100  # of a statement's text in its entry's title


@bp.get("/feeds/search.atom")
def search():
    """The newest matches of a search (any search parameters) as an Atom feed."""
    params = parse_search_params(request.args, current_app.config)
    # Newest first, always one page: a feed is the latest matches, whatever order the page had.
    params = dataclasses.replace(params, sort="newest", page=1, per_page=current_app.config["FEED_SIZE"])
    page = searcher().search(params)
    updated = searcher().updated()
    html_url = with_args(url_for("views.search", _external=True), request.args, page=None, per_page=None, sort=None)
    feed = FeedGenerator()
    feed.id(html_url)
    feed.title(_xml(f"claimsearch: {params.q or 'everything'}" + _filters_text(params)))
    feed.updated(updated)
    feed.link(href=request.url, rel="self", type="application/atom+xml")
    feed.link(href=html_url, rel="alternate", type="text/html")
    feed.generator("claimsearch")
    for hit in page.hits:
        _entry(feed.add_entry(order="append"), hit, updated)
    return Response(feed.atom_str(pretty=True), content_type="application/atom+xml; charset=utf-8")


def _entry(entry, hit: dict, undated: dt.datetime) -> None:
    """Fill one entry: its id is the statement's (or article's) URL, which never changes."""
    url = url_for("views.article", article_id=hit["article_id"], _external=True)
    if "#" in hit["id"]:
        url += "#" + anchor(hit["id"])
    entry.id(url)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.title(_xml(_title(hit)))
    # An undated article takes the build's time: Atom needs one, and it stays until the build changes.
    entry.updated(_datetime(hit.get("date")) or undated)
    if hit.get("date"):
        entry.published(_datetime(hit["date"]))
    if hit.get("text"):
        entry.content(_xml(hit["text"]), type="text")
    if hit.get("speaker") and hit["kind"] != "article":
        entry.author(name=_xml(hit["speaker"]))
    elif hit.get("author"):
        entry.author(name=_xml(hit["author"]))
    for term in (hit["kind"], hit.get("source")):
        if term:
            entry.category(term=_xml(term))


def _title(hit: dict) -> str:
    if hit["kind"] == "article":
        return hit.get("title") or hit["id"]
    text = hit.get("text") or ""
    text = text if len(text) <= TITLE_CHARS else text[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    who = f" by {hit['speaker']}" if hit.get("speaker") else ""
    return f"{hit['kind'].capitalize()}{who}: {text}"


def _filters_text(params) -> str:
    chosen = [f"{n}={v}" for n, values in params.filters.items() for v in values]
    chosen += [f"not {n}={v}" for n, values in params.excluded.items() for v in values]
    return f" ({', '.join(chosen)})" if chosen else ""


def _datetime(date: str | None) -> dt.datetime | None:
    return dt.datetime.combine(dt.date.fromisoformat(date), dt.time(), dt.timezone.utc) if date else None


def _xml(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)
