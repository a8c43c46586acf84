"""What a query matches, apart from paging: the doc set, facet counts and a did-you-mean."""
from __future__ import annotations

from array import array
from dataclasses import dataclass

from whoosh import query as wq

from ..index.schema import SEARCH_FIELDS, TEXT_FIELD
from ..whoosh_ext.postings import matching_docs
from .facets import Facet, Without, count_facets, passing
from .histogram import Histogram, date_histogram
from .parse import SearchParams, parse_tree
from .spelling import suggest


@dataclass(frozen=True)
class Matched:
    """What a query matches regardless of page and order: cached per build and generation."""

    allowed: array  # sorted docnums, 4 bytes each: many cached match sets stay small
    total: int
    facets: list[Facet]
    suggestion: str | None
    histogram: Histogram | None = None  # None when no match is dated


def match(searcher, columns: dict, plan, params: SearchParams, filter_docs=None, expired=None,
          facet_time_limit: float | None = None, twins=None, dates=None) -> Matched:
    """Find the matching docs (a copy's doc folded into its ``twins`` one), count the facets (for at
    most ``facet_time_limit`` s) and, given the date column ``dates``, the matches per period;
    ``expired()`` stops the matching early."""
    base, filter_sets, allowed = matching(searcher, plan, filter_docs, expired, twins)
    facets = count_facets(base, columns, filter_sets, params.filters, time_limit=facet_time_limit,
                          excluded=params.excluded)
    stopped = expired is not None and expired()
    suggestion = _suggest(searcher, params.q) if not allowed and params.q and not stopped else None
    return Matched(allowed=array("I", allowed), total=len(allowed), facets=facets, suggestion=suggestion,
                   # As much work as one facet's count: skipped once the search's time is spent.
                   histogram=date_histogram(allowed, dates) if dates is not None and not stopped else None)


def matching(searcher, plan, filter_docs=None, expired=None, twins=None):
    """Return the docs matching the text (copies folded), each facet's filter sets (kept, Without), and the docs passing all."""
    filter_docs = filter_docs or (lambda query: frozenset(matching_docs(searcher, query)))
    base = sorted(matching_docs(searcher, plan.text, expired))
    if twins:
        # A copy's doc goes when its twin in the story's first article matched too: the story is
        # one result and counts once, yet words only a copy has still find it.
        found = frozenset(base)
        base = [doc for doc in base if twins.get(doc) not in found]
    filter_sets = {n: (filter_docs(q),) for n, q in plan.filters.items()}
    for n, q in plan.exclusions.items():
        filter_sets[n] = filter_sets.get(n, ()) + (Without(filter_docs(q)),)
    return base, filter_sets, passing(base, [s for sets in filter_sets.values() for s in sets])


def _suggest(searcher, q: str) -> str | None:
    """Return a corrected query string for a query without matches, or None."""
    q = q.strip()
    # The same parser and rewrite as the search, with the text field as the default: each extra
    # field is another scan of its terms, and title and speaker words also occur in the text.
    parsed, _ = parse_tree(q, searcher.schema, fields=(TEXT_FIELD,))
    if parsed is None or parsed is wq.NullQuery:
        return None  # the page already notes the broken syntax
    if _every_word_known(searcher, parsed):
        return None  # e.g. a phrase whose words never meet: there is nothing to correct
    return suggest(searcher, parsed, q)


def _every_word_known(searcher, parsed) -> bool:
    """Return True when each query term is in its field, or in a search field analysed alike."""
    # Correcting scans a field's terms (tens of ms even with a one-letter prefix), and a zero-hit
    # query made only of known words (a phrase whose words never meet) has nothing to correct.
    reader, schema = searcher.reader(), searcher.schema
    for fieldname, text in parsed.iter_all_terms():
        if not isinstance(text, str):
            return False
        alike = [f for f in SEARCH_FIELDS if f in schema and schema[f].analyzer == schema[fieldname].analyzer]
        if not any((f, text) in reader for f in [fieldname, *alike]):
            return False
    return True
