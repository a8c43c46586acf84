"""Server-rendered HTML pages."""
from __future__ import annotations

from flask import Blueprint, render_template, request, url_for

from .marking import mark_paragraphs
from .pages import article_data, search_data
from .urls import with_args

bp = Blueprint("views", __name__)


@bp.get("/")
def search():
    """The search page: query box, facets, highlighted results."""
    data = search_data(url_for("views.search"))
    return render_template("search.html", data=data, args=request.args,
                           page_url=lambda n: with_args(url_for("views.search"), request.args, page=n))


@bp.get("/articles/<path:article_id>")
def article(article_id):
    """An article with its quotes, claims and figures marked."""
    data = article_data(article_id)
    paragraphs = mark_paragraphs(data["article"]["paragraphs"], data["statements"])
    return render_template("article.html", data=data, paragraphs=paragraphs)
