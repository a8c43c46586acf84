"""Cross-outlet comparison pages and their JSON twins: quote versions, figure topics, disagreements."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request

from search.compare import views as compare_views
from search.errors import BadParameter
from web.views import pager

from .links import page_links
from .params import parse_page, parse_per_page
from .urls import page_window, statement_id, statement_ref, with_args

bp = Blueprint("compare", __name__)


@bp.app_template_filter("statement_ref")
def statement_ref_filter(doc_id: str) -> str:
    """Template filter: the URL form of a statement id."""
    return statement_ref(doc_id)


def _comparisons():
    return current_app.extensions["claimsearch"].comparisons()


def _topic_or_measure(view, measure_view):
    """Return the figures of ``?topic=`` (a figure topic key) or ``?measure=`` (what figures quantify)."""
    limit = current_app.config["MAX_VALUE_LENGTH"]
    for name, make in (("measure", measure_view), ("topic", view)):
        value = request.args.get(name, "").strip()
        if len(value) > limit:
            raise BadParameter(name, value[:40], f"longer than {limit} characters")
        if name == "topic" and value not in _comparisons().topics:
            value = value.replace(" ", "+")  # a `+` sent unencoded ("troop:north-korea+russia") arrives as a space
        if value:
            return make(_comparisons(), value)
    raise BadParameter("measure", "", "give a measure (e.g. ?measure=oil price) or a topic, as listed at /api/disagreements")


def _paging(default: int = 20) -> dict:
    config = current_app.config
    return {"page": parse_page(request.args, config["MAX_PAGE"]),
            "per_page": parse_per_page(request.args, default, config["MAX_PAGE_SIZE"]),
            "close_only": request.args.get("close", "") in ("1", "true", "yes")}


def _quote_data(ref: str) -> dict:
    page = parse_page(request.args, current_app.config["MAX_PAGE"]) if "page" in request.args else None  # default: the quote's own page
    per_page = parse_per_page(request.args, compare_views.VERSIONS_PER_PAGE, compare_views.MAX_VERSIONS_PER_PAGE)
    return compare_views.quote_versions(_comparisons(), statement_id(ref), page, per_page)


@bp.get("/quotes/<path:ref>")
def quote(ref):
    """A quote, one page of versions (one per other story) with the words that differ marked, and its first appearance."""
    data = _quote_data(ref)
    pager = {"url": lambda n: with_args(request.path, request.args, page=n),
             "window": page_window(data["page"], data["pages"])}
    return render_template("compare_quote.html", data=data, pager=pager)


@bp.get("/api/quotes/<path:ref>")
def quote_json(ref):
    """JSON twin of the quote page."""
    return jsonify(_with_page_links(_quote_data(ref)))


@bp.get("/figures")
def figures():
    """Every figure of one measure (``?measure=``) or topic key (``?topic=``)."""
    data = _topic_or_measure(compare_views.figure_topic, compare_views.figures_measuring)
    return render_template("compare_figures.html", data=data)


@bp.get("/api/figures")
def figures_json():
    """JSON twin of the figures page."""
    return jsonify(_topic_or_measure(compare_views.figure_topic, compare_views.figures_measuring))


@bp.get("/figures/<path:ref>")
def figure(ref):
    """A figure: every appearance of its value (the first marked) and the other values of its quantity."""
    return render_template("compare_figure.html", data=compare_views.figure_reports(_comparisons(), statement_id(ref)))


@bp.get("/api/figures/<path:ref>")
def figure_json(ref):
    """JSON twin of the figure page."""
    return jsonify(compare_views.figure_reports(_comparisons(), statement_id(ref)))


@bp.get("/quantities/<qid>")
def quantity(qid):
    """Every value reported for one quantity."""
    return render_template("compare_quantity.html", q=compare_views.quantity(_comparisons(), qid))


@bp.get("/api/quantities/<qid>")
def quantity_json(qid):
    """JSON twin of the quantity page."""
    return jsonify(compare_views.quantity(_comparisons(), qid))


@bp.get("/disagreements")
def disagreements():
    """Quantities that different stories report with conflicting values, paged."""
    data = compare_views.disagreements(_comparisons(), **_paging())
    return render_template("compare_disagreements.html", data=data, pager=pager("compare.disagreements", data))


@bp.get("/api/disagreements")
def disagreements_json():
    """JSON twin of the disagreements page (``page``, ``per_page``, ``close=1`` for values that agree)."""
    return jsonify(_with_page_links(compare_views.disagreements(_comparisons(), **_paging())))


def _with_page_links(data: dict) -> dict:
    """Return a paged answer with its links to itself and its neighbours, as every paged answer has."""
    return dict(data, links=page_links(data["page"], data["pages"]))
