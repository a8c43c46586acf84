"""Documents in both directions (index/records.py): an article's documents read back as its public records."""
from __future__ import annotations

import dataclasses
import datetime as dt

from search.extract import extract
from search.index.records import (EXPORT_COLUMNS, article_record, documents_for, export_record, hit_record,
                                  statement_record)
from search.index.schema import make_schema
from search.ingest.formats import load_plain
from search.models import Extraction

TEXT = ("Harbour vote splits Portwick council\n\nPublished: 3 May 2024\n\n"
        "Mayor Ada Quill said \"the harbour plan will bring 300 jobs to Portwick\" on Monday.\n")


def stored_documents():
    """Return the article's documents as the index stores them: only the stored fields."""
    article = load_plain(TEXT, "portwick.txt")
    stored = {name for name, field in make_schema().items() if field.stored}
    docs = [{k: v for k, v in doc.items() if k in stored} for doc in documents_for(article, extract(article))]
    return article, docs


def test_every_document_reads_back_as_a_record_with_the_export_columns():
    article, docs = stored_documents()
    records = [export_record(doc) for doc in docs]
    assert all(tuple(r) == EXPORT_COLUMNS for r in records)
    head, statements = records[0], records[1:]
    assert head["kind"] == "article" and head["text"] is None and head["title"] == article.title
    assert head["date"] == dt.date(2024, 5, 3).isoformat()
    quote = next(r for r in statements if r["kind"] == "quote")
    assert quote["text"] == "the harbour plan will bring 300 jobs to Portwick"
    assert TEXT[quote["start"]:quote["end"]] == quote["text"]
    assert quote["title"] == article.title and quote["article_id"] == article.id


def test_hits_statements_and_articles_share_the_mapping():
    article, docs = stored_documents()
    head, statement = docs[0], next(d for d in docs if d["kind"] == "quote")
    assert hit_record(head)["id"] == article_record(head)["id"] == article.id
    assert "start" not in hit_record(head) and article_record(head)["paragraphs"][0]["start"] == 0
    hit, listed = hit_record(statement), statement_record(statement)
    for key in ("id", "kind", "text", "speaker", "start", "end"):
        assert hit[key] == listed[key] == export_record(statement)[key]
    assert "article_title" not in hit and "article_title" not in listed


def test_extractions_speaker_id_decides_a_statements_speaker_id_and_the_full_names_id_is_the_fallback():
    article = load_plain(TEXT, "portwick.txt")
    found = extract(article)
    quote = next(q for q in found.quotes if q.kind == "quote")
    with_id = Extraction([dataclasses.replace(quote, speaker_id="p7")], [], [])
    without = Extraction([dataclasses.replace(quote, speaker_id=None)], [], [])
    assert documents_for(article, with_id)[1]["speaker_id"] == "p7"
    assert quote.speaker == "Ada Quill" and documents_for(article, without)[1]["speaker_id"] == "ada-quill"
