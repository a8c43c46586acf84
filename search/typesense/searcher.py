"""Search a Typesense build: the same Page, facets, snippets, browse counts and comparisons as the Whoosh searcher."""
from __future__ import annotations

import datetime as dt
import re
import threading
import time
from dataclasses import replace
from itertools import repeat
from urllib.parse import quote

from markupsafe import escape
from rapidfuzz.distance import OSA

from ..errors import ClaimsearchError, IndexMissing, NotFound
from ..index.records import article_record, export_record, hit_record, statement_record
from ..index.schema import FACETS, FACETS_BY_NAME, FIELD_BOOSTS, TEXT_FIELD
from ..query.facets import FACET_SIZE, facet_from_counts
from ..query.histogram import date_histogram
from ..query.parse import SearchParams
from ..query.reuse import LRU
from ..query.searcher import PAGE_CACHE, Cursor, Export, Page, compared, grouped, truncation_notes, with_comparisons
from ..query.snippets import MARK, excerpt
from . import sidecar
from .query import text_query
from .store import COPY_FIELD, ORDER_FIELD, TEXT_FIELDS, current_collection

# Typesense writes these around matches; the text is escaped first, then they become <mark>s.
OPEN, CLOSE = "\x02", "\x03"
MAX_PER_PAGE = 250  # Typesense's own limit for per_page
# Ties in build order, as Whoosh breaks them: an article and its statements stay together.
SORTS = {"newest": f"date:desc,{ORDER_FIELD}:asc", "oldest": f"date:asc,{ORDER_FIELD}:asc"}
RELEVANCE = f"_text_match:desc,{ORDER_FIELD}:asc"
MAX_TYPOS = 2  # Typesense's own default: a word it corrected is offered as "did you mean"
ALIAS_SECONDS = 1.0  # how long a resolved alias is trusted: a swap shows within this
MAX_DAYS = 100_000  # distinct dates counted for the histogram (about 270 years of days)
BROWSE_COLUMNS = ("speaker_facet", "source", "kind", "speaker_id", "month")  # what search.query.browse reads
# Words as Typesense matches them: all must match (no dropped words), whole words (no prefixes).
MATCHING = {"drop_tokens_threshold": 0, "prefix": "false"}
UNSHOWN = "paragraphs,context,speaker_keys"  # stored for article pages and filters; hits and exports never show them


class TypesenseSearcher:
    """The Typesense backend behind the searcher interface; reads the collection the alias names."""

    def __init__(self, conn):
        self.conn = conn
        self._lock = threading.Lock()
        self._resolved: tuple[str | None, float] = (None, 0.0)
        # Per collection, the live one and the one before: comparisons, browse columns, dates, creation time.
        self._per_build = LRU(8)
        self._pages = LRU(PAGE_CACHE)  # recent answers, as Typesense gave them (hits are made anew each time)

    def _collection(self, fresh: bool = False) -> str:
        """Return the collection the alias names (looked up at most once per ALIAS_SECONDS)."""
        name, when = self._resolved
        if fresh or name is None or time.monotonic() - when > ALIAS_SECONDS:
            name = current_collection(self.conn)
            if name is None:
                raise IndexMissing("No Typesense build yet: run `claimsearch index --backend typesense DIR`")
            self._resolved = (name, time.monotonic())
        return name

    def _read(self, call):
        """Return ``call(client, collection)`` on the live collection; once more if a swap dropped it meanwhile."""
        try:
            return self.conn.read(lambda c: call(c, self._collection()))
        except self.conn.errors.ObjectNotFound:
            pass
        try:
            return self.conn.read(lambda c: call(c, self._collection(fresh=True)))
        except self.conn.errors.ObjectNotFound as exc:  # a field or document the live build lacks
            raise NotFound(f"Typesense found no such thing in the live build: {exc}") from None

    def _cached(self, what: str, make):
        """Return ``make(collection)`` for the live collection, made once per collection."""
        name = self._collection()
        with self._lock:
            found = self._per_build.get((name, what))
            if found is None:
                found = make(name)
                self._per_build.put((name, what), found)
            return found

    def comparisons(self):
        """Return the live build's quote clusters, story copies and figure topics (loaded once per build)."""
        return self._cached("comparisons", lambda name: sidecar.load_comparisons(self.conn, name))

    def warm(self) -> None:
        """Check that the cluster answers and load the live build's comparisons."""
        self.comparisons()

    def search(self, params: SearchParams, cancelled=None) -> Page:
        """Return the requested page of hits and the facets over all matches (one multi-search request)."""
        text = text_query(params.q)
        if text.nothing:
            return Page(params=params, total=0, hits=[], facets=[], notes=text.notes)
        comps = self.comparisons()  # first: a build without them is an older version's, to rebuild
        key = (self._collection(), params.q, tuple(sorted(params.filters.items())),
               tuple(sorted(params.excluded.items())), params.date_from, params.date_to, params.copies,
               params.sort, params.page, params.per_page)
        answers = self._pages.get(key)  # keyed by collection: a build or update never serves stale answers
        if answers is None:
            searches = [_request(params, text), _counting(params, text, "date", MAX_DAYS)]
            searches += [_facet_request(params, text, name) for name in _narrowed(params)]
            answers = self._read(lambda c, name: self._answers(c.multi_search.perform({"searches": searches},
                                                                                      {"collection": name})))
            self._pages.put(key, answers)
        main, counts = answers[0], {c["field_name"]: c for a in answers for c in a.get("facet_counts", [])}
        hits = [_hit(h) for h in main["hits"]]
        with_comparisons(comps, hits)
        facets = [_facet(params, counts[f.column]) for f in FACETS if f.column in counts]
        return Page(params=params, total=main["found"], hits=grouped(hits), facets=facets, notes=text.notes,
                    histogram=_histogram(counts.get("date")), suggestion=_suggestion(params.q, text, main["hits"]))

    def _answers(self, found: dict) -> list[dict]:
        """Return a multi-search's answers; a missing collection (dropped by a swap) as ObjectNotFound."""
        for answer in found["results"]:
            if answer.get("code") == 404:
                raise self.conn.errors.ObjectNotFound(404, answer.get("error"))
            if "error" in answer:
                raise ClaimsearchError(f"Typesense could not run the search: {answer.get('code')} {answer['error']}")
        return found["results"]

    def article(self, article_id: str) -> dict:
        """Return an article's public record and its statements' records in reading order."""
        docs = self.documents("article_id", article_id)
        head = next((d for d in docs if d["kind"] == "article"), None)
        if head is None:
            raise NotFound(f"No article with id {article_id!r}")
        statements = sorted((statement_record(d) for d in docs if d["kind"] != "article"),
                            key=lambda s: s["start"] or 0)
        return {"article": article_record(head), "statements": statements}

    def documents(self, field: str, value: str) -> list[dict]:
        """Return the stored fields of every document whose ``field`` is ``value``."""
        if field == "doc_id":
            try:
                # The id holds a "#": the client puts it into the URL path as it is.
                found = self._read(lambda c, name: c.collections[name].documents[quote(value, safe="")].retrieve())
                return [_stored(found)]
            except NotFound:  # no such document
                return []
        # One streamed request, however many match (a big outlet's page lists every article).
        params = {"filter_by": f"{field}:={_quoted([value])}"}
        found = self._read(lambda c, name: list(self.conn.export(name, params)))
        return sorted((_stored(doc) for doc in found), key=lambda d: d["doc_id"])

    def statement(self, doc_id: str) -> dict:
        """Return one statement's public record with its number of versions."""
        found = [d for d in self.documents("doc_id", doc_id) if d["kind"] != "article"]
        if not found:
            raise NotFound(f"No statement with id {doc_id!r}")
        return compared(self.comparisons(), hit_record(found[0]))

    def export(self, params: SearchParams, limit: int, after: Cursor | None = None, cancelled=None) -> Export:
        """Return the total, the next ``limit`` records after the cursor, the next cursor and notes, as Whoosh does."""
        text, comps = text_query(params.q), self.comparisons()
        window = (after.offset if after else 0) + limit  # ranked as far as this part reaches, as in Whoosh
        ranked, total, page = [], 0, 1
        while not text.nothing and len(ranked) < window and not (cancelled and cancelled()):
            request = dict(_request(replace(params, page=page, per_page=MAX_PER_PAGE), text), facet_by="")
            found = self._read(lambda c, name: c.collections[name].documents.search(request))
            total = found["found"]
            ranked += [h["document"] for h in found["hits"]]
            if len(found["hits"]) < MAX_PER_PAGE:
                break
            page += 1
        ids = [doc["id"] for doc in ranked]
        # The cursor's record is the anchor (an update may have moved it); its offset where it is gone.
        start = 0 if after is None else \
            ids.index(after.doc_id) + 1 if after.doc_id in ids else min(after.offset, len(ids))
        chosen = ranked[start:start + limit]
        following = Cursor(start + len(chosen), chosen[-1]["id"]) if chosen and start + len(chosen) < total else None
        records = [compared(comps, export_record(_stored(doc))) for doc in chosen]
        return Export(total, len(records), iter(records), following, list(text.notes) + truncation_notes(limit, total))

    def browse(self, count, **options):
        """Return ``count(reader, column, **options)`` (see search.query.browse) over the live build's columns."""
        columns = self._cached("columns", self._browse_columns)
        return count(columns, lambda name: columns.values[name].__getitem__, **options)

    def _browse_columns(self, name: str) -> "Columns":
        rows = self.conn.export(name, {"include_fields": ",".join(BROWSE_COLUMNS)})
        return Columns(rows)

    def has_dates(self) -> bool:
        """Return True when any document of the live build has a date (date controls are shown then)."""
        def dated(name):
            request = {"q": "*", "query_by": TEXT_FIELD, "filter_by": "date:>=-62135596800", "per_page": 0}
            return self.conn.read(lambda c: c.collections[name].documents.search(request))["found"] > 0
        return self._cached("dated", dated)

    def updated(self):
        """Return when the live build was made (a build or an update makes a new collection), aware."""
        def created(name):
            stamp = self.conn.read(lambda c: c.collections[name].retrieve())["created_at"]
            return dt.datetime.fromtimestamp(stamp, dt.timezone.utc)
        return self._cached("created", created)

    def close(self) -> None:
        """Stop waiting writes; the clients hold no other resource."""
        self.conn.close()


class Columns:
    """The browse columns of every document, read once per build: what browse counts take as a reader."""

    def __init__(self, rows):
        self.values: dict[str, list] = {name: [] for name in BROWSE_COLUMNS}
        shared: dict = {}
        for row in rows:
            for name, values in self.values.items():
                value = row.get(name)
                values.append(shared.setdefault(value, value) if isinstance(value, str) else value)

    def all_doc_ids(self) -> range:
        """Return every document's number."""
        return range(len(self.values[BROWSE_COLUMNS[0]]))


def _request(params: SearchParams, text) -> dict:
    """Return the Typesense search parameters for validated params and the query box's TextQuery."""
    weights = ",".join(str(int(2 * FIELD_BOOSTS.get(field, 1.0))) for field in TEXT_FIELDS)
    request = {"q": text.q, "query_by": ",".join(TEXT_FIELDS), "query_by_weights": weights,
               "facet_by": ",".join(f.column for f in FACETS if f.name not in _narrowed(params)),
               "max_facet_values": FACET_SIZE + 1, "page": params.page,
               "per_page": min(params.per_page, MAX_PER_PAGE), "highlight_fields": ",".join(TEXT_FIELDS),
               "highlight_start_tag": OPEN, "highlight_end_tag": CLOSE, "exclude_fields": UNSHOWN, **MATCHING}
    filters = _filters(params, text)
    if filters:
        request["filter_by"] = " && ".join(filters)
    request["sort_by"] = SORTS.get(params.sort, RELEVANCE)
    return request


def _facet_request(params: SearchParams, text, name: str) -> dict:
    """Return the request counting one narrowed facet over the documents passing every *other* facet."""
    others = replace(params, filters=_without(params.filters, name), excluded=_without(params.excluded, name))
    return _counting(others, text, FACETS_BY_NAME[name].column, FACET_SIZE + 1)


def _counting(params: SearchParams, text, column: str, size: int) -> dict:
    """Return a request for no hits, only the counts of ``column``'s ``size`` most frequent values."""
    request = {"q": text.q, "query_by": ",".join(TEXT_FIELDS), "facet_by": column, "max_facet_values": size,
               "per_page": 0, **MATCHING}
    filters = _filters(params, text)
    if filters:
        request["filter_by"] = " && ".join(filters)
    return request


def _narrowed(params: SearchParams) -> list[str]:
    """Return the facets with selected or excluded values, in FACETS order."""
    return [f.name for f in FACETS if params.filters.get(f.name) or params.excluded.get(f.name)]


def _without(chosen: dict, name: str) -> dict:
    return {key: values for key, values in chosen.items() if key != name}


def _filters(params: SearchParams, text) -> list[str]:
    """Return the filter_by clauses: the query box's, facet selections and exclusions, dates, copies."""
    filters = list(text.filters)
    for name, values in sorted(params.filters.items()):
        if values:
            facet = FACETS_BY_NAME[name]
            filters.append(f"{facet.filter_column}:={_quoted(facet.filter_term(v) for v in values)}")
    for name, values in sorted(params.excluded.items()):
        if values:
            facet = FACETS_BY_NAME[name]
            filters.append(f"{facet.filter_column}:!={_quoted(facet.filter_term(v) for v in values)}")
    if params.date_from:
        filters.append(f"date:>={_epoch(params.date_from)}")
    if params.date_to:
        filters.append(f"date:<{_epoch(params.date_to + dt.timedelta(days=1))}")
    if params.copies != "all":
        filters.append(f"{COPY_FIELD}:!=true")
    return filters


def _quoted(values) -> str:
    # Backticks quote a value in filter_by; one inside a value cannot be escaped in 0.24, so it goes.
    return "[" + ",".join(f"`{v.replace('`', '')}`" for v in values) + "]"


def _epoch(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc).timestamp())


def _day(epoch) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)


def _stored(doc: dict) -> dict:
    """Return a Typesense document as the Whoosh build stores it, for the shared record functions."""
    stored = dict(doc, doc_id=doc["id"])
    if isinstance(doc.get("date"), int):
        stored["date"] = _day(doc["date"])
    return stored


def _hit(found: dict) -> dict:
    stored = _stored(found["document"])
    out = hit_record(stored)
    out["score"] = found.get("text_match")
    out["snippet"] = _snippet(found.get("highlights") or [], stored.get(TEXT_FIELD))
    return out


def _snippet(highlights: list[dict], text: str | None) -> str:
    """Return the body's highlighted snippet, HTML-escaped with matches marked; an opening excerpt without one."""
    marked = next((h.get("snippet") for h in highlights if h.get("field") == TEXT_FIELD), None)
    if not marked or OPEN not in marked:
        return excerpt(text)
    open_tag, close_tag = MARK.format(0, "\x00").split("\x00")
    return str(escape(marked)).replace(OPEN, open_tag).replace(CLOSE, close_tag)


def _facet(params: SearchParams, counts: dict):
    facet = next(f for f in FACETS if f.column == counts["field_name"])
    values = {c["value"]: c["count"] for c in counts["counts"]}
    return facet_from_counts(facet.name, values, params.selected(facet.name), FACET_SIZE,
                             params.excluded.get(facet.name, ()))


def _suggestion(q: str, text, hits: list[dict]) -> str | None:
    """Return q with each word Typesense matched only by a correction replaced by the nearest matched word."""
    matched = {token.lower() for hit in hits for h in hit.get("highlights") or []
               for token in h.get("matched_tokens") or []
               if isinstance(token, str)}
    corrected = q
    for word in (w for w in text.words if w.isalnum() and w.lower() not in matched):
        near = sorted((OSA.distance(word.lower(), token), token) for token in matched)
        if near and near[0][0] <= MAX_TYPOS:
            corrected = re.sub(rf"(?i)\b{re.escape(word)}\b", near[0][1], corrected)
    return corrected if corrected != q else None


def _histogram(counts: dict | None):
    """Return the matches per period from the date facet's counts per distinct date."""
    if not counts:
        return None
    # One entry per matching document, as date_histogram counts them (it counts a few distinct dates).
    return date_histogram((c["value"] for c in counts["counts"] for _ in repeat(None, c["count"])), _day)
