"""JSON-ready views of comparisons: a quote's versions, a figure's reports, disagreements, copies."""
from __future__ import annotations

import math
from collections import defaultdict

from ..errors import BadParameter, NotFound
from . import Comparisons
from .diff import word_diff
from .quantities import EVENT_LABELS, close, event_of

BRIEF_KEYS = ("id", "article_id", "title", "source", "date")


def _by_date(record) -> tuple:
    """Sort key: earliest first, undated last."""
    return (record.get("date") is None, record.get("date") or "", record.get("source") or "", record["id"])


def brief(record) -> dict:
    """Return where a statement or article appears: id, article, title, outlet, date."""
    return {key: record.get(key) for key in BRIEF_KEYS}


def public(record, kind: str) -> dict:
    """Return a compared quote or figure under the names hits use: ``speaker``, ``mention`` (as written), ``kind``."""
    # A figure's stored claimer (canonical) and claimed_by (as written) keep extraction's names (issue 13's interface).
    out = {k: v for k, v in record.items() if k not in ("claimer", "claimed_by")}
    if kind == "figure":
        out.update(speaker=record.get("speaker") or record.get("claimer") or record.get("claimed_by"),
                   mention=record.get("claimed_by"))
    return dict(out, kind=kind)


def appearances(records: list) -> tuple[list[dict], dict | None]:
    """Return every appearance sorted by date (undated last), the first marked, and that first one."""
    ordered = [dict(brief(r), first=n == 0) for n, r in enumerate(sorted(records, key=_by_date))]
    if not ordered:
        return [], None
    first = ordered[0]
    label = f"first reported by {first['source'] or 'an unnamed outlet'}" + (f" on {first['date']}" if first["date"] else "")
    return ordered, dict(first, label=label)


def versions_label(articles: int, outlets: int, copies: int = 0) -> str:
    """Return '2 other articles, 1 other outlet' (+ copies), counting only independent articles."""
    text = f"{articles} other article{'' if articles == 1 else 's'}, {outlets} other outlet{'' if outlets == 1 else 's'}"
    return text + (f" (+{copies} cop{'y' if copies == 1 else 'ies'})" if copies else "")


def _per_story(comps: Comparisons, records: list, keep: str | None = None) -> dict[str, list]:
    """Group records by story, earliest first (``keep`` first in its own story)."""
    stories = defaultdict(list)
    for record in sorted(records, key=lambda r: (r["id"] != keep, _by_date(r))):
        stories[comps.story(record["article_id"])].append(record)
    return stories

VERSIONS_PER_PAGE = 20
MAX_VERSIONS_PER_PAGE = 100

def quote_versions(comps: Comparisons, quote_id: str, page: int | None = None,
                   per_page: int = VERSIONS_PER_PAGE) -> dict:
    """Return a quote with one page of its versions (one per other story), its copies and first appearance.

    ``page`` defaults to the page that holds the quote itself.
    """
    quote = comps.quotes.get(quote_id)
    if quote is None:
        raise NotFound(f"No quote with id {quote_id!r}")
    cid = comps.cluster_of.get(quote_id)
    members = [comps.quotes[m] for m in comps.clusters.get(cid, [quote_id]) if m in comps.quotes]
    stories = _per_story(comps, members, keep=quote_id)
    own = comps.story(quote["article_id"])
    versions = sorted((recs[0] for recs in stories.values()), key=_by_date)
    page, pages, shown = _page_of(versions, quote_id, page, per_page)
    diffs = word_diff([v["text"] for v in shown])  # among the versions shown: the page bounds the work
    listed, first = appearances(members)
    others = [v for v in versions if v["id"] != quote_id]
    outlets = {v["source"] for v in others if v.get("source") and v["source"] != quote.get("source")}
    copies = [brief(r) for r in stories[own][1:]]
    return {
        "quote": public(quote, "quote"), "cluster": cid, "total": len(versions),
        "page": page, "per_page": per_page, "pages": pages,
        "versions": [dict(public(v, "quote"), words=d, this=v["id"] == quote_id,
                          differs=[w["word"] for w in d if w["differs"]],
                          copies=[brief(r) for r in stories[comps.story(v["article_id"])][1:]])
                     for v, d in zip(shown, diffs)],
        "copies": copies, "other_articles": len(others), "other_outlets": len(outlets),
        "label": versions_label(len(others), len(outlets), len(copies)),
        "appearances": listed, "first_appearance": first,
    }


def _page_of(versions: list, quote_id: str, page: int | None, per_page: int) -> tuple[int, int, list]:
    """Return (page, pages, the versions on it); no page given means the one holding the quote."""
    per_page = max(1, min(per_page, MAX_VERSIONS_PER_PAGE))
    pages = max(1, -(-len(versions) // per_page))
    if page is None:
        page = next((n for n, v in enumerate(versions) if v["id"] == quote_id), 0) // per_page + 1
    if page > pages:
        raise BadParameter("page", str(page), f"this quote has {pages} page(s) of versions")
    return page, pages, versions[(page - 1) * per_page:page * per_page]


def figure_topic(comps: Comparisons, topic: str) -> dict:
    """Return every figure reported for one topic key, grouped by value."""
    ids = comps.topics.get(topic)
    if not ids:
        raise NotFound(f"No figures with topic {topic!r}")
    by_value = defaultdict(list)
    for fid in ids:
        by_value[comps.figures[fid]["value"]].append(public(comps.figures[fid], "figure"))
    values = [{"value": v, "figures": figs} for v, figs in sorted(by_value.items(), key=lambda kv: kv[0])]
    return {"topic": topic, "values": values, "disagreement": comps.disputed(topic)}


def _row(comps: Comparisons, records: list) -> dict:
    """Return one reported value: the earliest figure of a story with its copies (the story's other articles
    giving it; the same article giving it twice is no copy)."""
    fig = records[0]
    others = {r["article_id"]: r for r in reversed(records[1:]) if r["article_id"] != fig["article_id"]}
    copies = [brief(r) for r in records[1:] if others.get(r["article_id"]) is r]
    return dict(public(fig, "figure"), story=comps.story(fig["article_id"]), copies=copies)


def _positions(rows: list[dict]) -> list[list[dict]]:
    """Return the rows in runs of values that agree within their qualifiers, smallest first."""
    positions: list[list[dict]] = []
    for row in sorted(rows, key=lambda r: (float(r["value"]), _by_date(r))):  # values may be decimal strings
        if positions and any(close(row, other) for other in positions[-1]):
            positions[-1].append(row)
        else:
            positions.append([row])
    return positions


def quantity(comps: Comparisons, qid: str) -> dict:
    """Return the values reported for one quantity, copies folded, close values grouped together."""
    ids = comps.quantities.get(qid)
    if not ids:
        raise NotFound(f"No quantity with id {qid!r}")
    figures = [comps.figures[f] for f in ids if f in comps.figures]
    rows = []
    for story_figs in _per_story(comps, figures).values():
        by_value = defaultdict(list)
        for fig in story_figs:
            by_value[fig["value"]].append(fig)
        rows.extend(_row(comps, recs) for recs in by_value.values())
    positions = _positions(rows)
    stories = {row["story"] for row in rows}
    outlets = {row["source"] for row in rows if row.get("source")}
    values = [abs(float(row["value"])) for row in rows]
    listed, first = appearances(figures)
    return {"id": qid, "measure": _measure_label(figures), "values": sorted(rows, key=_by_date),
            "positions": [[r["id"] for r in p] for p in positions],
            "conflict": _conflict(positions),
            "stories": len(stories), "outlets": len(outlets) or len(stories),
            "spread": round(max(values) / min(values), 3) if min(values) > 0 else None,  # None: a zero among them
            "appearances": listed, "first_appearance": first}


def _conflict(positions: list[list[dict]]) -> bool:
    """Return True when two stories report values none of which agree (a story may give two values)."""
    held = defaultdict(set)
    for n, position in enumerate(positions):
        for row in position:
            held[row["story"]].add(n)
    sets = list(held.values())
    return any(not a & b for i, a in enumerate(sets) for b in sets[i + 1:])


def _measure_label(figures: list) -> str:
    """Return the measure most figures give, the most telling of a tie ('Japan's economy' over 'growth'); an
    event's count says what it counts ('crowd size', whatever nouns the outlets used)."""
    event = EVENT_LABELS.get(event_of(figures[0]) or "")
    if event:
        return event
    measures = [f.get("measure") for f in figures if f.get("measure")]
    if measures:  # sorted first: a set's order changes from run to run, and the label with it
        return max(sorted(set(measures)), key=lambda m: (measures.count(m), len(m)))
    return figures[0].get("topic") or figures[0].get("unit") or ""


def ranked_quantities(comps: Comparisons, conflict: bool = True) -> list[dict]:
    """Return the quantities in conflict (or only close), most independent outlets, then widest spread, first."""
    cache = comps.derived.setdefault("ranked", {})
    if conflict not in cache:
        views = [quantity(comps, qid) for qid in sorted(comps.quantities)]
        cache[conflict] = sorted((v for v in views if v["conflict"] == conflict),
                                 key=lambda v: (-v["outlets"], -v["stories"], -(v["spread"] or math.inf), v["id"]))
    return cache[conflict]


def disagreements(comps: Comparisons, page: int = 1, per_page: int = 20, close_only: bool = False) -> dict:
    """Return one page of disagreements (or of close reports) with the paging totals."""
    found = ranked_quantities(comps, conflict=not close_only)
    start = (page - 1) * per_page
    return {"disagreements": found[start:start + per_page], "page": page, "per_page": per_page,
            "total": len(found), "pages": max(1, -(-len(found) // per_page)), "close": close_only,
            "close_total": len(ranked_quantities(comps, conflict=False))}


def figures_measuring(comps: Comparisons, measure: str) -> dict:
    """Return every figure whose measure holds the content words of ``measure``, earliest first."""
    found = comps.measuring(measure)
    if not found:
        raise NotFound(f"No figures measure {measure!r}")
    listed, first = appearances(found)
    qids = sorted({comps.quantity_of[f["id"]] for f in found if f["id"] in comps.quantity_of})
    return {"measure": measure, "figures": [public(f, "figure") for f in sorted(found, key=_by_date)],
            "quantities": qids, "appearances": listed, "first_appearance": first}


def figure_reports(comps: Comparisons, figure_id: str) -> dict:
    """Return a figure, every appearance of its value (first marked) and its quantity's other values."""
    fig = comps.figures.get(figure_id)
    if fig is None:
        raise NotFound(f"No figure with id {figure_id!r}")
    qid = comps.quantity_of.get(figure_id)
    same = _same_value(comps, fig)
    listed, first = appearances(same)
    return {"figure": public(fig, "figure"), "quantity": quantity(comps, qid) if qid else None,
            "appearances": listed, "first_appearance": first,
            "copies": [brief(f) for f in same if comps.story(f["article_id"]) == comps.story(fig["article_id"])
                       and f["id"] != figure_id]}


def _same_value(comps: Comparisons, fig) -> list:
    """Return the figures of a figure's quantity that report its value (within their qualifiers), itself included."""
    group = [comps.figures[f] for f in comps.quantities.get(comps.quantity_of.get(fig["id"]), ()) if f in comps.figures]
    return [f for f in group or [fig] if f["id"] == fig["id"] or close(f, fig)]


def first_appearance(comps: Comparisons, statement_id: str) -> dict | None:
    """Return where a figure's value appeared first (earliest dated; a figure page's first), None if not a figure."""
    fig = comps.figures.get(statement_id)
    # min, not a sort: an export asks once per record
    return brief(min(_same_value(comps, fig), key=_by_date)) if fig is not None else None


def other_versions(comps: Comparisons, hit: dict) -> tuple[int, str | None]:
    """Return how many other independent articles report a quote or figure hit, and its label."""
    places = comps.peers(hit["id"], hit.get("kind"))
    if places is None:
        return 0, None
    others = dict(places)  # story -> outlet (a story's last member's, as listed)
    others.pop(comps.story(hit["article_id"]), None)
    outlets = {s for s in others.values() if s and s != hit.get("source")}
    return len(others), versions_label(len(others), len(outlets)) if others else None
