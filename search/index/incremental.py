"""Re-index only the files that were added, changed or removed since the last build, into a new build."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.reading import SegmentReader

from .. import compare
from ..errors import ClaimsearchError
from ..ingest import documents
from ..whoosh_ext.storage import committing
from . import prepare
from .indexer import Batch, Summary, check_corpus, open_index, read_manifest, write_manifest
from .speakers import CorpusSpeakers
from .store import IndexStore

STAGES = ("copied", "committed", "compared", "written")  # on_stage is told each, in this order
MAX_SEGMENTS = 8  # bounds the files each open searcher holds, whatever the number of updates


@dataclass
class Changes:
    """What differs between the corpus and the live build's manifest."""

    paths: dict[str, Path]
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def update(index_root, corpus=None, on_file=None, allow_mass_removal: bool = False, on_stage=None,
           preparer=None) -> Summary:
    """Bring the index in line with the corpus (default: the one it was built from) in a new build.

    ``preparer`` prepares the files elsewhere (dask_prepare), as for indexer.build."""
    # The new build starts as hard links to the live one's files and is swapped in whole: an update
    # interrupted anywhere leaves the live build as it was, and a server sees a new build name.
    store, started = IndexStore(index_root), time.monotonic()
    with store.lock():
        live = store.current_dir()
        manifest = read_manifest(live)
        corpus = check_corpus(Path(corpus or manifest["corpus"]))
        summary = Summary()
        changes = corpus_changes(corpus, manifest["files"], summary)
        refuse_mass_removal(changes, manifest["files"], corpus, allow_mass_removal)
        summary.added, summary.changed, summary.removed = map(len, (changes.added, changes.changed,
                                                                    changes.removed))
        summary.build = live.name
        if changes:
            batch = Batch(corpus, manifest, summary, on_file, compare.load(live), preparer,
                          CorpusSpeakers.load(live))
            summary.build = store.publish(
                lambda build_dir: _apply(build_dir, batch, changes, on_stage or (lambda stage: None)), base=live)
    summary.seconds = time.monotonic() - started
    return summary


def corpus_changes(corpus: Path, files: dict, summary: Summary) -> Changes:
    listing = documents.scan_corpus(corpus)
    summary.skipped.extend((s.path, s.reason) for s in listing.skipped)
    changes = Changes({documents.relative_path(p, corpus): p for p in listing.files})
    changes.added = [rel for rel in changes.paths if rel not in files]
    changes.changed = [rel for rel, p in changes.paths.items() if rel in files and _changed(p, files[rel])]
    # A folder that could not be listed still holds its files as far as anyone knows.
    changes.removed = [rel for rel in files if rel not in changes.paths and not listing.unread(rel)]
    return changes


def _changed(path: Path, entry: dict) -> bool:
    """Return True when the file's content differs from the manifest's record."""
    try:
        stat = path.stat()
        if stat.st_size == entry["size"] and stat.st_mtime_ns == entry["mtime_ns"]:
            return False
        return documents.file_digest(path) != entry["sha1"]
    except OSError:
        return True  # vanished since the listing: reading it again reports why


def refuse_mass_removal(changes: Changes, files: dict, corpus: Path, allowed: bool) -> None:
    """Stop an update that would drop most of the index: an unmounted or emptied corpus looks like that."""
    total = sum(len(entry["articles"]) for entry in files.values())
    gone = sum(len(files[rel]["articles"]) for rel in changes.removed)
    if allowed or not total or gone * 2 <= total:
        return
    found = "has no article files" if not changes.paths else f"lacks {len(changes.removed)} indexed files"
    raise ClaimsearchError(f"Refusing to update: the corpus {corpus} {found}, which would remove {gone} "
                           f"of {total} indexed articles. Check that it is complete and mounted, or "
                           "pass --allow-mass-removal.")


def _apply(build_dir: Path, batch: Batch, changes: Changes, on_stage) -> None:
    """Apply the changes to build_dir, a copy of the live build, ready for the swap."""
    on_stage("copied")
    to_index = [changes.paths[rel] for rel in changes.added + changes.changed]
    ix = open_index(build_dir)
    try:
        # Plain segment files: searchers would copy a compound segment into memory.
        with committing(ix.writer(limitmb=128, compound=False)) as writer:
            writer.mergetype = merge_smallest  # Whoosh's documented alternative to commit(mergetype=)
            batch.remove(writer, changes.changed + changes.removed)
            batch.add(writer, to_index, prepare.workers_for(len(to_index)))
    finally:
        ix.close()
    on_stage("committed")
    batch.speakers.save(build_dir)
    compare.save(batch.comparisons.compute(), build_dir)
    on_stage("compared")
    write_manifest(build_dir, batch.manifest)
    on_stage("written")


def merge_smallest(writer, segments) -> list:
    """Whoosh merge policy: fold emptied segments and the smallest ones into the new, keeping MAX_SEGMENTS."""
    # Whoosh's MERGE_SMALL never merges a segment of 500 documents or more, so each update left
    # one more segment: 30 updates, 30 sets of files per searcher.
    ordered = sorted(segments, key=lambda segment: segment.doc_count())
    excess = max(len(ordered) - (MAX_SEGMENTS - 1), sum(1 for segment in ordered if not segment.doc_count()))
    for segment in ordered[:excess]:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return ordered[excess:]
