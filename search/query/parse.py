"""Turn validated search parameters into Whoosh queries; never touches an index."""
from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import MultifieldParser

from ..index.schema import CONTEXT_FIELD, FACET_COLUMNS, FACETS_BY_NAME, FIELD_BOOSTS, SEARCH_FIELDS, TEXT_FIELD

SORTS = ("relevance", "newest", "oldest")
# Field prefixes a user may write; anything else before a colon is plain text.
USER_FIELDS = ("title", "body", "speaker", "source", "author", "kind", "topic", "month")
# `quotes:word` means the word in a quote: statements share the body field, told apart by kind.
# The parser reads these as fields of their own; the tree rewrite scopes them to body and kind.
KIND_FIELDS = {"quotes": "quote", "claims": "claim", "figures": "figure"}
# Facet name in the API -> the indexed field its filter matches (the registry in index/schema.py).
FILTER_FIELDS = FACET_COLUMNS
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})  # Whoosh's operator words
OPERATOR_AT_EDGE = re.compile(r"^\s*(AND|OR|NOT)\b|\b(AND|OR|NOT)\s*$")
PHRASE = re.compile(r'"[^"]*"')
LEADING_WILDCARDS = ("*", "?")
SYNTAX_CHARS = re.compile(r"[\"()\[\]{}^~*?:+\-!\\/]")


COPIES = ("one", "all")


@dataclass(frozen=True)
class SearchParams:
    """A validated search request."""

    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    excluded: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet values a hit must NOT have
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    copies: str = "one"  # "one": each story once (copies folded into it); "all": every copy counts

    def selected(self, facet: str) -> tuple[str, ...]:
        """Return the values selected for one facet."""
        return self.filters.get(facet, ())


@dataclass(frozen=True)
class QueryPlan:
    """The text query, one filter query per selected facet, and notes for the user."""

    text: wq.Query
    filters: dict[str, wq.Query]
    notes: tuple[str, ...] = ()
    scoring: wq.Query | None = None  # what orders the hits, where it is not the text query itself
    exclusions: dict[str, wq.Query] = field(default_factory=dict)  # per facet: what a hit must NOT match

    @property
    def ranking(self) -> wq.Query:
        """Return the query whose scores order the hits."""
        return self.text if self.scoring is None else self.scoring


def build_query(params: SearchParams, schema) -> QueryPlan:
    """Build the Whoosh queries for validated params."""
    text, notes = parse_text(params.q, schema)
    dates = date_range(params.date_from, params.date_to)
    if dates is not None:
        text = wq.And([text, dates]) if not isinstance(text, wq.Every) else dates
    return QueryPlan(text=text, filters=facet_queries(params.filters), notes=tuple(notes),
                     exclusions=facet_queries(params.excluded))


def facet_queries(chosen: dict[str, tuple[str, ...]]) -> dict[str, wq.Query]:
    """Return, per facet with values, the query matching any of its values as the facet compares them."""
    return {name: wq.Or([wq.Term(FACETS_BY_NAME[name].filter_column, FACETS_BY_NAME[name].filter_term(v))
                         for v in values])
            for name, values in chosen.items() if values}


def parse_text(q: str, schema) -> tuple[wq.Query, list[str]]:
    """Parse the query box; fall back to plain words when its syntax is broken."""
    q = q.strip()
    if not q:
        return wq.Every(), []
    parsed, notes = parse_tree(q, schema)
    if parsed is not None and (parsed is not wq.NullQuery or notes):  # notes: the rewrite emptied it
        return parsed, notes
    words = plain_words(q)
    note = f"Could not read the query syntax; searched for the words: {' '.join(words) or '(none)'}"
    parsed = parse_tree(" ".join(words), schema)[0] if words else None
    return (wq.NullQuery if parsed is None else parsed), [note]


def parse_tree(q: str, schema, fields=SEARCH_FIELDS) -> tuple[wq.Query | None, list[str]]:
    """Parse once and rewrite the tree; None when the syntax is broken or Whoosh cannot read it."""
    if syntax_problem(q):
        return None, []
    parsed = try_parse(text_parser(schema, tuple(fields)), q)
    if parsed is None:
        return None, []
    dropped: list[str] = []
    parsed = title_reaches_statements(rewrite(parsed, dropped)).normalize()
    patterns = ", ".join(dict.fromkeys(dropped))  # one per field the word was searched in
    return parsed, [f"Words cannot start with a wildcard; left out: {patterns}"] if dropped else []


def plain_words(q: str) -> list[str]:
    """Return the query's words without syntax: whole tokens, so `NORTH` keeps its `OR`."""
    return [word for word in SYNTAX_CHARS.sub(" ", q).split() if word not in OPERATORS]


def try_parse(parser, text: str):
    """Return the parsed query, or None where Whoosh's parser fails ("* NOT AND *")."""
    try:
        return parser.parse(text)
    except (IndexError, KeyError, ValueError, TypeError, AttributeError):
        return None


def text_parser(schema, fields: tuple[str, ...] = SEARCH_FIELDS) -> MultifieldParser:
    """Return the parser for the query box: all words must match, in any of ``fields``."""
    return MultifieldParser(list(fields), query_schema(schema), fieldboosts=FIELD_BOOSTS)


def query_schema(schema) -> Schema:
    """Return the fields a query may name; the parser turns any other `name:` into plain text."""
    named = Schema()
    for name in USER_FIELDS:
        if name in schema:
            named.add(name, schema[name])
    for name in KIND_FIELDS:  # analysed like the text they search
        named.add(name, schema[TEXT_FIELD])
    if CONTEXT_FIELD in schema:  # searched by default, never named by users
        named.add(CONTEXT_FIELD, schema[CONTEXT_FIELD])
    return named


def rewrite(query: wq.Query, dropped: list[str]) -> wq.Query:
    """Return the parsed tree with kind fields scoped, `*` as match-all and leading wildcards dropped."""
    kind = _kind_field(query)
    if isinstance(query, wq.Every):  # `*` in a field: every document (of that kind), not every word
        return wq.Term("kind", KIND_FIELDS[kind], boost=query.boost) if kind else wq.Every()
    if kind:
        inner = rewrite(query.accept(_in_text_field), dropped)  # now in body: its own rules apply
        return wq.And([inner, wq.Term("kind", KIND_FIELDS[kind])], boost=query.boost)
    if isinstance(query, (wq.Wildcard, wq.Prefix)) and query.text[:1] in LEADING_WILDCARDS:
        # Expanding `*a*` reads a field's whole vocabulary; the note says the word was left out.
        dropped.append(query.text)
        return wq.NullQuery
    if query.is_leaf():
        return query
    return _fold_every(query.apply(lambda sub: rewrite(sub, dropped)))


def _fold_every(query):
    """Return an Or holding `*` as `*`, and an And without it (Whoosh would fold the And into `*`)."""
    if not isinstance(query, (wq.And, wq.Or)) or not any(isinstance(s, wq.Every) for s in query.subqueries):
        return query
    kept = [sub for sub in query.subqueries if not isinstance(sub, wq.Every)]
    if isinstance(query, wq.Or) or not kept:
        return wq.Every()
    return wq.And(kept, boost=query.boost)


def title_reaches_statements(query):
    """Return the tree with each `title:` leaf also finding statements by their article's title (and lead)."""
    if query.is_leaf():
        return _with_context(query) if query.field() == "title" else query
    if isinstance(query, wq.Or) and any(s.is_leaf() and s.field() == CONTEXT_FIELD for s in query.subqueries):
        return query  # a word in the default fields: that group already searches the context
    return query.apply(title_reaches_statements)


def _with_context(query):
    moved = copy.copy(query)
    moved.fieldname = CONTEXT_FIELD
    moved.boost = query.boost * FIELD_BOOSTS[CONTEXT_FIELD]
    return wq.Or([query, moved])


def _kind_field(query) -> str | None:
    """Return the kind field (`quotes`...) when every leaf of ``query`` names that one."""
    fields = {leaf.field() for leaf in query.leaves()}  # a leaf lists itself
    return fields.pop() if len(fields) == 1 and next(iter(fields)) in KIND_FIELDS else None


def _in_text_field(query):
    """Return a kind field's leaf as the same query on the text field."""
    if not query.is_leaf() or query.field() not in KIND_FIELDS:
        return query
    moved = copy.copy(query)
    moved.fieldname = TEXT_FIELD
    return moved


def syntax_problem(q: str) -> bool:
    """Return True for unbalanced quotes or brackets, or a dangling operator."""
    if q.count('"') % 2:
        return True
    bare = PHRASE.sub(" ", q)  # brackets inside a phrase are words
    if bare.count("(") != bare.count(")") or bare.count("[") != bare.count("]"):
        return True
    return bool(OPERATOR_AT_EDGE.search(q))


def date_range(start: dt.date | None, end: dt.date | None):
    """Return a DateRange on the article date, or None when no bound is set."""
    if start is None and end is None:
        return None
    low = dt.datetime.combine(start, dt.time.min) if start else None
    high = dt.datetime.combine(end, dt.time.max) if end else None
    return wq.DateRange("date", low, high)
