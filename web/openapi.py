"""The OpenAPI 3 document served at /api/openapi.json; it mirrors web/params.py and the app's settings."""
from __future__ import annotations

import re

from search import __version__, settings
from search.index.schema import FACETS, STATEMENT_KINDS
from search.query.parse import COPIES, SORTS

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


def _get(summary, params, content="application/json", extra=None):
    responses = {"200": {"description": "OK", "content": {content: {}}}, **ERRORS, **(extra or {})}
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def openapi_document(app=None) -> dict:
    """Return the OpenAPI document of the JSON API; ``app`` adds its settings and other /api/ routes."""
    config = app.config if app is not None else settings.defaults()
    search = search_params(config)
    source = next(p for p in search if p["name"] == "source")
    not_found = {"404": {"$ref": "#/components/responses/NotFound"}}
    error = {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["status", "message"],
        "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}}
    responses = {name: {"description": text, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}} for name, text in (
        ("BadParameter", "A parameter failed validation; the message names it"),
        ("NotFound", "No such article or route"), ("MethodNotAllowed", "Only GET is served"),
        ("InternalError", "Logged on the server"), ("NoIndex", "No index has been built"))}
    browse_kind = _param("kind", "Count only these statement kinds",
                         {"type": "string", "enum": list(STATEMENT_KINDS)}, repeat=True)
    document = {
        "openapi": "3.0.3",
        "info": {"title": "claimsearch", "version": __version__,
                 "description": "Search news articles by who said what. Every HTML page has a twin here."},
        "servers": [{"url": "/api"}],
        "paths": {
            "/search": _get("Search statements and articles, with facets",
                            search + paging(config, config["PAGE_SIZE"], config["MAX_PAGE_SIZE"])),
            "/articles/{article_id}": _get("One article with its statements and speakers", [
                _param("article_id", "Article id", {"type": "string"}, where="path")], extra=not_found),
            "/speakers": _get("Who is quoted most, by outlet", [
                dict(source, description="Count only these outlets"), browse_kind,
                *paging(config, config["BROWSE_PAGE_SIZE"], config["MAX_BROWSE_PAGE_SIZE"], "Speakers")]),
            "/sources": _get("The outlets with their articles, statements and speakers", []),
            "/export.csv": _get(f"All results of a search (at most {config['MAX_EXPORT']}) as CSV "
                                "(formula-safe); what limited it in the X-Claimsearch-Notes header (a JSON list)",
                                search, "text/csv"),
            "/export.json": _get(f"All results of a search (at most {config['MAX_EXPORT']}) as JSON", search),
            "/openapi.json": _get("This document", []),
            "/disagreements": _get("Quantities different stories report with conflicting values, most outlets first", [
                *paging(config, config["PAGE_SIZE"], config["MAX_PAGE_SIZE"], "Disagreements"),
                _param("close", "1: the quantities whose values agree within their qualifiers instead",
                       {"type": "string", "enum": ["0", "1"]})]),
            "/figures": _get("Every figure of one measure (or of one topic key), first appearance marked", [
                _param("measure", "What the figures quantify, e.g. oil price", {"type": "string"}),
                _param("topic", "A figure topic key, e.g. troop:north-korea+russia", {"type": "string"})],
                extra=not_found),
        },
        "components": {"schemas": {"Error": error}, "responses": responses},
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
        paths[path] = _get(doc, params)
    return paths
