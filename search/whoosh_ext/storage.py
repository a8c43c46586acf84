"""How a full build writes: its file storage, its segment-rolling writer, commit or cancel."""
from __future__ import annotations

import contextlib
import errno
import gc
import multiprocessing
import os
import sys
from bisect import bisect_left
from collections import deque

from whoosh.filedb.filestore import FileStorage

from ..errors import ClaimsearchError
from ..processes import forked_for_build
from . import analysis, flushing
from .adding import DocumentAdder

BUILD_POOL_MB = 256  # posting pool of each segment writer of a full build; see _pool_full
# Text (characters of string values) per segment a build forks off: about 15 bytes of posting
# pool per character. The first segments are small so that writing starts early in a build.
FIRST_SEGMENT_CHARS = 4_000_000
MAX_SEGMENT_CHARS = int(0.8 * BUILD_POOL_MB * 2**20 / 15)  # a segment's pool then nearly fills, as before
SMALL_SEGMENTS = 2  # segments of FIRST_SEGMENT_CHARS before the size doubles (a 1x BBC build: 4 in all)
MIN_SPLIT_CHARS = 1_000_000  # the last documents go to two children only when each half is this big
COMPRESSED_POSTINGS = 16  # posting blocks with fewer postings are written uncompressed (see _segment_writer)
COMPRESSED_BYTES = 1000  # so are blocks whose data pickle to fewer bytes (see _segment_writer)
PICKLE_PROTOCOL = 4  # the pickle protocol of posting blocks' data and stored fields (see _segment_writer)
STORED_RAW_BELOW = 1000  # stored fields pickled in fewer bytes (a statement's) are not compressed (see _segment_writer)
MAX_CHILDREN = 2  # segment children at work at once: one per core of the machines we target


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
    """A from-scratch build's writer: forked children write its documents into segments, in order."""

    # Adding and flushing documents is pure Python on one core: done here, the last segment's
    # flush ran alone after extraction ended. Documents wait here (in memory) and each batch is
    # written by a forked child, so segments are written while extraction goes on and the last
    # ones beside each other and the clustering; this process only commits the list of segments.

    def __init__(self, ix):
        self.ix = ix
        self.writer = ix.writer(compound=False)  # holds the index lock; commits the children's segments
        self.docs: list[dict] = []
        self.chars = 0  # text waiting in self.docs: the size of the segment it makes
        self.ends: list[int] = []  # self.chars after each of self.docs: where to halve them by text
        self.target = FIRST_SEGMENT_CHARS
        self.children: deque = deque()  # SegmentChild, oldest first
        self.segments: list = []

    def add_document(self, **fields) -> None:
        """Add one document to the batch a child will write next."""
        self.docs.append(fields)
        self.chars += sum(len(value) for value in fields.values() if isinstance(value, str))
        self.ends.append(self.chars)

    def roll_if_full(self) -> None:
        """Hand the waiting documents to a child once they make a segment of the current size."""
        # Small segments first, so the writing starts early; larger later, so a big build keeps
        # a few segments (each child still rolls a segment before its pool spills).
        if self.chars >= self.target:
            while len(self.children) >= MAX_CHILDREN:  # bounds the CPU and memory of children at work
                self._collect()
            self._roll()

    def hand_off(self) -> None:
        """Hand the waiting documents to a child now if none is at work: a core is about to be idle."""
        # Not for a handful of documents: each segment costs its files and a searcher's reading of them.
        if self.chars >= MIN_SPLIT_CHARS and all(child.done() for child in self.children):
            self._roll()

    def _roll(self) -> None:
        self._collect_done()
        self._fork(self.docs)
        if len(self.segments) + len(self.children) >= SMALL_SEGMENTS:
            self.target = min(2 * self.target, MAX_SEGMENT_CHARS)

    def finish_adding(self) -> None:
        """Hand the last documents to two children, one per core, which write while this process goes on."""
        # No wait for the children at work: the end of a build has nothing else left to run.
        # Halved by text, not count: the first half, whose child starts first, then costs its child
        # a little more and both end together (by count, the second ended last: its text is longer).
        docs, half = self.docs, bisect_left(self.ends, self.chars / 2) + 1
        self._collect_done()
        for part in (docs[:half], docs[half:]) if self.chars >= 2 * MIN_SPLIT_CHARS else (docs,):
            if part:
                self._fork(part)
        self.docs, self.chars, self.ends = [], 0, []

    def _fork(self, docs: list[dict]) -> None:
        self.children.append(SegmentChild(self.ix, docs))
        self.docs, self.chars, self.ends = [], 0, []

    def _collect_done(self) -> None:
        """Collect the children that have finished, oldest first: the next children start with their stems."""
        while self.children and self.children[0].done():
            self._collect()

    def _collect(self) -> None:
        self.segments.extend(self.children.popleft().segments())

    def commit(self) -> None:
        """Wait for every child, then commit their segments in the order of their documents."""
        self.finish_adding()
        while self.children:
            self._collect()
        self.writer.segments.extend(self.segments)  # Whoosh's MpWriter adds its children's segments so
        self.writer.commit(merge=False)

    def cancel(self) -> None:
        """Stop the children and drop the uncommitted segments (the whole build directory is swept anyway)."""
        while self.children:
            self.children.popleft().stop()
        self.writer.cancel()


class SegmentChild:
    """A forked process writing a batch of documents into one or more segments of the index."""

    def __init__(self, ix, docs: list[dict]):
        context = multiprocessing.get_context("fork")  # the documents pass by fork, never pickled
        self.receiving, sending = context.Pipe(duplex=False)
        self.process = context.Process(target=_write_in_child, args=(os.getpid(), ix, docs, sending), daemon=True)
        self.process.start()
        sending.close()  # the child's death is then an EOF here

    def done(self) -> bool:
        """Return whether the child has finished (its result or its death is waiting)."""
        return self.receiving.poll()

    def segments(self) -> list:
        """Return the child's segments once it is done (learning its stems); raise its failure."""
        try:
            outcome, value = self.receiving.recv()
        except EOFError:
            outcome, value = "failed", None
        finally:
            self.receiving.close()
            self.process.join()
        if outcome == "oserror":
            raise OSError(value, os.strerror(value))  # a full disk: the parent's one-line message
        if outcome != "ok":
            raise ClaimsearchError("Writing the index failed (see the error above)")
        segments, stems = value
        analysis.STEMS.learn(stems)
        return segments

    def stop(self) -> None:
        """Kill the child if it is still writing."""
        self.receiving.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def _write_in_child(parent: int, ix, docs: list[dict], sending) -> None:
    forked_for_build(parent)  # a SIGKILLed build must not leave its children writing
    # The collector found nothing to free per document, yet its passes over the postings being
    # gathered cost 6% of the writing; the writer's own cycles are freed per segment (write_segments).
    gc.disable()
    analysis.STEMS.fresh.clear()  # the parent's own: its cache has them, which this child's inherits
    try:
        segments = write_segments(ix, docs)
        sending.send(("ok", (segments, analysis.STEMS.fresh)))
    except OSError as exc:
        sending.send(("oserror", exc.errno or errno.EIO))
        sys.exit(1)


def write_segments(ix, docs: list[dict]) -> list:
    """Write documents into new segments of ix without committing them; return the segments in order."""
    segments, writer, adder = [], None, None
    for fields in docs:
        if writer is None:
            writer, adder = _segment_writer(ix)
        adder.add(fields)
        if _pool_full(writer):
            segments.append(_finalize(writer, adder))
            writer = adder = None
            if not gc.isenabled():  # in a segment child: a finished writer refers to itself (pool, adder, files)
                gc.collect()
    if writer is not None:
        segments.append(_finalize(writer, adder))
    return segments


def _segment_writer(ix):
    # _lk=False: the parent holds the index lock (as for the sub-writers of Whoosh's MpWriter).
    # compound=False: a compound segment is copied into memory by every searcher that opens
    # it (whoosh's BufferFile), about 25 MB per searcher per 1x corpus; plain files are not.
    writer = ix.writer(limitmb=BUILD_POOL_MB, compound=False, _lk=False)
    # Half of a build's blocks hold 1-3 postings, a few dozen bytes that do not shrink, and blocks
    # of 4-15 postings shrink by a third: compressing those took 0.3 CPU s of a 1x BBC build to
    # save 1 MB of 48. A block records its compression level; readers follow it.
    # Whoosh pickles a block with protocol 2, where each posting's value (its positions) becomes
    # a call to codecs.encode of a str: protocol 4 pickles bytes as bytes, in a quarter of the
    # time, a third fewer bytes to compress and faster to read. Readers unpickle any protocol.
    # Blocks of 16+ postings pickled in under 1000 bytes (a term in a few dozen statements) cost
    # zlib's set-up for a few hundred bytes saved: left raw, 0.1 of a 1x BBC build's CPU s for +2.5 MB.
    flushing.use_for(writer, raw_below=COMPRESSED_POSTINGS, protocol=PICKLE_PROTOCOL, raw_bytes=COMPRESSED_BYTES)
    # Stored fields in protocol 4: short strings with a one-byte length, an eighth fewer bytes to compress.
    # A statement's stored fields pickle to a few hundred bytes that zlib shrinks by a third for ~10 us a
    # call, mostly its set-up: 0.3 of a 1x BBC build's CPU s to save 4 MB of its 44. They are written at
    # level 0; an article's, ten times longer, are still compressed.
    return writer, DocumentAdder(writer, protocol=PICKLE_PROTOCOL, raw_below=STORED_RAW_BELOW)


def _pool_full(writer) -> bool:
    # A full pool is written out as a run of one-by-one pickled postings and merged back at
    # commit; that made a single writer 5x slower for 4x the corpus. A few segments, each
    # sorted in memory, keep the build linear.
    pool = getattr(writer, "pool", None)
    return pool is not None and getattr(pool, "currentsize", 0) > 0.8 * BUILD_POOL_MB * 2**20


def _finalize(writer, adder):
    """Flush a child's writer into its segment files and return the segment (the parent lists it)."""
    adder.lengths_from_memory()
    return writer._finalize_segment()
