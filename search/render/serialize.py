"""JSON-ready views of search results, shared by the CLI and the web API."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a type only: rendering needs no query code loaded
    from ..query.facets import Facet


def facet_to_dict(facet: Facet, toggle_url=None) -> dict:
    """Return a facet as data; ``toggle_url(name, value)`` adds each value's toggle link."""
    values = []
    for v in facet.values:
        item = {"value": v.value, "count": v.count, "selected": v.selected}
        if toggle_url is not None:
            item["toggle_url"] = toggle_url(facet.name, v.value)
        values.append(item)
    return {"name": facet.name, "values": values, "truncated": facet.truncated}


def params_to_dict(params) -> dict:
    """Return the JSON view of what was searched for: query, filters, dates and sort."""
    return {
        "query": params.q,
        "filters": {k: list(v) for k, v in params.filters.items()},
        # The names the request takes: one name per concept in and out.
        "from": params.date_from.isoformat() if params.date_from else None,
        "to": params.date_to.isoformat() if params.date_to else None,
        "sort": params.sort,
    }


def page_to_dict(page, toggle_url=None) -> dict:
    """Return the JSON view of a search Page."""
    params = page.params
    return {
        **params_to_dict(params), "page": params.page, "per_page": params.per_page,
        "total": page.total, "pages": page.pages,
        "notes": page.notes, "suggestion": page.suggestion,
        "hits": page.hits,
        "facets": [facet_to_dict(f, toggle_url) for f in page.facets if not f.timed_out],
        "facets_timed_out": page.facets_timed_out,
    }
