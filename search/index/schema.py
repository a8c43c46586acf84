"""The Whoosh schema: one document per article and one per quote, claim or figure."""
from __future__ import annotations

from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, SchemaClass

from ..whoosh_ext.analysis import FastStemmingAnalyzer

KINDS = ("article", "quote", "claim", "figure")
STATEMENT_KINDS = KINDS[1:]
# Every document's words live in one field (an article's body, a statement's text): a query
# term then needs one posting list per field below instead of one per kind, several times faster.
TEXT_FIELD = "body"
# Fields searched when a query names none; boosts favour headlines and who said it.
SEARCH_FIELDS = ("title", "body", "speaker")
FIELD_BOOSTS = {"title": 2.0, "speaker": 1.5}
FACET_FIELDS = ("source", "speaker_facet", "kind", "author", "month")


class ClaimsearchSchema(SchemaClass):
    """Articles and their statements share one flat index, told apart by ``kind``."""

    doc_id = ID(stored=True, unique=True)
    article_id = ID(stored=True)
    kind = ID(stored=True, sortable=True)
    title = TEXT(analyzer=FastStemmingAnalyzer(), stored=True, sortable=False)
    body = TEXT(analyzer=FastStemmingAnalyzer(), stored=True)
    # speaker: words, for `speaker:matsegora`; speaker_facet: the canonical name of a
    # statement's speaker, for filters and (as a column) fast facet counts.
    speaker = TEXT(stored=True)
    speaker_facet = ID(sortable=True)
    source = ID(stored=True, sortable=True)
    author = ID(stored=True, sortable=True)
    date = DATETIME(stored=True, sortable=True)
    month = ID(stored=True, sortable=True)
    url = STORED()
    path = STORED()
    start = STORED()
    end = STORED()
    paragraphs = STORED()  # article docs: [[start, text], ...] to mark statements by offset
    detail = STORED()  # kind-specific extras (mention, cue, value, unit, qualifier...)
    # shift_step=16: 4 range terms per value instead of 16; ranges on value stay possible (9% of a build).
    value = NUMERIC(float, stored=True, shift_step=16)
    topic = ID(stored=True, sortable=True)


def make_schema():
    """Return a fresh schema instance."""
    return ClaimsearchSchema()
