"""Links the JSON API gives with each hit and page, so a client follows them instead of building URLs."""
from __future__ import annotations

from flask import request, url_for

from .urls import statement_ref, with_args


def hit_links(hit: dict) -> dict:
    """Return a hit's links: itself, its article, its versions, its speaker and a figure's measure."""
    ref = statement_ref(hit["id"])
    article = url_for("api.article", article_id=hit["article_id"])
    topic = hit.get("topic") if hit["kind"] == "figure" else None
    measure = url_for("compare.figures_json", topic=topic) if topic else None
    versions = url_for("compare.quote_json", ref=ref) if hit["kind"] == "quote" else measure
    return {
        "self": url_for("api.statement", ref=ref) if hit["kind"] != "article" else article,
        "article": article,
        "versions": versions,
        "speaker": url_for("api.speaker", speaker_id=hit["speaker_id"]) if hit.get("speaker_id") else None,
        "measure": measure,
    }


def with_links(records: list[dict]) -> list[dict]:
    """Return the records with their links, statements nested under an article hit too."""
    for record in records:
        record["links"] = hit_links(record)
        with_links(record.get("statements") or [])
    return records


def page_links(page: int, pages: int) -> dict:
    """Return this page's link and its neighbours' (None past either end), other parameters kept."""
    def at(n):
        return with_args(request.path, request.args, page=n) if 1 <= n <= pages else None
    return {"self": at(page) or with_args(request.path, request.args), "next": at(page + 1), "prev": at(page - 1)}
