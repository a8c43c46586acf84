"""JSON twins of the HTML views, under /api/."""
from __future__ import annotations

from flask import Blueprint, jsonify, url_for

from .pages import article_data, search_data

bp = Blueprint("api", __name__)


@bp.get("/search")
def search():
    """Search; the same parameters as the search page."""
    return jsonify(search_data(url_for("api.search")))


@bp.get("/articles/<path:article_id>")
def article(article_id):
    """One article with its quotes, claims and figures."""
    return jsonify(article_data(article_id))
