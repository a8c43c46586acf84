"""JSON-ready views of search results, shared by the CLI and the web API."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a type only: rendering needs no query code loaded
    from ..query.facets import Facet


def facet_to_dict(facet: Facet, toggle_url=None, exclude_url=None) -> dict:
    """Return a facet as data; ``toggle_url(name, value)`` and ``exclude_url(name, value)`` add each value's links."""
    values = []
    for v in facet.values:
        item = {"value": v.value, "count": v.count, "selected": v.selected, "excluded": v.excluded}
        if toggle_url is not None:
            item["toggle_url"] = toggle_url(facet.name, v.value)
        if exclude_url is not None:
            item["exclude_url"] = exclude_url(facet.name, v.value)
        values.append(item)
    return {"name": facet.name, "values": values, "truncated": facet.truncated}


def params_to_dict(params) -> dict:
    """Return the JSON view of what was searched for: query, filters, dates and sort."""
    return {
        "query": params.q,
        "filters": {k: list(v) for k, v in params.filters.items()},
        "excluded": {k: list(v) for k, v in params.excluded.items()},
        # The names the request takes: one name per concept in and out.
        "from": params.date_from.isoformat() if params.date_from else None,
        "to": params.date_to.isoformat() if params.date_to else None,
        "sort": params.sort,
    }


def histogram_to_dict(histogram, period_url=None) -> dict | None:
    """Return the matches per period (None when none is dated); ``period_url(start, end)`` links each bar."""
    if histogram is None:
        return None
    buckets = []
    for b in histogram.buckets:
        item = {"start": b.start.isoformat(), "end": b.end.isoformat(), "count": b.count}
        if period_url is not None:
            item["url"] = period_url(b.start, b.end)
        buckets.append(item)
    return {"interval": histogram.interval, "peak": histogram.peak, "buckets": buckets}


def page_to_dict(page, toggle_url=None, exclude_url=None, period_url=None) -> dict:
    """Return the JSON view of a search Page; the callables add links (see facet_to_dict, histogram_to_dict)."""
    params = page.params
    return {
        **params_to_dict(params), "page": params.page, "per_page": params.per_page,
        "total": page.total, "pages": page.pages,
        "notes": page.notes, "suggestion": page.suggestion,
        "hits": page.hits,
        "facets": [facet_to_dict(f, toggle_url, exclude_url) for f in page.facets if not f.timed_out],
        "histogram": histogram_to_dict(page.histogram, period_url),
        "facets_timed_out": page.facets_timed_out,
    }
