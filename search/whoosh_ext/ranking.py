"""Rank documents already known to match, without walking the whole query a second time."""
from __future__ import annotations

from bisect import bisect_left

from whoosh.collectors import SortingCollector, TopCollector
from whoosh.query import And, Phrase, Term

# Above this many known matches, Whoosh's own collector is faster for relevance order: it skips
# posting blocks whose best score cannot reach the page (block-max), where we score every match.
SKIP_TO_MAX = 2000


def ranked(searcher, query, known, limit: int, sortedby: str | None = None, reverse: bool = False,
           expired=None):
    """Return Whoosh Results holding the first ``limit`` of ``known`` (sorted docnums matching ``query``)."""
    # ``expired()``, when given, is asked before each document: once it says True the ranking
    # stops with the documents scored so far (the request's time budget is spent).
    # A phrase scores as the sum of its words' scores (Whoosh's span matchers pass the words'
    # score through); only *which* docs match needs positions, and that is already known.
    scoring = without_positions(query)
    expired = expired or _never
    if sortedby:
        collector = _KnownSorted(known, expired, sortedby, limit=limit, reverse=reverse)
    elif len(known) <= SKIP_TO_MAX:
        collector = _KnownTop(known, expired, limit=limit, usequality=False)  # every known match is scored
    else:
        collector = _AllowedTop(frozenset(known), expired, limit=limit)
    searcher.search_with_collector(scoring, collector)
    return collector.results()


def _never() -> bool:
    return False


def without_positions(query):
    """Return ``query`` with each phrase replaced by the AND of its words (same score, no positions)."""
    if isinstance(query, Phrase):
        return And([Term(query.fieldname, word) for word in query.words], boost=query.boost)
    if query.is_leaf() or not any(isinstance(leaf, Phrase) for leaf in query.leaves()):
        return query
    return query.apply(without_positions)


class _KnownMatches:
    """A collector mix-in that visits only the known matching docnums of each segment."""

    def __init__(self, known, expired, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.known, self.expired = known, expired

    def run(self):
        try:
            for subsearcher, offset in self.top_searcher.leaf_searchers():
                start = bisect_left(self.known, offset)
                end = bisect_left(self.known, offset + subsearcher.doc_count_all())
                if start < end:  # a segment without known matches needs no matcher at all
                    self.set_subsearcher(subsearcher, offset)
                    self._collect_known(self.known[start:end], offset)
        finally:
            self.finish()

    def _collect_known(self, docnums, offset) -> None:
        matcher = self.matcher
        for docnum in docnums:
            local = docnum - offset
            if not matcher.is_active() or self.expired():
                break
            matcher.skip_to(local)  # jumps over whole posting blocks between the docs we need
            if matcher.is_active() and matcher.id() == local:
                self.collect(local)


class _KnownTop(_KnownMatches, TopCollector):
    """The best-scoring known matches; ties keep the lower docnum first, as Whoosh orders them."""


class _KnownSorted(_KnownMatches, SortingCollector):
    """Known matches in the order of a sort field."""


class _AllowedTop(TopCollector):
    """Whoosh's top collector (skipping blocks that cannot reach the page) over the known matches only."""

    def __init__(self, allowed: frozenset, expired, **kwargs):
        super().__init__(**kwargs)
        self.allowed, self.expired = allowed, expired

    def matches(self):
        """Yield the current segment's matching docnums that are known matches, until the budget is spent."""
        for local in super().matches():
            if self.expired():
                return
            if local + self.offset in self.allowed:
                yield local
