"""Adding a document to a build's segment: Whoosh's add_document, the same postings, less work per field."""
from __future__ import annotations

from collections import Counter
from pickle import dumps

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocWriter
from whoosh.fields import FieldType
from whoosh.formats import Existence, Frequency, Positions
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte

from .analysis import terms_function, token_function
from .columns import gather_columns

CACHE_VALUES = 20_000  # indexed values remembered (a statement repeats its article's fields); then forgotten
CACHE_POSITIONS = 50_000  # encoded position lists remembered (most words occur once, early in a text)
POSTING_SIZE = 150  # PostingPool.add's estimate of a posting's bytes, beside its field name, term and value


class DocumentAdder:
    """Adds documents to one SegmentWriter as its add_document would, with the same postings, lengths and columns."""

    # Per document Whoosh analyses every field anew and adds each posting through two method
    # calls: a build's statements repeat their article's fields (context, source, date...), and
    # its text fields go through four generator layers per word. Here a value indexed before is
    # not analysed again and a posting is one list append; the resulting index is the same
    # (tests/test_adding.py compares every posting, length, stored field and column).

    def __init__(self, writer, protocol: int = 2, raw_below: int = 0):
        """``protocol``: the pickle protocol of the stored fields (2: Whoosh's own bytes; readers take any);
        ``raw_below``: stored fields pickled in fewer bytes are not compressed (0: all are, as by Whoosh)."""
        self.writer = writer
        self.values: dict = {}  # (field name, type, value) -> [(term bytes, freq, weight, value bytes)]
        self.encoded: dict = {}  # positions -> their encoded posting value
        self.lengths: dict[str, dict[int, int]] = {}  # field -> docnum -> length as the length column gives it
        self.all_here = True  # every document went through add(): self.lengths is complete
        self.plans: dict[tuple, list | bool] = {}  # a document's field names, in its order -> _plan's answer
        self.terms_of: dict[str, object] = {}  # field -> its words' function (_terms_of), or None
        # field -> term -> (docnums, weights, values): a segment's postings gathered in the order the
        # flush writes them, instead of a million tuples sorted at the end (see _iter_postings)
        self.postings: dict[str, dict[bytes, tuple[list, list, list]]] = {}
        writer.pool.iter_postings = self._iter_postings
        schema = writer.schema
        perdoc = writer.perdocwriter
        self.plain = type(perdoc) is W3PerDocWriter and all(
            not field.vector and not field.separate_spelling() for _, field in schema.items())
        # column name -> its writer, gathering the segment's values until it closes (see columns.py)
        self.columns = gather_columns(perdoc, protocol, raw_below) if self.plain else {}

    def add(self, fields: dict) -> None:
        """Add one document to the writer."""
        writer = self.writer
        plan = self.plans.get(tuple(fields))
        if plan is None:
            plan = self._plan(fields)
        if plan is False:
            self.in_pool()  # so that the pool's spills count and hold every posting so far
            writer.add_document(**fields)  # vectors, spelling words or boosts: Whoosh's own path
            self.all_here = False
            return
        writer._check_state()
        perdoc, docnum = writer.perdocwriter, writer.docnum
        perdoc.start_doc(docnum)
        try:
            self._fields(perdoc, writer.pool, fields, plan, docnum)
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        writer._added = True
        writer.docnum += 1

    def _plan(self, fields: dict):
        """Return how to add a document with these field names (False: through Whoosh's add_document)."""
        # A build's documents come in a few shapes (an article, a quote with a speaker...): the
        # names are sorted, checked and their fields looked up once per shape, not per document.
        if not self.plain or any(name.startswith("_") for name in fields):
            plan = False
        else:
            names = sorted(fields)
            self.writer._check_fields(self.writer.schema, names)  # an unknown field fails as in Whoosh
            plan = [(name, *self._field_plan(name)) for name in names]
        self.plans[tuple(fields)] = plan
        return plan

    def _field_plan(self, name: str) -> tuple:
        field = self.writer.schema[name]
        return (field, field.indexed, field.stored, field.column_type,
                "_%s_len" % name)  # whoosh3._lenfield: the field's length column

    def _fields(self, perdoc, pool, fields: dict, plan: list, docnum: int) -> None:
        """Post, store and put in columns a document's fields as W3PerDocWriter.add_field and add_column_value do."""
        columns, stored = self.columns, perdoc._storedfields
        for name, field, indexed, is_stored, column, lengths in plan:
            value = fields[name]
            if value is None:
                continue
            if indexed:
                length, byte = self._post(pool, name, field, value, docnum)
                if length:
                    self._column(columns, perdoc, lengths, LENGTHS_COLUMN).add(docnum, byte)
                    perdoc._fieldlengths[name] += length
            if is_stored:
                stored[name] = value
            if column:
                self._column(columns, perdoc, name, column).add(docnum, field.to_column_value(value))

    @staticmethod
    def _column(columns: dict, perdoc, name: str, column):
        found = columns.get(name)
        if found is None:
            perdoc._create_column(name, column)
            found = columns[name]
        return found

    def _post(self, pool, name: str, field, value, docnum: int) -> tuple[int, int]:
        """Add the value's postings to the pool (as PostingPool.add would); return the field length and its byte."""
        items, length, size, byte, rounded = self._items(name, field, value)
        pool.fieldnames.add(name)
        if pool.currentsize + size > pool.limit:
            self._post_one_by_one(pool, name, items, docnum)  # the pool spills in this value
        else:
            pool.currentsize += size
            terms = self.postings.get(name)
            if terms is None:
                terms = self.postings[name] = {}
            for term, weight, encoded in items:
                found = terms.get(term)
                if found is None:
                    terms[term] = ([docnum], [weight], [encoded])
                else:
                    found[0].append(docnum)
                    found[1].append(weight)
                    found[2].append(encoded)
        if not field.scorable:
            return 0, 0
        if length:  # what the segment's length column will answer (a byte: lengths are rounded)
            self.lengths.setdefault(name, {})[docnum] = rounded
        return length, byte

    def _post_one_by_one(self, pool, name: str, items: list, docnum: int) -> None:
        """Add postings as PostingPool.add does, spilling sorted runs at the same points."""
        self.in_pool()
        fixed = POSTING_SIZE + len(name)
        for term, weight, encoded in items:
            pool.currentsize += fixed + 2 * len(term) + len(encoded or "")
            if pool.currentsize > pool.limit:
                pool.save()
            pool.current.append((name, term, docnum, weight, encoded))

    def in_pool(self) -> None:
        """Move the postings gathered here into the writer's pool (which then sorts them, as Whoosh's flush does)."""
        current = self.writer.pool.current
        for name, terms in self.postings.items():
            for term, (docnums, weights, values) in terms.items():
                current.extend((name, term, docnum, weight, value)
                               for docnum, weight, value in zip(docnums, weights, values))
        self.postings.clear()

    def _iter_postings(self):
        """The writer's pool.iter_postings: the postings gathered here by field and term when the pool holds none."""
        pool = self.writer.pool
        if pool.runs or pool.current:  # Whoosh's own add_document or a spill put postings there
            self.in_pool()
            return type(pool).iter_postings(pool)
        grouped, self.postings = GroupedPostings(self.postings), {}
        return grouped

    def lengths_from_memory(self) -> None:
        """Let the segment's flush look up field lengths here instead of reading its length columns back."""
        # The flush asks the length of every posting's document and field: a million column reads
        # at 1x BBC, each a seek and an unpack. The answers are the ones the columns would give.
        if self.all_here:
            lengths = _Lengths(self.lengths)
            self.writer.per_document_reader = lambda: lengths

    def _items(self, name: str, field, value) -> tuple[list, int, int, int, int | None]:
        """Return the value's [(term bytes, weight, value bytes)], its field length, PostingPool.add's size,
        the length's byte in the length column and the length that byte reads back as."""
        try:
            key = (name, type(value), value)
            found = self.values.get(key)
        except TypeError:  # an unhashable value (a list of words) is indexed each time
            return _with_length_byte(*_measured(name, field.index(value)))
        if found is None:
            if len(self.values) >= CACHE_VALUES:
                self.values.clear()
            found = self.values[key] = _with_length_byte(*self._index(name, field, value))
        return found

    def _index(self, name: str, field, value) -> tuple[list, int, int]:
        terms_of = self.terms_of.get(name, False)
        if terms_of is False:
            terms_of = self.terms_of[name] = _terms_of(field)
        if terms_of is None or not isinstance(value, str):
            return _measured(name, field.index(value))
        form = type(field.format)
        if form is Positions:
            return self._positions(name, value, field.format.field_boost, terms_of)
        boost = field.format.field_boost
        if form is Existence:  # Existence.word_values: each word once, weighted by the field's boost
            return _measured(name, [(term.encode("utf-8"), 1, boost, b"") for term in dict.fromkeys(terms_of(value))])
        # Frequency.word_values: a word's count, its weight the sum of its tokens' boosts (1.0 each)
        return _measured(name, [(term.encode("utf-8"), freq, float(freq) * boost, pack_uint(freq))
                                for term, freq in Counter(terms_of(value)).items()])

    def _positions(self, name: str, value: str, boost: float, terms_of) -> tuple[list, int, int]:
        """Return _measured(Positions.word_values) of the analyzer's terms (terms_of), as field.index gives them."""
        first, terms = terms_of(value)
        where: dict[str, list[int]] = {}
        for pos, term in enumerate(terms, first):
            found = where.get(term)
            if found is None:
                where[term] = [pos]
            else:
                found.append(pos)
        # A word's weight is the sum of its tokens' boosts (1.0 each) times the format's boost.
        items = [(term.encode("utf-8"), float(len(poses)) * boost, self._encode(poses))
                 for term, poses in where.items()]
        size = (POSTING_SIZE + len(name)) * len(items) + sum(2 * len(term) + len(encoded)
                                                           for term, _, encoded in items)
        return items, len(terms), size

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


def _terms_of(field):
    """Return the function giving a field's words as its analyzer would (analysis.terms_function), or None."""
    # IDs and keywords (speaker ids and keys, topics, article ids) went through Whoosh's analyzer
    # generators and word_values: about 20,000 new values per 1x build, 0.1 CPU s of its writing.
    form = type(field.format)
    if form is Positions:
        return terms_function(field.analyzer)
    if (form is Existence or form is Frequency) and type(field).index is FieldType.index:  # not NUMERIC's own
        return token_function(field.analyzer)
    return None


def _with_length_byte(items: list, length: int, size: int) -> tuple[list, int, int, int, int | None]:
    byte = length_to_byte(length)
    return items, length, size, byte, byte_to_length(byte) if byte else None


def _measured(name: str, postings) -> tuple[list, int, int]:
    """Return field.index's postings as (term, weight, value), their total frequency and PostingPool.add's size."""
    items, length, size = [], 0, 0
    fixed = POSTING_SIZE + len(name)
    for term, freq, weight, encoded in postings:
        items.append((term, weight, encoded))
        length += freq
        size += fixed + 2 * len(term) + len(encoded or "")
    return items, length, size


class GroupedPostings:
    """A segment's postings as field -> term -> (docnums, weights, values), docnums ascending."""

    def __init__(self, fields: dict[str, dict[bytes, tuple[list, list, list]]]):
        self.fields = fields

    def __iter__(self):
        """Yield (field, term, docnum, weight, value) in the pool's sorted order (for Whoosh's own flush)."""
        for name in sorted(self.fields):
            terms = self.fields[name]
            for term in sorted(terms):
                docnums, weights, values = terms[term]
                for docnum, weight, value in zip(docnums, weights, values):
                    yield name, term, docnum, weight, value


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
