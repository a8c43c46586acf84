"""Who a statement's speaker is across the corpus: the one place that maps a name to its id and filter keys."""
from __future__ import annotations

import re
import unicodedata

SPACES = re.compile(r"\s+")


def speaker_id(name: str | None) -> str | None:
    """Return the corpus-wide id of a canonical speaker name (today the name itself)."""
    # Extraction will give each statement a canonical speaker_id; identity() prefers it.
    return name or None


def identity(record, name: str | None) -> tuple[str | None, tuple[str, ...]]:
    """Return a statement's speaker id and every name it goes by (canonical name, aliases, mention)."""
    sid = getattr(record, "speaker_id", None) or speaker_id(name)
    aliases = tuple(getattr(record, "speaker_aliases", None) or ())
    mention = getattr(record, "speaker_mention", None) or getattr(record, "claimer_mention", None)
    # A mention as written ("Blair") is an alias; a pronoun or description ("he", "officials") is not.
    named = mention if mention and any(c.isupper() for c in mention) else None
    names = tuple(dict.fromkeys(n for n in (name, *aliases, named) if n))
    return sid, names


def filter_key(name: str) -> str:
    """Return the form a speaker filter compares: case, accents' composition and spacing ignored."""
    # Commas separate the keys of one document in its keyword field.
    return SPACES.sub(" ", unicodedata.normalize("NFKC", name).casefold().replace(",", " ")).strip()


def filter_keys(names) -> str:
    """Return the keyword field's text for a statement's names: their keys, comma-separated."""
    return ",".join(dict.fromkeys(filter_key(n) for n in names if filter_key(n)))
