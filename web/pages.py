"""Build the data each view shows; the HTML and JSON twins differ only in rendering."""
from __future__ import annotations

from flask import current_app, request, url_for

from search.compare.views import other_versions
from search.errors import BadParameter, NotFound
from search.index.schema import STATEMENT_KINDS
from search.query import browse
from search.render.export import encode_cursor
from search.render.serialize import page_to_dict, params_to_dict

from .disconnect import client_gone
from .links import hit_links, page_links, with_links
from .params import parse_cursor, parse_filters, parse_page, parse_per_page, parse_search_params
from .urls import facet_exclude_url, facet_toggle_url, period_url, statement_id, with_args

ACTS_SHOWN = 20  # a speaker page lists this many acts, newest first, below the statements


def searcher():
    """Return the app's searcher."""
    return current_app.extensions["claimsearch"]


def search_data(path: str) -> dict:
    """Run the search described by the request args; facets carry toggle URLs for ``path``."""
    params = parse_search_params(request.args, current_app.config)
    page = searcher().search(params, cancelled=client_gone(request.environ))
    args = request.args
    data = page_to_dict(page, lambda name, value: facet_toggle_url(path, args, name, value),
                        lambda name, value: facet_exclude_url(path, args, name, value),
                        lambda start, end: period_url(path, args, start, end))
    with_links(data["hits"])
    return dict(data, links=page_links(data["page"], data["pages"]))


def export_data() -> tuple[dict, object]:
    """Return the export's head (query, totals, next cursor and link, notes on what limited it) and its records, read as consumed."""
    params = parse_search_params(request.args, current_app.config)
    limit = current_app.config["MAX_EXPORT"]
    found = searcher().export(params, limit, parse_cursor(request.args), cancelled=client_gone(request.environ))
    cursor = encode_cursor(found.next.offset, found.next.doc_id) if found.next else None
    following = with_args(request.path, request.args, cursor=cursor) if cursor else None
    # The records are read while the response streams; exported counts this part.
    head = dict(params_to_dict(params), total=found.total, exported=found.exported, max_export=limit,
                truncated=cursor is not None, next=cursor, links={"next": following}, notes=found.notes)
    return head, found.records


def speakers_data() -> dict:
    """Return who is quoted most, by outlet; ``source`` and ``kind`` narrow what is counted."""
    config = current_app.config
    filters = parse_filters(request.args, config)
    kinds = filters.get("kind", STATEMENT_KINDS)
    if "article" in kinds:
        raise BadParameter("kind", "article", f"must be one of {', '.join(STATEMENT_KINDS)}")
    page, per_page = _browse_paging()
    rows = searcher().browse(browse.speaker_counts, sources=filters.get("source", ()), kinds=kinds)
    listed = _paged(rows, page, per_page)
    for row in listed["items"]:
        row["links"] = {"self": url_for("api.speaker", speaker_id=row["speaker_id"])}
    return {"filters": {k: list(filters[k]) for k in ("source", "kind") if k in filters},
            "total": len(rows), **listed["head"], "speakers": listed["items"]}


def _paged(rows: list, page: int, per_page: int) -> dict:
    """Return one page of ``rows`` and the page's numbers and links."""
    pages = max(1, -(-len(rows) // per_page))
    head = {"page": page, "per_page": per_page, "pages": pages, "links": page_links(page, pages)}
    return {"head": head, "items": rows[(page - 1) * per_page:page * per_page]}


def _browse_paging() -> tuple[int, int]:
    config = current_app.config
    return (parse_page(request.args, config["MAX_PAGE"]),
            parse_per_page(request.args, config["BROWSE_PAGE_SIZE"], config["MAX_BROWSE_PAGE_SIZE"]))


def speaker_data(speaker_id: str) -> dict:
    """Return one speaker's profile with one page of their statements, newest first."""
    docs = searcher().documents("speaker_id", speaker_id)
    if not docs:
        raise NotFound(f"No speaker with id {speaker_id!r}")
    profile = browse.speaker_profile(docs)
    listed = _paged(profile.pop("statements"), *_browse_paging())
    acts = profile.pop("acts")  # stances and acts on a plain object: apart from the claims, newest few
    return dict(profile, **listed["head"], statements=with_links(listed["items"]),
                acts_total=len(acts), acts=with_links(acts[:ACTS_SHOWN]))


def source_data(name: str) -> dict:
    """Return one outlet's profile with one page of its articles, newest first."""
    docs = searcher().documents("source", name)
    if not docs:
        raise NotFound(f"No outlet named {name!r}")
    profile = browse.source_profile(docs)
    for row in profile["speakers"]:
        row["links"] = {"self": url_for("api.speaker", speaker_id=row["speaker_id"])}
    listed = _paged(profile.pop("latest"), *_browse_paging())
    return dict(profile, **listed["head"], latest=with_links(listed["items"]))


def statement_data(ref: str) -> dict:
    """Return one statement with its links."""
    return with_links([searcher().statement(statement_id(ref))])[0]


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
        placed = dict(statement, article_id=statement.get("article_id", article_id))
        statement["versions"], statement["versions_label"] = other_versions(comparisons, placed)
        statement["links"] = hit_links(placed)  # as on hits: itself, versions, speaker, measure
    return dict(found, speakers=speakers)
