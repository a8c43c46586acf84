"""Build the data each view shows; the HTML and JSON twins differ only in rendering."""
from __future__ import annotations

from flask import current_app, request

from search.serialize import page_to_dict

from .params import parse_search_params
from .urls import facet_toggle_url


def searcher():
    """Return the app's searcher."""
    return current_app.extensions["claimsearch"]


def search_data(path: str) -> dict:
    """Run the search described by the request args; facets carry toggle URLs for ``path``."""
    params = parse_search_params(request.args, current_app.config)
    page = searcher().search(params)
    return page_to_dict(page, lambda name, value: facet_toggle_url(path, request.args, name, value))


def article_data(article_id: str) -> dict:
    """Return an article with its statements, JSON-ready."""
    found = searcher().article(article_id)
    head = found["article"]
    article = {
        "id": head["article_id"], "title": head.get("title"), "source": head.get("source"),
        "author": head.get("author"), "url": head.get("url"), "path": head.get("path"),
        "date": head["date"].date().isoformat() if head.get("date") else None,
        "paragraphs": [{"start": start, "text": text} for start, text in head.get("paragraphs") or []],
    }
    statements = [_statement(s) for s in found["statements"]]
    speakers = sorted({s["speaker"] for s in statements if s.get("speaker")})
    return {"article": article, "statements": statements, "speakers": speakers}


def _statement(stored: dict) -> dict:
    detail = stored.get("detail") or {}
    out = {"id": stored["doc_id"], "kind": stored["kind"], "text": detail.get("text"),
           "speaker": stored.get("speaker"), "start": stored.get("start"), "end": stored.get("end")}
    out.update({k: v for k, v in detail.items() if k not in ("text", "article_title")})
    return out
