"""A segment's column values gathered per column and written at its flush: the bytes Whoosh's column writers write."""
from __future__ import annotations

import struct
import zlib
from array import array
from itertools import accumulate, islice
from operator import lt
from pickle import dumps

from whoosh.columns import CompressedBytesColumn, NumericColumn, PickleColumn, VarBytesColumn
from whoosh.system import emptybytes
from whoosh.util.numlists import GrowableArray

# zlib's stream at level 0: header 78 01, a final stored block (01, length and its complement, little-endian),
# the data, its Adler-32 big-endian (RFC 1950 and 1951)
_STORED_HEAD = b"\x78\x01\x01"
_STORED_LENGTHS = struct.Struct("<HH")
_ADLER = struct.Struct(">I")
STORED_BLOCK = 16_384  # data up to this size makes one stored block in any zlib


def gather_columns(perdoc, protocol: int = 2, raw_below: int = 0) -> dict:
    """Make a W3PerDocWriter's column writers gather their values; return its writers by column name.

    ``protocol``: the pickle protocol of pickled columns' values, the stored fields' (2: Whoosh's own bytes);
    ``raw_below``: their pickles of fewer bytes are written at zlib level 0 (0: every one compressed, as Whoosh)."""
    # Whoosh writes each value as it comes: about eight calls per value through the writer, its
    # struct file and its buffer, 200,000 values per 1x BBC build (lengths, facets, stored fields).
    # Gathered, each column is written in a few calls when the segment closes.
    writers = perdoc._colwriters
    for name, writer in list(writers.items()):  # _stored, made with the writer
        writers[name] = Gathered(writer, protocol, raw_below)
    create = perdoc._create_column

    def create_gathered(name, column):
        create(name, column)
        writers[name] = Gathered(writers[name], protocol, raw_below)
    perdoc._create_column = create_gathered
    return writers


class Gathered:
    """A column writer's stand-in: keeps (docnum, value) pairs, hands them to the writer at finish."""

    def __init__(self, writer, protocol: int = 2, raw_below: int = 0):
        self.writer, self.raw_below = writer, raw_below
        self.docnums: list[int] = []
        self.values: list = []
        self.encode = _pickler(writer, protocol)  # applied as values come: a stored-fields dict is cleared after

    def add(self, docnum: int, value) -> None:
        """Keep a document's value (ColumnWriter.add)."""
        self.docnums.append(docnum)
        self.values.append(self.encode(value) if self.encode else value)

    def finish(self, doccount: int) -> None:
        """Write the gathered values as the writer's add() one by one would, then finish the writer."""
        docnums, values = self.docnums, self.values
        if self.encode:  # compressed pickles: what the compressing child's add() hands to VarBytes' add()
            # Compressed here, one after another, not as each document comes: between the adding of
            # documents zlib's tables are out of the cache, and each call took twice as long.
            # Level 0 is zlib's stored form, which readers decompress like any other.
            compress, level, raw_below = self.writer._child._compress, self.writer._child._level, self.raw_below
            if compress is zlib.compress:
                values = [compress(value, level) if len(value) >= raw_below else stored_zlib(value) for value in values]
            else:
                values = [compress(value, level if len(value) >= raw_below else 0) for value in values]
            target, add, bulk = self.writer._child, VarBytesColumn.Writer.add, _var_bytes
        else:
            target, add, bulk = self.writer, type(self.writer).add, _BULK.get(type(self.writer))
        if bulk is None or not _rising(docnums):
            for docnum, value in zip(docnums, values):
                add(target, docnum, value)
        else:
            bulk(target, docnums, values)
        self.docnums, self.values = [], []
        self.writer.finish(doccount)


def stored_zlib(data: bytes) -> bytes:
    """Return zlib.compress(data, 0): for data under 16 KB its header, one final stored block and the checksum."""
    # zlib's set-up for a call (allocating and clearing its 64 KB hash table) is most of the cost of
    # a level 0 call: 0.1 CPU s over the 33,000 statements of a 1x BBC build; this is a tenth of it.
    size = len(data)
    if size >= STORED_BLOCK:
        return zlib.compress(data, 0)  # zlib may split it in several blocks (from 65,532 bytes in zlib 1.2.13)
    return _STORED_HEAD + _STORED_LENGTHS.pack(size, size ^ 0xFFFF) + data + _ADLER.pack(zlib.adler32(data))


def _pickler(writer, protocol: int):
    """Return what a pickle-over-compressed-bytes writer does to a value before its child compresses it, or None."""
    if type(writer) is PickleColumn.Writer and type(writer._child) is CompressedBytesColumn.Writer:
        return lambda value: emptybytes if value is None else dumps(value, protocol)
    return None


def _rising(docnums: list[int]) -> bool:
    # A document that failed midway may have left a value under the docnum the next one reuses:
    # those go one by one, as Whoosh wrote them.
    return all(map(lt, docnums, islice(docnums, 1, None)))


def _var_bytes(writer, docnums: list[int], values: list[bytes]) -> None:
    """VarBytesColumn.Writer.add for each value: the bytes, then each document's length and offset."""
    if not docnums:
        return
    count = docnums[-1] + 1
    if len(docnums) == count:  # rising docnums from 0: every document has a value (the stored fields)
        lengths = list(map(len, values))
    else:
        lengths = [0] * count  # a document without a value: length 0 (Writer.fill)
        for docnum, value in zip(docnums, values):
            lengths[docnum] = len(value)
    writer._dbfile.write(b"".join(values))
    offsets = list(accumulate(lengths[:-1], initial=0))
    writer._lengths = growable(lengths, GrowableArray(allow_longs=False))
    writer._offsets = growable(offsets, GrowableArray(allow_longs=False))
    writer._offset_base = offsets[-1] + lengths[-1]
    writer._count = count


def growable(numbers: list[int], grown: GrowableArray) -> GrowableArray:
    """Return the empty GrowableArray ``grown`` as appending the numbers one by one makes it (its type widens
    with the largest)."""
    grown.append(max(numbers))  # picks the type code as the appends would
    grown.array = array(grown.typecode, numbers) if isinstance(grown.array, array) else list(numbers)
    return grown


def _numeric(writer, docnums: list[int], values: list) -> None:
    """NumericColumn.Writer.add for each value: packed values up to the last one not the default."""
    default = writer._default
    kept = [(docnum, value) for docnum, value in zip(docnums, values) if value != default]
    if not kept:
        return
    count = kept[-1][0] + 1
    row = [default] * count  # documents between values hold the default (ColumnWriter.fill)
    for docnum, value in kept:
        row[docnum] = value
    pack = writer._pack
    writer._dbfile.write(b"".join(map(pack, row)))
    writer._count = count


_BULK = {VarBytesColumn.Writer: _var_bytes, NumericColumn.Writer: _numeric}  # exact types: subclasses differ
