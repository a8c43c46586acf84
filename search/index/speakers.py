"""Who a statement's speaker is across the corpus: the one place that maps a name to its id and filter keys."""
from __future__ import annotations

import re
import unicodedata

SPACES = re.compile(r"\s+")


def speaker_id(name: str | None) -> str | None:
    """Return the id of a speaker name that extraction gave no corpus-wide id (the name itself)."""
    return name or None


def identity(record, name: str | None) -> tuple[str | None, tuple[str, ...]]:
    """Return a statement's speaker id and every name it goes by (canonical name, aliases, mention)."""
    # Extraction's corpus-wide id (quotes' speaker_id, claims' claimer_id) decides; figures have none.
    sid = getattr(record, "speaker_id", None) or getattr(record, "claimer_id", None) or speaker_id(name)
    aliases = tuple(getattr(record, "speaker_aliases", None) or ())
    mention = getattr(record, "speaker_mention", None) or getattr(record, "claimer_mention", None)
    named = mention if is_alias(mention, name) else None
    names = tuple(dict.fromkeys(n for n in (name, *aliases, named) if n))
    return sid, names


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


def filter_key(name: str) -> str:
    """Return the form a speaker filter compares: case, accents' composition and spacing ignored."""
    # Commas separate the keys of one document in its keyword field.
    return SPACES.sub(" ", unicodedata.normalize("NFKC", name).casefold().replace(",", " ")).strip()


def filter_keys(names) -> str:
    """Return the keyword field's text for a statement's names: their keys, comma-separated."""
    return ",".join(dict.fromkeys(filter_key(n) for n in names if filter_key(n)))
