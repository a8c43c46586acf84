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


STORY = ("Harbour Council approved the new bridge on Monday.\n\n"
         "\"We have waited ten years for this,\" said Mayor Ada Quill.\n\n"
         "The council said the bridge would cost 12 million pounds.\n")
OTHER = "The ferry company said fares would rise by 5% in May, its chief Ben Orr told reporters.\n"


def copies_corpus(root):
    """Write a corpus where one story appears twice with the same bytes, once under another folder."""
    (root / "wire").mkdir(parents=True)
    (root / "bridge.txt").write_text(STORY, encoding="utf-8")
    (root / "ferry.txt").write_text(OTHER, encoding="utf-8")
    (root / "wire" / "bridge.txt").write_text(STORY, encoding="utf-8")
    return root


def test_the_writer_is_told_once_when_a_worker_runs_out_of_files(tmp_path, monkeypatch):
    monkeypatch.setattr(prepare, "CHUNK_FILES", 1)
    monkeypatch.setattr(prepare, "IN_FLIGHT", 2)
    for k in range(12):
        (tmp_path / f"{k:02}.txt").write_text(OTHER.replace("5%", f"{k}%"), encoding="utf-8")
    items = [(path, path.name) for path in sorted(tmp_path.glob("*.txt"))]
    consumed, told = [], []
    for ready in prepare.prepared_in_workers(items, tmp_path, 2, lambda: told.append(len(consumed))):
        consumed.append(ready.rel)
    assert consumed == [rel for _, rel in items] and len(items) == 12
    # not before the last chunk went to a worker: the other one has nothing left then
    assert len(told) == 1 and len(items) - 2 <= told[0] < len(items)


def counting_extract(monkeypatch):
    calls = []
    real = prepare.extract
    for module in (prepare, indexer):  # the loader's and the writer's, which extracts what came without
        monkeypatch.setattr(module, "extract", lambda article: calls.append(article.path) or real(article))
    return calls


def test_a_copy_is_extracted_once_and_indexed_as_its_own_file(tmp_path, monkeypatch):
    corpus = copies_corpus(tmp_path / "corpus")
    monkeypatch.setattr(prepare, "HELD_MAX", 0)  # nothing held: every file extracted, as before copies were reused
    indexer.build(corpus, tmp_path / "each")
    monkeypatch.undo()
    calls = counting_extract(monkeypatch)
    summary = indexer.build(corpus, tmp_path / "reused")
    assert len(calls) == 2 and summary.articles == 3 and summary.quotes == 2
    each, reused = index_contents(tmp_path / "each"), index_contents(tmp_path / "reused")
    assert each == reused
    paths = {dict(stored).get("path") for _, stored in reused[0]}
    assert {"bridge.txt", "wire/bridge.txt", "ferry.txt"} <= paths  # each copy keeps its own path


def test_a_build_with_workers_reuses_copies_as_one_without(tmp_path, monkeypatch):
    corpus = copies_corpus(tmp_path / "corpus")
    indexer.build(corpus, tmp_path / "serial")
    monkeypatch.setattr(prepare, "workers_for", lambda count: 1)
    indexer.build(corpus, tmp_path / "first-chunk")  # the copy is in the worker's first chunk: extracted again
    # One file a chunk: the copy (third) comes after the copies are found, so it is not extracted.
    monkeypatch.setattr(prepare, "CHUNK_FILES", 1)
    found = []
    real_find = prepare.Copies.find
    monkeypatch.setattr(prepare.Copies, "find", lambda self, paths: found.append(len(paths)) or real_find(self, paths))
    here = counting_extract(monkeypatch)  # the worker's calls are counted in its own memory
    indexer.build(corpus, tmp_path / "workers")
    assert 3 in found  # the copies were looked for among the three files
    assert here == []  # the copy was given the worker's extractions: the writer extracted nothing
    serial = index_contents(tmp_path / "serial")
    assert serial == index_contents(tmp_path / "workers") == index_contents(tmp_path / "first-chunk")


def test_a_copy_rewritten_after_the_comparison_is_extracted_again(tmp_path):
    corpus = copies_corpus(tmp_path)
    items = [(path, path.name) for path in sorted(corpus.rglob("*.txt"))]  # bridge, ferry, wire/bridge
    copies = prepare.Copies([path for path, _ in items])
    assert [copies.extracting(n) for n in range(3)] == [True, True, False]
    copies.fill(0, prepare.prepare(items[0][0], corpus, "bridge.txt"))
    (corpus / "wire" / "bridge.txt").write_text(STORY + "A later paragraph.\n", encoding="utf-8")
    changed = copies.fill(2, prepare.prepare(items[2][0], corpus, "wire/bridge.txt", extracting=False))
    assert [extraction for _, extraction in changed.articles] == [None]  # the writer extracts it
    assert not copies.held  # the original's extractions are let go after its last copy


def test_the_extractions_held_for_copies_are_bounded(tmp_path, monkeypatch):
    for name in ("a1", "b1", "a2", "b2"):  # a2 copies a1, b2 copies b1: two originals wait at once
        (tmp_path / f"{name}.txt").write_text(f"Story {name[0]} said the council.\n", encoding="utf-8")
    paths = sorted(tmp_path.glob("*.txt"))
    assert [p.stem for p in paths] == ["a1", "a2", "b1", "b2"]
    paths = [paths[0], paths[2], paths[1], paths[3]]
    monkeypatch.setattr(prepare, "HELD_MAX", 1)
    copies = prepare.Copies(paths)
    assert [copies.extracting(n) for n in range(4)] == [True, True, False, True]
