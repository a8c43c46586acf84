"""Re-index only the files that were added, changed or removed since the last build."""
from __future__ import annotations

import time
from pathlib import Path

from .. import compare
from ..ingest import documents
from ..whoosh_ext.storage import committing
from .indexer import Summary, _check_corpus, _index_file, _rel, open_index, read_manifest, save_build_data
from .store import IndexStore


def update(index_root, corpus=None, on_file=None) -> Summary:
    """Bring the live index in line with the corpus; corpus defaults to the one it was built from."""
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
            _apply(build_dir, corpus, manifest, paths, added + changed, changed + removed, summary, on_file)
        summary.build = build_dir.name
    summary.seconds = time.monotonic() - started
    return summary


def _changed(path: Path, entry: dict) -> bool:
    """Return True when the file's content differs from the manifest's record."""
    stat = path.stat()
    if stat.st_size == entry["size"] and stat.st_mtime_ns == entry["mtime_ns"]:
        return False
    return documents.file_digest(path) != entry["sha1"]


def _apply(build_dir, corpus, manifest, paths, to_index, to_delete, summary, on_file) -> None:
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
            for rel in to_index:
                entry = _index_file(writer, paths[rel], corpus, summary, taken, comparisons)
                if entry is not None:
                    files[rel] = entry
                if on_file:
                    on_file(paths[rel])
    finally:
        ix.close()
    save_build_data(build_dir, comparisons, manifest)
