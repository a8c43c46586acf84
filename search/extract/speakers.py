"""Resolve a speaker mention ('he', 'Matsegora', 'ISW') to a canonical name in the article."""
from __future__ import annotations

import bisect
import re
from collections import Counter

from .lexicon import ORG_WORDS, PERSON_PRONOUNS, PLACES, PRONOUNS, TITLES

NAME = re.compile(r"[A-Z][\w’'.-]*[\w](?:\s+(?:(?:of|for|the|de|van|von|al|bin)\s+){0,2}[A-Z][\w’'.-]*[\w])+")
NAME_OR_WORD = re.compile(r"[A-Z][\w’'.-]*[\w](?:\s+(?:(?:of|for|the|de|van|von|al|bin)\s+){0,2}[A-Z][\w’'.-]*[\w])*")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
JOINS = frozenset("of for the de van von al bin".split())
POSSESSIVE = re.compile(r"[’']s?$")
LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _defined(before: str, acronym: str) -> str | None:
    """Return the words just before '(ISW)' whose initials spell the acronym."""
    words = before.split()
    for size in range(len(acronym), min(len(words), 3 * len(acronym)) + 1):
        candidate = " ".join(words[-size:])
        if candidate[:1].isupper() and _initials(candidate) == acronym.upper():
            return strip_name(candidate)
    return None


def is_person(name: str) -> bool:
    """Return True when a canonical name looks like a person, not an organisation or place."""
    words = name.split()
    return (bool(words) and not name.isupper() and name.lower() not in PLACES
            and all(w[:1].isupper() or w in JOINS for w in words)
            and not any(w.lower() in ORG_WORDS for w in words))


class Resolver:
    """Canonical names for one article: full names, acronyms and who spoke last."""

    def __init__(self, text: str, paragraph_texts):
        self.text = text
        self.full: dict[str, Counter] = {}  # last word -> Counter of full names
        self.acronyms: dict[str, str] = {}
        self.names: list[str] = []
        for _, chunk in paragraph_texts:
            self._scan(chunk)
        self.events: list[tuple[int, str]] = []  # (position, canonical) of named speakers

    def _scan(self, chunk: str) -> None:
        for match in ACRONYM.finditer(chunk):
            full = _defined(chunk[max(0, match.start() - 150):match.start()], match.group(1))
            if full:
                self.acronyms[match.group(1)] = full
        for match in NAME.finditer(chunk):
            name = strip_name(match.group())
            if len(name.split()) > 1:
                self.full.setdefault(name.split()[-1], Counter())[name] += 1
                self.names.append(name)

    def note(self, pos: int, name: str | None) -> None:
        """Record that ``name`` spoke at ``pos`` (for resolving later pronouns)."""
        if name and name.lower() not in PRONOUNS:
            bisect.insort(self.events, (pos, name))

    def speaker(self, mention: str, pos: int) -> tuple[str | None, bool | None]:
        """Return the canonical speaker of a mention and whether it is named."""
        name = self.canonical(mention, pos)
        return name, (None if name is None else is_named(name))

    def canonical(self, mention: str | None, pos: int) -> str | None:
        """Return the canonical name for a mention found at pos."""
        if not mention:
            return None
        name = strip_name(mention)
        if name.lower() in ("who", "which", "that"):
            return self._antecedent(pos)
        if name.lower() in PRONOUNS:
            return self._pronoun(name.lower(), pos)
        if name in self.acronyms:
            return self.acronyms[name]
        if name.isupper() and len(name) > 1:
            return self._upper(name)
        if " " not in name and name in self.full:
            return self.full[name].most_common(1)[0][0]
        return name or None

    def _upper(self, name: str) -> str:
        """Resolve 'ISW' to a name with those initials, 'WALLACE' to 'Chris Wallace'."""
        matches = [n for n in self.names if len(n.split()) > 1 and _initials(n) == name]
        if matches and " " not in name:
            return matches[0]
        titled = name.title()
        if titled.split()[-1] in self.full:
            return self.full[titled.split()[-1]].most_common(1)[0][0]
        return name if len(name) <= 5 else titled

    def _antecedent(self, pos: int) -> str | None:
        """Return who 'who' is: the name just before it ('Alexander Matsegora, who')."""
        names = list(NAME_OR_WORD.finditer(self.text, max(0, pos - 120), pos))
        return self.canonical(names[-1].group(), names[-1].start()) if names else None

    def _pronoun(self, pronoun: str, pos: int) -> str | None:
        want_person = pronoun in PERSON_PRONOUNS
        for _, name in reversed(self.events[:bisect.bisect_left(self.events, (pos, ""))]):
            if not want_person or is_person(name):
                return name
        return None


def is_named(name: str) -> bool:
    """Return True for a name ('Tony Blair', 'Reuters'), False for a description ('a spokesman')."""
    return name[:1].isupper() and name.lower() not in PRONOUNS


def strip_name(mention: str) -> str:
    """Return a mention without titles, determiners, possessives and stray punctuation."""
    words = LEADING_THE.sub("", " ".join(mention.split())).strip(" ,.:;-–—()").split()
    words = [w for w in words if w]
    if words:
        words[-1] = POSSESSIVE.sub("", words[-1])
    # Titles and job descriptions go when a capitalised name follows ("Ambassador Alexander
    # Matsegora", "campaign spokesman Brian Fallon"); alone they stay ("the spokesman").
    previous = None
    while len(words) > 1 and _has_name(words[1:]) and (_is_title_word(words) or previous in ("of", "for")):
        previous, words = words[0].lower(), words[1:]  # "Secretary of State John Kerry" loses "State" too
    return " ".join(words)


def _is_title_word(words: list[str]) -> bool:
    """Return True when words[0] is a title, or qualifies one ("Council member", "Press secretary")."""
    first = words[0].lower()
    return first in TITLES or words[0].islower() or words[1].lower() in TITLES | {"member"}


def _has_name(words: list[str]) -> bool:
    return any(w[:1].isupper() and w.lower().rstrip(".") not in TITLES for w in words)
