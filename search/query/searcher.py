"""Run searches against the live Whoosh build: hits with snippets, facets, articles."""
from __future__ import annotations

import datetime as dt
import threading
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from whoosh import query as wq

from .. import compare
from ..compare.views import brief, other_versions
from ..errors import NotFound
from ..index.indexer import open_index
from ..index.records import (STATEMENT_LETTERS, article_ids_of, article_record, export_record, hit_record,
                             statement_number, statement_record)
from ..index.schema import FACET_COLUMNS, TEXT_FIELD
from ..index.store import IndexStore
from ..whoosh_ext.postings import matching_docs
from ..whoosh_ext.ranking import ranked
from .budget import SEARCH_SECONDS, Deadline
from .expansion import bounded
from .facets import Facet, column_values
from .histogram import DATE_COLUMN, Histogram
from .matching import match, matching
from .parse import SearchParams, build_query
from .reuse import LRU, SearcherPool
from .snippets import query_terms, snippet


@dataclass
class Page:
    """One page of results with the facets of the whole result set."""

    params: SearchParams
    total: int
    hits: list[dict]
    facets: list[Facet]
    notes: list[str] = field(default_factory=list)
    suggestion: str | None = None
    histogram: Histogram | None = None  # matches per period; None when none is dated

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.params.per_page))

    @property
    def facets_timed_out(self) -> list[str]:
        """Return the facets not counted because the facet time limit ran out."""
        return [facet.name for facet in self.facets if facet.timed_out]


MATCH_CACHE = 128  # recent queries' match sets and facet counts
FILTER_CACHE = 16  # recent facet filters' doc sets: few values are popular, each set may be big
PAGE_CACHE = 256  # recent result pages with their snippets


class WhooshSearcher:
    """The Whoosh backend; reopens the index when a rebuild swaps in a new build."""

    def __init__(self, index_root, facet_time_limit_ms: int | None = None, time_budget: float = SEARCH_SECONDS):
        """Search ``index_root``; facets get ``facet_time_limit_ms`` per search (None: no limit)."""
        self.store = IndexStore(index_root)
        self.facet_time_limit = None if facet_time_limit_ms is None else facet_time_limit_ms / 1000
        self.time_budget = time_budget
        self._lock = threading.Lock()
        self._name = None
        self._ix = None
        self._comparisons = None
        self._pool = SearcherPool()
        # Keyed by build and generation, so a rebuild or update never serves stale entries.
        self._matches, self._pages = LRU(MATCH_CACHE), LRU(PAGE_CACHE)
        self._filters = LRU(FILTER_CACHE)
        self._twins, self._twins_lock = LRU(2), threading.Lock()
        self._facet_columns, self._columns_lock = LRU(2), threading.Lock()

    def _index(self):
        return self._live()[1]

    def _live(self):
        return self._open()[:2]

    def _open(self):
        """Return the live build's name, its Whoosh index and its comparisons store, opened once per build."""
        name = self.store.current_dir().name
        with self._lock:
            if name != self._name:
                build = self.store.builds / name
                # Both or neither: an index without its comparisons store is an older version's, to rebuild.
                self._ix, self._comparisons = open_index(build), compare.open_build(build)
                self._name = name
            return name, self._ix, self._comparisons

    def warm(self) -> None:
        """Open the live build and load what a first search needs (its facet columns)."""
        name, ix = self._live()
        searcher, _ = self._pool.get(name, ix)
        self._columns((name, searcher.reader().generation()), searcher)

    def comparisons(self):
        """Return the live build's quote clusters, story copies and figure groups (read from its store per view)."""
        return self._open()[2]

    def search(self, params: SearchParams, cancelled=None) -> Page:
        """Return the requested page of hits and the facets over all matches; ``cancelled()`` True stops it."""
        name, ix = self._live()
        searcher, _ = self._pool.get(name, ix)
        deadline = Deadline(self.time_budget, cancelled)
        plan = bounded(build_query(params, ix.schema), searcher.reader())
        key = (name, searcher.reader().generation(), params.q, tuple(sorted(params.filters.items())),
               tuple(sorted(params.excluded.items())), params.date_from, params.date_to, params.copies)
        matched = self._matches.get(key)
        if matched is None:
            twins = self._copy_twins(key[:2], searcher) if params.copies != "all" else None
            matched = match(searcher, self._columns(key[:2], searcher), plan, params,
                            self._filter_docs(key[:2], searcher), deadline, self.facet_time_limit,
                            twins=twins, dates=self._dates(key[:2], searcher))
            # A partial answer is never served again as if it were whole; a quieter moment may count the facets.
            if not deadline.hit and not any(facet.timed_out for facet in matched.facets):
                self._matches.put(key, matched)
        page_key = key + (params.sort, params.page, params.per_page)
        hits = self._pages.get(page_key)
        if hits is None:
            hits = self._hits(searcher, plan, params, matched, deadline) if matched.total else []
            if not deadline.hit:
                self._pages.put(page_key, hits)
        hits = [dict(hit) for hit in hits]  # callers may add keys; the cached dicts stay as built
        with_comparisons(self.comparisons(), hits)
        return Page(params=params, total=matched.total, hits=grouped(hits), facets=matched.facets,
                    notes=list(plan.notes) + ([deadline.note()] if deadline.hit else []),
                    suggestion=matched.suggestion, histogram=matched.histogram)

    def _columns(self, version, searcher) -> dict:
        """Return each facet's per-document values for this build version, read once and shared."""
        return self._read_columns(version, searcher)[0]

    def _dates(self, version, searcher):
        """Return each document's date column value (see query.histogram), read with the facet columns."""
        return self._read_columns(version, searcher)[1]

    def _read_columns(self, version, searcher) -> tuple:
        columns = self._facet_columns.get(version)
        if columns is None:
            with self._columns_lock:  # one thread reads the columns; the others wait and reuse them
                columns = self._facet_columns.get(version)
                if columns is None:
                    reader = searcher.reader()
                    columns = ({n: column_values(reader, c).__getitem__ for n, c in FACET_COLUMNS.items()},
                               column_values(reader, DATE_COLUMN, translate=False).__getitem__)
                    self._facet_columns.put(version, columns)
        return columns

    def _copy_twins(self, version, searcher) -> Twins:
        """Return each copy's doc -> the same doc (article, q1, f2...) of its story's first article, per build version."""
        found = self._twins.get(version)
        if found is None:
            # One thread works them out (seconds at 10x BBC); two at once took twice as long each,
            # past gunicorn's worker timeout on a busy machine.
            with self._twins_lock:
                found = self._twins.get(version)
                if found is None:
                    found = self._find_twins(searcher)
                    self._twins.put(version, found)
        return found

    def _find_twins(self, searcher) -> Twins:
        comps, found = self.comparisons(), Twins(searcher.reader().doc_count_all())
        docs = _docs_by_statement(searcher, {aid for ids in comps.stories.values() for aid in ids})
        for ids in comps.stories.values():
            first, *later = first_copy(comps, ids)
            shown = docs[first]
            for article_id in later:
                found.update((doc, shown[n]) for n, doc in docs[article_id].items() if n in shown)
        return found

    def _filter_docs(self, version, searcher):
        """Return a function giving a filter query's doc set, cached per build version."""
        def docs(query):
            # A source or speaker filter is shared by many different text queries; reading its
            # postings costs as much as matching the words.
            found = self._filters.get(version + (query,))
            if found is None:
                found = frozenset(matching_docs(searcher, query))
                self._filters.put(version + (query,), found)
            return found
        return docs

    def export(self, params: SearchParams, limit: int, after: Cursor | None = None, cancelled=None) -> Export:
        """Return the total, the next ``limit`` records after the cursor (read as they are consumed), the
        next cursor and notes on what limited the export (time, ``cancelled()``, the maximum)."""
        ix = self._index()
        deadline = Deadline(self.time_budget, cancelled)
        searcher = ix.searcher()
        try:
            plan = bounded(build_query(params, ix.schema), searcher.reader())
            allowed = matching(searcher, plan, expired=deadline)[2]
            # Ranked only as far as this part reaches: the cursor's record is looked for up to there.
            window = (after.offset if after else 0) + limit
            ranking = ranked(searcher, plan.ranking, allowed, window, **_sorting(params), expired=deadline) \
                if allowed and not deadline() else []
            order = [hit.docnum for hit in ranking]
            start = _resume_at(searcher, order, after)
            chosen = order[start:start + limit]
            more = bool(chosen) and start + len(chosen) < len(allowed)
            following = Cursor(start + len(chosen), searcher.stored_fields(chosen[-1])["doc_id"]) if more else None
        except BaseException:
            searcher.close()
            raise
        notes = list(plan.notes) + ([deadline.note()] if deadline.hit else []) + truncation_notes(limit, len(allowed))
        return Export(len(allowed), len(chosen), self._records(searcher, chosen), following, notes)

    def _records(self, searcher, docnums):
        """Yield the export records of ``docnums`` with their versions and story, then close the searcher."""
        comps = self.comparisons()
        try:
            for docnum in docnums:
                yield compared(comps, export_record(searcher.stored_fields(docnum)))
        finally:
            searcher.close()

    def browse(self, count, **options):
        """Return ``count(reader, column, **options)`` over the live index (see search.query.browse)."""
        with self._index().searcher() as searcher:
            reader = searcher.reader()
            return count(reader, lambda name: column_values(reader, name).__getitem__, **options)

    def documents(self, field: str, value: str) -> list[dict]:
        """Return the stored fields of every document whose ``field`` holds the term ``value``."""
        with self._index().searcher() as searcher:
            docs = _docs_with_id(searcher, value) if field == "doc_id" else matching_docs(searcher, wq.Term(field, value))
            return [searcher.stored_fields(n) for n in sorted(docs)]

    def statement(self, doc_id: str) -> dict:
        """Return one statement's public record with its number of versions."""
        found = [d for d in self.documents("doc_id", doc_id) if d["kind"] != "article"]
        if not found:
            raise NotFound(f"No statement with id {doc_id!r}")
        record = hit_record(found[0])
        return compared(self.comparisons(), record)

    def _hits(self, searcher, plan, params, matched, expired=None) -> list[dict]:
        start = (params.page - 1) * params.per_page
        if start >= matched.total:
            return []  # Whoosh would clamp to the last page; past the end is empty
        # Not search_page: it counts the matches by running the query once more.
        results = ranked(searcher, plan.ranking, matched.allowed, start + params.per_page, **_sorting(params),
                         expired=expired)
        terms = query_terms(plan.text, searcher.reader(), TEXT_FIELD)  # once per page
        return [hit_dict(hit, terms) for hit in results[start:start + params.per_page]]

    def has_dates(self) -> bool:
        """Return True when any document of the live build has a date (date controls are shown then)."""
        name, ix = self._live()
        searcher, scratch = self._pool.get(name, ix)
        if "dated" not in scratch:  # per searcher: an update that adds dates refreshes the searcher
            scratch["dated"] = next(iter(searcher.reader().lexicon(DATE_COLUMN)), None) is not None
        return scratch["dated"]

    def updated(self):
        """Return when the live build last changed (a build or an update), as an aware datetime."""
        path = self.store.builds / self._live()[0]
        return dt.datetime.fromtimestamp(max(p.stat().st_mtime for p in [path, *path.iterdir()]), dt.timezone.utc)

    def article(self, article_id: str) -> dict:
        """Return an article's public record and its statements' records in reading order."""
        ix = self._index()
        with ix.searcher() as searcher:
            head = searcher.document(article_id=article_id, kind="article")
            if head is None:
                raise NotFound(f"No article with id {article_id!r}")
            found = searcher.search(wq.Term("article_id", article_id), limit=None)
            statements = [statement_record(hit.fields()) for hit in found if hit["kind"] != "article"]
        statements.sort(key=lambda s: s["start"] or 0)
        return {"article": article_record(head), "statements": statements}

    def close(self) -> None:
        """Release the open index."""
        with self._lock:
            self._ix = self._name = self._comparisons = None
        self._pool.reset()


class Twins:
    """Docs -> docs as one int array over a build's docs (-1: none); 310,000 pairs at 10x BBC were 32 MB as a dict."""

    def __init__(self, size: int):
        self._to = array("i", [-1]) * size
        self._count = 0

    def update(self, pairs) -> None:
        """Set doc -> twin for each (doc, twin)."""
        for doc, twin in pairs:
            self._count += self._to[doc] < 0
            self._to[doc] = twin

    def get(self, doc: int) -> int | None:
        """Return a doc's twin, or None."""
        twin = self._to[doc]
        return None if twin < 0 else twin

    def __len__(self) -> int:
        return self._count


@dataclass(frozen=True)
class Cursor:
    """Where an export continues: after the record ``doc_id``, which was at ``offset`` in the order."""

    offset: int
    doc_id: str


@dataclass
class Export:
    """An export: every match's count, the records of this part (a generator) and where the next part starts."""

    total: int
    exported: int  # records in this part
    records: Iterator[dict]
    next: Cursor | None
    notes: list[str] = field(default_factory=list)  # what limited it: a dropped wildcard, time, the maximum


def _resume_at(searcher, order: list[int], after: Cursor | None) -> int:
    """Return where in ``order`` the export continues: after the cursor's record, wherever it moved."""
    if after is None:
        return 0
    # An update between two parts moves documents: the record itself is the anchor, its offset the fallback.
    docnums = _docs_with_id(searcher, after.doc_id)
    where = {docnum: n for n, docnum in enumerate(order)}
    found = [where[d] for d in docnums if d in where]
    return found[0] + 1 if found else min(after.offset, len(order))


def grouped(hits: list[dict]) -> list[dict]:
    """Return the page's hits with each statement whose article is also on the page listed under it."""
    # An article and its statements then answer together instead of crowding each other out.
    articles = {hit["article_id"]: hit for hit in hits if hit["kind"] == "article"}
    for article in articles.values():
        article["statements"] = []
    kept = []
    for hit in hits:
        parent = articles.get(hit["article_id"]) if hit["kind"] != "article" else None
        (parent["statements"] if parent is not None else kept).append(hit)
    return kept


def with_comparisons(comps, hits: list[dict]) -> None:
    """Add to each hit its other versions (count and label), its story and its story's other copies."""
    for hit in hits:
        hit["versions"], hit["versions_label"] = other_versions(comps, hit)
        hit["story"] = comps.story(hit["article_id"])
        hit["copies"] = [brief(record) for record in comps.copy_records(hit["article_id"])]


def compared(comps, record: dict) -> dict:
    """Return a public record with what the comparisons know: its number of other versions and its story."""
    return dict(record, versions=other_versions(comps, record)[0], story=comps.story(record["article_id"]))


def first_copy(comps, article_ids: list[str]) -> list[str]:
    """Return a story's articles, the one shown for it first: the earliest, then the first by id."""
    def when(aid):
        date = (comps.articles.get(aid) or {}).get("date")
        return (date is None, date or "", aid)
    return sorted(article_ids, key=when)


def _docs_with_id(searcher, doc_id: str) -> list[int]:
    """Return the live docs whose stored doc_id is ``doc_id`` (doc ids are not indexed: found through the article)."""
    docs = set().union(*(matching_docs(searcher, wq.Term("article_id", a)) for a in article_ids_of(doc_id)))
    return sorted(d for d in docs if searcher.stored_fields(d)["doc_id"] == doc_id)


def _docs_by_statement(searcher, article_ids: set[str]) -> dict[str, dict[str, int]]:
    """Return each article's live docs by statement number ('' for the article, 'q1', 'f2'...)."""
    # An article's docs are written together in numbered order (records.STATEMENT_LETTERS), so a
    # doc's number is its place among its article's docs of its kind: read from the kind column.
    # Reading each doc's stored fields took 14-27 CPU seconds at 10x BBC on each worker's first
    # search per build.
    kinds = column_values(searcher.reader(), "kind")
    found: dict[str, dict[str, int]] = {}
    for article_id in article_ids:
        numbers, counts = {}, dict.fromkeys(STATEMENT_LETTERS, 0)
        for doc in sorted(matching_docs(searcher, wq.Term("article_id", article_id))):
            kind = kinds[doc]
            if kind in counts:
                counts[kind] += 1
                numbers[statement_number(kind, counts[kind])] = doc
            else:
                numbers[""] = doc
        found[article_id] = numbers
    return found


def _sorting(params) -> dict:
    sort = {"newest": ("date", True), "oldest": ("date", False)}.get(params.sort)
    return {"sortedby": sort[0], "reverse": sort[1]} if sort else {}


def truncation_notes(limit: int, total: int) -> list[str]:
    """Return the note an export cut at ``limit`` of ``total`` results carries (none when whole)."""
    return [f"Only the first {limit} of {total} results were exported."] if total > limit else []


def hit_dict(hit, terms: frozenset[str]) -> dict:
    """Return the JSON-ready view of one hit, with its score and snippet."""
    stored = hit.fields()
    out = hit_record(stored)
    out["score"] = round(hit.score, 4) if hit.score is not None else None
    out["snippet"] = snippet(stored.get(TEXT_FIELD), terms)
    return out
