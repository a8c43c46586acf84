"""How a full build writes: its file storage, its segment-rolling writer, commit or cancel."""
from __future__ import annotations

import contextlib

from whoosh.filedb.filestore import FileStorage

from .adding import DocumentAdder

BUILD_POOL_MB = 256  # posting pool of a full build's writer; see SegmentedWriter.roll_if_full


class BuildStorage(FileStorage):
    """A FileStorage that answers file_exists from memory for files made or checked through it."""

    # While writing a segment's postings Whoosh asks, for every posting of a field without
    # lengths (doc_id, kind, source...), whether that field's length column exists: one stat()
    # call per posting, about 5% of a build. Only this writer creates files in a fresh build.

    def __init__(self, path: str):
        super().__init__(path)
        self._exists: dict[str, bool] = {}

    def file_exists(self, name):
        known = self._exists.get(name)
        if known is None:
            known = self._exists[name] = super().file_exists(name)
        return known

    def create_file(self, name, *args, **kwargs):
        made = super().create_file(name, *args, **kwargs)
        self._exists[name] = True
        return made

    def delete_file(self, name):
        self._exists[name] = False
        return super().delete_file(name)

    def rename_file(self, name, newname, safe=False):
        result = super().rename_file(name, newname, safe=safe)
        self._exists[name], self._exists[newname] = False, True
        return result


@contextlib.contextmanager
def committing(writer):
    """Commit the writer when the block succeeds; cancel it on any error or Ctrl-C."""
    try:
        yield writer
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


class SegmentedWriter:
    """A from-scratch build's writer that commits a segment whenever its posting pool fills up."""

    def __init__(self, ix):
        self.ix = ix
        self.writer = self._new()
        self.adder = DocumentAdder(self.writer)

    def _new(self):
        # compound=False: a compound segment is copied into memory by every searcher that opens
        # it (whoosh's BufferFile), about 25 MB per searcher per 1x corpus; plain files are not.
        return self.ix.writer(limitmb=BUILD_POOL_MB, compound=False)

    def add_document(self, **fields) -> None:
        """Add one document to the current segment."""
        self.adder.add(fields)

    def roll_if_full(self) -> None:
        """Commit the current segment and start another when the pool would soon spill to disk."""
        # A full pool is written out as a run of one-by-one pickled postings and merged back at
        # commit; that made a single writer 5x slower for 4x the corpus. A few segments, each
        # sorted in memory, keep the build linear.
        pool = getattr(self.writer, "pool", None)
        if pool is not None and getattr(pool, "currentsize", 0) > 0.8 * BUILD_POOL_MB * 2**20:
            self.adder.lengths_from_memory()
            self.writer.commit(merge=False)
            self.writer = self._new()
            self.adder = DocumentAdder(self.writer)

    def commit(self) -> None:
        """Commit the last segment."""
        self.adder.lengths_from_memory()
        self.writer.commit(merge=False)

    def cancel(self) -> None:
        """Drop the uncommitted segment (the whole build directory is swept anyway)."""
        self.writer.cancel()
