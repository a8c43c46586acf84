"""Turn an Article and its Extraction into the Whoosh documents that represent them."""
from __future__ import annotations

import datetime as dt

from .models import Article, Extraction


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
    for doc_id, quote in quotes:
        docs.append(_statement(shared, doc_id, "quote", quote.text, quote.speaker,
                               quote, title, mention=quote.speaker_mention, cue=quote.cue))
    for doc_id, claim in claims:
        docs.append(_statement(shared, doc_id, "claim", claim.text, claim.claimer,
                               claim, title, mention=claim.claimer_mention, cue=claim.cue))
    for doc_id, fig in figures:
        # The measure joins the indexed text, so 'oil price' finds '$50 a barrel'.
        text = f"{fig.text} ({fig.measure})" if fig.measure else fig.text
        doc = _statement(shared, doc_id, "figure", text, fig.claimer or fig.claimed_by, fig, title, value=fig.value,
                         unit=fig.unit, qualifier=fig.qualifier, topic=fig.topic, measure=fig.measure)
        doc.update(value=float(fig.value), topic=fig.topic)
        docs.append(_clean(doc))
    return docs


def numbered(article: Article, extraction: Extraction):
    """Return (id, record) pairs for the quotes (not fragments), claims and figures, ids as indexed."""
    quotes = [q for q in extraction.quotes if q.kind == "quote"]
    return tuple([(f"{article.id}#{letter}{n}", r) for n, r in enumerate(records, 1)]
                 for letter, records in (("q", quotes), ("c", extraction.claims), ("f", extraction.figures)))


def _statement(shared, doc_id, kind, text, speaker, record, title, **detail):
    doc = dict(shared, doc_id=doc_id, kind=kind, start=record.start, end=record.end, body=text,
               detail=dict(detail, article_title=title))
    if speaker:
        doc.update(speaker=speaker, speaker_facet=speaker)
    return _clean(doc)


def _clean(doc: dict) -> dict:
    """Drop empty values: Whoosh would index None as a term."""
    return {k: v for k, v in doc.items() if v not in (None, "", [])}


def comparison_records(article: Article, extraction: Extraction) -> tuple[list[dict], list[dict]]:
    """Return the quote and figure records the cross-outlet comparison needs, ids as indexed."""
    base = {"article_id": article.id, "title": article.title or article.path, "source": article.source,
            "date": article.date.isoformat() if article.date else None}
    quotes, _, figures = numbered(article, extraction)
    return ([dict(base, id=i, speaker=q.speaker, mention=q.speaker_mention, text=q.text) for i, q in quotes],
            [dict(base, id=i, value=f.value, unit=f.unit, qualifier=f.qualifier, claimed_by=f.claimed_by,
                  topic=f.topic, text=f.text) for i, f in figures])
