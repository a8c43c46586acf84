"""Adding a document to a build's segment: Whoosh's add_document, the same postings, less work per field."""
from __future__ import annotations

from pickle import dumps

from whoosh.formats import Positions
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte

from .analysis import FastStemmingAnalyzer, indexed_terms

CACHE_VALUES = 20_000  # indexed values remembered (a statement repeats its article's fields); then forgotten
CACHE_POSITIONS = 50_000  # encoded position lists remembered (most words occur once, early in a text)


class DocumentAdder:
    """Adds documents to one SegmentWriter as its add_document would, with the same postings, lengths and columns."""

    # Per document Whoosh analyses every field anew and adds each posting through two method
    # calls: a build's statements repeat their article's fields (context, source, date...), and
    # its text fields go through four generator layers per word. Here a value indexed before is
    # not analysed again and a posting is one list append; the resulting index is the same
    # (tests/test_adding.py compares every posting, length, stored field and column).

    def __init__(self, writer):
        self.writer = writer
        self.values: dict = {}  # (field name, type, value) -> [(term bytes, freq, weight, value bytes)]
        self.encoded: dict = {}  # positions -> their encoded posting value
        self.lengths: dict[str, dict[int, int]] = {}  # field -> docnum -> length as the length column gives it
        self.all_here = True  # every document went through add(): self.lengths is complete
        schema = writer.schema
        self.plain = all(not field.vector and not field.separate_spelling() for _, field in schema.items())

    def add(self, fields: dict) -> None:
        """Add one document to the writer."""
        writer = self.writer
        if not self.plain or any(name.startswith("_") for name in fields):
            writer.add_document(**fields)  # vectors, spelling words or boosts: Whoosh's own path
            self.all_here = False
            return
        writer._check_state()
        schema, perdoc, pool, docnum = writer.schema, writer.perdocwriter, writer.pool, writer.docnum
        names = sorted(fields)
        writer._check_fields(schema, names)
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = self._post(pool, name, field, value, docnum) if field.indexed else 0
                perdoc.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        writer._added = True
        writer.docnum += 1

    def _post(self, pool, name: str, field, value, docnum: int) -> int:
        """Add the value's postings to the pool (as PostingPool.add would); return the field length."""
        items = self._items(name, field, value)
        pool.fieldnames.add(name)
        current, limit = pool.current, pool.limit
        length = 0
        # PostingPool.add's size estimate: the pool spills (saves a sorted run) at the same points.
        fixed = 150 + len(name)
        # A posting block pickles variable-size values as a tuple, and pickle writes an object met
        # twice as a back-reference: each posting gets its own copy of a remembered value, as
        # Whoosh's fresh encoding gives it, so the segment's bytes are Whoosh's.
        copied = field.format.fixed_value_size() is None or field.format.fixed_value_size() < 0
        for term, freq, weight, encoded in items:
            length += freq
            if copied and encoded:
                encoded = encoded[:1] + encoded[1:]
            pool.currentsize += fixed + 2 * len(term) + len(encoded or "")
            if pool.currentsize > limit:
                pool.save()
                current = pool.current
            current.append((name, term, docnum, weight, encoded))
        if not field.scorable:
            return 0
        if length:  # what the segment's length column will answer (a byte: lengths are rounded)
            byte = length_to_byte(length)
            self.lengths.setdefault(name, {})[docnum] = byte_to_length(byte) if byte else None
        return length

    def lengths_from_memory(self) -> None:
        """Let the segment's flush look up field lengths here instead of reading its length columns back."""
        # The flush asks the length of every posting's document and field: a million column reads
        # at 1x BBC, each a seek and an unpack. The answers are the ones the columns would give.
        if self.all_here:
            lengths = _Lengths(self.lengths)
            self.writer.per_document_reader = lambda: lengths

    def _items(self, name: str, field, value) -> list:
        try:
            key = (name, type(value), value)
            items = self.values.get(key)
        except TypeError:  # an unhashable value (a list of words) is indexed each time
            return list(field.index(value))
        if items is None:
            if len(self.values) >= CACHE_VALUES:
                self.values.clear()
            items = self.values[key] = self._index(field, value)
        return items

    def _index(self, field, value) -> list:
        if (isinstance(value, str) and type(field.format) is Positions
                and type(field.analyzer) is FastStemmingAnalyzer):
            return self._positions(value, field.format.field_boost)
        return list(field.index(value))

    def _positions(self, value: str, boost: float) -> list:
        """Return Positions.word_values of the fast analyzer's terms, as field.index gives them."""
        first, terms = indexed_terms(value)
        where: dict[str, list[int]] = {}
        for pos, term in enumerate(terms, first):
            found = where.get(term)
            if found is None:
                where[term] = [pos]
            else:
                found.append(pos)
        # A word's weight is the sum of its tokens' boosts (1.0 each) times the format's boost.
        return [(term.encode("utf-8"), len(poses), float(len(poses)) * boost, self._encode(poses))
                for term, poses in where.items()]

    def _encode(self, poses: list[int]) -> bytes:
        """Return Positions.encode(poses)."""
        key = tuple(poses)
        encoded = self.encoded.get(key)
        if encoded is None:
            if len(self.encoded) >= CACHE_POSITIONS:
                self.encoded.clear()
            deltas = [b - a for a, b in zip((0,) + key, key)]
            encoded = self.encoded[key] = pack_uint(len(deltas)) + dumps(deltas, 2)
        return encoded


class _Lengths:
    """The part of a segment's per-document reader the flush uses: field lengths by document."""

    def __init__(self, lengths: dict[str, dict[int, int]]):
        self.lengths = lengths

    def doc_field_length(self, docnum: int, fieldname: str, default=0):
        """Return the field length as W3PerDocReader.doc_field_length would (None for a stored 0)."""
        found = self.lengths.get(fieldname)
        return default if found is None else found.get(docnum)

    def close(self) -> None:
        """Nothing to close: the lengths are in memory."""
