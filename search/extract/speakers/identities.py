"""One canonical id per speaker across articles: a lone surname joins a full name only when one fits."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, NamedTuple

from .names import is_named
from ..lexicon.people import HONORIFICS

SLUG = re.compile(r"[^\w]+")


class Speaker(NamedTuple):
    """A speaker as one article names it (its canonical name within that article)."""

    name: str
    article: str
    outlet: str | None = None
    story: str | None = None  # articles about the same story (a cluster id), when known


class Identity(NamedTuple):
    """A corpus-wide speaker: its id, the name shown, and every name it went by."""

    id: str
    name: str
    aliases: tuple[str, ...]


class Registry:
    """The corpus's named speakers: full names indexed by surname, so each lookup is a few dict reads."""

    def __init__(self):
        self.by_article: dict[str, list[Speaker]] = {}
        self.first: dict[str, str] = {}  # key -> the name as first written: what the identity shows
        self.uses: Counter = Counter()  # key -> speakers with it, so a name no article gives goes away
        # (scope, surname) -> full keys with that surname and how many speakers use each there
        self.pools: dict[tuple, Counter] = defaultdict(Counter)

    def add(self, article: str, speakers: Iterable[Speaker]) -> None:
        """Record an article's named speakers (replacing any it had)."""
        self.drop(article)
        kept = list(dict.fromkeys(s for s in speakers if s.name and is_named(s.name)))
        if kept:
            self.by_article[article] = kept
        for s in kept:
            key = name_key(s.name)
            self.first.setdefault(key, s.name)
            self.uses[key] += 1
            for scope in _scopes(s, key):
                self.pools[scope][key] += 1

    def drop(self, article: str) -> None:
        """Forget an article's speakers (removed, or about to be added again)."""
        for s in self.by_article.pop(article, ()):
            key = name_key(s.name)
            self.uses[key] -= 1
            if not self.uses[key]:
                del self.uses[key], self.first[key]
            for scope in _scopes(s, key):
                pool = self.pools[scope]
                pool[key] -= 1
                if not pool[key]:
                    del pool[key]
                if not pool:
                    del self.pools[scope]

    def key_of(self, speaker: Speaker) -> str:
        """Return the key of the identity a speaker belongs to: a lone surname's one compatible full name."""
        key = name_key(speaker.name)
        if " " in key:
            return key
        # The story decides first, then the outlet; two compatible full names stay apart.
        for scope in (("story", speaker.story, key), ("outlet", speaker.outlet, key)):
            pool = self.pools.get(scope)  # no story pool when the story is not known
            if pool:
                return next(iter(pool)) if len(pool) == 1 else key
        return key

    def identity(self, speaker: Speaker) -> Identity:
        """Return a registered speaker's identity (aliases left empty: see assign_ids)."""
        key = self.key_of(speaker)
        return Identity(slug(key), self.first.get(key, speaker.name), ())

    def lone(self, article: str) -> list[Speaker]:
        """Return an article's speakers named by one word only: the ones the rest of the corpus can move."""
        return [s for s in self.by_article.get(article, ()) if " " not in name_key(s.name)]


def _scopes(speaker: Speaker, key: str) -> list[tuple]:
    """Return the pools a full name joins: its story's and its outlet's, under its surname."""
    if " " not in key:
        return []
    surname = key.split()[-1]
    scopes = [("outlet", speaker.outlet, surname)]
    if speaker.story is not None:
        scopes.append(("story", speaker.story, surname))
    return scopes


def assign_ids(speakers: Iterable[Speaker]) -> dict[tuple[str, str], Identity]:
    """Return {(article, name): Identity} for every named speaker; unnamed sources get none."""
    registry, by_article = Registry(), defaultdict(list)
    for s in speakers:
        by_article[s.article].append(s)
    for article, named in by_article.items():
        registry.add(article, named)
    chosen = {(s.article, s.name): registry.identity(s) for named in registry.by_article.values() for s in named}
    aliases: dict[str, set[str]] = defaultdict(set)
    for (_, name), found in chosen.items():
        aliases[found.id].add(name)
    return {pair: found._replace(aliases=tuple(sorted(aliases[found.id]))) for pair, found in chosen.items()}


def name_key(name: str) -> str:
    """Return the comparison form of a name: case-folded, honorifics and possessive dropped."""
    words = name.replace("’", "'").casefold().split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words).removesuffix("'s")


def slug(key: str) -> str:
    """Return the id of a name key ('tony blair' -> 'tony-blair')."""
    return SLUG.sub("-", key).strip("-")


def fill_speaker_ids(records: list[dict]) -> None:
    """Set quotes' speaker_id and claims' claimer_id in `extract --json` records, over all the records given."""
    said = [(record, item, name, field) for record in records
            for kind, name, field in (("quotes", "speaker", "speaker_id"), ("claims", "claimer", "claimer_id"))
            for item in record[kind]]
    ids = assign_ids(Speaker(item[name], record["id"], record.get("source"))
                     for record, item, name, _ in said if item.get(name) and item.get("named"))
    for record, item, name, field in said:
        found = ids.get((record["id"], item.get(name)))
        item[field] = found.id if found and item.get("named") else None
