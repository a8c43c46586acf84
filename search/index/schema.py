"""The Whoosh schema: one document per article and one per quote, claim or figure."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, STORED, TEXT, FieldType, SchemaClass

from ..whoosh_ext.analysis import FastStemmingAnalyzer, folding_name_analyzer
from .speakers import filter_key

KINDS = ("article", "quote", "claim", "figure")
STATEMENT_KINDS = KINDS[1:]
# Every document's words live in one field (an article's body, a statement's text): a query
# term then needs one posting list per field below instead of one per kind, several times faster.
TEXT_FIELD = "body"
# A statement's article title and lead: found through its story, ranked below its own words.
CONTEXT_FIELD = "context"
# Fields searched when a query names none; boosts favour headlines and who said it.
SEARCH_FIELDS = ("title", "body", "speaker", CONTEXT_FIELD)
FIELD_BOOSTS = {"title": 2.0, "speaker": 1.5, CONTEXT_FIELD: 0.5}


@dataclass(frozen=True)
class FacetField:
    """A facet: its name in the API, the indexed column its filter matches and its counts read."""

    name: str
    column: str
    description: str  # what a value is, for the API reference
    stored: bool = True  # also shown with each hit
    choices: tuple[str, ...] = ()  # the only values allowed, when the set is closed
    pattern: str | None = None  # a regex every value must match
    example: str | None = None
    filter_field: str | None = None  # an indexed field the filter matches instead of the column
    key: Callable[[str], str] | None = None  # how a filter value and an indexed key are compared

    @property
    def filter_column(self) -> str:
        """Return the field the filter's terms are looked up in."""
        return self.filter_field or self.column

    def filter_term(self, value: str) -> str:
        """Return the term a filter value looks up."""
        return self.key(value) if self.key else value

    def problem(self, value: str) -> str | None:
        """Return why ``value`` is not a valid value of this facet, or None when it is."""
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(self.choices)}"
        if self.pattern and not re.match(self.pattern, value):
            return f"must look like {self.example}"
        return None


# The one registry of facets: the schema's columns, the facet counts, the filters, the web
# parameters and the OpenAPI document all come from here. A new facet is one entry (and a value
# for its column in index/records.py); old indexes then ask for a rebuild.
FACETS = (
    FacetField("source", "source", "Outlet"),
    # The speaker filter and counts cover statements only: an article lists several speakers.
    # Filtered through every name a speaker goes by, case-insensitively; counted by canonical name.
    FacetField("speaker", "speaker_facet", "Speaker name or alias (any case)", stored=False,
               filter_field="speaker_keys", key=filter_key),
    FacetField("kind", "kind", "Document kind", choices=KINDS),
    FacetField("author", "author", "Byline"),
    FacetField("month", "month", "Publication month YYYY-MM", pattern=r"^\d{4}-(0[1-9]|1[0-2])$",
               example="2025-02"),
)
FACET_COLUMNS = {facet.name: facet.column for facet in FACETS}
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


class ClaimsearchSchema(SchemaClass):
    """Articles and their statements share one flat index, told apart by ``kind`` (a facet column)."""

    # Stored, not indexed: a document is looked up through its article (records.article_ids_of).
    # A term per document was a third of a build's terms and 15% of its writing.
    doc_id = STORED()
    article_id = ID(stored=True)
    title = TEXT(analyzer=FastStemmingAnalyzer(), stored=True, sortable=False)
    body = TEXT(analyzer=FastStemmingAnalyzer(), stored=True)
    # speaker: words, for `speaker:matsegora`; the speaker facet's column holds the canonical name.
    speaker = TEXT(stored=True, analyzer=folding_name_analyzer())
    speaker_id = ID(stored=True, sortable=True)  # corpus-wide id: speaker pages, links, browse counts
    speaker_keys = KEYWORD(commas=True, scorable=False)  # speakers.filter_keys: the speaker filter
    context = TEXT(analyzer=FastStemmingAnalyzer())  # statements: their article's title and lead
    date = DATETIME(stored=True, sortable=True)
    url = STORED()
    path = STORED()
    start = STORED()
    end = STORED()
    paragraphs = STORED()  # article docs: [[start, text], ...] to mark statements by offset
    detail = STORED()  # kind-specific extras (mention, cue, value, unit, qualifier...)
    # A figure's value, shown with its hit: stored only, since no query reads it (not a user field).
    # Indexed, its range terms were 44,000 postings and 6,400 terms of a 1x build.
    value = STORED()
    topic = ID(stored=True, sortable=True)


class TextColumn(COLUMN):
    """A text value per document kept as a column only (ID's sortable column, no terms)."""

    # The speaker facet is counted from its column and filtered through speaker_keys: its terms
    # were 18,600 postings and 3,700 terms of a 1x build that no query read.
    to_bytes = FieldType.to_bytes
    from_bytes = FieldType.from_bytes

    def __init__(self):
        super().__init__(VarBytesColumn())


def make_schema():
    """Return a fresh schema: the fields above plus one sortable column per facet in FACETS."""
    schema = ClaimsearchSchema()
    for facet in FACETS:
        column_only = facet.filter_field is not None and not facet.stored
        schema.add(facet.column, TextColumn() if column_only else ID(stored=facet.stored, sortable=True))
    return schema
