"""Build the data each view shows; the HTML and JSON twins differ only in rendering."""
from __future__ import annotations

from flask import current_app, request

from search.errors import BadParameter
from search.index.schema import STATEMENT_KINDS
from search.compare.views import other_versions
from search.query import browse
from search.render.serialize import page_to_dict, params_to_dict

from .disconnect import client_gone
from .params import parse_filters, parse_page, parse_per_page, parse_search_params
from .urls import facet_exclude_url, facet_toggle_url, period_url


def searcher():
    """Return the app's searcher."""
    return current_app.extensions["claimsearch"]


def search_data(path: str) -> dict:
    """Run the search described by the request args; facets carry toggle URLs for ``path``."""
    params = parse_search_params(request.args, current_app.config)
    page = searcher().search(params, cancelled=client_gone(request.environ))
    args = request.args
    return page_to_dict(page, lambda name, value: facet_toggle_url(path, args, name, value),
                        lambda name, value: facet_exclude_url(path, args, name, value),
                        lambda start, end: period_url(path, args, start, end))


def export_data() -> tuple[dict, list[dict]]:
    """Return the export's head (query, totals, notes on what limited it) and its records up to the maximum."""
    params = parse_search_params(request.args, current_app.config)
    limit = current_app.config["MAX_EXPORT"]
    total, records, notes = searcher().export(params, limit, cancelled=client_gone(request.environ))
    head = dict(params_to_dict(params), total=total, exported=len(records),
                truncated=total > len(records), max_export=limit, notes=notes)
    return head, records


def speakers_data() -> dict:
    """Return who is quoted most, by outlet; ``source`` and ``kind`` narrow what is counted."""
    config = current_app.config
    filters = parse_filters(request.args, config)
    kinds = filters.get("kind", STATEMENT_KINDS)
    if "article" in kinds:
        raise BadParameter("kind", "article", f"must be one of {', '.join(STATEMENT_KINDS)}")
    page = parse_page(request.args, config["MAX_PAGE"])
    per_page = parse_per_page(request.args, config["BROWSE_PAGE_SIZE"], config["MAX_BROWSE_PAGE_SIZE"])
    rows = searcher().browse(browse.speaker_counts, sources=filters.get("source", ()), kinds=kinds)
    pages = max(1, -(-len(rows) // per_page))
    return {"filters": {k: list(filters[k]) for k in ("source", "kind") if k in filters},
            "total": len(rows), "page": page, "per_page": per_page, "pages": pages,
            "speakers": rows[(page - 1) * per_page:page * per_page]}


def sources_data() -> dict:
    """Return every outlet with its articles, statements, speakers and months covered."""
    rows = searcher().browse(browse.source_counts)
    return {"total": len(rows), "sources": rows}


def article_data(article_id: str) -> dict:
    """Return an article with its statements, JSON-ready."""
    found = searcher().article(article_id)
    speakers = sorted({s["speaker"] for s in found["statements"] if s.get("speaker")})
    comparisons = searcher().comparisons()
    for statement in found["statements"]:
        statement["versions"], statement["versions_label"] = other_versions(
            comparisons, dict(statement, article_id=statement.get("article_id", article_id)))
    return dict(found, speakers=speakers)
