"""Typesense builds and updates: every document in a new collection, then the alias swapped to it.

A build or update never writes into the collection being served: it fills a new one (and its side
collection of manifest and comparisons, see sidecar), swaps the alias, then drops the old pair. A
failed or interrupted run drops what it made and leaves the alias, and every search, where it was.
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from itertools import chain
from pathlib import Path

from ..errors import ClaimsearchError
from ..index import incremental, indexer, prepare
from ..index.schema import FACETS, SEARCH_FIELDS
from ..ingest import documents
from ..query.searcher import first_copy
from . import sidecar

ALIAS = "claimsearch"  # searches read the alias, so a build swaps in atomically
IMPORT_BATCH = 1000  # documents per import request
TEXT_FIELDS = SEARCH_FIELDS  # searched by words, as the Whoosh backend searches them
ORDER_FIELD = "order"  # build order: ties sort as in Whoosh (document number)
COPY_FIELD = "copy"  # True on the documents of a story's later copies: hidden unless copies=all
# Matched exactly by filters (speaker pages, statements, topics), never counted as facets.
KEY_FIELDS = ("article_id", "speaker_id", "topic")


# Split words where Whoosh's tokenizer does (Typesense would join them): "Matsegora's" holds "matsegora".
# Typesense 0.24 takes only one-byte separators: a curly apostrophe still joins ("Matsegora’s").
TOKEN_SEPARATORS = ["'", "-", "/", ","]


def collection_schema(name: str) -> dict:
    """Return the collection's schema: searched text, facet columns, filter keys, date for sorting."""
    fields = [{"name": field, "type": "string", "optional": True} for field in TEXT_FIELDS]
    fields += [{"name": facet.column, "type": "string", "facet": True, "optional": True} for facet in FACETS]
    fields += [{"name": field, "type": "string", "optional": True} for field in KEY_FIELDS]
    fields += [{"name": "speaker_keys", "type": "string[]", "optional": True},
               {"name": COPY_FIELD, "type": "bool", "optional": True},
               {"name": ORDER_FIELD, "type": "int64", "sort": True},
               # A facet too: its counts per day draw the histogram.
               {"name": "date", "type": "int64", "facet": True, "optional": True}]
    return {"name": name, "fields": fields, "token_separators": TOKEN_SEPARATORS}


def typesense_document(doc: dict) -> dict:
    """Return a Whoosh build document as a Typesense one: ``id`` from doc_id, the date as epoch seconds."""
    out = {key: value for key, value in doc.items() if key != "doc_id"}
    out["id"] = doc["doc_id"]
    if isinstance(doc.get("date"), dt.datetime):
        out["date"] = int(doc["date"].replace(tzinfo=dt.timezone.utc).timestamp())
    if isinstance(doc.get("speaker_keys"), str):  # a comma-separated keyword field in Whoosh
        out["speaker_keys"] = doc["speaker_keys"].split(",")
    return out


class Spool:
    """Takes documents as a Whoosh writer would, onto disk until the build's comparisons are known."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / "documents.jsonl"
        self.file = self.path.open("w", encoding="utf-8")
        self.removed: set[str] = set()  # article ids whose old documents the new build leaves out

    def add_document(self, **doc) -> None:
        """Keep one document."""
        self.file.write(json.dumps(typesense_document(doc), ensure_ascii=False) + "\n")

    def delete_by_term(self, field: str, value: str) -> None:
        """Leave out an article's documents from the live build (Batch.remove calls it with article_id)."""
        self.removed.add(value)

    def documents(self):
        """Yield the kept documents in order."""
        self.file.close()
        with self.path.open(encoding="utf-8") as lines:
            yield from map(json.loads, lines)


def current_collection(conn) -> str | None:
    """Return the collection the alias points to, or None before the first build."""
    try:
        return conn.read(lambda c: c.aliases[ALIAS].retrieve())["collection_name"]
    except conn.errors.ObjectNotFound:
        return None


def build(corpus, conn, on_file=None, preparer=None) -> indexer.Summary:
    """Index every article under corpus into a new collection, swap the alias to it, drop the old one."""
    corpus, started = indexer.check_corpus(corpus), time.monotonic()
    listing = documents.scan_corpus(corpus)
    summary = indexer.Summary()
    summary.skipped.extend((s.path, s.reason) for s in listing.skipped)
    batch = indexer.Batch(corpus, {"corpus": str(corpus.resolve()), "files": {}}, summary, on_file,
                          preparer=preparer)
    with tempfile.TemporaryDirectory(prefix="claimsearch-typesense-") as folder:
        spool = Spool(Path(folder))
        batch.add(spool, listing.files, prepare.workers_for(len(listing.files)))
        summary.build = publish(conn, batch, spool.documents())
    summary.seconds = time.monotonic() - started
    return summary


def update(conn, corpus=None, on_file=None, allow_mass_removal: bool = False, preparer=None) -> indexer.Summary:
    """Bring the live collection in line with the corpus in a new collection (old documents copied over)."""
    started, live = time.monotonic(), current_collection(conn)
    if live is None:
        raise ClaimsearchError("No Typesense build to update: run `claimsearch index --backend typesense` first")
    manifest, comparisons = sidecar.read(conn, live, "manifest"), sidecar.load_comparisons(conn, live)
    corpus = indexer.check_corpus(Path(corpus or manifest["corpus"]))
    summary = indexer.Summary()
    changes = incremental.corpus_changes(corpus, manifest["files"], summary)
    incremental.refuse_mass_removal(changes, manifest["files"], corpus, allow_mass_removal)
    summary.added, summary.changed, summary.removed = map(len, (changes.added, changes.changed, changes.removed))
    summary.build = live
    if changes:
        batch = indexer.Batch(corpus, manifest, summary, on_file, comparisons, preparer)
        to_index = [changes.paths[rel] for rel in changes.added + changes.changed]
        with tempfile.TemporaryDirectory(prefix="claimsearch-typesense-") as folder:
            spool = Spool(Path(folder))
            batch.remove(spool, changes.changed + changes.removed)
            batch.add(spool, to_index, prepare.workers_for(len(to_index)))
            kept = (doc for doc in conn.export(live) if doc.get("article_id") not in spool.removed)
            summary.build = publish(conn, batch, chain(kept, spool.documents()))
    summary.seconds = time.monotonic() - started
    return summary


def publish(conn, batch: indexer.Batch, docs) -> str:
    """Import ``docs`` and the batch's comparisons into a new collection, swap the alias to it, drop the old."""
    comparisons = batch.comparisons.compute()
    later = later_copies(comparisons)
    name = f"{ALIAS}_{time.time_ns()}"
    try:
        conn.write(lambda c: c.collections.create(collection_schema(name)))
        import_documents(conn, name, (_flagged(doc, later, n) for n, doc in enumerate(docs)))
        sidecar.create(conn, name, batch.manifest, comparisons)
        previous = current_collection(conn)
        conn.write(lambda c: c.aliases.upsert(ALIAS, {"collection_name": name}))
    except BaseException:
        # A failed or interrupted run leaves the alias, and so every search, on the old collection.
        drop(conn, name)
        raise
    if previous:
        drop(conn, previous)
    return name


def later_copies(comparisons) -> set[str]:
    """Return the articles that repeat an earlier article's story (shown only when copies=all)."""
    return {aid for ids in comparisons.stories.values() for aid in first_copy(comparisons, ids)[1:]}


def _flagged(doc: dict, later: set[str], order: int) -> dict:
    """Return a document with its build order and, for a later copy of a story, the copy flag."""
    doc = dict(doc, **{ORDER_FIELD: order})
    doc.pop(COPY_FIELD, None)  # an updated build recomputes which articles are copies
    if doc.get("article_id") in later:
        doc[COPY_FIELD] = True
    return doc


def import_documents(conn, name: str, docs) -> None:
    """Import Typesense documents in batches; one refused document fails the build with its reason."""
    batch = []
    for doc in chain(docs, [None]):
        if doc is not None:
            batch.append(doc)
        if batch and (doc is None or len(batch) >= IMPORT_BATCH):
            answers = conn.write(lambda c, batch=batch: c.collections[name].documents.import_(
                batch, {"action": "upsert"}))  # upsert: a retried batch is no error
            refused = [(d["id"], a.get("error")) for d, a in zip(batch, answers) if not a["success"]]
            if refused:
                raise ClaimsearchError(f"Typesense refused {len(refused)} document(s), first {refused[0]}")
            batch = []


def drop(conn, name: str) -> None:
    """Drop a build's collection and its side collection, as far as they exist."""
    for collection in (name, sidecar.side_name(name)):
        try:
            conn.write(lambda c, collection=collection: c.collections[collection].delete())
        except (ClaimsearchError, conn.errors.ObjectNotFound):
            pass  # best effort: an orphan collection costs RAM but serves nothing
