"""The query box on Typesense: claimsearch's syntax parsed as for Whoosh, then said as q and filter_by.

Words and phrases every hit must have go to ``q`` (ranked and highlighted; ``-word`` excludes);
fields, OR groups and facet values become ``filter_by`` clauses. What Typesense 0.24 cannot say
(wildcards, ranges, a phrase inside OR, NOT of a field's words) is a BadParameter, never a
different result.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, TEXT, Schema

from ..errors import BadParameter
from ..index.schema import CONTEXT_FIELD, SEARCH_FIELDS
from ..query.parse import USER_FIELDS, parse_text

TEXT_FIELDS = frozenset(SEARCH_FIELDS)  # searched by words; every other field matches a whole value


@dataclass
class TextQuery:
    """The query box as Typesense parameters: q's parts, filter clauses (all must hold), notes."""

    words: list[str] = field(default_factory=list)
    filters: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    nothing: bool = False  # the query can match no document (only words left out)

    @property
    def q(self) -> str:
        """Return Typesense's q: the words, "phrases" and -exclusions, or * for every document."""
        return " ".join(self.words) or "*"


def parse_schema() -> Schema:
    """Return the fields the query box may name, analysed as Typesense matches them (no stemming)."""
    # Typesense matches words as written (lowercased): stems would find nothing there.
    plain = RegexTokenizer() | LowercaseFilter()
    schema = Schema()
    for name in (*USER_FIELDS, CONTEXT_FIELD):
        schema.add(name, TEXT(analyzer=plain) if name in TEXT_FIELDS else ID())
    return schema


SCHEMA = parse_schema()


def text_query(q: str) -> TextQuery:
    """Return the Typesense form of the query box; BadParameter for syntax it cannot express."""
    tree, notes = parse_text(q, SCHEMA)
    found = TextQuery(notes=list(notes))
    if tree is wq.NullQuery:
        found.nothing = True
        return found
    try:
        _required(tree, found)
    except _Unsupported as exc:
        raise BadParameter("q", q, f"the Typesense backend cannot search {exc} (the Whoosh backend can)") from None
    return found


def _required(node, out: TextQuery) -> None:
    """Add a node every hit must match."""
    if isinstance(node, wq.And):
        for sub in node.subqueries:
            _required(sub, out)
    elif isinstance(node, wq.AndMaybe):
        _required(node.a, out)  # the optional part only ranks in Whoosh
    elif isinstance(node, wq.AndNot):
        _required(node.a, out)
        _excluded(node.b, out)
    elif isinstance(node, wq.Not):
        _excluded(node.query, out)
    elif isinstance(node, wq.Every):
        return
    elif _words(node) is not None and _fields(node) == TEXT_FIELDS:
        out.words.append(_words(node))  # a word in every searched field: what q does by itself
    else:
        if _words(node) is not None:
            out.words.append(_words(node))  # implied by the filter; ranks and highlights the hits
        out.filters.append(_filter(node, phrase_in_q=True))


def _excluded(node, out: TextQuery) -> None:
    """Add a node no hit may match."""
    if _words(node) is not None and _fields(node) == TEXT_FIELDS:
        out.words.append("-" + _words(node))
    elif node.is_leaf() and isinstance(node, wq.Term) and node.field() not in TEXT_FIELDS:
        out.filters.append(f"{node.field()}:!={_value(node.text)}")
    elif isinstance(node, wq.Or):
        for sub in node.subqueries:  # NOT (a OR b) is NOT a AND NOT b
            _excluded(sub, out)
    else:
        raise _cannot("NOT before a field's words or a group")


def _filter(node, phrase_in_q: bool = False) -> str:
    """Return the filter_by clause of a node; ``phrase_in_q``: q also holds its phrase, so its words suffice."""
    if isinstance(node, (wq.And, wq.Or)):
        joiner = " && " if isinstance(node, wq.And) else " || "
        inner = [_filter(sub, phrase_in_q and isinstance(node, wq.And)) for sub in node.subqueries]
        return "(" + joiner.join(inner) + ")"
    if isinstance(node, wq.Term):
        if node.field() in TEXT_FIELDS:
            return f"{node.field()}:{_value(node.text)}"
        return f"{node.field()}:={_value(node.text)}"
    if isinstance(node, wq.Phrase) and phrase_in_q and node.field() in TEXT_FIELDS:
        return "(" + " && ".join(f"{node.field()}:{_value(w)}" for w in node.words) + ")"
    if isinstance(node, wq.Phrase):
        raise _cannot("a phrase inside OR")
    if isinstance(node, (wq.Not, wq.AndNot)):
        raise _cannot("NOT inside OR")
    raise _cannot("wildcards, ranges and fuzzy words")


def _words(node) -> str | None:
    """Return a leaf's or a same-text group's words as q writes them, or None for anything else."""
    leaves = [node] if node.is_leaf() else list(node.subqueries) if isinstance(node, wq.Or) else []
    if not leaves or not all(type(leaf) in (wq.Term, wq.Phrase) and leaf.field() in TEXT_FIELDS for leaf in leaves):
        return None
    texts = {leaf.text if isinstance(leaf, wq.Term) else '"' + " ".join(leaf.words) + '"' for leaf in leaves}
    return texts.pop() if len(texts) == 1 else None


def _fields(node) -> frozenset:
    return frozenset(leaf.field() for leaf in node.leaves()) if not node.is_leaf() else frozenset([node.field()])


def _value(text: str) -> str:
    # Backticks quote a value in filter_by; one inside a value cannot be escaped in 0.24, so it goes.
    return "`" + str(text).replace("`", "") + "`"


class _Unsupported(Exception):
    """Syntax Typesense cannot express; its message names it."""


def _cannot(what: str) -> _Unsupported:
    return _Unsupported(what)
