"""Writing a segment's postings: Whoosh's FieldWriter.add_postings for its W3 codec, the same bytes in one loop."""
from __future__ import annotations

import functools
import zlib
from hashlib import md5
from array import array
from itertools import chain
from operator import sub
from pickle import dumps

from whoosh.codec.base import OutOfOrderError
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter, W3TermInfo
from whoosh.filedb.filetables import OrderedHashWriter, _lengths, _pointer, md5_hash
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

from .adding import GroupedPostings
from .columns import growable

_TERM_INFO = W3TermInfo._struct
NO_ID = 0xFFFFFFFF
# A build asks the byte of a length twice per block and per term: a few thousand distinct lengths.
_length_byte = functools.lru_cache(maxsize=4096)(length_to_byte)


def use_for(writer, raw_below: int = 0, protocol: int = 2, raw_bytes: int = 0) -> None:
    """Let the writer's segment flush write its postings with write_postings when its codec is Whoosh's W3."""
    fieldwriter = writer.fieldwriter
    # Inlined posting lists (inlinelimit above 1) take another path in Whoosh (a broken one in 2.7.5).
    if type(fieldwriter) is W3FieldWriter and type(fieldwriter._codec) is W3Codec and fieldwriter._codec._inlinelimit == 1:
        fieldwriter.add_postings = functools.partial(write_postings, fieldwriter, raw_below=raw_below,
                                                     protocol=protocol, raw_bytes=raw_bytes)
        tindex = fieldwriter._tindex
        if type(tindex) is OrderedHashWriter:  # its hash tables written a table at a time (same bytes)
            tindex._write_hashes = functools.partial(_write_hashes, tindex)


def write_postings(fieldwriter, schema, lengths, items, raw_below: int = 0, protocol: int = 2,
                   raw_bytes: int = 0) -> None:
    """Write sorted (field, term, docnum, weight, value) postings as FieldWriter.add_postings does.

    ``raw_below``: blocks of fewer postings are written uncompressed (0: Whoosh's own bytes, every block compressed).
    ``protocol``: the pickle protocol of a block's data (2: Whoosh's own bytes);
    ``raw_bytes``: blocks whose data pickle to fewer bytes are written uncompressed too (0: none)."""
    # Whoosh spends five method calls, four isinstance asserts and a length lookup through two
    # objects on each of a build's million postings, and about twenty calls on each of its
    # hundred thousand terms; here a posting is three appends and a term one function call.
    codec, postfile, tindex = fieldwriter._codec, fieldwriter._postfile, fieldwriter._tindex
    blocklimit, level = codec._blocklimit, codec._compression
    term = _Term(postfile, level, raw_below, protocol, raw_bytes)
    known = getattr(lengths, "lengths", None)  # adding._Lengths: a dict per field
    if isinstance(items, GroupedPostings):
        _write_grouped(fieldwriter, schema, lengths, known, items, term, blocklimit)
    else:
        _write_sorted(fieldwriter, schema, lengths, known, items, term, blocklimit)
    add_terms(tindex, term.keys, term.infos)


def _write_sorted(fieldwriter, schema, lengths, known, items, term, blocklimit: int) -> None:
    """Write postings sorted by field, term and document, one at a time."""
    lastfn = lasttext = None
    field_lengths = fixed = None
    ids = weights = values = None
    minlength, maxlength, maxweight = None, 0, 0
    for fieldname, btext, docnum, weight, value in items:
        if fieldname != lastfn:
            if lastfn is not None and fieldname < lastfn:
                raise OutOfOrderError("Field %r .. %r" % (lastfn, fieldname))
            if lasttext is not None:
                term.finish(ids, weights, values, minlength, maxlength, maxweight, fixed)
            if lastfn is not None:
                term.flush()
                fieldwriter.finish_field()
            fieldobj = schema[fieldname]
            fieldwriter.start_field(fieldname, fieldobj)
            term.field(fieldwriter._fieldid)
            fixed = fieldobj.format.fixed_value_size()
            field_lengths = _field_lengths(lengths, known, fieldname)
            lastfn, lasttext = fieldname, None
        if docnum == -1:  # a spelling word, not a posting (Whoosh skips them here too)
            continue
        if btext != lasttext:
            if lasttext is not None:
                if btext < lasttext:
                    raise OutOfOrderError("Term %s:%r .. %s:%r" % (lastfn, lasttext, fieldname, btext))
                term.finish(ids, weights, values, minlength, maxlength, maxweight, fixed)
            term.start(btext)
            lasttext = btext
            ids, weights, values = array("I"), array("f"), []
            minlength, maxlength, maxweight = None, 0, 0
        elif len(ids) >= blocklimit:
            term.block(ids, weights, values, minlength, maxlength, maxweight, fixed, last=False)
            ids, weights, values = array("I"), array("f"), []
            minlength, maxlength, maxweight = None, 0, 0
        ids.append(docnum)
        weights.append(weight)
        if weight > maxweight:
            maxweight = weight
        if value:
            values.append(value)
        length = field_lengths(docnum)
        if length:
            if minlength is None or length < minlength:
                minlength = length
            if length > maxlength:
                maxlength = length
    if lasttext is not None:
        term.finish(ids, weights, values, minlength, maxlength, maxweight, fixed)
    if lastfn is not None:
        term.flush()
        fieldwriter.finish_field()


def _write_grouped(fieldwriter, schema, lengths, known, grouped, term, blocklimit: int) -> None:
    """Write postings gathered by field and term: each term's blocks are slices of its lists."""
    for fieldname in sorted(grouped.fields):
        terms = grouped.fields[fieldname]
        fieldobj = schema[fieldname]
        fieldwriter.start_field(fieldname, fieldobj)
        term.field(fieldwriter._fieldid)
        fixed = fieldobj.format.fixed_value_size()
        field_lengths = _field_lengths(lengths, known, fieldname)
        if known is not None and fieldname not in known:
            field_lengths = None  # a field without lengths (an ID, a keyword): every posting's is 0
        for btext in sorted(terms):
            docnums, weights, values = terms[btext]
            count = len(docnums)
            if count <= blocklimit:  # most terms: their postings make one block, written without slices
                term.only_block(btext, docnums, *_block(docnums, weights, values, field_lengths, fixed), fixed)
                continue
            term.start(btext)
            for start in range(0, count, blocklimit):
                end = start + blocklimit
                ids = docnums[start:end]
                term.block(ids, *_block(ids, weights[start:end], values[start:end], field_lengths, fixed), fixed,
                           last=end >= count)
            term.finish(None, None, None, None, 0, 0, fixed)
        term.flush()
        fieldwriter.finish_field()


def _block(ids: list[int], weights: list[float], values: list, field_lengths, fixed) -> tuple:
    """Return a block's weights, values, least and greatest length and top weight, as _Term.block takes them."""
    found = list(filter(None, map(field_lengths, ids))) if field_lengths else ()
    top = max(weights)
    return (array("f", weights), list(filter(None, values)) if fixed != 0 else (),
            min(found) if found else None, max(found) if found else 0, top if top > 0 else 0)


def _field_lengths(lengths, known, fieldname):
    """Return docnum -> the field's length as the flush's length reader answers it."""
    if lengths is None:
        return lambda docnum: 0
    if known is not None:
        found = known.get(fieldname)
        return (lambda docnum: 0) if found is None else found.get
    return lambda docnum: lengths.doc_field_length(docnum, fieldname)


class _Term:
    """One term's posting blocks and term info, written as W3PostingsWriter and W3FieldWriter write them."""

    def __init__(self, postfile, level: int, raw_below: int, protocol: int, raw_bytes: int = 0):
        self.postfile, self.level, self.raw_below, self.protocol = postfile, level, raw_below, protocol
        self.raw_bytes = raw_bytes
        self.pos = postfile.tell()  # only this writes to the postings file while the postings are written
        self.fieldid = b""
        self.keys: list[bytes] = []  # each term's key and info for the term index, added at the end (add_terms)
        self.infos: list[bytes] = []
        self.pending: list[bytes] = []  # blocks not yet written: a field's are written in one call (flush)

    def field(self, fieldid: int) -> None:
        """Start a field's terms."""
        self.fieldid = pack_ushort(fieldid)

    def start(self, btext: bytes) -> None:
        """Start a term's postings."""
        self.btext, self.start_pos, self.blocks = btext, self.pos, 0
        # W3TermInfo's statistics: weight, doc count, min and max length, max weight, first and last id
        self.weight, self.df, self.minlength, self.maxlength, self.maxweight = 0, 0, None, 0, 0
        self.minid = self.maxid = None

    def only_block(self, btext: bytes, ids, weights, values, minlength, maxlength, maxweight, fixed) -> None:
        """Write a term whose postings make one block, and its term info: start, block and finish in one."""
        self.btext, self.start_pos, self.blocks = btext, self.pos, 0
        self.weight, self.df, self.minlength, self.maxlength, self.maxweight = (
            sum(weights), len(ids), minlength, maxlength, maxweight)
        self.minid, self.maxid = ids[0], ids[-1]
        self._write(ids, weights, values, minlength, maxlength, maxweight, fixed, last=True)
        self.finish(None, None, None, None, 0, 0, fixed)

    def block(self, ids, weights, values, minlength, maxlength, maxweight, fixed, last: bool) -> None:
        """Write one block of postings (W3PostingsWriter._write_block) and add it to the term's statistics."""
        self.weight += sum(weights)
        self.df += len(ids)
        self.minlength = minlength if self.minlength is None else min(self.minlength, minlength)
        self.maxlength = max(self.maxlength, maxlength)
        self.maxweight = max(self.maxweight, maxweight)
        if self.minid is None:
            self.minid = ids[0]
        self.maxid = ids[-1]
        self._write(ids, weights, values, minlength, maxlength, maxweight, fixed, last)

    def _write(self, ids, weights, values, minlength, maxlength, maxweight, fixed, last: bool) -> None:
        deltas = tuple(map(sub, ids, chain((0,), ids)))
        if weights.count(1.0) == len(weights):
            mini_weights = None
        elif weights.count(weights[0]) == len(weights):
            mini_weights = weights[0]
        else:
            mini_weights = tuple(weights)
        if fixed is None or fixed < 0:
            # Pickle writes a value met twice in a block (one cached for a repeated field value) as a
            # back-reference: the same values when read. Whoosh encodes each posting's afresh, so
            # its bytes are matched (raw_below 0) with a copy of each.
            mini_values = tuple(values) if self.raw_below else tuple(v[:1] + v[1:] for v in values)
        else:
            mini_values = None if fixed == 0 else b"".join(values)
        data = dumps((deltas, mini_weights, mini_values), self.protocol)
        comp = self.level if len(ids) >= self.raw_below and len(data) >= self.raw_bytes else 0
        if comp:
            data = zlib.compress(data, comp)
        info = dumps((len(ids), ids[-1], maxweight, comp, _length_byte(minlength), _length_byte(maxlength)), 2)
        size = len(info) + len(data)
        out = pack_int(-size if last else size) + info + data
        if not self.blocks:
            out = WHOOSH3_HEADER_MAGIC + out
        self.pending.append(out)
        self.pos += len(out)
        self.blocks += 1

    def flush(self) -> None:
        """Write the blocks made since the last flush (before the field writer writes anything)."""
        self.postfile.write(b"".join(self.pending))
        self.pending = []

    def finish(self, ids, weights, values, minlength, maxlength, maxweight, fixed) -> None:
        """Write the term's last block and its term info."""
        if ids:
            self.block(ids, weights, values, minlength, maxlength, maxweight, fixed, last=True)
        info = _TERM_INFO.pack(False, self.weight, self.df,
                               0 if self.minlength is None else _length_byte(self.minlength),
                               _length_byte(self.maxlength), self.maxweight,
                               NO_ID if self.minid is None else self.minid, NO_ID if self.maxid is None else self.maxid)
        self.keys.append(self.fieldid + self.btext)
        self.infos.append(info + pack_long(self.start_pos) + pack_int(self.pos - self.start_pos))


def add_terms(tindex, keys: list[bytes], values: list[bytes]) -> None:
    """Add increasing keys and their values to a term index as OrderedHashWriter.add does, in one write."""
    # Whoosh's add is two method calls, three writes and a hash through three more calls per term.
    if type(tindex) is not OrderedHashWriter or tindex.hashfn is not md5_hash:
        for key, value in zip(keys, values):
            tindex.add(key, value)
        return
    if not keys:
        return
    if keys[0] <= tindex.lastkey:
        raise ValueError("Keys must increase: %r..%r" % (tindex.lastkey, keys[0]))
    dbfile, buckets, pack = tindex.dbfile, tindex.buckets, _lengths.pack
    pos = dbfile.tell()
    rows, positions = [], []
    for key, value in zip(keys, values):
        row = pack(len(key), len(value)) + key + value
        rows.append(row)
        positions.append(pos)
        hashed = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")  # md5_hash(key)
        buckets[hashed & 255].append((hashed, pos))
        pos += len(row)
    dbfile.write(b"".join(rows))
    index = tindex.index
    tindex.index = growable(list(index) + positions, type(index)("H"))
    tindex.lastkey = keys[-1]


def _write_hashes(tindex) -> None:
    """HashWriter._write_hashes: each bucket's hash table, written in one call instead of one per slot."""
    dbfile, null, pack = tindex.dbfile, (0, 0), _pointer.pack
    for entries in tindex.buckets:
        numslots = 2 * len(entries)
        tindex.directory.append((dbfile.tell(), numslots))
        hashtable = [null] * numslots
        for hashval, position in entries:
            slot = (hashval >> 8) % numslots  # open addressing, as Whoosh places them
            while hashtable[slot] != null:
                slot = (slot + 1) % numslots
            hashtable[slot] = (hashval, position)
        dbfile.write(b"".join([pack(hashval, position) for hashval, position in hashtable]))
