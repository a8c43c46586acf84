"""Work done in extraction workers (extraction, text analysis) builds the same index as the writer alone."""
from __future__ import annotations

import pytest
from whoosh import index as whoosh_index

from search import indexer, prepare
from search.records import analyzed_texts, with_analyzed
from search.schema import make_schema
from search.store import IndexStore

TEXTS = [
    "The Minister said: \"We're NOT leaving\" — 12,000 soldiers, the U.S. and the E.U. agreed.",
    "Running runners ran; it's a well-known co-operation of the bank's 3.5% rates in 2005.",
    "a an the of to",  # stop words only: no tokens, no length
]


def relative(postings):
    """Return (term, freq, weight, positions) with positions counted from the document's first token."""
    decoded = [(term, freq, weight, FORMAT.decode_positions(value)) for term, freq, weight, value in postings]
    first = min((p for *_, positions in decoded for p in positions), default=0)
    return sorted((term, freq, weight, [p - first for p in positions]) for term, freq, weight, positions in decoded)


FORMAT = make_schema()["body"].format


@pytest.mark.parametrize("name", ["title", "body", "speaker"])
def test_tokens_index_like_the_text(name):
    field = make_schema()[name]
    for text in TEXTS:
        [tokens] = analyzed_texts([{name: text}], make_schema())
        # Whoosh numbers a text's positions from its first non-stop word ("The" makes it 1), a
        # token list's from 0: every position shifts by the same amount, so phrases match alike.
        assert relative(field.index(tokens[name])) == relative(field.index(text))


def test_the_text_is_stored_and_the_tokens_indexed():
    doc = {"body": "Peace talks", "kind": "quote"}
    [tokens] = analyzed_texts([doc], make_schema())
    assert with_analyzed(doc, tokens) == {"body": ["peac", "talk"], "_stored_body": "Peace talks", "kind": "quote"}
    assert doc == {"body": "Peace talks", "kind": "quote"}  # the input is not changed


def index_contents(root):
    ix = whoosh_index.open_dir(IndexStore(root).current_dir(), indexname=indexer.INDEX_NAME)
    with ix.reader() as reader:
        stored = sorted((fields["doc_id"], sorted(fields.items())) for fields in reader.all_stored_fields())
        postings = {(fieldname, text): list(reader.postings(fieldname, text).items_as("positions"))
                    for fieldname, text in reader.all_terms()
                    if reader.schema[fieldname].format.supports("positions")}
        lengths = {doc: [reader.doc_field_length(doc, f) for f in ("title", "body", "speaker")]
                   for doc in reader.all_doc_ids()}
    return stored, from_first_token(postings), lengths


def from_first_token(postings: dict) -> dict:
    """Shift each document's positions in a field so that its first token is at 0 (see above)."""
    first: dict = {}
    for (fieldname, _), items in postings.items():
        for doc, positions in items:
            first[fieldname, doc] = min(first.get((fieldname, doc), positions[0]), positions[0])
    return {key: [(doc, [p - first[key[0], doc] for p in positions]) for doc, positions in items]
            for key, items in postings.items()}


def test_a_build_with_workers_equals_one_without(corpus, tmp_path, monkeypatch):
    indexer.build(corpus, tmp_path / "serial")
    calls = []
    monkeypatch.setattr(prepare, "workers_for", lambda count: calls.append(count) or 1)
    indexer.build(corpus, tmp_path / "workers")
    assert calls  # the worker path really ran
    serial, workers = index_contents(tmp_path / "serial"), index_contents(tmp_path / "workers")
    assert serial[0] == workers[0]  # stored fields: the texts, not the tokens
    assert serial[1] == workers[1] and serial[1]  # the same terms with the same relative positions
    assert serial[2] == workers[2]  # field lengths, which BM25 scores use
