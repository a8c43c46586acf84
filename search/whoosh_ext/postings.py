"""Which documents a query matches, read a posting block at a time where Whoosh goes doc by doc."""
from __future__ import annotations

from itertools import takewhile

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import And, Not, Or, Term


def matching_docs(searcher, query, expired=None) -> set[int]:
    """Return the global docnums matching ``query``; same answer as ``searcher.docs_for_query``."""
    # ``expired()``, when given, is asked at each node and each document Whoosh steps: once it
    # says True the answer is partial (the request's time budget is spent).
    # Whoosh finds a word's matches by stepping a union of three field matchers one document
    # at a time in Python. Terms, OR, AND and NOT are plain set algebra over whole posting
    # blocks; anything else (phrases, prefixes, ranges) is left to Whoosh.
    if expired is not None and expired():
        return set()
    if isinstance(query, Term):
        return _term_docs(searcher, query.fieldname, query.text)
    if isinstance(query, Or) and not query.minmatch:
        return set().union(*(matching_docs(searcher, sub, expired) for sub in query.subqueries))
    if isinstance(query, And):
        wanted = [sub for sub in query.subqueries if not isinstance(sub, Not)]
        unwanted = [sub.query for sub in query.subqueries if isinstance(sub, Not)]
        if wanted:
            docs = _intersection(searcher, wanted, expired)
            for sub in unwanted:
                if docs:
                    docs -= matching_docs(searcher, sub, expired)
            return docs
    docs = searcher.docs_for_query(query)  # a generator: stepped one document at a time
    return set(docs if expired is None else takewhile(lambda _: not expired(), docs))


def _intersection(searcher, queries, expired) -> set[int]:
    docs = matching_docs(searcher, queries[0], expired)
    for sub in queries[1:]:
        if not docs:
            break
        docs &= matching_docs(searcher, sub, expired)
    return docs


def _term_docs(searcher, fieldname: str, text) -> set[int]:
    if fieldname not in searcher.schema:
        return set()
    try:
        btext = searcher.schema[fieldname].to_bytes(text)
    except ValueError:
        return set()
    docs: set[int] = set()
    for subsearcher, offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        if (fieldname, btext) not in reader:
            continue
        local = _posting_ids(reader.postings(fieldname, btext))
        docs.update(local if not offset else (d + offset for d in local))
    return docs


def _posting_ids(matcher) -> set[int]:
    """Return a term matcher's docnums, whole blocks at a time when its type is known."""
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        # reader.postings() hides deleted documents behind an excluding filter
        return _posting_ids(matcher.child) - matcher._ids
    if isinstance(matcher, W3LeafMatcher):
        ids: set[int] = set()
        while matcher.is_active():
            matcher.id()  # decodes the current block's ids (private API of the pinned whoosh 2.7.5)
            ids.update(matcher._ids)
            matcher._next_block()
        return ids
    return set(matcher.all_ids())  # e.g. a short posting list stored inline (a ListMatcher)
