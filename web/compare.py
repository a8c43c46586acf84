"""Cross-outlet comparison pages and their JSON twins: quote versions, figure topics, disagreements."""
from __future__ import annotations

import re

from flask import Blueprint, current_app, jsonify, render_template, request

from search.compare import views as compare_views
from search.errors import BadParameter

from .params import parse_page, parse_per_page
from .urls import page_window, with_args

bp = Blueprint("compare", __name__)
STATEMENT_REF = re.compile(r"^(?P<article>.+)/(?P<n>[qcf]\d+)$")


def statement_ref(doc_id: str) -> str:
    """Return the URL form of a statement id: 'a/b#q2' -> 'a/b/q2' (no '#' in paths)."""
    return doc_id.replace("#", "/")


@bp.app_template_filter("statement_ref")
def statement_ref_filter(doc_id: str) -> str:
    """Template filter: the URL form of a statement id."""
    return statement_ref(doc_id)


def statement_id(ref: str) -> str:
    """Return the statement id of a URL form made by ``statement_ref``."""
    match = STATEMENT_REF.match(ref)
    return f"{match['article']}#{match['n']}" if match else ref


def _comparisons():
    return current_app.extensions["claimsearch"].comparisons()


def _topic() -> str:
    topic = request.args.get("topic", "").strip()
    if topic not in _comparisons().topics:  # a `+` sent unencoded ("troop:north-korea+russia") arrives as a space
        topic = topic.replace(" ", "+")
    if not topic or len(topic) > current_app.config["MAX_VALUE_LENGTH"]:
        raise BadParameter("topic", topic, "give one figure topic, as listed at /api/disagreements")
    return topic


def _quote_data(ref: str) -> dict:
    page = parse_page(request.args, current_app.config["MAX_PAGE"]) if "page" in request.args else None  # default: the quote's own page
    per_page = parse_per_page(request.args, compare_views.VERSIONS_PER_PAGE, compare_views.MAX_VERSIONS_PER_PAGE)
    return compare_views.quote_versions(_comparisons(), statement_id(ref), page, per_page)


@bp.get("/quotes/<path:ref>")
def quote(ref):
    """A quote and one page of the outlets' versions of it, with the words that differ marked."""
    data = _quote_data(ref)
    pager = {"url": lambda n: with_args(request.path, request.args, page=n),
             "window": page_window(data["page"], data["pages"])}
    return render_template("compare_quote.html", data=data, pager=pager)


@bp.get("/api/quotes/<path:ref>")
def quote_json(ref):
    """JSON twin of the quote page."""
    return jsonify(_quote_data(ref))


@bp.get("/figures")
def figures():
    """Every value reported for one figure topic (``?topic=``)."""
    return render_template("compare_figures.html", data=compare_views.figure_topic(_comparisons(), _topic()))


@bp.get("/api/figures")
def figures_json():
    """JSON twin of the figure topic page."""
    return jsonify(compare_views.figure_topic(_comparisons(), _topic()))


@bp.get("/disagreements")
def disagreements():
    """Topics on which outlets report different figures."""
    return render_template("compare_disagreements.html", topics=compare_views.disagreements(_comparisons()))


@bp.get("/api/disagreements")
def disagreements_json():
    """JSON twin of the disagreements page."""
    return jsonify({"disagreements": compare_views.disagreements(_comparisons())})
