"""Line up the same quote and the same figure across outlets; computed at index time."""
from __future__ import annotations

import logging
import os
import pickle
import sys
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from .quotes import cluster_id, cluster_quotes

FILENAME = "comparisons.pickle"
log = logging.getLogger(__name__)
QUOTE_KEYS = ("id", "article_id", "title", "source", "date", "speaker", "mention", "text")
FIGURE_KEYS = ("id", "article_id", "title", "source", "date", "value", "unit", "qualifier",
               "speaker", "topic", "text")  # speaker: who claims it, the one name hits use too


class _Record(Mapping):
    """A read-only statement record kept as one tuple: a tenth of a dict's memory per record."""

    __slots__ = ("_values",)
    KEYS: tuple = ()
    _INDEX: dict = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._INDEX = {key: n for n, key in enumerate(cls.KEYS)}

    def __init__(self, fields):
        # A server holds every quote and figure of the corpus (1.5 M objects at 10x BBC as dicts);
        # outlet, date, title and article id repeat across an article's statements: share them.
        if isinstance(fields, tuple):
            self._values = fields  # unpickled from a build: already shared, kept without a copy
            return
        values = (fields.get(key) for key in self.KEYS) if isinstance(fields, Mapping) else fields
        self._values = tuple(map(_shared, values))

    def __getitem__(self, key):
        return self._values[self._INDEX[key]]

    def __iter__(self):
        return iter(self.KEYS)

    def __len__(self):
        return len(self.KEYS)

    def __repr__(self):
        return f"{type(self).__name__}({dict(self)!r})"


def _shared(value):
    return sys.intern(value) if isinstance(value, str) and len(value) <= 200 else value


class QuoteRecord(_Record):
    """A quote as the comparison pages show it (QUOTE_KEYS)."""

    __slots__ = ()
    KEYS = QUOTE_KEYS


class FigureRecord(_Record):
    """A figure as the comparison pages show it (FIGURE_KEYS)."""

    __slots__ = ()
    KEYS = FIGURE_KEYS


class Comparisons:
    """Quote clusters and figure topics of one build, with the statements they group."""

    def __init__(self, quotes=None, figures=None):
        self.quotes: dict[str, QuoteRecord] = {k: QuoteRecord(v) for k, v in (quotes or {}).items()}
        self.figures: dict[str, FigureRecord] = {k: FigureRecord(v) for k, v in (figures or {}).items()}
        self.clusters: dict[str, list[str]] = {}
        self.cluster_of: dict[str, str] = {}
        self.topics: dict[str, list[str]] = {}

    def add(self, quotes: list[dict], figures: list[dict]) -> None:
        """Add statement records (see QUOTE_KEYS and FIGURE_KEYS)."""
        self.quotes.update((q["id"], QuoteRecord(q)) for q in quotes)
        self.figures.update((f["id"], FigureRecord(f)) for f in figures)

    def drop_articles(self, article_ids) -> None:
        """Forget the statements of these articles (removed or about to be re-added)."""
        gone = set(article_ids)
        self.quotes = {k: v for k, v in self.quotes.items() if v["article_id"] not in gone}
        self.figures = {k: v for k, v in self.figures.items() if v["article_id"] not in gone}

    def compute(self) -> "Comparisons":
        """Cluster the quotes and group the figures by topic."""
        ordered = sorted(self.quotes.values(), key=lambda q: q["id"])
        self._set_clusters({cluster_id(ids): ids for ids in cluster_quotes(ordered)})
        topics = defaultdict(list)
        for fig in sorted(self.figures.values(), key=lambda f: f["id"]):
            if fig.get("topic"):
                topics[fig["topic"]].append(fig["id"])
        self.topics = dict(topics)
        return self

    def _set_clusters(self, clusters: dict[str, list[str]]) -> None:
        self.clusters = clusters
        self.cluster_of = {m: cid for cid, ids in clusters.items() for m in ids}

    def spread(self, topic: str) -> tuple[int, int]:
        """Return how many distinct values and how many articles a figure topic has."""
        figures = [self.figures[fid] for fid in self.topics.get(topic, ())]
        return len({f["value"] for f in figures}), len({f["article_id"] for f in figures})

    def disputed(self, topic: str) -> bool:
        """Return True when different articles report different values (one article alone is no dispute)."""
        values, articles = self.spread(topic)
        return values > 1 and articles > 1

    def disagreements(self) -> list[str]:
        """Return the disputed topics, most values first, then most articles."""
        disputed = [t for t in self.topics if self.disputed(t)]
        return sorted(disputed, key=lambda t: tuple(-n for n in self.spread(t)) + (t,))

    def to_json(self) -> dict:
        """Return plain data (JSON-compatible): records as value tuples in QUOTE_KEYS/FIGURE_KEYS order."""
        return {"quote_keys": QUOTE_KEYS, "figure_keys": FIGURE_KEYS,
                "quotes": {k: v._values for k, v in self.quotes.items()},
                "figures": {k: v._values for k, v in self.figures.items()},
                "clusters": self.clusters, "topics": self.topics}

    @classmethod
    def from_json(cls, data: dict) -> "Comparisons":
        """Rebuild from ``to_json`` output (records as value lists, or as objects from older builds)."""
        if list(data.get("quote_keys", QUOTE_KEYS)) != list(QUOTE_KEYS) or \
                list(data.get("figure_keys", FIGURE_KEYS)) != list(FIGURE_KEYS):
            return cls()  # written by another version with other fields: rebuild to compare again
        made = cls(data.get("quotes"), data.get("figures"))
        made._set_clusters(data.get("clusters", {}))
        made.topics = data.get("topics", {})
        return made


def save(comparisons: Comparisons, build_dir: Path) -> None:
    """Write the comparisons beside the index, atomically."""
    # A pickle, like Whoosh's own segment files beside it, written and read only by claimsearch:
    # parsing 45 MB of JSON objects at 10x BBC left each server process ~150 MB of freed but
    # fragmented memory; unpickling makes only the objects that are kept, strings shared.
    tmp = Path(build_dir) / (FILENAME + ".tmp")
    with tmp.open("wb") as out:
        pickle.dump(comparisons.to_json(), out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, Path(build_dir) / FILENAME)


def load(build_dir: Path) -> Comparisons:
    """Read a build's comparisons; an index built without them (or by an older version) has none."""
    path = Path(build_dir) / FILENAME
    try:
        with path.open("rb") as source:
            return Comparisons.from_json(pickle.load(source))
    # Search still works without comparisons, so a server keeps serving; the log says why pages
    # show no other versions, and rebuilding the index writes the file again.
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
            KeyError, ImportError) as exc:
        log.warning("No quote or figure comparisons from %s (%s: %s); rebuild the index to compare again",
                    path, type(exc).__name__, exc)
        return Comparisons()
