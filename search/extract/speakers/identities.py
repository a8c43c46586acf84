"""One canonical id per speaker across articles: a lone surname joins a full name only when one fits."""
from __future__ import annotations

import re
from collections import defaultdict
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


def assign_ids(speakers: Iterable[Speaker]) -> dict[tuple[str, str], Identity]:
    """Return {(article, name): Identity} for every named speaker; unnamed sources get none."""
    speakers = [s for s in speakers if s.name and is_named(s.name)]
    full: dict[str, str] = {}  # key of a full name -> the name as first written
    in_story: dict[tuple[str, str], set[str]] = defaultdict(set)
    in_outlet: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for s in speakers:
        key = name_key(s.name)
        if " " not in key:
            continue
        full.setdefault(key, s.name)
        surname = key.split()[-1]
        if s.story is not None:
            in_story[(s.story, surname)].add(key)
        in_outlet[(s.outlet, surname)].add(key)
    chosen = {}
    for s in speakers:
        key = name_key(s.name)
        if " " not in key:
            # The story decides first, then the outlet; two compatible full names stay apart.
            for pool in (in_story.get((s.story, key)), in_outlet.get((s.outlet, key))):
                if pool:
                    key = next(iter(pool)) if len(pool) == 1 else key
                    break
        chosen[(s.article, s.name)] = key
    aliases: dict[str, set[str]] = defaultdict(set)
    for (_, name), key in chosen.items():
        aliases[key].add(name)
    identities = {key: Identity(slug(key), full.get(key) or min(names), tuple(sorted(names)))
                  for key, names in aliases.items()}
    return {pair: identities[key] for pair, key in chosen.items()}


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
    """Set quotes[*].speaker_id in `extract --json` records, over all the records given."""
    speakers = [Speaker(q["speaker"], r["id"], r.get("source"))
                for r in records for q in r["quotes"] if q.get("speaker") and q.get("named")]
    ids = assign_ids(speakers)
    for record in records:
        for quote in record["quotes"]:
            found = ids.get((record["id"], quote.get("speaker")))
            quote["speaker_id"] = found.id if found and quote.get("named") else None
