"""Plain data passed between loading, extraction, indexing and searching."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) into an article's text."""

    start: int
    end: int


@dataclass
class Article:
    """One news article; every offset refers to ``text`` exactly as read."""

    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    author: str | None = None
    date: dt.date | None = None
    url: str | None = None
    format: str = "txt"
    # Paragraphs that survive cleaning (boilerplate and repeats dropped), in order.
    paragraphs: list[Span] = field(default_factory=list)
    # Cleaned plain text for indexing (Markdown rendered to text).
    body: str = ""
    fingerprint: str = ""

    def paragraph_texts(self):
        """Yield (span, text) for each kept paragraph."""
        for span in self.paragraphs:
            yield span, self.text[span.start:span.end]


@dataclass(frozen=True)
class Quote:
    """A direct quotation (kind 'quote') or a short quoted phrase (kind 'fragment')."""

    text: str
    start: int
    end: int
    kind: str = "quote"
    speaker: str | None = None          # canonical name resolved within the article
    speaker_mention: str | None = None  # the mention nearest the quote, as written
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    utterance: int | None = None        # shared by the pieces of one quote (paragraphs, interruptions)
    named: bool | None = None           # False for an unnamed source ('a spokesman')
    speaker_id: str | None = None       # the corpus-wide canonical id (identities.assign_ids)


STATEMENT, ACT = "statement", "act"  # a Claim's forms


@dataclass(frozen=True)
class Claim:
    """An attributed assertion that is not a direct quotation."""

    text: str
    start: int
    end: int
    claimer: str | None = None
    claimer_mention: str | None = None
    claimer_start: int | None = None
    claimer_end: int | None = None
    cue: str | None = None
    claimer_id: str | None = None  # the corpus-wide canonical id, where the corpus step knows one
    named: bool = False  # False for unnamed sources ('officials', 'a report', an unresolved 'he')
    # 'statement': propositional content ('said that ...', 'believes the deal ...'); 'act': a stance or
    # act on a plain object or event ('endorsed Clinton', 'unveiled a product'), shown apart from claims
    form: str = STATEMENT


@dataclass(frozen=True)
class Figure:
    """A number with the thing counted, its qualifier and who claims it."""

    value: int | float  # exact: an int, or the float that reads back as the written decimal
    unit: str
    text: str
    start: int
    end: int
    qualifier: str | None = None
    claimed_by: str | None = None
    topic: str | None = None
    measure: str | None = None  # what the number quantifies: 'house prices', 'North Korean troops in Russia'
    claimer: str | None = None  # canonical name of who claims it; claimed_by is as the article names them


class Extraction(NamedTuple):
    """What extraction finds in one article."""

    quotes: list[Quote]
    claims: list[Claim]
    figures: list[Figure]


def to_dict(record) -> dict:
    """Return a JSON-ready dict of a Quote, Claim or Figure."""
    data = asdict(record)
    value = data.get("value")
    if isinstance(value, float) and value.is_integer():
        data["value"] = int(value)
    return data
