"""Typesense builds: every document in a new collection, then the alias swapped to it (old one dropped)."""
from __future__ import annotations

import datetime as dt
import time

from ..errors import ClaimsearchError
from ..index import indexer, prepare
from ..index.schema import FACETS, TEXT_FIELD
from ..ingest import documents

ALIAS = "claimsearch"  # searches read the alias, so a build swaps in atomically
IMPORT_BATCH = 1000  # documents per import request
TEXT_FIELDS = ("title", TEXT_FIELD, "speaker")


def collection_schema(name: str) -> dict:
    """Return the collection's schema: searched text, one facet field per FACETS entry, date for sorting."""
    fields = [{"name": field, "type": "string", "optional": True} for field in TEXT_FIELDS]
    fields += [{"name": facet.column, "type": "string", "facet": True, "optional": True} for facet in FACETS]
    fields += [{"name": "article_id", "type": "string"}, {"name": "date", "type": "int64", "optional": True}]
    return {"name": name, "fields": fields}


def typesense_document(doc: dict) -> dict:
    """Return a Whoosh build document as a Typesense one: ``id`` from doc_id, the date as epoch seconds."""
    out = {key: value for key, value in doc.items() if key != "doc_id"}
    out["id"] = doc["doc_id"]
    if isinstance(doc.get("date"), dt.datetime):
        out["date"] = int(doc["date"].replace(tzinfo=dt.timezone.utc).timestamp())
    return out


class Importer:
    """Collects documents as a Whoosh writer would and imports them into one collection in batches."""

    def __init__(self, conn, collection: str):
        self.conn, self.collection, self.pending = conn, collection, []

    def add_document(self, **doc) -> None:
        """Queue one document; import a full batch."""
        self.pending.append(typesense_document(doc))
        if len(self.pending) >= IMPORT_BATCH:
            self.flush()

    def flush(self) -> None:
        """Import the queued documents; one refused document fails the build with its reason."""
        batch, self.pending = self.pending, []
        if not batch:
            return
        answers = self.conn.write(lambda c: c.collections[self.collection].documents.import_(
            batch, {"action": "create"}))
        refused = [(doc["id"], answer.get("error")) for doc, answer in zip(batch, answers) if not answer["success"]]
        if refused:
            raise ClaimsearchError(f"Typesense refused {len(refused)} document(s), first {refused[0]}")


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
    name = f"{ALIAS}_{time.time_ns()}"
    conn.write(lambda c: c.collections.create(collection_schema(name)))
    summary, importer = indexer.Summary(), Importer(conn, name)
    summary.skipped.extend((s.path, s.reason) for s in listing.skipped)
    batch = indexer.Batch(corpus, {"corpus": str(corpus.resolve()), "files": {}}, summary, on_file,
                          preparer=preparer)
    try:
        batch.add(importer, listing.files, prepare.workers_for(len(listing.files)))
        importer.flush()
        previous = current_collection(conn)
        conn.write(lambda c: c.aliases.upsert(ALIAS, {"collection_name": name}))
    except BaseException:
        # A failed or interrupted build leaves the alias, and so every search, on the old collection.
        _drop(conn, name)
        raise
    if previous:
        _drop(conn, previous)
    summary.build, summary.seconds = name, time.monotonic() - started
    return summary


def _drop(conn, name: str) -> None:
    try:
        conn.write(lambda c: c.collections[name].delete())
    except (ClaimsearchError, conn.errors.ObjectNotFound):
        pass  # best effort: an orphan collection costs RAM but serves nothing
