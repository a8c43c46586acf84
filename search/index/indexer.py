"""Build a fresh index and swap it in, or update the live one with changed files only."""
from __future__ import annotations

import functools
import json
import multiprocessing
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index

from .. import compare
from ..errors import BadUsage, ClaimsearchError, IndexMissing
from ..extract import extract
from ..ingest import documents
from ..processes import end_with_parent
from ..whoosh_ext.storage import BuildStorage, SegmentedWriter, committing
from . import prepare
from .records import comparison_records, documents_for
from .schema import make_schema
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


def _check_corpus(corpus: Path) -> Path:
    corpus = Path(corpus)
    if not corpus.exists():
        raise BadUsage(f"Corpus directory not found: {corpus}")
    return corpus


def build(corpus, index_root, on_file=None, preparer=None) -> Summary:
    """Index every article under corpus into a fresh build, then make it live atomically.

    ``preparer(items, corpus)`` yields each file Prepared in order (dask_prepare); None prepares here."""
    corpus, store, started = _check_corpus(corpus), IndexStore(index_root), time.monotonic()
    with store.lock():
        previous = store.current_name()
        store.sweep(keep_previous=None if previous is None else previous)
        build_dir = store.new_build_dir()
        try:
            summary, manifest = _write_build(corpus, build_dir, on_file, preparer)
            summary.build = store.swap_in(build_dir)
        except BaseException:
            # Ctrl-C or a crash: the half-written build goes, the live one stays.
            store.sweep(keep_previous=previous)
            raise
        store.sweep(keep_previous=previous)
    summary.seconds = time.monotonic() - started
    return summary


def _write_build(corpus: Path, build_dir: Path, on_file, preparer=None):
    paths, ignored = documents.list_corpus(corpus)
    summary, manifest = write_index(corpus, build_dir, paths, on_file, prepare.workers_for(len(paths)), preparer)
    summary.skipped.extend((s.path, s.reason) for s in ignored)
    _write_manifest(build_dir, manifest)  # last: a build with a manifest is complete
    return summary, manifest


def write_index(corpus: Path, index_dir: Path, paths: list[Path], on_file, workers: int, preparer=None):
    """Index the files into a new Whoosh index with its comparisons; return the summary and manifest."""
    ix = BuildStorage(str(index_dir)).create_index(make_schema(), indexname=INDEX_NAME)
    summary, manifest = Summary(), {"corpus": str(corpus.resolve()), "files": {}}
    taken: set[str] = set()
    comparisons, saving = compare.Comparisons(), None
    try:
        with committing(SegmentedWriter(ix)) as writer:
            for path, entry in _indexed_files(writer, corpus, paths, workers, summary, taken, comparisons,
                                              preparer):
                if entry is not None:
                    manifest["files"][_rel(path, corpus)] = entry
                if on_file:
                    on_file(path)
                writer.roll_if_full()
            # The last segment's flush and the quote clustering are both a few seconds of pure
            # Python: the clustering runs in a child process while this one flushes.
            saving = multiprocessing.get_context("fork").Process(
                target=_save_comparisons_in_child, args=(os.getpid(), comparisons, index_dir), daemon=True)
            saving.start()
        saving.join()
        if saving.exitcode != 0:
            raise ClaimsearchError("Comparing quotes across articles failed (see the error above)")
    finally:
        if saving is not None and saving.is_alive():
            saving.kill()  # the build failed or was interrupted while the child still worked
            saving.join()
        ix.close()
    return summary, manifest


def _save_comparisons_in_child(parent: int, comparisons, build_dir: Path) -> None:
    end_with_parent(parent)  # a SIGKILLed build must not leave its child writing
    _save_comparisons(comparisons, build_dir)


def _save_comparisons(comparisons, build_dir: Path) -> None:
    compare.save(comparisons.compute(), build_dir)


def save_build_data(build_dir: Path, comparisons, manifest: dict) -> None:
    """Write what lives beside the Whoosh index: comparisons, then the manifest."""
    _save_comparisons(comparisons, build_dir)
    _write_manifest(build_dir, manifest)


def _rel(path: Path, corpus: Path) -> str:
    return path.relative_to(corpus).as_posix() if corpus.is_dir() else path.name


def _indexed_files(writer, corpus: Path, paths: list[Path], workers: int, summary: Summary,
                   taken: set[str], comparisons, preparer=None):
    """Add the files; yield (path, manifest entry or None) in corpus order."""
    if not workers and preparer is None:
        for path in paths:
            yield path, _index_file(writer, path, corpus, summary, taken, comparisons)
        return
    # Extraction runs in worker processes while this one writes: on two cores the build takes
    # about as long as the writing alone.
    items = [(path, _rel(path, corpus)) for path in paths]
    preparer = preparer or functools.partial(prepare.prepared_in_workers, workers=workers)
    for path, ready in zip(paths, preparer(items, corpus)):
        yield path, _add_prepared(writer, ready, summary, taken, comparisons)


def _index_file(writer, path: Path, corpus: Path, summary: Summary, taken: set[str],
                comparisons) -> dict | None:
    """Load, extract and add one file's articles; record a skip instead of failing."""
    ready = prepare.prepare(path, corpus, _rel(path, corpus), extracting=False)
    return _add_prepared(writer, ready, summary, taken, comparisons)


def _add_prepared(writer, ready, summary: Summary, taken: set[str], comparisons) -> dict | None:
    summary.skipped.extend(ready.skipped)
    summary.warnings.extend((ready.rel, w) for w in ready.warnings)
    if ready.entry is None:
        return None
    ids = []
    for article, extraction in ready.articles:
        article.id = _unique_id(article.id, taken)
        _add_article(writer, article, summary, comparisons, extraction)
        ids.append(article.id)
    return dict(ready.entry, articles=ids)


def _unique_id(article_id: str, taken: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{article_id}~{n}"
    taken.add(candidate)
    return candidate


def _add_article(writer, article, summary: Summary, comparisons, extraction=None) -> None:
    if extraction is None:
        extraction = extract(article)
    for doc in documents_for(article, extraction):
        writer.add_document(**doc)
    comparisons.add(*comparison_records(article, extraction))
    summary.articles += 1
    summary.quotes += sum(1 for q in extraction.quotes if q.kind == "quote")
    summary.claims += len(extraction.claims)
    summary.figures += len(extraction.figures)


def _write_manifest(build_dir: Path, manifest: dict) -> None:
    tmp = build_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(tmp, build_dir / MANIFEST)


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
