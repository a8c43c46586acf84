"""One parser per request parameter; each raises BadParameter, which the app maps to 400."""
from __future__ import annotations

import datetime as dt

from search.errors import BadParameter, BadUsage
from search.index.schema import FACETS
from search.query.parse import COPIES, SORTS, SearchParams
from search.query.searcher import Cursor
from search.render.export import decode_cursor

PAGING = ("page", "per_page")
CURSOR = "cursor"  # where an export continues (render.export's opaque cursor)


def filter_names() -> tuple[str, ...]:
    """Return the filter parameters parse_filters reads: one per facet in the registry."""
    return tuple(facet.name for facet in FACETS)


def search_names() -> tuple[str, ...]:
    """Return every parameter parse_search_params reads (pages, exports and the Atom feed)."""
    return ("q", *filter_names(), *EXCLUDE_PARAMS, "from", "to", "sort", *PAGING, "copies")


def export_names() -> tuple[str, ...]:
    """Return an export's parameters: a search's (paging ignored) and the cursor."""
    return (*search_names(), CURSOR)


# The query parameters each endpoint reads, from the parsers above; path arguments aside. A page and
# its JSON twin read the same ones, and every route is listed (a test checks it): whatever else a
# request carries is a 400 naming it, on pages as in the API (Datasette's model).
ENDPOINT_PARAMS = {
    endpoint: names
    for names, endpoints in (
        (search_names, ("views.search", "api.search", "feeds.search")),
        (export_names, ("api.export_csv", "api.export_json", "api.export_jsonld")),
        (lambda: ("source", "kind", *PAGING), ("views.speakers", "api.speakers")),
        (lambda: PAGING, ("views.speaker", "api.speaker", "views.source", "api.source",
                          "compare.quote", "compare.quote_json")),
        (lambda: ("measure", "topic"), ("compare.figures", "compare.figures_json")),
        (lambda: (*PAGING, "close"), ("compare.disagreements", "compare.disagreements_json")),
        (tuple, ("views.article", "api.article", "api.statement", "views.sources", "api.sources",
                 "api.openapi", "compare.figure", "compare.figure_json", "compare.quantity",
                 "compare.quantity_json")),
    )
    for endpoint in endpoints
}


def known_names() -> frozenset[str]:
    """Return every parameter some endpoint reads: the only ones links carry from page to page."""
    return frozenset(name for names in ENDPOINT_PARAMS.values() for name in names())


def reject_unknown(args, known) -> None:
    """Raise BadUsage naming every parameter in ``args`` that is not in ``known`` (a typo: `kinds`)."""
    unknown = [name for name in args if name not in known]
    if unknown:
        names = ", ".join(repr(name[:40]) for name in unknown[:10])
        raise BadUsage(f"Unknown parameter(s) {names}; this endpoint takes: {', '.join(known) or 'none'}")


def parse_q(args, max_length: int) -> str:
    """Return the query box text (may be empty)."""
    q = args.get("q", "")
    if len(q) > max_length:
        raise BadParameter("q", q[:40] + "…", f"longer than {max_length} characters")
    return q


def _whole_number(raw: str) -> bool:
    # ASCII only: "²".isdigit() is True, but int("²") raises.
    return raw.isascii() and raw.isdigit()


def parse_page(args, maximum: int) -> int:
    """Return the 1-based page number, at most ``maximum``."""
    raw = args.get("page", "1").strip()
    if not _whole_number(raw) or not 1 <= int(raw) <= maximum:
        raise BadParameter("page", raw, f"must be a whole number from 1 to {maximum}")
    return int(raw)


def parse_per_page(args, default: int, maximum: int) -> int:
    """Return the page size, at most ``maximum``."""
    raw = args.get("per_page", str(default)).strip()
    if not _whole_number(raw) or not 1 <= int(raw) <= maximum:
        raise BadParameter("per_page", raw, f"must be a whole number from 1 to {maximum}")
    return int(raw)


def parse_sort(args) -> str:
    """Return one of the known sort orders."""
    raw = args.get("sort", "relevance") or "relevance"
    if raw not in SORTS:
        raise BadParameter("sort", raw, f"must be one of {', '.join(SORTS)}")
    return raw


EXCLUDE_PREFIX = "exclude_"  # exclude_source=x: hits from outlet x are left out


def exclude_param(facet_name: str) -> str:
    """Return the request parameter that excludes values of a facet (``exclude_source``)."""
    return EXCLUDE_PREFIX + facet_name


EXCLUDE_PARAMS = tuple(exclude_param(facet.name) for facet in FACETS)


def parse_filters(args, config, param=lambda name: name) -> dict[str, tuple[str, ...]]:
    """Return the values of each facet in the registry given as ``param(facet name)``, each checked by its facet."""
    filters = {}
    for facet in FACETS:
        key = param(facet.name)
        values = tuple(dict.fromkeys(v.strip() for v in args.getlist(key) if v.strip()))
        too_long = any(len(v) > config["MAX_VALUE_LENGTH"] for v in values)
        if len(values) > config["MAX_FILTER_VALUES"] or too_long:
            raise BadParameter(key, values[0][:40], "too many or too long values")
        for value in values:
            problem = facet.problem(value)
            if problem:
                raise BadParameter(key, value, problem)
        if values:
            filters[facet.name] = values
    return filters


def parse_cursor(args) -> Cursor | None:
    """Return where an export continues (its ``next`` cursor), or None to start at the first record."""
    raw = args.get(CURSOR, "").strip()
    return Cursor(*decode_cursor(raw)) if raw else None


def parse_date(args, name: str) -> dt.date | None:
    """Return an ISO date (YYYY-MM-DD) or None when absent."""
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(name, raw, "must be a date like 2025-02-11") from None


def parse_search_params(args, config) -> SearchParams:
    """Return validated SearchParams from request args; limits come from the app's settings."""
    date_from, date_to = parse_date(args, "from"), parse_date(args, "to")
    if date_from and date_to and date_from > date_to:
        raise BadParameter("from", date_from.isoformat(), "is after 'to'")
    return SearchParams(
        q=parse_q(args, config["MAX_QUERY_LENGTH"]), filters=parse_filters(args, config),
        excluded=parse_filters(args, config, exclude_param),
        date_from=date_from, date_to=date_to, sort=parse_sort(args),
        page=parse_page(args, config["MAX_PAGE"]),
        per_page=parse_per_page(args, config["PAGE_SIZE"], config["MAX_PAGE_SIZE"]),
        copies=parse_copies(args),
    )


def parse_copies(args) -> str:
    """Return 'one' (each story once, the default) or 'all' (every copy is a hit and counts)."""
    raw = args.get("copies", "one").strip() or "one"
    if raw not in COPIES:
        raise BadParameter("copies", raw, f"must be one of {', '.join(COPIES)}")
    return raw
