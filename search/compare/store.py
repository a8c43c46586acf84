"""A build's comparisons in one SQLite file: written with the build, queried per view by each server process.

Unpickled whole, the comparisons of 10x BBC held ~90 MB in every server process; here a view reads
only the records it shows. The file is written once, beside the Whoosh segments, and swapped in
with its build; servers open it read-only, so processes share it through the page cache.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path

from ..errors import IndexMissing
from . import ARTICLE_KEYS, FIGURE_KEYS, QUOTE_KEYS, ArticleRecord, Comparisons, FigureRecord, QuoteRecord
from .text import content_stems

FILENAME = "comparisons.sqlite"
FORMAT = "2"  # 2: figures found by any measure holding the words asked for (figure_measures)
GROUPINGS = ("clusters", "stories", "quantities", "topics")
log = logging.getLogger("search.compare")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE quotes (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT, record TEXT NOT NULL);
CREATE TABLE figures (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT, measure_key TEXT,
                      record TEXT NOT NULL);
CREATE INDEX figures_by_measure ON figures (measure_key);
CREATE VIRTUAL TABLE figure_measures USING fts5(measure_key, content='figures', content_rowid='rowid');
CREATE TABLE articles (id TEXT PRIMARY KEY, record TEXT NOT NULL, signature BLOB);
CREATE TABLE members (grouping TEXT NOT NULL, group_id TEXT NOT NULL, member TEXT NOT NULL);
CREATE INDEX members_by_group ON members (grouping, group_id);
CREATE INDEX members_by_member ON members (grouping, member);
"""


def measure_key(measure: str | None) -> str | None:
    """Return the form figures are looked up by measure in: its content stems, space-separated."""
    return " ".join(content_stems(measure)) or None if measure else None


def save(comps: Comparisons, build_dir: Path) -> None:
    """Write the comparisons into the build, atomically (records as JSON lists in the *_KEYS order)."""
    path = Path(build_dir) / FILENAME
    tmp = path.with_name(FILENAME + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        _write(comps, tmp)
    except sqlite3.OperationalError as exc:
        raise _disk_error(tmp, exc) from None
    os.replace(tmp, path)


def _disk_error(tmp: Path, exc: sqlite3.OperationalError) -> OSError:
    """Return the OSError behind SQLite's failed write: a plain write to the same file tells which."""
    # SQLite reports a full disk or file size limit as SQLITE_FULL/IOERR without the errno that
    # the build's one-line "Cannot write the index" message gives.
    try:
        with tmp.open("ab") as probe:
            probe.write(bytes(1 << 16))
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as found:
        return found
    finally:
        tmp.unlink(missing_ok=True)
    return OSError(errno.EIO, f"{os.strerror(errno.EIO)} ({exc})")


def _write(comps: Comparisons, tmp: Path) -> None:
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)", _meta().items())
        db.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?)",
                       ((k, v["article_id"], v["source"], _dump(v)) for k, v in comps.quotes.items()))
        db.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?)",
                       ((k, v["article_id"], v["source"], measure_key(v.get("measure")), _dump(v))
                        for k, v in comps.figures.items()))
        db.execute("INSERT INTO figure_measures (figure_measures) VALUES ('rebuild')")
        db.executemany("INSERT INTO articles VALUES (?, ?, ?)",
                       ((k, _dump(v), comps.signatures.get(k)) for k, v in comps.articles.items()))
        db.executemany("INSERT INTO articles (id, record, signature) VALUES (?, NULL, ?)",
                       ((k, s) for k, s in comps.signatures.items() if k not in comps.articles))
        for grouping in GROUPINGS:
            db.executemany("INSERT INTO members VALUES (?, ?, ?)",
                           ((grouping, gid, m) for gid, ids in getattr(comps, grouping).items() for m in ids))
        db.commit()
    finally:
        db.close()


def _meta() -> dict[str, str]:
    return {"format": FORMAT, "quote_keys": json.dumps(QUOTE_KEYS), "figure_keys": json.dumps(FIGURE_KEYS),
            "article_keys": json.dumps(ARTICLE_KEYS)}


# json.dumps makes an encoder per call when given separators: one for the 33,000 records of a 1x BBC build
_COMPACT = json.JSONEncoder(separators=(",", ":"))


def _dump(record) -> str:
    return _COMPACT.encode(record._values)


def open_build(build_dir: Path) -> "StoredComparisons":
    """Open a build's comparisons read-only; a build without a readable store must be rebuilt (IndexMissing)."""
    stored, problem = _opened(Path(build_dir) / FILENAME)
    if problem:
        raise IndexMissing(f"The index at {Path(build_dir).parent.parent} was built by another version of "
                           f"claimsearch ({problem}); rebuild it with `claimsearch index DIR`")
    return stored


def _opened(path: Path) -> tuple["StoredComparisons | None", str | None]:
    """Return the store at ``path`` and None, or None and why it cannot be used."""
    if not path.is_file():
        return None, "it has no comparisons store"
    stored = StoredComparisons(path)
    try:
        meta = dict(stored.db.rows("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as exc:
        return None, f"its comparisons store cannot be read: {exc}"
    return (stored, None) if meta == _meta() else (None, "its comparisons store has another format")


def load(build_dir: Path) -> Comparisons:
    """Read a build's comparisons whole, to update them; a build without a readable store has none."""
    path = Path(build_dir) / FILENAME
    stored, problem = _opened(path)
    if stored is not None:
        return stored.whole()
    # An update still indexes its files without them; the log says why, and a rebuild writes them again.
    log.warning("No quote or figure comparisons from %s (%s); rebuild the index to compare again", path, problem)
    return Comparisons()


class _Db:
    """One read-only connection per thread to an immutable SQLite file, closed when the store is dropped."""

    def __init__(self, path: Path):
        self.uri = path.resolve().as_uri() + "?mode=ro&immutable=1"  # never written after its build is swapped in
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []

    def rows(self, sql: str, args=()) -> list[tuple]:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = sqlite3.connect(self.uri, uri=True, check_same_thread=False)
            self._opened.append(conn)  # list.append is atomic: threads may open theirs at once
        return conn.execute(sql, args).fetchall()

    def __del__(self):
        # A connection sits in a reference cycle of its own and waits for the cyclic GC: a server
        # swapping builds often would hold old files open meanwhile. Nobody can use them now.
        for conn in self._opened:
            conn.close()


class _Records(Mapping):
    """Quote, figure or article records by id, read from their table when asked for."""

    def __init__(self, db: _Db, table: str, make):
        self.db, self.table, self.make = db, table, make

    def get(self, key, default=None):
        found = self.db.rows(f"SELECT record FROM {self.table} WHERE id = ? AND record IS NOT NULL", (key,))
        return self.make(tuple(json.loads(found[0][0]))) if found else default

    def __getitem__(self, key):
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key):
        return bool(self.db.rows(f"SELECT 1 FROM {self.table} WHERE id = ? AND record IS NOT NULL", (key,)))

    def __iter__(self):
        return iter([k for (k,) in self.db.rows(f"SELECT id FROM {self.table} WHERE record IS NOT NULL ORDER BY rowid")])

    def __len__(self):
        return self.db.rows(f"SELECT count(*) FROM {self.table} WHERE record IS NOT NULL")[0][0]

    def items(self):
        return [(k, self.make(tuple(json.loads(r)))) for k, r in
                self.db.rows(f"SELECT id, record FROM {self.table} WHERE record IS NOT NULL ORDER BY rowid")]

    def values(self):
        return [record for _, record in self.items()]


class _Groups(Mapping):
    """One grouping (clusters, stories, quantities, topics): group id -> its member ids in order."""

    def __init__(self, db: _Db, grouping: str):
        self.db, self.grouping = db, grouping

    def __getitem__(self, gid):
        found = self.db.rows("SELECT member FROM members WHERE grouping = ? AND group_id = ? ORDER BY rowid",
                             (self.grouping, gid))
        if not found:
            raise KeyError(gid)
        return [m for (m,) in found]

    def _all(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for gid, member in self.db.rows("SELECT group_id, member FROM members WHERE grouping = ? ORDER BY rowid",
                                        (self.grouping,)):
            groups.setdefault(gid, []).append(member)
        return groups

    def __iter__(self):
        return iter(self._all())

    def __len__(self):
        return self.db.rows("SELECT count(DISTINCT group_id) FROM members WHERE grouping = ?", (self.grouping,))[0][0]

    def items(self):
        return self._all().items()

    def values(self):
        return self._all().values()


class _GroupOf(Mapping):
    """One grouping read the other way: member id -> its group id."""

    def __init__(self, db: _Db, grouping: str):
        self.db, self.grouping = db, grouping

    def get(self, member, default=None):
        found = self.db.rows("SELECT group_id FROM members WHERE grouping = ? AND member = ? LIMIT 1",
                             (self.grouping, member))
        return found[0][0] if found else default

    def __getitem__(self, member):
        found = self.get(member)
        if found is None:
            raise KeyError(member)
        return found

    def __iter__(self):
        return iter([m for (m,) in self.db.rows("SELECT member FROM members WHERE grouping = ? ORDER BY rowid",
                                                (self.grouping,))])

    def __len__(self):
        return self.db.rows("SELECT count(*) FROM members WHERE grouping = ?", (self.grouping,))[0][0]


class StoredComparisons(Comparisons):
    """A build's comparisons as read-only mappings over its store: the views read what they show."""

    def __init__(self, path: Path):
        super().__init__()
        self.db = _Db(path)
        self.quotes = _Records(self.db, "quotes", QuoteRecord)
        self.figures = _Records(self.db, "figures", FigureRecord)
        self.articles = _Records(self.db, "articles", ArticleRecord)
        self.clusters, self.stories = _Groups(self.db, "clusters"), _Groups(self.db, "stories")
        self.quantities, self.topics = _Groups(self.db, "quantities"), _Groups(self.db, "topics")
        self.cluster_of, self.story_of = _GroupOf(self.db, "clusters"), _GroupOf(self.db, "stories")
        self.quantity_of = _GroupOf(self.db, "quantities")

    def peers(self, statement_id: str, kind: str | None) -> list[tuple[str, str | None]] | None:
        """Return (story, outlet) of every member of a quote's cluster or a figure's quantity; None when in none."""
        grouping, table = {"quote": ("clusters", "quotes"), "figure": ("quantities", "figures")}.get(kind, (None, None))
        if grouping is None:
            return None
        # One query per search hit: the search pages ask this for every hit they show.
        found = self.db.rows(
            f"SELECT coalesce(s.group_id, r.article_id), r.source FROM members AS g "
            f"JOIN {table} AS r ON r.id = g.member "
            f"LEFT JOIN members AS s ON s.grouping = 'stories' AND s.member = r.article_id "
            f"WHERE g.grouping = ?1 AND g.group_id = "
            f"(SELECT group_id FROM members WHERE grouping = ?1 AND member = ?2 LIMIT 1) ORDER BY g.rowid",
            (grouping, statement_id))
        return found or None

    def copy_records(self, article_id: str) -> list:
        """Return the records of the other articles of an article's story group (one query: every search hit asks)."""
        found = self.db.rows(
            "SELECT a.record FROM members AS g JOIN articles AS a ON a.id = g.member "
            "WHERE g.grouping = 'stories' AND g.member != ?1 AND a.record IS NOT NULL AND g.group_id = "
            "(SELECT group_id FROM members WHERE grouping = 'stories' AND member = ?1 LIMIT 1) ORDER BY g.rowid",
            (article_id,))
        return [ArticleRecord(tuple(json.loads(r))) for (r,) in found]

    def measuring(self, measure: str) -> list:
        """Return the figures whose measure has the content words of ``measure`` ('net profit' finds
        'third-quarter net profit'): SQLite's full-text index of the measures, each word a quoted phrase."""
        key = measure_key(measure)
        if not key:
            return []
        words = " ".join('"' + word.replace('"', '""') + '"' for word in key.split())
        return [FigureRecord(tuple(json.loads(r))) for (r,) in self.db.rows(
            "SELECT f.record FROM figure_measures JOIN figures AS f ON f.rowid = figure_measures.rowid "
            "WHERE figure_measures MATCH ? ORDER BY f.rowid", (words,))]

    def whole(self) -> Comparisons:
        """Return every record and group in memory, as an update changes them."""
        whole = Comparisons.from_json({
            "quote_keys": QUOTE_KEYS, "figure_keys": FIGURE_KEYS, "article_keys": ARTICLE_KEYS,
            **{name: {k: r._values for k, r in getattr(self, name).items()} for name in ("quotes", "figures", "articles")},
            **{name: dict(getattr(self, name).items()) for name in GROUPINGS}})
        whole.signatures = dict(self.db.rows("SELECT id, signature FROM articles ORDER BY rowid"))
        return whole

    def add(self, *args, **kwargs):
        raise TypeError("a build's stored comparisons are read-only: load() them whole to change them")

    drop_articles = compute = add
