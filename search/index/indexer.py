"""Build a fresh index and swap it in; the Batch of files both a build and an update write."""
from __future__ import annotations

import errno
import json
import multiprocessing
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index

from .. import compare
from ..errors import BadUsage, ClaimsearchError, IndexMissing
from ..extract import extract
from ..ingest import documents
from ..processes import fewer_collections, forked_for_build
from ..whoosh_ext.storage import BuildStorage, SegmentedWriter, committing
from . import prepare
from .records import comparison_records, documents_for
from .schema import make_schema
from .speakers import CorpusSpeakers, Waiting
from .store import IndexStore

MANIFEST = "manifest.json"
INDEX_NAME = "MAIN"


@dataclass
class Summary:
    """What a build or update did, for the CLI's closing report."""

    articles: int = 0
    quotes: int = 0
    claims: int = 0
    figures: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    added: int = 0
    changed: int = 0
    removed: int = 0
    seconds: float = 0.0
    build: str | None = None


def check_corpus(corpus) -> Path:
    """Return corpus as a Path, or fail with a usage error when it does not exist."""
    corpus = Path(corpus)
    if not corpus.exists():
        raise BadUsage(f"Corpus directory not found: {corpus}")
    return corpus


def build(corpus, index_root, on_file=None, preparer=None) -> Summary:
    """Index every article under corpus into a fresh build, then make it live atomically.

    ``preparer(items, corpus)`` yields each file Prepared in order (dask_prepare); None prepares here."""
    corpus, store, started = check_corpus(corpus), IndexStore(index_root), time.monotonic()
    summary = Summary()
    with store.lock(), fewer_collections():
        summary.build = store.publish(lambda build_dir: _write_build(corpus, build_dir, summary, on_file, preparer))
    summary.seconds = time.monotonic() - started
    return summary


def _write_build(corpus: Path, build_dir: Path, summary: Summary, on_file, preparer=None) -> None:
    listing = documents.scan_corpus(corpus)
    summary.skipped.extend((s.path, s.reason) for s in listing.skipped)
    batch = Batch(corpus, {"corpus": str(corpus.resolve()), "files": {}}, summary, on_file, preparer=preparer)
    staged = write_index(batch, build_dir, listing.files, prepare.workers_for(len(listing.files)))
    os.replace(staged, build_dir / MANIFEST)  # last: a build with a manifest is complete


def write_index(batch: Batch, index_dir: Path, paths: list[Path], workers: int) -> Path:
    """Index the files into a new Whoosh index, save the batch's comparisons and speakers beside it.

    Return the manifest staged beside its name: renamed, it makes the build complete."""
    ix = BuildStorage(str(index_dir)).create_index(make_schema(), indexname=INDEX_NAME)
    comparisons, saving = batch.comparisons, None
    failed = multiprocessing.get_context("fork").Value("i", 0)  # the child's OSError number, if any
    try:
        with committing(SegmentedWriter(ix)) as writer:
            # When a worker runs out of files, its core would sit idle while the last ones are
            # extracted and added: the documents added by then are written meanwhile (hand_off).
            batch.add(writer, paths, workers, after_file=writer.roll_if_full, when_idle=writer.hand_off)
            # The last segments' writing and the comparisons are each a few seconds of pure Python
            # that end the build: they run beside each other, in child processes and this one.
            writer.finish_adding()
            receiving, sending = multiprocessing.get_context("fork").Pipe(duplex=False)
            saving = multiprocessing.get_context("fork").Process(
                target=_save_comparisons_in_child, args=(os.getpid(), comparisons, index_dir, failed, receiving),
                daemon=True)
            saving.start()
            receiving.close()
            _send_clusters(comparisons, sending)
            # The children still write the last segments (a second or so on 1x BBC): written
            # after them, these two files kept one core idle.
            batch.speakers.save(index_dir)
            staged = stage_manifest(index_dir, batch.manifest)
        saving.join()
        if saving.exitcode != 0 and failed.value:
            raise OSError(failed.value, os.strerror(failed.value))  # reported as the parent's own full disk
        if saving.exitcode != 0:
            raise ClaimsearchError("Comparing quotes across articles failed (see the error above)")
        return staged
    finally:
        if saving is not None and saving.is_alive():
            saving.kill()  # the build failed or was interrupted while the child still worked
            saving.join()
        ix.close()


def _send_clusters(comparisons, sending) -> None:
    """Work out the quote clusters here while the saving child groups stories and figures; send them."""
    try:
        with sending:
            sending.send(comparisons.quote_clusters())
    except BrokenPipeError:
        pass  # the child failed first: its exit code tells


def _save_comparisons_in_child(parent: int, comparisons, build_dir: Path, failed, receiving) -> None:
    forked_for_build(parent)  # a SIGKILLed build must not leave its child writing
    try:
        # The parent clusters the quotes meanwhile; EOFError (it died) ends this child too.
        _save_comparisons(comparisons, build_dir, receiving.recv)
    except OSError as exc:
        # A full disk is the parent's one-line message, not a traceback from the child.
        failed.value = exc.errno or errno.EIO
        sys.exit(1)


def _save_comparisons(comparisons, build_dir: Path, clusters) -> None:
    compare.save(comparisons.compute(clusters), build_dir)


class Batch:
    """One build's or update's files going into a Whoosh writer, with their manifest, comparisons and summary."""

    def __init__(self, corpus: Path, manifest: dict, summary: Summary, on_file=None, comparisons=None,
                 preparer=None, speakers=None):
        self.corpus, self.manifest, self.summary, self.on_file = corpus, manifest, summary, on_file
        self.preparer = preparer  # preparer(items, corpus) yields Prepared files in order, elsewhere
        self.comparisons = comparisons if comparisons is not None else compare.Comparisons()
        self.files: dict = manifest["files"]
        self.taken = {a for entry in self.files.values() for a in entry["articles"]}
        self.speakers = speakers if speakers is not None else CorpusSpeakers()
        self.waiting = Waiting()  # articles naming someone by a lone surname: see _add_waiting

    def rel(self, path: Path) -> str:
        """Return the manifest's name for a corpus file."""
        return documents.relative_path(path, self.corpus)

    def remove(self, writer, rels: list[str]) -> None:
        """Delete the documents and comparisons of these manifest files."""
        for rel in rels:
            gone = self.files.pop(rel)["articles"]
            for article_id in gone:
                writer.delete_by_term("article_id", article_id)
            self.comparisons.drop_articles(gone)
            self.speakers.drop(gone)
            self.taken.difference_update(gone)

    def add(self, writer, paths: list[Path], workers: int = 0, after_file=None, when_idle=None) -> None:
        """Load, extract and add the files in order; a file that cannot be read is a skip, not a failure."""
        # when_idle() is called once, when a worker has no file left to extract.
        for path, ready in zip(paths, self._prepared(paths, workers, when_idle)):
            self._add_prepared(writer, ready)
            if self.on_file:
                self.on_file(path)
            if after_file:
                after_file()
        self._add_waiting(writer, workers, after_file)

    def _add_waiting(self, writer, workers: int, after_file) -> None:
        """Write the articles that waited for the whole corpus's names, after re-indexing those it moved."""
        # 'Blair' is 'Tony Blair' only when the corpus has one compatible full name: known at the end.
        moved = set(self.speakers.moved())
        if moved:  # an update added a full name that fits, or a second one, or took the only one away
            rels = [rel for rel, entry in self.files.items() if moved.intersection(entry["articles"])]
            self.remove(writer, rels)
            self.add(writer, [self.corpus / rel if self.corpus.is_dir() else self.corpus for rel in rels],
                     workers, after_file)
        for article, extraction in self.waiting.drain():
            self._add_article(writer, article, extraction)
            if after_file:
                after_file()

    def _prepared(self, paths: list[Path], workers: int, when_idle=None):
        items = [(path, self.rel(path)) for path in paths]
        if self.preparer is not None:
            return self.preparer(items, self.corpus)
        if not workers:
            return prepare.prepared_here(items, self.corpus)
        # Extraction runs in worker processes while this one writes: on two cores the build takes
        # about as long as the writing alone.
        return prepare.prepared_in_workers(items, self.corpus, workers, when_idle)

    def _add_prepared(self, writer, ready) -> None:
        self.summary.skipped.extend(ready.skipped)
        self.summary.warnings.extend((ready.rel, w) for w in ready.warnings)
        if ready.entry is None:
            return
        ids = []
        for article, extraction in ready.articles:
            article.id = _unique_id(article.id, self.taken)
            extraction = extraction if extraction is not None else extract(article)
            if self.speakers.register(article, extraction):
                self.waiting.append(article, extraction)
            else:
                self._add_article(writer, article, extraction)
            ids.append(article.id)
        self.files[ready.rel] = dict(ready.entry, articles=ids)

    def _add_article(self, writer, article, extraction) -> None:
        extraction = self.speakers.apply(article, extraction)
        for doc in documents_for(article, extraction):
            writer.add_document(**doc)
        self.comparisons.add(*comparison_records(article, extraction))
        summary = self.summary
        summary.articles += 1
        summary.quotes += sum(1 for q in extraction.quotes if q.kind == "quote")
        summary.claims += len(extraction.claims)
        summary.figures += len(extraction.figures)


def _unique_id(article_id: str, taken: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{article_id}~{n}"
    taken.add(candidate)
    return candidate


def write_manifest(build_dir: Path, manifest: dict) -> None:
    """Write a build's manifest (corpus path and per-file fingerprints) atomically."""
    os.replace(stage_manifest(build_dir, manifest), build_dir / MANIFEST)


def stage_manifest(build_dir: Path, manifest: dict) -> Path:
    """Write a build's manifest beside its name and return that file; renaming it publishes it."""
    tmp = build_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return tmp


def read_manifest(build_dir: Path) -> dict:
    """Return the manifest of a build (corpus path and per-file fingerprints)."""
    try:
        return json.loads((Path(build_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ClaimsearchError(f"Index at {build_dir} has no readable manifest; rebuild it") from None


def open_index(build_dir: Path):
    """Open a build's Whoosh index; one this version cannot read (other schema, lost class) must be rebuilt."""
    try:
        ix = whoosh_index.open_dir(str(build_dir), indexname=INDEX_NAME)
    except OSError:
        raise  # a disk or permission problem, not an old index
    except Exception as exc:
        # The schema is unpickled from the index, naming each field's analyzer by class path: a
        # class moved or renamed since the build (ImportError, AttributeError) or a table of
        # contents from another Whoosh cannot be read at all.
        raise _rebuild(build_dir, f"{type(exc).__name__}: {exc}") from exc
    if sorted(ix.schema.names()) != sorted(make_schema().names()):
        ix.close()
        raise _rebuild(build_dir, "its fields differ")
    return ix


def _rebuild(build_dir: Path, reason: str) -> IndexMissing:
    return IndexMissing(f"The index at {build_dir.parent.parent} was built by another version of "
                        f"claimsearch ({reason}); rebuild it with `claimsearch index DIR`")
