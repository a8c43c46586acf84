"""Documents in both directions: an Article and its Extraction as Whoosh documents, and stored
documents as the public records of hits, exports and article pages.

The only module that knows which stored field gives which public key.
"""
from __future__ import annotations

import datetime as dt

from ..compare.text import sentence_around
from ..models import ACT, Article, Extraction
from .schema import CONTEXT_FIELD, TEXT_FIELD
from .speakers import filter_keys, identity

# The public record of any document, in the export's column order.
# versions and story come from the build's comparisons (None where not known), filled by the caller.
EXPORT_COLUMNS = ("id", "article_id", "kind", "speaker", "speaker_id", "mention", "text", "title", "source",
                  "author", "date", "url", "start", "end", "value", "unit", "versions", "story", "form")
# Documents of an article are written together, the article first, then its statements in this
# order and numbered in it: search/query/searcher.py reads a statement's number from that order.
STATEMENT_LETTERS = {"quote": "q", "claim": "c", "figure": "f"}
HIT_KEYS = ("id", "article_id", "kind", "title", "source", "author", "date", "url", "text", "speaker",
            "speaker_id")


def article_fields(article: Article) -> dict:
    """Return the fields every document of the article shares (outlet, author, date)."""
    fields = {"article_id": article.id, "path": article.path, "url": article.url}
    if article.source:
        fields["source"] = article.source
    if article.author:
        fields["author"] = article.author
    if article.date:
        fields["date"] = dt.datetime.combine(article.date, dt.time())
        fields["month"] = article.date.strftime("%Y-%m")
    return fields


def documents_for(article: Article, extraction: Extraction) -> list[dict]:
    """Return the article's document followed by one document per statement."""
    shared = article_fields(article)
    quotes, claims, figures = numbered(article, extraction)
    names = [q.speaker for _, q in quotes] + [c.claimer for _, c in claims]
    speakers = list(dict.fromkeys(n for n in names if n))
    head = dict(
        shared, doc_id=article.id, kind="article", title=article.title or article.path,
        # The body already holds the statements' words; their own documents index them again
        # by kind, so the article does not repeat them (a tenth of the build's postings).
        body=article.body, speaker="; ".join(speakers),
        paragraphs=[[span.start, text] for span, text in article.paragraph_texts()],
    )
    docs = [_clean(head)]
    title = article.title or article.path
    # Cleaned once here: each statement then cleans only the fields it adds that can be empty.
    shared = _clean(dict(shared, **{CONTEXT_FIELD: " ".join([title, lead(article)])}))
    for doc_id, quote in quotes:
        docs.append(_statement(shared, doc_id, "quote", quote.text, quote.speaker,
                               quote, title, mention=quote.speaker_mention, cue=quote.cue))
    for doc_id, claim in claims:
        docs.append(_statement(shared, doc_id, "claim", claim.text, claim.claimer,
                               claim, title, mention=claim.claimer_mention, cue=claim.cue, form=claim.form))
    for doc_id, fig in figures:
        # The measure joins the indexed text, so 'oil price' finds '$50 a barrel'.
        text = f"{fig.text} ({fig.measure})" if fig.measure else fig.text
        docs.append(_statement(shared, doc_id, "figure", text, fig.claimer or fig.claimed_by, fig, title,
                               {"value": float(fig.value), "topic": fig.topic}, value=fig.value, unit=fig.unit,
                               qualifier=fig.qualifier, topic=fig.topic, measure=fig.measure))
    return docs


def lead(article: Article) -> str:
    """Return the article's first kept paragraph: with the title, what the story is about."""
    return next((text for _, text in article.paragraph_texts()), "")


def numbered(article: Article, extraction: Extraction):
    """Return (id, record) pairs for the quotes (not fragments), claims and figures, ids as indexed."""
    quotes = [q for q in extraction.quotes if q.kind == "quote"]
    kinds = (("quote", quotes), ("claim", extraction.claims), ("figure", extraction.figures))
    # statement_id's text, its prefix made once per kind: a build numbers 33,000 statements twice
    return tuple([(f"{prefix}{n}", r) for n, r in enumerate(records, 1)]
                 for prefix, records in ((f"{article.id}#{STATEMENT_LETTERS[kind]}", rs) for kind, rs in kinds))


def statement_id(article_id: str, kind: str, n: int) -> str:
    """Return the doc id of an article's n-th statement of a kind ('a1#q2': its second quote)."""
    return f"{article_id}#{statement_number(kind, n)}"


def statement_number(kind: str, n: int) -> str:
    """Return the part of a statement's doc id after its article's ('q2', 'c1', 'f3')."""
    return f"{STATEMENT_LETTERS[kind]}{n}"


def article_ids_of(doc_id: str) -> set[str]:
    """Return the article ids a doc id can belong to: itself (an article's) or the part before its last '#'."""
    return {doc_id, doc_id.rpartition("#")[0]} - {""}


def _statement(shared, doc_id, kind, text, speaker, record, title, fields=(), **detail):
    """Return a statement's document from its article's cleaned fields, without empty values."""
    doc = dict(shared, doc_id=doc_id, kind=kind, start=record.start, end=record.end, body=text,
               detail=dict(detail, article_title=title))
    if speaker:
        sid, names = identity(record, speaker)
        doc["speaker"] = speaker
        if sid:  # unnamed sources ('a spokesman') keep their words but are no person in the facet
            doc["speaker_facet"], doc["speaker_id"] = speaker, sid
        keys = filter_keys(names)
        if keys:
            doc["speaker_keys"] = keys
    doc.update(fields)
    # Only these fields can be empty here (the others are set only when not): most docs need no cleaning.
    maybe_empty = doc["start"] is None or doc["end"] is None or not text or not doc.get("topic", "-")
    return _clean(doc) if maybe_empty else doc


def _clean(doc: dict) -> dict:
    """Drop empty values: Whoosh would index None as a term."""
    # what `v not in (None, "", [])` keeps, at half its cost (it also asks each value == None)
    return {k: v for k, v in doc.items() if v is not None and v != "" and v != []}


def comparison_records(article: Article, extraction: Extraction) -> tuple[list[dict], list[dict], dict]:
    """Return the quote and figure records the cross-outlet comparison needs (ids as indexed), and the article's."""
    base = {"article_id": article.id, "title": article.title or article.path, "source": article.source,
            "date": article.date.isoformat() if article.date else None}
    quotes, _, figures = numbered(article, extraction)
    # utterance, speaker_id, named, measure and claimer: from newer extractors, None before them
    return ([dict(base, id=i, speaker=q.speaker, mention=q.speaker_mention, text=q.text,
                  utterance=getattr(q, "utterance", None), speaker_id=getattr(q, "speaker_id", None),
                  named=getattr(q, "named", None)) for i, q in quotes],
            [dict(base, id=i, value=f.value, unit=f.unit, qualifier=f.qualifier, claimed_by=f.claimed_by,
                  speaker=f.claimer or f.claimed_by,
                  topic=f.topic, text=f.text, sentence=sentence_around(article.text, f.start, f.end),
                  measure=getattr(f, "measure", None), claimer=getattr(f, "claimer", None)) for i, f in figures],
            dict(base, id=article.id, text=article.body or article.text))  # the story, not front matter or bylines


def export_record(stored: dict) -> dict:
    """Return the flat public record of one stored document, keys in EXPORT_COLUMNS order."""
    kind = stored["kind"]
    detail = stored.get("detail") or {}
    statement = kind != "article"
    record = {
        "id": stored["doc_id"], "article_id": stored["article_id"], "kind": kind,
        "speaker": stored.get("speaker") if statement else None,
        "speaker_id": stored.get("speaker_id") if statement else None,
        "mention": detail.get("mention"),
        "text": stored.get(TEXT_FIELD) if statement else None,
        "title": stored.get("title") or detail.get("article_title"),
        "source": stored.get("source"), "author": stored.get("author"), "date": _iso_date(stored),
        "url": stored.get("url"),
        "start": stored.get("start") if statement else None,
        "end": stored.get("end") if statement else None,
        "value": detail.get("value"), "unit": detail.get("unit"), "versions": None, "story": None,
        "form": detail.get("form"),  # a claim's 'statement' or 'act' (models.Claim.form); None before forms
    }
    return {name: record[name] for name in EXPORT_COLUMNS}


def hit_record(stored: dict) -> dict:
    """Return a search hit's public fields (no score or snippet): a statement adds its offsets and details."""
    record = export_record(stored)
    out = {key: record[key] for key in HIT_KEYS}
    if out["kind"] != "article":
        out.update(start=stored.get("start"), end=stored.get("end"), **_details(stored))
    return out


def statement_record(stored: dict) -> dict:
    """Return a statement as its article's page lists it."""
    return {"id": stored["doc_id"], "kind": stored["kind"], "text": stored.get(TEXT_FIELD),
            "speaker": stored.get("speaker"), "speaker_id": stored.get("speaker_id"),
            "start": stored.get("start"), "end": stored.get("end"), **_details(stored)}


def article_record(stored: dict) -> dict:
    """Return an article's metadata and paragraphs (with offsets) as its page shows them."""
    return {"id": stored["article_id"], "title": stored.get("title"), "source": stored.get("source"),
            "author": stored.get("author"), "url": stored.get("url"), "path": stored.get("path"),
            "date": _iso_date(stored),
            "paragraphs": [{"start": start, "text": text} for start, text in stored.get("paragraphs") or []]}


def is_act(record: dict) -> bool:
    """Return True for a claim read as an act ('endorsed Clinton'): pages list it apart from claims."""
    return record.get("form") == ACT


def shown_kind(record: dict) -> str:
    """Return the kind a page labels a public record with: 'act' for a claim read as one, else its kind."""
    return ACT if is_act(record) else record["kind"]


def _iso_date(stored: dict) -> str | None:
    return stored["date"].date().isoformat() if stored.get("date") else None


def _details(stored: dict) -> dict:
    """Return a statement's kind-specific extras (mention, cue, value, unit...), not its article's title."""
    return {k: v for k, v in (stored.get("detail") or {}).items() if k != "article_title"}
