"""Wildcards and ranges within a budget: each pattern stands for a few of its most frequent words."""
from __future__ import annotations

import dataclasses
import heapq
import re
from dataclasses import dataclass
from fnmatch import translate
from itertools import islice

from whoosh import query as wq

from .parse import QueryPlan

TERMS_PER_PATTERN = 64  # words one pattern stands for in one field
TERMS_PER_QUERY = 128  # words all the patterns of one query stand for together
SCAN_PER_QUERY = 8_000  # vocabulary entries read for all the patterns of one query together
WILDCARD_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Expansion:
    """A query with each pattern replaced by its words, one without them to rank by, notes, the work done."""

    query: wq.Query
    scoring: wq.Query | None = None
    notes: tuple[str, ...] = ()
    terms: int = 0  # words the patterns were replaced by
    scanned: int = 0  # vocabulary entries read to find them


def bounded(plan: QueryPlan, reader) -> QueryPlan:
    """Return ``plan`` with its text query's patterns expanded within the budget, noting any limit."""
    expansion = expand(plan.text, reader)
    return dataclasses.replace(plan, text=expansion.query, scoring=expansion.scoring,
                               notes=plan.notes + expansion.notes)


def expand(query: wq.Query, reader) -> Expansion:
    """Replace each wildcard, prefix and range in ``query`` by at most its share of words."""
    # Whoosh expands a pattern over every matching word of the vocabulary, again for matching,
    # ranking and highlighting: `a* OR b* ... OR z*` is the whole vocabulary, four times over.
    patterns = [leaf for leaf in query.leaves() if isinstance(leaf, wq.MultiTerm)]
    if not patterns:
        return Expansion(query)
    counted = patterns[:TERMS_PER_QUERY]  # at least one word each
    share = min(TERMS_PER_PATTERN, TERMS_PER_QUERY // len(counted))
    scan = SCAN_PER_QUERY // len(counted)
    words, limited, scanned = [], [], 0
    for leaf in counted:
        found, read, complete = _most_frequent(leaf, reader, share, scan)
        words.append(found)
        scanned += read
        if not complete:
            limited.append(_shown(leaf))
    # The walk below meets the patterns in the order leaves() listed them; those past the count get none.
    found = iter(words)
    expanded = _replace_patterns(query, lambda leaf: _words_query(leaf, next(found, [])))
    notes = _notes(limited, share, len(patterns) - len(counted))
    return Expansion(expanded, _scoring(query), notes, sum(map(len, words)), scanned)


def _scoring(query: wq.Query) -> wq.Query:
    """Return ``query`` without its patterns: they say which documents match, not how well."""
    # Whoosh scores a pattern as a constant too; ranking by the OR of hundreds of words would step
    # a union of hundreds of posting lists per document. Only patterns: every match scores alike.
    scoring = _replace_patterns(query, lambda leaf: wq.NullQuery).normalize()
    return wq.Every() if scoring is wq.NullQuery else scoring


def _most_frequent(leaf, reader, share: int, scan: int) -> tuple[list[str], int, bool]:
    """Return up to ``share`` of the pattern's words (most documents first), entries read, completeness."""
    entries = list(islice(_vocabulary(leaf, reader), scan + 1))
    complete = len(entries) <= scan
    matching = [(freq, text) for text, freq in entries[:scan] if freq is not None]
    best = heapq.nlargest(share, matching)
    return [text for _, text in best], min(len(entries), scan), complete and len(matching) <= share


def _vocabulary(leaf, reader):
    """Yield (word, documents) for each vocabulary entry read; documents is None where it does not match."""
    field = reader.schema[leaf.fieldname]
    if isinstance(leaf, (wq.Prefix, wq.Wildcard)):
        text = leaf.text + "*" if isinstance(leaf, wq.Prefix) else leaf.text
        pattern = re.compile(translate(text))  # the glob Whoosh's Wildcard matches
        literal = WILDCARD_CHARS.split(text, 1)[0]
        for btext, info in reader.iter_prefix(leaf.fieldname, literal):
            word = field.from_bytes(btext)
            yield word, info.doc_frequency() if pattern.match(word) else None
    else:  # ranges (and fuzzy terms, which the parser does not make): every entry they read matches
        for fieldname, btext in leaf.expanded_terms(reader):
            yield field.from_bytes(btext), reader.doc_frequency(fieldname, btext)


def _replace_patterns(query, replace) -> wq.Query:
    """Return ``query`` with ``replace(pattern)`` for each pattern, visited in leaf order."""
    if isinstance(query, wq.MultiTerm):
        return replace(query)
    return query if query.is_leaf() else query.apply(lambda sub: _replace_patterns(sub, replace))


def _words_query(leaf, found: list[str]) -> wq.Query:
    if not found:
        # Matches nothing, like the pattern; a NullQuery would be dropped from an And, widening it.
        return wq.Term(leaf.fieldname, "", boost=leaf.boost)
    return wq.Or([wq.Term(leaf.fieldname, word, boost=leaf.boost) for word in found])


def _shown(leaf) -> str:
    """Return the pattern as the user wrote it, without the field Whoosh searched it in."""
    return str(leaf).split(":", 1)[-1]


def _notes(limited: list[str], share: int, dropped: int) -> tuple[str, ...]:
    notes = []
    if limited:
        notes.append(f"Wildcards or ranges matching too many words were searched for at most {share} "
                     f"frequent words each: {', '.join(dict.fromkeys(limited))}")
    if dropped:
        notes.append(f"Too many wildcards and ranges: only the first {TERMS_PER_QUERY} were searched")
    return tuple(notes)
