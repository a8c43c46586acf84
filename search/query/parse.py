"""Turn validated search parameters into Whoosh queries; never touches an index."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.qparser import MultifieldParser

from ..index.schema import FACET_COLUMNS, FIELD_BOOSTS, SEARCH_FIELDS

SORTS = ("relevance", "newest", "oldest")
# Field prefixes a user may write; anything else before a colon is plain text.
# `quotes:word` means the word in a quote: statements share the body field, told apart by kind.
KIND_PREFIXES = {"quotes": "quote", "claims": "claim", "figures": "figure"}
USER_FIELDS = {"title", "body", "speaker", "source", "author", "kind", "topic", "month"} | set(KIND_PREFIXES)
# Facet name in the API -> the indexed field its filter matches (the registry in index/schema.py).
FILTER_FIELDS = FACET_COLUMNS
PREFIX = re.compile(r"(?<![\w\"])([A-Za-z_]+):")
KIND_PREFIX = re.compile(r"(?<![\w\"])(quotes|claims|figures):", re.IGNORECASE)
OPERATOR_AT_EDGE = re.compile(r"^\s*(AND|OR|NOT)\b|\b(AND|OR|NOT)\s*$")
SYNTAX_CHARS = re.compile(r"[\"()\[\]{}^~*?:+\-!\\/]")


COPIES = ("one", "all")


@dataclass(frozen=True)
class SearchParams:
    """A validated search request."""

    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
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


def build_query(params: SearchParams, schema) -> QueryPlan:
    """Build the Whoosh queries for validated params."""
    text, notes = parse_text(params.q, schema)
    dates = date_range(params.date_from, params.date_to)
    if dates is not None:
        text = wq.And([text, dates]) if not isinstance(text, wq.Every) else dates
    filters = {
        name: wq.Or([wq.Term(FILTER_FIELDS[name], v) for v in values])
        for name, values in params.filters.items() if values
    }
    return QueryPlan(text=text, filters=filters, notes=tuple(notes))


def parse_text(q: str, schema) -> tuple[wq.Query, list[str]]:
    """Parse the query box; fall back to plain words when its syntax is broken."""
    q = q.strip()
    if not q:
        return wq.Every(), []
    parser = text_parser(schema)
    if not syntax_problem(q):
        parsed = try_parse(parser, restrict_prefixes(scope_kind_prefixes(q)))
        if parsed is not None and not isinstance(parsed, type(wq.NullQuery)):
            return parsed, []
    words = " ".join(SYNTAX_CHARS.sub(" ", q).replace("AND", " ").replace("OR", " ").split())
    note = f"Could not read the query syntax; searched for the words: {words or '(none)'}"
    if not words.strip():
        return wq.NullQuery, [note]
    return parser.parse(words.replace("NOT", " ")), [note]


def try_parse(parser, text: str):
    """Return the parsed query, or None where Whoosh's parser fails ("* NOT AND *")."""
    try:
        return parser.parse(text)
    except (IndexError, KeyError, ValueError, TypeError, AttributeError):
        return None


def text_parser(schema) -> MultifieldParser:
    """Return the parser for the query box: all words must match, in any text field."""
    return MultifieldParser(list(SEARCH_FIELDS), schema, fieldboosts=FIELD_BOOSTS)


def scope_kind_prefixes(q: str) -> str:
    """Rewrite `quotes:X` as `(body:X AND kind:quote)`; X is a word, a "phrase" or a (group)."""
    out, pos = [], 0
    for match in KIND_PREFIX.finditer(q):
        if match.start() < pos:
            continue  # inside an operand already rewritten
        end = _operand_end(q, match.end())
        kind = KIND_PREFIXES[match.group(1).lower()]
        out += [q[pos:match.start()], f"(body:{q[match.end():end]} AND kind:{kind})"]
        pos = end
    return "".join(out) + q[pos:]


def _operand_end(q: str, i: int) -> int:
    """Return where the operand starting at i ends: its closing quote or bracket, or a space."""
    if q[i:i + 1] == '"':
        close = q.find('"', i + 1)
        return len(q) if close < 0 else close + 1
    depth, j = 0, i
    while j < len(q) and (depth or not (q[j].isspace() or q[j] == ")")):
        depth += {"(": 1, ")": -1}.get(q[j], 0)
        j += 1
    return j


def restrict_prefixes(q: str) -> str:
    """Turn `unknown:word` into plain words so only user-facing fields can be named."""
    return PREFIX.sub(lambda m: m.group(0) if m.group(1).lower() in USER_FIELDS else m.group(1) + " ", q)


def syntax_problem(q: str) -> bool:
    """Return True for unbalanced quotes or brackets, or a dangling operator."""
    if q.count('"') % 2 or q.count("(") != q.count(")") or q.count("[") != q.count("]"):
        return True
    return bool(OPERATOR_AT_EDGE.search(q))


def date_range(start: dt.date | None, end: dt.date | None):
    """Return a DateRange on the article date, or None when no bound is set."""
    if start is None and end is None:
        return None
    low = dt.datetime.combine(start, dt.time.min) if start else None
    high = dt.datetime.combine(end, dt.time.max) if end else None
    return wq.DateRange("date", low, high)
