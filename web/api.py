"""JSON twins of the HTML views, under /api/, plus exports and the OpenAPI document."""
from __future__ import annotations

import functools
import json

from flask import Blueprint, Response, current_app, jsonify, url_for

from search.compare.views import first_appearance
from search.render.export import csv_lines, json_chunks
from search.render.jsonld import jsonld_chunks

from .openapi import openapi_document
from .pages import (article_data, export_data, search_data, searcher, source_data, sources_data, speaker_data,
                    speakers_data, statement_data)

bp = Blueprint("api", __name__)


@bp.get("/search")
def search():
    """Search; the same parameters as the search page."""
    return jsonify(search_data(url_for("api.search")))


@bp.get("/articles/<path:article_id>")
def article(article_id):
    """One article with its quotes, claims and figures."""
    return jsonify(article_data(article_id))


@bp.get("/statements/<path:ref>")
def statement(ref):
    """One quote, claim or figure ('article/q1') with its links."""
    return jsonify(statement_data(ref))


@bp.get("/speakers")
def speakers():
    """Who is quoted most, by outlet."""
    return jsonify(speakers_data())


@bp.get("/speakers/<path:speaker_id>")
def speaker(speaker_id):
    """One speaker: names, roles, statements over time, outlets, topics and their statements."""
    return jsonify(speaker_data(speaker_id))


@bp.get("/sources")
def sources():
    """The outlets, with what each published."""
    return jsonify(sources_data())


@bp.get("/sources/<path:name>")
def source(name):
    """One outlet: articles over time, statements, most quoted speakers, topics and its articles."""
    return jsonify(source_data(name))


@bp.get("/export.csv")
def export_csv():
    """Every result of a search (up to the maximum per part) as CSV; paging parameters are ignored."""
    head, records = export_data()
    response = _download(csv_lines(records), head, "text/csv; charset=utf-8", "csv")
    if head["links"]["next"]:  # CSV has no head: the next part is a Link header
        response.headers["Link"] = f'<{head["links"]["next"]}>; rel="next"'
    return response


@bp.get("/export.json")
def export_json():
    """Every result of a search (up to the maximum per part) as one JSON document."""
    head, records = export_data()
    return _download(json_chunks(head, records), head, "application/json", "json")


@bp.get("/export.jsonld")
def export_jsonld():
    """Every result of a search (up to the maximum per part) as schema.org JSON-LD."""
    head, records = export_data()
    first = functools.partial(first_appearance, searcher().comparisons())
    return _download(jsonld_chunks(head, records, first), head, "application/ld+json", "jsonld")


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3 description of this API."""
    return jsonify(openapi_document(current_app))


def _download(chunks, head: dict, mimetype: str, ext: str) -> Response:
    response = Response(chunks, content_type=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="claimsearch-export.{ext}"'
    response.headers["X-Total-Count"] = str(head["total"])
    response.headers["X-Exported-Count"] = str(head["exported"])
    if head["notes"]:
        # A CSV body has no place for them: a JSON list, ASCII-escaped, is one safe header line.
        response.headers["X-Claimsearch-Notes"] = json.dumps(head["notes"])
    if head["next"]:
        response.headers["X-Next-Cursor"] = head["next"]
    return response
