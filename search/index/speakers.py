"""Who a statement's speaker is across the corpus: the one place that maps a name to its id and filter keys."""
from __future__ import annotations

import logging
import os
import pickle
import re
import tempfile
import unicodedata
from functools import lru_cache
from itertools import chain
from pathlib import Path

from ..extract.speakers.identities import (Registry, Speaker, capitals, is_named, name_key, office, slug,
                                          speakers_of)
from ..extract.text.accents import fold_accents
from ..models import Article, Extraction

SPACES = re.compile(r"\s+")
FILENAME = "speakers.pickle"
HELD_WAITING = 1_000  # articles waiting for the corpus's names kept as objects; later ones are pickled to a file
log = logging.getLogger(__name__)


class CorpusSpeakers:
    """A build's named speakers across the corpus: each statement gets its person's corpus-wide name and id."""

    def __init__(self, registry: Registry | None = None, lone: dict | None = None):
        self.registry = registry or Registry()
        # article -> {lone surname: the id it was indexed under}: an update re-indexes an article
        # when the corpus moves one of them (a new 'Tony Blair', or a second full name for 'Blair').
        self.lone: dict[str, dict[str, str]] = lone or {}

    def register(self, article: Article, extraction: Extraction) -> bool:
        """Record an article's people; True when it names one by a lone surname (its id waits for the corpus)."""
        # Registry.add keeps the named ones (is_named), once per name rather than per statement.
        said = [(name, mention) for record, name, mention in _said(extraction)
                if name and getattr(record, "named", None) is not False]
        self.registry.add(article.id, speakers_of(article.id, article.source, said, article.text))
        offices = [held for record, name, _ in _said(extraction)
                   if getattr(record, "named", None) is not True and (held := office(name))]
        if offices:  # its capitalised words are read only then: most articles name no office
            self.registry.describe(article.id, article.source, offices, capitals(article.text))
        return self.registry.undecided(article.id)

    def drop(self, article_ids) -> None:
        """Forget the people of removed articles (or of articles about to be indexed again)."""
        for article_id in article_ids:
            self.registry.drop(article_id)
            self.lone.pop(article_id, None)

    def apply(self, article: Article, extraction: Extraction) -> Extraction:
        """Return the extraction with each person named and identified as the corpus knows them now."""
        registered = {s.name: s for s in self.registry.by_article.get(article.id, ())}

        def named(record, name, name_field, id_field):
            held = office(name) if getattr(record, "named", None) is not True else None
            if held:  # 'the prime minister': the one holder of the office the article names
                found = self.registry.holder(article.id, held)
                named = {"named": True} if hasattr(record, "named") else {}  # figures carry no 'named'
                return _replaced(record, **{name_field: found.name}, **named,
                                 **({id_field: found.id} if id_field else {})) if found else record
            if name not in registered or getattr(record, "named", None) is False:  # registered: people only
                return record
            found = self.registry.identity(registered[name])
            ids = {id_field: found.id} if id_field else {}
            return _replaced(record, **{name_field: found.name}, **ids)

        lone = {s.name: self.registry.identity(s).id for s in self.registry.lone(article.id)}
        lone.update(self._holders(article.id))
        if lone:
            self.lone[article.id] = lone
        return Extraction(
            [named(q, q.speaker, "speaker", "speaker_id") for q in extraction.quotes],
            [named(c, c.claimer, "claimer", "claimer_id") for c in extraction.claims],
            [named(f, f.claimer or f.claimed_by, "claimer", None) for f in extraction.figures])

    def moved(self) -> list[str]:
        """Return the indexed articles whose lone surnames or offices the corpus now gives another id."""
        return [article for article, ids in self.lone.items()
                if any(ids.get(s.name) != self.registry.identity(s).id for s in self.registry.lone(article))
                or any(ids.get(name) != found for name, found in self._holders(article).items())]

    def _holders(self, article_id: str) -> dict[str, str]:
        """Return the article's unnamed offices and the id of who holds each ('' for nobody known)."""
        _, offices, _ = self.registry.described.get(article_id, (None, (), None))
        return {name: getattr(self.registry.holder(article_id, name), "id", "") for name in offices}

    def save(self, build_dir: Path) -> None:
        """Write the table into a build, atomically (the build is swapped in whole later)."""
        data = {"articles": {a: [tuple(s) for s in named] for a, named in self.registry.by_article.items()},
                "first": self.registry.first, "lone": self.lone, "described": self.registry.described}
        tmp = Path(build_dir) / (FILENAME + ".tmp")
        with tmp.open("wb") as out:
            pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, Path(build_dir) / FILENAME)

    @classmethod
    def load(cls, build_dir: Path) -> "CorpusSpeakers":
        """Read a build's table; a build without one (an older version) starts an empty one."""
        try:
            with (Path(build_dir) / FILENAME).open("rb") as source:
                data = pickle.load(source)
            registry = Registry()
            for article, named in data["articles"].items():
                registry.add(article, [Speaker(*s) for s in named])
            registry.first.update((k, v) for k, v in data["first"].items() if k in registry.first)
            registry.described.update(data.get("described", {}))
            return cls(registry, data["lone"])
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, AttributeError) as exc:
            # The update still indexes its files; names only join people the update itself sees.
            log.warning("No speaker table in %s (%s); rebuild the index to join lone surnames across it",
                        build_dir, type(exc).__name__)
            return cls()


class Waiting:
    """Articles waiting for the whole corpus's names: the first HELD_WAITING in memory, the rest pickled to a
    temporary file, so a build keeps a bounded number in memory."""

    def __init__(self):
        self._held: list = []
        self._file, self._count = None, 0

    def __len__(self) -> int:
        return self._count

    def append(self, article: Article, extraction: Extraction) -> None:
        """Put an article and its extraction aside."""
        # Half of BBC's articles name someone by one word: held as objects, 180 MB at 10x BBC; pickled
        # and read back, 0.2 CPU s at 1x BBC (900 articles, about 20 MB held).
        self._count += 1
        if len(self._held) < HELD_WAITING:
            self._held.append((article, extraction))
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="claimsearch-waiting-")
        pickle.dump((article, extraction), self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def drain(self):
        """Return an iterator over the articles put aside, in order, and start empty again."""
        held, file, count = self._held, self._file, self._count
        self._held, self._file, self._count = [], None, 0
        return chain(held, _read_back(file, count - len(held)))


def _read_back(file, count: int):
    if file is None:
        return
    with file:
        file.seek(0)
        for _ in range(count):
            yield pickle.load(file)


def _replaced(record, **changes):
    """Return a copy of a frozen Quote, Claim or Figure with some fields changed (dataclasses.replace, 5x faster)."""
    # Their __init__ only sets the fields (no __post_init__): filled as pickle fills them, without it.
    assert changes.keys() <= record.__dataclass_fields__.keys()
    copy = object.__new__(type(record))
    copy.__dict__.update(record.__dict__, **changes)
    return copy


def _said(extraction: Extraction):
    """Yield (record, speaker name, mention as written) for the quotes, claims and figures of an extraction."""
    yield from ((q, q.speaker, q.speaker_mention) for q in extraction.quotes)
    yield from ((c, c.claimer, c.claimer_mention) for c in extraction.claims)
    yield from ((f, f.claimer or f.claimed_by, f.claimed_by) for f in extraction.figures)


def person(name: str | None, maybe_named: bool) -> bool:
    """Return True when a statement's speaker is a named person or body, not 'officials' or 'a spokesman'
    (``maybe_named``: False when extraction marked the source unnamed)."""
    return bool(name) and maybe_named and is_named(name)


def speaker_id(name: str | None) -> str | None:
    """Return the id of a speaker name that extraction gave no corpus-wide id: its full name's."""
    return slug(name_key(name)) or None if name else None


def identity(record, name: str | None) -> tuple[str | None, tuple[str, ...]]:
    """Return a statement's speaker id (None for unnamed sources) and every name it goes by."""
    mention = getattr(record, "speaker_mention", None) or getattr(record, "claimer_mention", None)
    # The corpus-wide id (quotes' speaker_id, claims' claimer_id) decides; figures have none.
    sid = getattr(record, "speaker_id", None) or getattr(record, "claimer_id", None)
    return _identity(name, mention, sid, getattr(record, "named", None) is not False)


@lru_cache(maxsize=1 << 16)  # a person's statements across the corpus ask the same
def _identity(name: str | None, mention: str | None, sid: str | None, maybe_named: bool):
    named = mention if is_alias(mention, name) else None
    if not sid and not person(name, maybe_named):
        return None, tuple(dict.fromkeys(n for n in (name, named) if n))
    sid = sid or speaker_id(name)
    # The surname alone and the id also find the person: speaker=blair, speaker=tony-blair.
    surname = (name_key(name).split() or [None])[-1]
    return sid, tuple(dict.fromkeys(n for n in (name, named, surname, sid) if n))


def is_alias(mention: str | None, name: str | None) -> bool:
    """Return True when a mention as written names the speaker ("Blair", "Mr Blair"), not "he" or "officials"."""
    if not mention or not name or mention == name:
        return False
    return bool(set(filter_key(mention).split()) & set(filter_key(name).split()))


def role_in(mention: str | None, name: str | None) -> str | None:
    """Return the role a mention gives before the name ("Ambassador" in "Ambassador Ada Quill"), or None."""
    if not mention or not name or not filter_key(mention).endswith(" " + filter_key(name)):
        return None
    return mention[:len(mention) - len(name)].strip(" ,") or None


@lru_cache(maxsize=1 << 16)  # a build asks about the same few thousand names for every statement
def filter_key(name: str) -> str:
    """Return the form a speaker filter compares: case, accents and spacing ignored ('Ibáñez' is 'ibanez')."""
    # Commas separate the keys of one document in its keyword field.
    return SPACES.sub(" ", fold_accents(unicodedata.normalize("NFKC", name)).casefold().replace(",", " ")).strip()


@lru_cache(maxsize=1 << 16)  # names as identity gives them, the same for each of a person's statements
def filter_keys(names: tuple[str, ...]) -> str:
    """Return the keyword field's text for a statement's names: their keys, comma-separated."""
    return ",".join(dict.fromkeys(filter(None, map(filter_key, names))))
