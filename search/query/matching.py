"""What a query matches, apart from paging: the doc set, facet counts and a did-you-mean."""
from __future__ import annotations

from array import array
from dataclasses import dataclass

from whoosh.qparser import QueryParser

from ..index.schema import SEARCH_FIELDS
from ..whoosh_ext.postings import matching_docs
from .facets import Facet, count_facets, passing
from .parse import SearchParams, syntax_problem, text_parser, try_parse
from .spelling import suggest


@dataclass(frozen=True)
class Matched:
    """What a query matches regardless of page and order: cached per build and generation."""

    allowed: array  # sorted docnums, 4 bytes each: many cached match sets stay small
    total: int
    facets: list[Facet]
    suggestion: str | None


def match(searcher, columns: dict, plan, params: SearchParams, filter_docs=None,
          facet_time_limit: float | None = None, twins=None) -> Matched:
    """Find the matching docs (a copy's doc folded into its ``twins`` one) and count the facets over them."""
    base, filter_sets, allowed = matching(searcher, plan, filter_docs, twins)
    facets = count_facets(base, columns, filter_sets, params.filters, time_limit=facet_time_limit)
    suggestion = _suggest(searcher, params.q, searcher.schema) if not allowed and params.q else None
    return Matched(allowed=array("I", allowed), total=len(allowed),
                   facets=facets, suggestion=suggestion)


def matching(searcher, plan, filter_docs=None, twins=None):
    """Return the docs matching the text (copies folded), each facet's filter set, and the docs passing all."""
    filter_docs = filter_docs or (lambda query: frozenset(matching_docs(searcher, query)))
    base = sorted(matching_docs(searcher, plan.text))
    if twins:
        # A copy's doc goes when its twin in the story's first article matched too: the story is
        # one result and counts once, yet words only a copy has still find it.
        found = frozenset(base)
        base = [doc for doc in base if twins.get(doc) not in found]
    filter_sets = {n: filter_docs(q) for n, q in plan.filters.items()}
    return base, filter_sets, passing(base, filter_sets.values())


def _suggest(searcher, q, schema) -> str | None:
    if syntax_problem(q):
        return None  # the page already notes the broken syntax; Whoosh's parser may fail on it
    parsed = try_parse(text_parser(schema), q)
    if parsed is None:
        return None
    if _every_word_known(searcher, parsed):
        return None  # e.g. a phrase whose words never meet: there is nothing to correct
    # Correct against the text field only (plus any field the user named): each extra field
    # is another scan of its terms, and title and speaker words also occur in the text.
    return suggest(searcher, QueryParser("body", schema).parse(q), q)


def _every_word_known(searcher, parsed) -> bool:
    """Return True when each query term, stemmed, is in some stemmed search field of the index."""
    # Correcting scans a field's terms (tens of ms even with a one-letter prefix), and a zero-hit
    # query made only of known words (a phrase whose words never meet) has nothing to correct.
    reader, analyzer = searcher.reader(), searcher.schema["body"].analyzer
    fields = [f for f in SEARCH_FIELDS if f in searcher.schema and searcher.schema[f].analyzer == analyzer]
    for _, text in parsed.iter_all_terms():
        if not isinstance(text, str):
            return False
        for stem in (token.text for token in analyzer(text)):
            if not any((f, stem) in reader for f in fields):
                return False
    return True
