"""Search a Typesense build: the same Page, facets, snippets and article records as the Whoosh searcher."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from markupsafe import escape

from .. import compare
from ..errors import ClaimsearchError, NotFound
from ..index.records import article_record, export_record, hit_record, statement_record
from ..index.schema import FACETS, FIELD_BOOSTS, TEXT_FIELD
from ..query.facets import FACET_SIZE, Facet, FacetValue
from ..query.parse import SearchParams
from ..query.searcher import Export, Page, truncation_notes
from ..query.snippets import MARK, excerpt
from .store import ALIAS, TEXT_FIELDS

# Typesense writes these around matches; the text is escaped first, then they become <mark>s.
OPEN, CLOSE = "\x02", "\x03"
MAX_PER_PAGE = 250  # Typesense's own limit for per_page
SORTS = {"newest": "date:desc", "oldest": "date:asc"}
MAX_STATEMENTS = 250  # statements listed on one article page


class TypesenseSearcher:
    """The Typesense backend behind the searcher interface (no speaker/source browsing, no comparisons yet)."""

    def __init__(self, conn):
        self.conn = conn

    def search(self, params: SearchParams, cancelled=None) -> Page:
        """Return the requested page of hits and the facets over all matches (one request: nothing to cancel)."""
        found = self.conn.read(lambda c: c.collections[ALIAS].documents.search(_request(params)))
        hits = [_hit(h) for h in found["hits"]]
        facets = [_facet(params, counts) for counts in found.get("facet_counts", [])]
        return Page(params=params, total=found["found"], hits=hits, facets=facets)

    def article(self, article_id: str) -> dict:
        """Return an article's public record and its statements' records in reading order."""
        request = {"q": "*", "query_by": TEXT_FIELD, "filter_by": f"article_id:={_quoted([article_id])}",
                   "per_page": MAX_STATEMENTS}
        found = self.conn.read(lambda c: c.collections[ALIAS].documents.search(request))
        docs = [_stored(h["document"]) for h in found["hits"]]
        head = next((d for d in docs if d["kind"] == "article"), None)
        if head is None:
            raise NotFound(f"No article with id {article_id!r}")
        statements = sorted((statement_record(d) for d in docs if d["kind"] != "article"),
                            key=lambda s: s["start"] or 0)
        return {"article": article_record(head), "statements": statements}

    def comparisons(self):
        """Return no comparisons: Typesense builds do not store them yet."""
        return compare.Comparisons()

    def export(self, params: SearchParams, limit: int, after=None, cancelled=None) -> Export:
        """Return the total and up to ``limit`` matching records in the requested order, read page by page.

        Export cursors (``after``) are Whoosh's: here an export is one part, cut at ``limit`` with a note."""
        records, total, page = [], 0, 1
        while len(records) < limit and not (cancelled and cancelled()):
            request = dict(_request(replace(params, page=page, per_page=MAX_PER_PAGE)), facet_by="")
            found = self.conn.read(lambda c: c.collections[ALIAS].documents.search(request))
            total = found["found"]
            records += [export_record(_stored(h["document"])) for h in found["hits"]]
            if len(found["hits"]) < MAX_PER_PAGE:
                break
            page += 1
        records = records[:limit]
        return Export(total, len(records), iter(records), None, truncation_notes(limit, total))

    def browse(self, count, **options):
        """Speaker and source lists read Whoosh columns: not on this backend yet."""
        raise ClaimsearchError("Browsing speakers and sources is not available on the Typesense backend yet")

    def warm(self) -> None:
        """Check that the cluster answers and the alias exists."""
        self.conn.read(lambda c: c.aliases[ALIAS].retrieve())

    def close(self) -> None:
        """Stop waiting writes; the clients hold no other resource."""
        self.conn.close()


def _request(params: SearchParams) -> dict:
    """Return the Typesense search parameters for validated params."""
    weights = ",".join(str(int(2 * FIELD_BOOSTS.get(field, 1.0))) for field in TEXT_FIELDS)
    request = {"q": params.q.strip() or "*", "query_by": ",".join(TEXT_FIELDS), "query_by_weights": weights,
               "facet_by": ",".join(f.column for f in FACETS), "max_facet_values": FACET_SIZE,
               "page": params.page, "per_page": min(params.per_page, MAX_PER_PAGE),
               "highlight_fields": TEXT_FIELD, "highlight_start_tag": OPEN, "highlight_end_tag": CLOSE}
    filters = [f"{_column(name)}:={_quoted(values)}" for name, values in sorted(params.filters.items()) if values]
    if params.date_from:
        filters.append(f"date:>={_epoch(params.date_from)}")
    if params.date_to:
        filters.append(f"date:<{_epoch(params.date_to + dt.timedelta(days=1))}")
    if filters:
        request["filter_by"] = " && ".join(filters)
    if params.sort in SORTS:
        request["sort_by"] = SORTS[params.sort]
    return request


def _column(name: str) -> str:
    return next(f.column for f in FACETS if f.name == name)


def _quoted(values) -> str:
    # Backticks quote a value in filter_by; one inside a value cannot be escaped in 0.24, so it goes.
    return "[" + ",".join(f"`{v.replace('`', '')}`" for v in values) + "]"


def _epoch(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc).timestamp())


def _stored(doc: dict) -> dict:
    """Return a Typesense document as the Whoosh build stores it, for the shared record functions."""
    stored = dict(doc, doc_id=doc["id"])
    if isinstance(doc.get("date"), int):
        stored["date"] = dt.datetime.fromtimestamp(doc["date"], dt.timezone.utc).replace(tzinfo=None)
    return stored


def _hit(found: dict) -> dict:
    stored = _stored(found["document"])
    out = hit_record(stored)
    out["score"] = found.get("text_match")
    out["snippet"] = _snippet(found.get("highlights") or [], stored.get(TEXT_FIELD))
    out["versions"] = 0
    return out


def _snippet(highlights: list[dict], text: str | None) -> str:
    """Return the body's highlighted snippet, HTML-escaped with matches marked; an opening excerpt without one."""
    marked = next((h.get("snippet") for h in highlights if h.get("field") == TEXT_FIELD), None)
    if not marked or OPEN not in marked:
        return excerpt(text)
    open_tag, close_tag = MARK.format(0, "\x00").split("\x00")
    return str(escape(marked)).replace(OPEN, open_tag).replace(CLOSE, close_tag)


def _facet(params: SearchParams, counts: dict) -> Facet:
    facet = next(f for f in FACETS if f.column == counts["field_name"])
    selected = set(params.selected(facet.name))
    values = tuple(FacetValue(c["value"], c["count"], c["value"] in selected) for c in counts["counts"])
    return Facet(facet.name, values, truncated=counts.get("stats", {}).get("total_values", 0) > len(values))
