"""JSON-ready views of comparisons: a quote's versions, a figure topic, disagreements."""
from __future__ import annotations

from collections import defaultdict

from ..errors import BadParameter, NotFound
from . import Comparisons
from .diff import word_diff

VERSIONS_PER_PAGE = 20
MAX_VERSIONS_PER_PAGE = 100


def quote_versions(comps: Comparisons, quote_id: str, page: int | None = None,
                   per_page: int = VERSIONS_PER_PAGE) -> dict:
    """Return a quote with one page of its versions, differences marked among the versions shown.

    ``page`` defaults to the page that holds the quote itself.
    """
    quote = comps.quotes.get(quote_id)
    if quote is None:
        raise NotFound(f"No quote with id {quote_id!r}")
    cid = comps.cluster_of.get(quote_id)
    members = comps.clusters.get(cid, [quote_id])
    versions = sorted((comps.quotes[m] for m in members if m in comps.quotes),
                      key=lambda q: (q.get("date") or "", q.get("source") or "", q["id"]))
    # The word diff compares every shown version with every other: the page size bounds that work.
    per_page = max(1, min(per_page, MAX_VERSIONS_PER_PAGE))
    pages = max(1, -(-len(versions) // per_page))
    if page is None:
        page = next((n for n, v in enumerate(versions) if v["id"] == quote_id), 0) // per_page + 1
    if page > pages:
        raise BadParameter("page", str(page), f"this quote has {pages} page(s) of versions")
    shown = versions[(page - 1) * per_page:page * per_page]
    diffs = word_diff([v["text"] for v in shown])
    return {
        "quote": dict(quote), "cluster": cid, "total": len(versions),
        "page": page, "per_page": per_page, "pages": pages,
        "versions": [dict(v, words=d, this=v["id"] == quote_id) for v, d in zip(shown, diffs)],
    }


def figure_topic(comps: Comparisons, topic: str) -> dict:
    """Return every figure reported for one topic, grouped by value."""
    ids = comps.topics.get(topic)
    if not ids:
        raise NotFound(f"No figures with topic {topic!r}")
    by_value = defaultdict(list)
    for fid in ids:
        by_value[comps.figures[fid]["value"]].append(dict(comps.figures[fid]))
    values = [{"value": v, "figures": figs} for v, figs in sorted(by_value.items(), key=lambda kv: kv[0])]
    return {"topic": topic, "values": values, "disagreement": comps.disputed(topic)}


def disagreements(comps: Comparisons) -> list[dict]:
    """Return the topics on which articles report different values, with the figures."""
    return [figure_topic(comps, topic) for topic in comps.disagreements()]


def other_versions(comps: Comparisons, hit: dict) -> int:
    """Return how many other versions of a quote or figure hit exist."""
    if hit.get("kind") == "quote":
        cid = comps.cluster_of.get(hit["id"])
        return len(comps.clusters[cid]) - 1 if cid else 0
    if hit.get("kind") == "figure":
        topic = (comps.figures.get(hit["id"]) or {}).get("topic")
        return len(comps.topics.get(topic, [])) - 1 if topic else 0
    return 0
