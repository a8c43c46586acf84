"""The OpenAPI 3 document served at /api/openapi.json; it mirrors web/params.py and the app's settings."""
from __future__ import annotations

import re

from search import __version__, settings
from search.compare.views import MAX_VERSIONS_PER_PAGE, VERSIONS_PER_PAGE
from search.index.schema import FACETS, STATEMENT_KINDS
from search.query.parse import COPIES, SORTS

from .openapi_schemas import SCHEMAS, ref
from .params import exclude_param


def _param(name, description, schema, repeat=False, where="query"):
    out = {"name": name, "in": where, "description": description, "required": where == "path"}
    if repeat:
        out.update(schema={"type": "array", "items": schema}, style="form", explode=True)
    else:
        out["schema"] = schema
    return out


ROUTE_ARG = re.compile(r"<(?:\w+:)?(\w+)>")


def facet_schema(facet, config) -> dict:
    """Return the JSON schema of one value of a facet from the registry."""
    schema = {"type": "string", "maxLength": config["MAX_VALUE_LENGTH"]}
    if facet.choices:
        schema["enum"] = list(facet.choices)
    if facet.pattern:
        schema["pattern"] = facet.pattern
    return schema


def search_params(config) -> list[dict]:
    """Return the parameters of a search (and an export): the query, every facet, dates and sort."""
    facets = [_param(f.name, f"{f.description}; repeat for OR", facet_schema(f, config), repeat=True)
              for f in FACETS]
    facets += [_param(exclude_param(f.name), f"Leave out hits with this {f.description.lower()}; repeat to "
                      "leave out several", facet_schema(f, config), repeat=True) for f in FACETS]
    return [
        _param("q", 'Words, "phrases", AND/OR/NOT, prefixes speaker: source: title: quotes: '
               "claims: figures: author:. Broken syntax is searched as plain words, with a note.",
               {"type": "string", "maxLength": config["MAX_QUERY_LENGTH"]}),
        *facets,
        _param("from", "Published on or after (ISO date)", {"type": "string", "format": "date"}),
        _param("to", "Published on or before (ISO date)", {"type": "string", "format": "date"}),
        _param("sort", "Order of hits", {"type": "string", "enum": list(SORTS), "default": "relevance"}),
        _param("copies", "one: each story once, its copies folded into it (hits carry story and copies); "
               "all: every copy is a hit and counts in facets", {"type": "string", "enum": list(COPIES), "default": "one"}),
    ]


def paging(config, default: int, maximum: int, what: str = "Hits") -> list[dict]:
    """Return the page and per_page parameters with the app's limits."""
    return [
        _param("page", "1-based page", {"type": "integer", "minimum": 1, "maximum": config["MAX_PAGE"],
                                        "default": 1}),
        _param("per_page", f"{what} per page", {"type": "integer", "minimum": 1, "maximum": maximum,
                                                "default": default}),
    ]


ERRORS = {str(status): {"$ref": f"#/components/responses/{name}"} for status, name in
          ((400, "BadParameter"), (405, "MethodNotAllowed"), (500, "InternalError"), (503, "NoIndex"))}


NOT_FOUND = {"404": {"$ref": "#/components/responses/NotFound"}}


def _get(summary, params, schema=None, content="application/json", extra=None):
    body = {"schema": ref(schema) if isinstance(schema, str) else schema} if schema is not None else {}
    responses = {"200": {"description": "OK", "content": {content: body}}, **ERRORS, **(extra or {})}
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def _path_arg(name: str, description: str) -> dict:
    return _param(name, description, {"type": "string", "minLength": 1}, where="path")


def openapi_document(app=None) -> dict:
    """Return the OpenAPI document of the JSON API; ``app`` adds its settings and other /api/ routes."""
    config = app.config if app is not None else settings.defaults()
    search = search_params(config)
    source = next(p for p in search if p["name"] == "source")
    responses = {name: {"description": text, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}} for name, text in (
        ("BadParameter", "A parameter failed validation or is unknown; the message names it"),
        ("NotFound", "No such article, statement, speaker, outlet or route"),
        ("MethodNotAllowed", "Only GET is served"),
        ("InternalError", "Logged on the server"), ("NoIndex", "No index has been built"))}
    browse_kind = _param("kind", "Count only these statement kinds",
                         {"type": "string", "enum": list(STATEMENT_KINDS)}, repeat=True)
    browse_paging = paging(config, config["BROWSE_PAGE_SIZE"], config["MAX_BROWSE_PAGE_SIZE"], "Rows")
    # Exports check the paging parameters (a link may carry them) and then ignore them.
    export = search + paging(config, config["PAGE_SIZE"], config["MAX_PAGE_SIZE"]) + [
        _param("cursor", "The `next` cursor of the previous part of this export", {"type": "string"})]
    most = f"(at most {config['MAX_EXPORT']} per part; `next` continues)"
    document = {
        "openapi": "3.0.3",
        "info": {"title": "claimsearch", "version": __version__,
                 "description": "Search news articles by who said what. Every HTML page has a twin here."},
        "servers": [{"url": "/api"}],
        "paths": {
            "/search": _get("Search statements and articles, with facets",
                            search + paging(config, config["PAGE_SIZE"], config["MAX_PAGE_SIZE"]), "SearchPage"),
            "/articles/{article_id}": _get("One article with its statements and speakers", [
                _path_arg("article_id", "Article id")], "ArticlePage", extra=NOT_FOUND),
            "/statements/{ref}": _get("One quote, claim or figure ('article/q1')", [
                _path_arg("ref", "Statement id with / for #")], "Hit", extra=NOT_FOUND),
            "/speakers": _get("Who is quoted most, by outlet", [
                dict(source, description="Count only these outlets"), browse_kind,
                *paging(config, config["BROWSE_PAGE_SIZE"], config["MAX_BROWSE_PAGE_SIZE"], "Speakers")],
                "SpeakersPage"),
            "/speakers/{speaker_id}": _get("One speaker: names, roles, statements over time, outlets, topics",
                                           [_path_arg("speaker_id", "Speaker id"), *browse_paging], "Speaker",
                                           extra=NOT_FOUND),
            "/sources": _get("The outlets with their articles, statements and speakers", [], "SourcesPage"),
            "/sources/{name}": _get("One outlet: articles over time, speakers, authors, topics",
                                    [_path_arg("name", "Outlet"), *browse_paging], "Source", extra=NOT_FOUND),
            "/export.csv": _get(f"All results of a search {most} as CSV (formula-safe); what limited it "
                                "in the X-Claimsearch-Notes header (a JSON list)", export,
                                {"type": "string"}, "text/csv"),
            "/export.json": _get(f"All results of a search {most} as JSON", export, "Export"),
            "/export.jsonld": _get(f"All results of a search {most} as schema.org JSON-LD", export, "ExportLD",
                                   "application/ld+json"),
            "/quotes/{ref}": _get("A quote and one page of the outlets' versions of it", [
                _path_arg("ref", "Quote id with / for # ('article/q1')"),
                *paging(config, VERSIONS_PER_PAGE, MAX_VERSIONS_PER_PAGE, "Versions")], "QuoteVersions",
                extra=NOT_FOUND),
            "/figures": _get("Every figure of one measure (or of one topic key), first appearance marked", [
                _param("measure", "What the figures quantify, e.g. oil price", {"type": "string"}),
                _param("topic", "A figure topic key, e.g. troop:north-korea+russia", {"type": "string"})],
                "Figures", extra=NOT_FOUND),
            "/figures/{ref}": _get("A figure: every appearance of its value, first marked, and its quantity", [
                _path_arg("ref", "Figure id with / for # ('article/f1')")], "FigureReports", extra=NOT_FOUND),
            "/quantities/{qid}": _get("Every value reported for one quantity, close values grouped", [
                _path_arg("qid", "Quantity id, as listed at /disagreements")], "Quantity", extra=NOT_FOUND),
            "/disagreements": _get("Quantities different stories report with conflicting values, most outlets first", [
                *paging(config, config["PAGE_SIZE"], config["MAX_PAGE_SIZE"], "Disagreements"),
                _param("close", "1: the quantities whose values agree within their qualifiers instead",
                       {"type": "string", "enum": ["0", "1"]})], "Disagreements"),
            "/openapi.json": _get("This document", [], "OpenAPI"),
        },
        "components": {"schemas": SCHEMAS, "responses": responses},
    }
    for path, item in (_other_routes(app) if app is not None else {}).items():
        document["paths"].setdefault(path, item)
    return document


def _other_routes(app) -> dict:
    """Describe /api/ routes added by other blueprints from their docstrings."""
    paths = {}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/") or "GET" not in rule.methods:
            continue
        path = ROUTE_ARG.sub(r"{\1}", rule.rule[len("/api"):])
        doc = (app.view_functions[rule.endpoint].__doc__ or rule.endpoint).strip().splitlines()[0]
        params = [_param(name, name, {"type": "string"}, where="path") for name in rule.arguments]
        paths[path] = _get(doc, params, extra=NOT_FOUND if rule.arguments else None)  # an unknown id is a 404
    return paths
