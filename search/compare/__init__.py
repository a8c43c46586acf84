"""Line up the same quote and the same figure across outlets; computed at index time."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from operator import itemgetter
from sys import intern

from .copies import signature, story_groups, story_id
from .quantities import quantity_groups
from .quotes import cluster_id, cluster_quotes
from .text import content_stems

# utterance, speaker_id, named, measure and claimer come from newer extractions: None when absent.
QUOTE_KEYS = ("id", "article_id", "title", "source", "date", "speaker", "mention", "text",
              "utterance", "speaker_id", "named")
FIGURE_KEYS = ("id", "article_id", "title", "source", "date", "value", "unit", "qualifier",
               "claimed_by", "topic", "text", "measure", "claimer", "sentence",
               "speaker")  # speaker: who claims it, the one name hits use too (claimer, else claimed_by)
ARTICLE_KEYS = ("id", "title", "source", "date")
SHARED_MAX = 200  # strings up to this long are interned in records: names, titles, dates and ids repeat


class _Record(Mapping):
    """A read-only statement record kept as one tuple: a tenth of a dict's memory per record."""

    __slots__ = ("_values",)
    KEYS: tuple = ()
    _INDEX: dict = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._INDEX = {key: n for n, key in enumerate(cls.KEYS)}

    def __init__(self, fields):
        # A build or an update holds every quote and figure of the corpus (1.5 M objects at 10x BBC as dicts);
        # outlet, date, title and article id repeat across an article's statements: share them.
        if isinstance(fields, tuple):
            self._values = fields  # read from a build: kept without a copy
            return
        values = map(fields.get, self.KEYS) if isinstance(fields, Mapping) else fields
        # inline, not a call per value: a build makes 22,000 records at 1x BBC
        self._values = tuple([intern(v) if isinstance(v, str) and len(v) <= SHARED_MAX else v for v in values])

    def __getitem__(self, key):
        return self._values[self._INDEX[key]]

    def get(self, key, default=None):
        """Return a key's value, or default for a key records do not have (Mapping.get without its try)."""
        n = self._INDEX.get(key)
        return default if n is None else self._values[n]

    def __iter__(self):
        return iter(self.KEYS)

    def __len__(self):
        return len(self.KEYS)

    def __repr__(self):
        return f"{type(self).__name__}({dict(self)!r})"

    def as_dict(self) -> dict:
        """Return the record as a plain dict: dict(record) asks for each key in Python, this in C."""
        return dict(zip(self.KEYS, self._values))


class QuoteRecord(_Record):
    """A quote as the comparison pages show it (QUOTE_KEYS)."""

    __slots__ = ()
    KEYS = QUOTE_KEYS


class FigureRecord(_Record):
    """A figure as the comparison pages show it (FIGURE_KEYS)."""

    __slots__ = ()
    KEYS = FIGURE_KEYS


class ArticleRecord(_Record):
    """An article as copies and appearances list it (ARTICLE_KEYS)."""

    __slots__ = ()
    KEYS = ARTICLE_KEYS


class Comparisons:
    """Quote clusters, story copies, figure quantities and topics of one build."""

    def __init__(self, quotes=None, figures=None, articles=None):
        self.quotes: dict[str, QuoteRecord] = {k: QuoteRecord(v) for k, v in (quotes or {}).items()}
        self.figures: dict[str, FigureRecord] = {k: FigureRecord(v) for k, v in (figures or {}).items()}
        self.articles: dict[str, ArticleRecord] = {k: ArticleRecord(v) for k, v in (articles or {}).items()}
        self.signatures: dict[str, bytes] = {}  # article id -> MinHash values (None: too short)
        self.clusters: dict[str, list[str]] = {}
        self.cluster_of: dict[str, str] = {}
        self.topics: dict[str, list[str]] = {}
        self.stories: dict[str, list[str]] = {}  # story id -> its articles (two or more copies)
        self.story_of: dict[str, str] = {}
        self.quantities: dict[str, list[str]] = {}  # quantity id -> figures reporting one quantity
        self.quantity_of: dict[str, str] = {}
        self.derived: dict = {}  # views worked out on first request (ranked disagreements), never saved

    def add(self, quotes: list[dict], figures: list[dict], article: dict | None = None) -> None:
        """Add statement records (see QUOTE_KEYS and FIGURE_KEYS) and their article (with its text)."""
        self.quotes.update((q["id"], QuoteRecord(q)) for q in quotes)
        self.figures.update((f["id"], FigureRecord(f)) for f in figures)
        if article is not None:
            self.articles[article["id"]] = ArticleRecord(article)
            # Sketched now, not at compute: a build adds articles while its workers extract the
            # next ones, and compute ends the build alone.
            self.signatures[article["id"]] = signature(article.get("text") or "")

    def drop_articles(self, article_ids) -> None:
        """Forget the statements of these articles (removed or about to be re-added)."""
        gone = set(article_ids)
        self.quotes = {k: v for k, v in self.quotes.items() if v["article_id"] not in gone}
        self.figures = {k: v for k, v in self.figures.items() if v["article_id"] not in gone}
        for table in (self.articles, self.signatures):
            for aid in gone & table.keys():
                del table[aid]

    def compute(self, clusters: Callable[[], dict] | None = None) -> "Comparisons":
        """Find the story copies, then cluster the quotes and group the figures across stories.

        ``clusters()``, when given, returns ``quote_clusters()`` worked out by another process."""
        self._set_stories({story_id(ids): ids for ids in
                           story_groups({a: s for a, s in self.signatures.items() if s})})
        # as plain dicts: grouping reads each figure's fields dozens of times, a record's in Python calls
        figures = sorted((f.as_dict() for f in self.figures.values()), key=itemgetter("id"))
        self._set_quantities({"qn-" + cluster_id(ids)[3:]: ids for ids in quantity_groups(figures, self.story)})
        topics = defaultdict(list)
        for fig in figures:
            if fig.get("topic"):
                topics[fig["topic"]].append(fig["id"])
        self.topics = dict(topics)
        self._set_clusters(clusters() if clusters is not None else self.quote_clusters())
        self.derived = {}
        return self

    def quote_clusters(self) -> dict[str, list[str]]:
        """Return the clusters of the same quote across articles: cluster id -> quote ids."""
        ordered = sorted((q.as_dict() for q in self.quotes.values()), key=itemgetter("id"))
        return {cluster_id(ids): ids for ids in cluster_quotes(ordered)}

    def story(self, article_id: str) -> str:
        """Return the story id of an article: its copy group's, or its own id when it has no copy."""
        return self.story_of.get(article_id, article_id)

    def copies(self, article_id: str) -> list[str]:
        """Return the other articles of an article's story group."""
        return [a for a in self.stories.get(self.story_of.get(article_id), ()) if a != article_id]

    def copy_records(self, article_id: str) -> list:
        """Return the records of the other articles of an article's story group."""
        return [self.articles[a] for a in self.copies(article_id) if a in self.articles]

    def _set_clusters(self, clusters: dict[str, list[str]]) -> None:
        self.clusters = clusters
        self.cluster_of = {m: cid for cid, ids in clusters.items() for m in ids}

    def _set_stories(self, stories: dict[str, list[str]]) -> None:
        self.stories = stories
        self.story_of = {a: sid for sid, ids in stories.items() for a in ids}

    def _set_quantities(self, quantities: dict[str, list[str]]) -> None:
        self.quantities = quantities
        self.quantity_of = {f: qid for qid, ids in quantities.items() for f in ids}

    def spread(self, topic: str) -> tuple[int, int]:
        """Return how many distinct values and how many articles a figure topic has."""
        figures = [self.figures[fid] for fid in self.topics.get(topic, ())]
        return len({f["value"] for f in figures}), len({f["article_id"] for f in figures})

    def disputed(self, topic: str) -> bool:
        """Return True when different articles report different values (one article alone is no dispute)."""
        values, articles = self.spread(topic)
        return values > 1 and articles > 1

    def peers(self, statement_id: str, kind: str | None) -> list[tuple[str, str | None]] | None:
        """Return (story, outlet) of every member of a quote's cluster or a figure's quantity; None when in none."""
        groups, group_of, records = {"quote": (self.clusters, self.cluster_of, self.quotes),
                                     "figure": (self.quantities, self.quantity_of, self.figures)}.get(kind, (None,) * 3)
        if groups is None or statement_id not in group_of:
            return None
        members = (records[m] for m in groups[group_of[statement_id]])
        return [(self.story(m["article_id"]), m.get("source")) for m in members]

    def measuring(self, measure: str) -> list:
        """Return the figures whose measure has the content words of ``measure`` (the store asks its full-text index)."""
        wanted = set(content_stems(measure))
        return [f for f in self.figures.values()
                if wanted and f.get("measure") and wanted <= set(content_stems(f["measure"]))]

    def to_json(self) -> dict:
        """Return plain data: records as value tuples in QUOTE_KEYS/FIGURE_KEYS/ARTICLE_KEYS order."""
        return {"quote_keys": QUOTE_KEYS, "figure_keys": FIGURE_KEYS, "article_keys": ARTICLE_KEYS,
                "quotes": {k: v._values for k, v in self.quotes.items()},
                "figures": {k: v._values for k, v in self.figures.items()},
                "articles": {k: v._values for k, v in self.articles.items()},
                "signatures": self.signatures, "clusters": self.clusters, "topics": self.topics,
                "stories": self.stories, "quantities": self.quantities}

    @classmethod
    def from_json(cls, data: dict) -> "Comparisons":
        """Rebuild from ``to_json`` output (records as value lists, or as objects from older builds)."""
        keys = (("quote_keys", QUOTE_KEYS), ("figure_keys", FIGURE_KEYS), ("article_keys", ARTICLE_KEYS))
        if any(list(data.get(name, ())) != list(wanted) for name, wanted in keys):
            return cls()  # written by another version with other fields: rebuild to compare again
        made = cls(data.get("quotes"), data.get("figures"), data.get("articles"))
        made.signatures = dict(data.get("signatures", {}))
        made._set_clusters(data.get("clusters", {}))
        made._set_stories(data.get("stories", {}))
        made._set_quantities(data.get("quantities", {}))
        made.topics = data.get("topics", {})
        return made


# The build's store (search.compare.store) imports the records above; these are the package's entry points.
from .store import FILENAME, load, open_build, save  # noqa: E402,F401
