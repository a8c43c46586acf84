"""Content words of a quote, normalised so other translations and truncations still meet."""
from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem

from ..extract.text.accents import fold_accents

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# Reporting verbs and fillers carry no content: two quotes sharing only these are not one utterance.
EXTRA_STOP = frozenset("""
    also just like would could should may might must shall will can one us our we they them their
    there here this that these those said says say told very much many more most some any even
    ever never not no yes well really still get got make made take i me my you your he him his she
    her it its do does did done been being has had have was were am who whom which what
""".split())
STOP = frozenset(STOP_WORDS) | EXTRA_STOP


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    return stem(word)


@lru_cache(maxsize=65536)
def _content_stem(word: str) -> str:
    """Return a word as written's stem, or '' for a stop word or a single letter."""
    # Stemming never empties a word of two letters or more: '' marks exactly the words left out.
    word = word.lower().replace("’", "'")
    return "" if word in STOP or len(word) <= 1 else stem_word(word)


def content_stems(text: str) -> tuple[str, ...]:
    """Return the stems of the content words, in order, without stop words."""
    # A cached step per word as written and no Python loop: clustering and figure grouping ask for 26,000 texts
    return tuple(filter(None, map(_content_stem, WORD.findall(text))))


@lru_cache(maxsize=16384)
def name_tokens(name: str | None) -> frozenset[str]:
    """Return a speaker name's lower-case words without titles or stop words."""
    if not name:
        return frozenset()
    return frozenset(w.lower() for w in WORD.findall(fold_accents(name)) if w.lower() not in STOP)


def compatible_speakers(a: str | None, b: str | None) -> bool | None:
    """Return True for the same or a shortened name, False for different people, None if unknown."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return None
    return ta <= tb or tb <= ta


SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")
MAX_SENTENCE = 400  # characters kept on each side of a figure: a run-on list is not one claim


def sentence_around(text: str, start: int, end: int) -> str:
    """Return the sentence of ``text`` holding [start, end), as a figure's context."""
    lo = max(0, start - MAX_SENTENCE)
    before = [m.end() for m in SENTENCE_END.finditer(text, lo, start)]
    after = SENTENCE_END.search(text, end, min(len(text), end + MAX_SENTENCE))
    return " ".join(text[before[-1] if before else lo:after.start() + 1 if after else end + MAX_SENTENCE].split())


# "Mr Howard said voters faced..." inside a quote's text: the reporter's words were taken into it.
NARRATION = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Lord|Lady|Sir|[A-Z][a-z]+)\.? [A-Z][\w'’-]+ "
                       r"(?:said|says|told|added|argued|insisted|claimed|warned)\b")


def narrated(text: str) -> bool:
    """Return True when a quote's text holds the reporter's narration ("Mr X said ...")."""
    return bool(NARRATION.search(text))


# Not "one", "first", "second" or "half": as often a pronoun or an adverb as a number. A digit or the first
# letter of a word is looked at first: most positions of a quote fail there, not in 35 alternatives.
NUMBER = re.compile(r"(?=[\dtfsenhmbdjao])(?:\d+(?:[.,]\d+)*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|third|fourth|fifth|"
                    r"thirds|january|february|march|april|june|july|august|september|october|november|december)\b)",
                    re.IGNORECASE)


@lru_cache(maxsize=65536)  # a quote's numbers are compared once per candidate pair it is in: read them once
def numbers(text: str) -> frozenset[str]:
    """Return the numbers, number words and months a text names: a version of a quote keeps them all."""
    return frozenset(n.lower().replace(",", "") for n in NUMBER.findall(text))
