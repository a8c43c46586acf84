"""Server-rendered HTML pages; each links to its JSON twin (footer link and Link header)."""
from __future__ import annotations

from flask import Blueprint, make_response, render_template, request, url_for

from .marking import mark_paragraphs
from .pages import (article_data, search_data, searcher, source_data, sources_data, speaker_data,
                    speakers_data)
from .urls import carried, facet_exclude_url, facet_toggle_url, page_window, speaker_url, with_args

bp = Blueprint("views", __name__)
bp.add_app_template_global(speaker_url)  # speaker links in templates go through the one place too


def _render(template: str, json_url: str, **context):
    response = make_response(render_template(template, json_url=json_url, **context))
    response.headers["Link"] = f'<{json_url}>; rel="alternate"; type="application/json"'
    return response


def pager(endpoint: str, data: dict, **values) -> dict:
    """Return the pager a paged page renders: links to its pages and the window of numbers shown."""
    path = url_for(endpoint, **values)
    return {"url": lambda n: with_args(path, request.args, page=n),
            "window": page_window(data["page"], data["pages"])}


@bp.get("/")
def search():
    """The search page: query box, facets, highlighted results, export links."""
    data = search_data(url_for("views.search"))
    return _render("search.html", with_args(url_for("api.search"), request.args), data=data,
                   args=carried(request.args), pager=pager("views.search", data), chips=_chips(data),
                   dated=searcher().has_dates(),
                   feed_url=with_args(url_for("feeds.search"), request.args, page=None, per_page=None),
                   export_url=lambda ext: with_args(url_for(f"api.export_{ext}"), request.args,
                                                    page=None, per_page=None),
                   suggestion_url=with_args(url_for("views.search"), request.args,
                                            q=data["suggestion"], page=None))


def _chips(data: dict) -> list[dict]:
    """Return each selected and each excluded facet value with the link that removes it."""
    path, args = url_for("views.search"), request.args
    chips = [{"name": n, "value": v, "excluded": False, "url": facet_toggle_url(path, args, n, v)}
             for n, values in data["filters"].items() for v in values]
    return chips + [{"name": n, "value": v, "excluded": True, "url": facet_exclude_url(path, args, n, v)}
                    for n, values in data["excluded"].items() for v in values]


@bp.get("/articles/<path:article_id>")
def article(article_id):
    """An article with its quotes, claims and figures marked."""
    data = article_data(article_id)
    paragraphs, placed = mark_paragraphs(data["article"]["paragraphs"], data["statements"])
    unplaced = [s for s in data["statements"] if s["id"] not in placed]
    return _render("article.html", url_for("api.article", article_id=article_id), data=data,
                   paragraphs=paragraphs, unplaced=unplaced, by_speaker=_by_speaker(data["statements"]))


def _by_speaker(statements: list[dict]) -> list[dict]:
    """Return the statements grouped by speaker (most statements first), unattributed ones last."""
    groups: dict = {}
    for statement in statements:
        groups.setdefault(statement.get("speaker") or None, []).append(statement)
    named = sorted((name for name in groups if name), key=lambda name: (-len(groups[name]), name))
    # A person's page is their corpus-wide id, as on hits; an unnamed source ('officials') has no
    # page, so it links to its statements.
    return [{"speaker": name, "url": _speaker_link(name, groups[name][0].get("speaker_id")),
             "statements": groups[name]} for name in named] + (
        [{"speaker": None, "url": None, "statements": groups[None]}] if None in groups else [])


def _speaker_link(name: str, speaker_id: str | None) -> str:
    return speaker_url(speaker_id) if speaker_id else url_for("views.search", speaker=name)


@bp.get("/speakers")
def speakers():
    """Who is quoted most, with counts by kind and by outlet."""
    data = speakers_data()
    return _render("speakers.html", with_args(url_for("api.speakers"), request.args), data=data,
                   pager=pager("views.speakers", data))


@bp.get("/sources")
def sources():
    """The outlets, with what each published."""
    return _render("sources.html", url_for("api.sources"), data=sources_data())


@bp.get("/speakers/<path:speaker_id>")
def speaker(speaker_id):
    """One speaker: names, roles, statements over time, outlets, frequent topics and statements."""
    data = speaker_data(speaker_id)
    return _render("speaker.html", with_args(url_for("api.speaker", speaker_id=speaker_id), request.args),
                   data=data, pager=pager("views.speaker", data, speaker_id=speaker_id))


@bp.get("/sources/<path:name>")
def source(name):
    """One outlet: articles over time, statements, most quoted speakers, topics and articles."""
    data = source_data(name)
    return _render("source.html", with_args(url_for("api.source", name=name), request.args),
                   data=data, pager=pager("views.source", data, name=name))
