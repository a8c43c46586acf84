"""Re-index only the files that were added, changed or removed since the last build."""
from __future__ import annotations

import time
from pathlib import Path

from .. import compare
from ..ingest import documents
from ..whoosh_ext.storage import committing
from .indexer import (Summary, _add_prepared, _check_corpus, _index_file, _rel, open_index, read_manifest,
                      save_build_data)
from .store import IndexStore


def update(index_root, corpus=None, on_file=None, preparer=None) -> Summary:
    """Bring the live index in line with the corpus; corpus defaults to the one it was built from.

    ``preparer`` prepares the files elsewhere (dask_prepare), as for indexer.build."""
    store, started = IndexStore(index_root), time.monotonic()
    with store.lock():
        build_dir = store.current_dir()
        manifest = read_manifest(build_dir)
        corpus = _check_corpus(Path(corpus or manifest["corpus"]))
        old = manifest["files"]
        paths = {_rel(p, corpus): p for p in documents.corpus_files(corpus)}
        changed = [rel for rel, p in paths.items() if rel in old and _changed(p, old[rel])]
        added = [rel for rel in paths if rel not in old]
        removed = [rel for rel in old if rel not in paths]
        summary = Summary(added=len(added), changed=len(changed), removed=len(removed))
        if added or changed or removed:
            _apply(build_dir, corpus, manifest, paths, added + changed, changed + removed, summary, on_file,
                   preparer)
        summary.build = build_dir.name
    summary.seconds = time.monotonic() - started
    return summary


def _changed(path: Path, entry: dict) -> bool:
    """Return True when the file's content differs from the manifest's record."""
    stat = path.stat()
    if stat.st_size == entry["size"] and stat.st_mtime_ns == entry["mtime_ns"]:
        return False
    return documents.file_digest(path) != entry["sha1"]


def _apply(build_dir, corpus, manifest, paths, to_index, to_delete, summary, on_file, preparer=None) -> None:
    files = manifest["files"]
    comparisons = compare.load(build_dir)
    ix = open_index(build_dir)
    try:
        # Plain segment files: searchers would copy a compound segment into memory.
        with committing(ix.writer(limitmb=128, compound=False)) as writer:
            for rel in to_delete:
                gone = files.pop(rel)["articles"]
                for article_id in gone:
                    writer.delete_by_term("article_id", article_id)
                comparisons.drop_articles(gone)
            taken = {a for entry in files.values() for a in entry["articles"]}
            for rel, entry in _indexed(writer, corpus, paths, to_index, summary, taken, comparisons, preparer):
                if entry is not None:
                    files[rel] = entry
                if on_file:
                    on_file(paths[rel])
    finally:
        ix.close()
    save_build_data(build_dir, comparisons, manifest)


def _indexed(writer, corpus, paths, to_index, summary, taken, comparisons, preparer):
    """Add the files; yield (rel, manifest entry or None) in the given order."""
    if preparer is None:
        for rel in to_index:
            yield rel, _index_file(writer, paths[rel], corpus, summary, taken, comparisons)
        return
    for rel, ready in zip(to_index, preparer([(paths[rel], rel) for rel in to_index], corpus)):
        yield rel, _add_prepared(writer, ready, summary, taken, comparisons)
