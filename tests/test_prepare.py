"""The extraction workers' build equals the writer-only build: same stored fields, postings, lengths."""
from __future__ import annotations

from whoosh import index as whoosh_index

from search.index import indexer, prepare
from search.index.store import IndexStore


def index_contents(root):
    ix = whoosh_index.open_dir(IndexStore(root).current_dir(), indexname=indexer.INDEX_NAME)
    with ix.reader() as reader:
        stored = sorted((fields["doc_id"], sorted(fields.items())) for fields in reader.all_stored_fields())
        postings = {(fieldname, text): list(reader.postings(fieldname, text).items_as("positions"))
                    for fieldname, text in reader.all_terms()
                    if reader.schema[fieldname].format.supports("positions")}
        lengths = {doc: [reader.doc_field_length(doc, f) for f in ("title", "body", "speaker")]
                   for doc in reader.all_doc_ids()}
    return stored, postings, lengths


def test_a_build_with_workers_equals_one_without(corpus, tmp_path, monkeypatch):
    indexer.build(corpus, tmp_path / "serial")
    calls = []
    monkeypatch.setattr(prepare, "workers_for", lambda count: calls.append(count) or 1)
    indexer.build(corpus, tmp_path / "workers")
    assert calls  # the worker path really ran
    serial, workers = index_contents(tmp_path / "serial"), index_contents(tmp_path / "workers")
    assert serial[0] == workers[0]  # stored fields
    assert serial[1] == workers[1] and serial[1]  # the same terms and positions
    assert serial[2] == workers[2]  # field lengths, which BM25 scores use
