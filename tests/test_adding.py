"""The build's document adder writes exactly the index Whoosh's own add_document writes."""
from __future__ import annotations

import pickle
import zlib

import pytest
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.lang.porter import stem

from search.extract import extract
from search.index.records import documents_for
from search.index.schema import make_schema
from search.ingest.documents import corpus_files, load_file
from search.whoosh_ext import analysis, columns, flushing, storage
from search.whoosh_ext.adding import DocumentAdder
from search.whoosh_ext.storage import BuildStorage, SegmentedWriter
from tests.helpers import SEEDS


def seed_documents() -> list[dict]:
    docs = []
    for path in corpus_files(SEEDS):
        for article in load_file(path, SEEDS)[0]:
            docs += documents_for(article, extract(article))
    return docs


def contents(ix, files: bool = True) -> list:
    """Return everything a search reads: postings with values, term statistics, lengths, stored fields,
    columns, and (``files``) the bytes of every segment file but the segment's own record."""
    names = sorted(ix.schema.names())
    with ix.reader() as reader:
        out = [list(reader.iter_postings())]
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            out.append((fieldname, text, info.weight(), info.doc_frequency(), info.min_length(),
                        info.max_length(), info.max_weight()))
        for docnum in range(reader.doc_count_all()):
            out.append(sorted(reader.stored_fields(docnum).items()))
            out.append([reader.doc_field_length(docnum, name) for name in names])
        for name in names:
            out.append(list(reader.column_reader(name)) if reader.has_column(name) else None)
            out.append(reader.field_length(name))
    if not files:
        return out
    segment = ix._segments()[0].segment_id()
    files = sorted(ix.storage.list())
    out += [(name.replace(segment, "SEG"), ix.storage.open_file(name).read()) for name in files
            if segment in name and not name.endswith(".seg")]
    return out


def new_index(path, schema):
    path.mkdir()
    return BuildStorage(str(path)).create_index(schema, indexname="MAIN")


def build(tmp_path, name, schema, docs, adder: bool, limitmb=64, raw_below=0, protocol=2, stored_raw_below=0,
          raw_bytes=0):
    ix = new_index(tmp_path / name, schema)
    writer = ix.writer(limitmb=limitmb, compound=False)
    add = DocumentAdder(writer, protocol, stored_raw_below)
    for doc in docs:
        add.add(doc) if adder else writer.add_document(**doc)
    if adder:
        add.lengths_from_memory()
        flushing.use_for(writer, raw_below, protocol, raw_bytes)  # raw_below 0, protocol 2: Whoosh's bytes
    writer.commit(merge=False)
    return ix


def test_the_seed_documents_index_the_same(tmp_path):
    docs = seed_documents()
    assert len(docs) > 50 and any(len(d) > 12 for d in docs)
    whoosh = build(tmp_path, "whoosh", make_schema(), docs, adder=False)
    ours = build(tmp_path, "ours", make_schema(), docs, adder=True)
    assert contents(ours) == contents(whoosh)


def test_a_spilling_pool_and_repeated_values_index_the_same(tmp_path):
    # A tiny pool spills sorted runs to disk mid-build; repeated values come from the cache.
    schema = Schema(id=ID(stored=True), text=TEXT(stored=True), tags=KEYWORD(commas=True, scorable=True),
                    n=NUMERIC(float, stored=True), words=TEXT(analyzer=make_schema()["body"].analyzer))
    docs = [dict(id=f"d{k}", text="the cat sat on the mat " * (k % 3 + 1), tags="a,b" if k % 2 else "c",
                 n=float(k % 5), words=f"Running runners ran {k} times, the end. Again running.")
            for k in range(400)]
    docs.append(dict(id="empty", text="", words="the of and"))  # nothing indexed: no length
    whoosh = build(tmp_path, "whoosh", schema, docs, adder=False, limitmb=0.05)
    ours = build(tmp_path, "ours", schema, docs, adder=True, limitmb=0.05)
    assert contents(ours) == contents(whoosh)


def test_a_builds_own_blocks_read_back_as_whooshs(tmp_path):
    # Small blocks uncompressed, a value shared by postings (a repeated field value) pickled once
    # per block, values pickled as bytes and stored fields with short strings (protocol 4): other
    # bytes, the same postings, statistics and stored fields.
    docs = seed_documents()
    whoosh = build(tmp_path, "whoosh", make_schema(), docs, adder=False)
    ours = build(tmp_path, "ours", make_schema(), docs, adder=True, raw_below=storage.COMPRESSED_POSTINGS,
                 protocol=storage.PICKLE_PROTOCOL, stored_raw_below=storage.STORED_RAW_BELOW,
                 raw_bytes=storage.COMPRESSED_BYTES)
    assert contents(ours, files=False) == contents(whoosh, files=False)
    assert contents(ours) != contents(whoosh)


def test_blocks_pickled_in_few_bytes_are_written_uncompressed_and_read_back_the_same(tmp_path):
    docs = [{"text": f"alpha w{k}"} for k in range(20)] + [{"text": "beta " * 40 + f"w{k}"} for k in range(20)]
    schema = Schema(text=TEXT(stored=True))
    built = [build(tmp_path, name, schema, docs, adder=True, raw_below=storage.COMPRESSED_POSTINGS,
                   protocol=storage.PICKLE_PROTOCOL, raw_bytes=raw_bytes)
             for name, raw_bytes in (("all", 0), ("raw", storage.COMPRESSED_BYTES))]
    assert contents(built[0], files=False) == contents(built[1], files=False)
    levels = [block_levels(ix, "text", ["alpha", "beta"]) for ix in built]
    # 20 postings each: alpha's pickle under 1000 bytes, beta's (40 positions a posting) over
    assert 0 not in levels[0] and levels[1] == [0, levels[0][1]]


def block_levels(ix, fieldname: str, words: list[str]) -> list[int]:
    """Return the compression level the first block of each word's postings records."""
    segment = ix._segments()[0]
    with ix.reader() as reader:
        offsets = [reader.term_info(fieldname, word)._offset for word in words]
    with ix.storage.open_file(segment.make_filename(".pst")) as postfile:
        data = postfile.read()
    return [pickle.loads(data[offset + 8:])[3] for offset in offsets]  # magic, size, then the block's info


def test_short_stored_fields_are_written_uncompressed_and_read_back_the_same(tmp_path):
    schema = Schema(id=ID(stored=True), text=TEXT(stored=True))
    docs = [dict(id="short", text="the minister said so " * 2), dict(id="long", text="the chancellor said so " * 100)]
    whoosh = build(tmp_path, "whoosh", schema, docs, adder=False)
    ours = build(tmp_path, "ours", schema, docs, adder=True, stored_raw_below=200)
    assert contents(ours, files=False) == contents(whoosh, files=False)
    stored = {ix: next(ix.storage.open_file(name).read() for name in ix.storage.list() if name.endswith("_stored.col"))
              for ix in (whoosh, ours)}
    # the short document's words as they are, the long one's compressed in both
    assert b"the minister said so" in stored[ours] and b"the minister said so" not in stored[whoosh]
    assert b"the chancellor said so the" not in stored[ours]


@pytest.mark.parametrize("size", [0, 1, 999, 1000, columns.STORED_BLOCK - 1, columns.STORED_BLOCK, 65_532, 70_000])
def test_short_stored_fields_are_zlibs_level_0_bytes(size):
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    assert columns.stored_zlib(data) == zlib.compress(data, 0)


def test_documents_through_whooshs_path_and_ours_mix_in_one_segment(tmp_path):
    schema = Schema(id=ID(stored=True), text=TEXT(stored=True))
    docs = [dict(id=f"d{k}", text=f"cat number {k % 7} sat", **({"_boost": 2.0} if k % 3 == 0 else {}))
            for k in range(60)]
    assert contents(build(tmp_path, "ours", schema, docs, adder=True, limitmb=0.002)) == contents(
        build(tmp_path, "whoosh", schema, docs, adder=False, limitmb=0.002))


def test_boosts_take_whooshs_own_path(tmp_path):
    schema = Schema(id=ID(stored=True), text=TEXT)
    docs = [dict(id="a", text="big cat", _boost=2.0), dict(id="b", text="big dog")]
    assert contents(build(tmp_path, "ours", schema, docs, adder=True)) == contents(
        build(tmp_path, "whoosh", schema, docs, adder=False))


def test_a_bad_value_fails_as_in_whoosh(tmp_path):
    schema = Schema(id=ID(stored=True), n=NUMERIC(float, stored=True))
    built = []
    for adder in (True, False):
        ix = new_index(tmp_path / str(adder), schema)
        writer = ix.writer()
        add = DocumentAdder(writer).add if adder else (lambda doc: writer.add_document(**doc))
        add(dict(id="a", n=1.0))
        with pytest.raises(ValueError):
            add(dict(id="b", n="not a number"))
        add(dict(id="c", n=2.0))
        writer.commit()
        built.append(contents(ix))
    assert built[0] == built[1]


def segmented_and_whoosh(tmp_path, name):
    """Return the seed documents written by the build's SegmentedWriter (rolling segments) and by Whoosh."""
    docs = seed_documents()
    ix = new_index(tmp_path / name, make_schema())
    writer = SegmentedWriter(ix)
    for doc in docs:
        writer.add_document(**doc)
        writer.roll_if_full()
    writer.commit()
    return ix, build(tmp_path, "whoosh", make_schema(), docs, adder=False)


def test_segments_rolled_by_a_build_read_lengths_from_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "BUILD_POOL_MB", 0.05)
    ix, whoosh = segmented_and_whoosh(tmp_path, "rolled")
    assert len(ix._segments()) > 1
    with ix.reader() as rolled, whoosh.reader() as single:
        assert sorted(pickle.dumps(p[:2] + p[3:]) for p in rolled.iter_postings()) == sorted(
            pickle.dumps(p[:2] + p[3:]) for p in single.iter_postings())


def test_segments_forked_off_keep_the_documents_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "FIRST_SEGMENT_CHARS", 3_000)  # a child per few documents
    monkeypatch.setattr(storage, "MIN_SPLIT_CHARS", 1_000)
    ix, whoosh = segmented_and_whoosh(tmp_path, "forked")
    assert len(ix._segments()) > 4
    with ix.searcher() as forked, whoosh.searcher() as single:
        assert [forked.stored_fields(n) for n in range(forked.doc_count_all())] == [
            single.stored_fields(n) for n in range(single.doc_count_all())]
        terms = list(single.reader().all_terms())
        assert terms == list(forked.reader().all_terms())
        for fieldname, text in terms:  # global document numbers, weights and positions
            kind = "positions" if fieldname == "body" else "weight"
            assert list(forked.postings(fieldname, text).items_as(kind)) == list(
                single.postings(fieldname, text).items_as(kind))


def test_documents_handed_off_early_keep_their_order(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "MIN_SPLIT_CHARS", 3_000)
    docs = seed_documents()
    ix = new_index(tmp_path / "handed", make_schema())
    writer = SegmentedWriter(ix)
    for doc in docs:
        writer.add_document(**doc)
        writer.hand_off()  # forks only once the last child is done
    writer.commit()
    whoosh = build(tmp_path, "whoosh", make_schema(), docs, adder=False)
    assert len(ix._segments()) > 1
    with ix.searcher() as handed, whoosh.searcher() as single:
        assert [handed.stored_fields(n) for n in range(handed.doc_count_all())] == [
            single.stored_fields(n) for n in range(single.doc_count_all())]


def test_a_child_forked_after_another_finished_starts_with_its_stems(tmp_path, monkeypatch):
    # A result past the pipe's buffer (64 KB) keeps its child alive until read: it still counts as done.
    monkeypatch.setattr(storage.analysis, "STEMS", storage.analysis.Stems())
    monkeypatch.setattr(storage, "MIN_SPLIT_CHARS", 10)
    writer = SegmentedWriter(new_index(tmp_path / "ix", make_schema()))
    words = " ".join(f"zq{k}running" for k in range(8_000))
    writer.add_document(body=words)
    writer.hand_off()
    assert writer.children[0].receiving.poll(60)  # waits for the first child's result
    writer.add_document(body="the second document")
    writer.hand_off()
    assert len(writer.children) == 1 and len(writer.segments) == 1  # the first collected, the second forked
    assert storage.analysis.STEMS.learnt["zq7running"] == stem("zq7running")
    writer.commit()


def test_learnt_stems_are_answered_without_stemming():
    stems = analysis.Stems()
    stems.learn({"walking": "learnt"})
    assert (stems.term("walking"), stems.term("talking")) == ("learnt", "talk")
    assert stems.fresh == {"talking": "talk"}  # what a child returns to its parent
    stems.learn({str(k): None for k in range(analysis.STEMS_KEPT)})  # past the bound: not learnt
    assert len(stems.learnt) == 1


def test_a_handful_of_documents_is_not_handed_off(tmp_path):
    writer = SegmentedWriter(new_index(tmp_path / "ix", make_schema()))
    writer.add_document(**seed_documents()[0])
    writer.hand_off()
    assert not writer.children and len(writer.docs) == 1
    writer.cancel()


def test_the_last_documents_are_halved_by_text_not_count(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "MIN_SPLIT_CHARS", 10)
    forked = []
    monkeypatch.setattr(storage, "SegmentChild", lambda ix, docs: forked.append([d["body"] for d in docs]))
    writer = SegmentedWriter(new_index(tmp_path / "ix", make_schema()))
    for body in ["long " * 12] + ["short text"] * 6:
        writer.add_document(body=body)
    writer.finish_adding()
    writer.writer.cancel()
    assert forked == [["long " * 12], ["short text"] * 6]  # 60 characters each


def test_a_child_without_the_collector_frees_each_rolled_segments_writer(tmp_path, monkeypatch):
    # segment children run with the garbage collector off: a writer is freed when its segment is done
    import gc
    import weakref
    monkeypatch.setattr(storage, "BUILD_POOL_MB", 0.05)
    made, writers = storage._segment_writer, []

    def tracked(ix):
        writer, adder = made(ix)
        writers.append(weakref.ref(writer))
        return writer, adder
    monkeypatch.setattr(storage, "_segment_writer", tracked)
    ix = new_index(tmp_path / "ix", make_schema())
    gc.disable()
    try:
        segments = storage.write_segments(ix, seed_documents())
        assert len(segments) > 2 and [w() for w in writers[:-1]] == [None] * (len(writers) - 1)
    finally:
        gc.enable()


BIG = " ".join(str(k * 7919 % 100_003) for k in range(20_000))  # compressed, still over 64 KB


def test_columns_gathered_per_segment_write_whooshs_bytes(tmp_path):
    # Gaps (documents without a value), numeric defaults, lengths and offsets past a byte and a
    # short, and a document failing after one of its column values went in (then kept one by one).
    schema = Schema(a=ID(stored=True, sortable=True), n=NUMERIC(int, sortable=True, stored=True),
                    big=STORED, text=TEXT(stored=True), z=ID(sortable=True))
    docs = [dict(a=f"v{k % 5}" * (k % 90), n=k % 3, text="word " * (k % 400 + 1),
                 **({"big": BIG} if k % 97 == 0 else {}), **({"z": "last"} if k % 50 == 7 else {}))
            for k in range(300)]
    docs = [{key: value for key, value in doc.items() if value != ""} for doc in docs]
    built = []
    for adder in (True, False):
        ix = new_index(tmp_path / str(adder), schema)
        writer = ix.writer(compound=False)
        add = DocumentAdder(writer).add if adder else (lambda doc: writer.add_document(**doc))
        for k, doc in enumerate(docs):
            add(doc)
            if k == 150:
                with pytest.raises(ValueError):
                    add(dict(a="failed", n="not a number"))
        writer.commit(merge=False)
        built.append(contents(ix))
    assert built[0] == built[1]


def test_columns_gathered_without_a_failure_are_written_at_once(tmp_path, monkeypatch):
    from search.whoosh_ext import columns
    schema = Schema(a=ID(stored=True, sortable=True), n=NUMERIC(int, sortable=True), text=TEXT)
    docs = [dict(a=f"v{k}", n=k % 4, text="a few words") for k in range(0, 40)]
    one_by_one = []
    monkeypatch.setattr(columns.VarBytesColumn.Writer, "add", lambda *args: one_by_one.append(args))
    ours = build(tmp_path, "ours", schema, docs, adder=True)
    assert one_by_one == [] and len(ours.reader().stored_fields(39)) == 1


def test_documents_of_one_shape_in_any_field_order_index_the_same(tmp_path):
    # A document's shape (its field names) is checked and planned once: orders and an unknown field.
    from whoosh.fields import UnknownFieldError
    schema = Schema(id=ID(stored=True), text=TEXT(stored=True), n=NUMERIC(int, stored=True, sortable=True))
    docs = [dict(id=f"d{k}", text=f"word {k}", n=k) if k % 2 else dict(n=k, text=f"other {k}", id=f"d{k}")
            for k in range(20)]
    ix = new_index(tmp_path / "ours", schema)
    writer = ix.writer(compound=False)
    add = DocumentAdder(writer)
    for k, doc in enumerate(docs):
        add.add(doc)
        if k in (3, 4):
            with pytest.raises(UnknownFieldError):
                add.add(dict(id="x", nope="y"))
    writer.commit(merge=False)
    assert contents(ix) == contents(build(tmp_path, "whoosh", schema, docs, adder=False))


def test_a_term_index_past_64_kb_writes_whooshs_bytes(tmp_path):
    # The term index's positions widen from shorts as Whoosh's do; its hash tables are written alike.
    schema = Schema(id=ID(stored=True), text=TEXT)
    docs = [dict(id=f"document-{k:05d}-{'x' * 20}", text=f"word{k} shared") for k in range(2_500)]
    ours = build(tmp_path, "ours", schema, docs, adder=True)
    whoosh = build(tmp_path, "whoosh", schema, docs, adder=False)
    terms = [name for name in ours.storage.list() if name.endswith(".trm")]
    assert terms and ours.storage.file_length(terms[0]) > 2 ** 16
    assert contents(ours) == contents(whoosh)
