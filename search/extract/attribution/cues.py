"""Cue words in context: is this word a verb of saying here, and whose words does it report."""
from __future__ import annotations

from ..lexicon.verbs import (ADJECTIVES, AUXILIARIES, HEADLINE_FORMS, NOUN_FORMS, OPENING_CUES, PAIRS, THAT_NOUNS,
                             classes_of)
from ..lexicon.sources import MEDIUM_NOUNS
from ..lexicon.words import ADVERBS, CLAIM_CUES, CUE_FIRST_WORDS, CUE_WORDS, NOUN_CUES, PRONOUNS
from ..lexicon.grammar import ARTICLES, NOUN_MARKERS, PHRASE_NAME_JOINS, SUBORDINATORS, VERB_MARKERS
from ..text.phrases import QUOTE_MARKS, is_cap, np_after, subject_before
from ..text.sentences import Token

ADJECTIVE_ENDINGS = ("ed", "ing", "ful", "ous", "ive", "al", "ic", "ent", "ant", "ble", "less", "ish")
ANONYMITY = ("not to be named", "not to be identified", "not to be quoted", "to remain anonymous", "for anonymity")
ANONYMITY_STARTS = frozenset(phrase.split()[0] for phrase in ANONYMITY)
CUE_STARTS = CUE_FIRST_WORDS | OPENING_CUES | {"as"}  # no cue starts with another word: most tokens are asked
MEDIUM_REACH = 4  # tokens after 'according to' that may hold the medium's noun ('an official English translation')


def cue_at(toks: list[Token], i: int) -> int:
    """Return how many tokens form a cue at i (0 if none): 'said', 'pointed out'."""
    word = toks[i].lower
    if word not in CUE_STARTS:
        return 0
    if i + 1 < len(toks):
        pair = f"{word} {toks[i + 1].lower}"
        if pair in CUE_WORDS or pair in ("according to", "as per"):
            return 2
    if word in OPENING_CUES and (i == 0 or toks[i - 1].text in QUOTE_MARKS):
        return 1  # 'Said Comey, "..."'
    if word not in CUE_WORDS or not toks[i].text[:1].islower() or anonymity(toks, i):
        return 0
    if i and (_modifies_noun(toks[i - 1].text) or (word in NOUN_CUES and _noun_before(toks[i - 1].text))):
        return 0
    return 1


def claim_cue_at(toks: list[Token], i: int, headline: bool = False) -> int:
    """Return how many tokens form a claim cue at i (0 if none): 'said', 'called for', 'Says' in a headline."""
    word = toks[i].lower
    if i + 1 < len(toks):
        pair = f"{word} {toks[i + 1].lower}"
        if pair in ("according to", "as per"):
            return 2
        if pair in PAIRS:
            return 0 if i and not _subject_like(toks, i - 1) else 2  # 'an unprompted call for'
    if word in THAT_NOUNS and i + 1 < len(toks) and toks[i + 1].text == "that" and i and _owned(toks[i - 1].text):
        return 1  # "Trump's claim that ...", 'his warning that ...'
    if not classes_of(word) or anonymity(toks, i):
        return 0
    if not toks[i].text[:1].islower():
        return 1 if headline and i > 0 and word in HEADLINE_FORMS else 0
    if i and _modifies_noun(toks[i - 1].text):
        return 0
    to_follows = i + 1 < len(toks) and toks[i + 1].text == "to"  # 'plans to', 'hopes to'
    if i and word in NOUN_FORMS and not to_follows and not _subject_like(toks, i - 1):
        return 0  # 'election fears', 'swing state'; but 'the study finds', 'officials fear'
    return 1


def anonymity(toks: list[Token], i: int) -> bool:
    """Return True for 'asked not to be named': why a source is unnamed, not what it said."""
    if i + 1 >= len(toks) or toks[i + 1].text not in ANONYMITY_STARTS:
        return False  # most cues: one look at the next word
    after = " ".join(t.lower for t in toks[i + 1:i + 5])
    return after.startswith(ANONYMITY)


def _owned(word: str) -> bool:
    """Return True for 'his', 'their' or "Trump's": whose the speech noun after it is."""
    return word.lower() in ("his", "her", "their", "its", "our", "my") or word.endswith(("’s", "'s", "s’", "s'"))


def _subject_like(toks: list[Token], j: int) -> bool:
    """Return True when toks[j] can end a verb's subject: a pronoun, a name, a plural or a determined noun."""
    word = toks[j].text
    lower = word.lower()
    return (lower in PRONOUNS or lower in ("who", "that", "which", "you") or lower in ADVERBS
            or lower in AUXILIARIES or word.endswith("ly")
            or (word[:1].isupper() and not (j == 0 and lower.endswith(ADJECTIVE_ENDINGS)))  # not 'Growing fears'
            or (lower.endswith("s") and not lower.endswith("ss")) or _determined(toks, j))


def _determined(toks: list[Token], j: int) -> bool:
    """Return True for 'the study', 'a new poll' ending at j: a subject, so a verb follows it."""
    word = toks[j].lower
    if word in ADJECTIVES or word.endswith(ADJECTIVE_ENDINGS):
        return False  # 'an unprompted call', 'the growing fears'
    k = j - 1
    while k >= 0 and j - k <= 3 and toks[k].lower not in ARTICLES and (
            toks[k].lower in ADJECTIVES or toks[k].text[:1].isupper()
            or toks[k].lower.endswith(ADJECTIVE_ENDINGS)):
        k -= 1  # 'the Republican presidential candidate plans'
    return k >= 0 and toks[k].lower in ARTICLES


def _noun_before(prev: str) -> bool:
    """Return True for 'insecure email', 'home state': a modifier, not a subject, before it."""
    lower = prev.lower()
    if prev[:1].isdigit():
        return True
    return (prev.islower() and lower not in PRONOUNS and lower not in ADVERBS and lower not in VERB_MARKERS
            and not lower.endswith("s"))


def _modifies_noun(word: str) -> bool:
    """Return True for 'the', 'his' or 'Trump's' before a cue word: that makes it a noun."""
    return word.lower() in NOUN_MARKERS or word.endswith(("’s", "'s", "s’", "s'"))


def cue_source(toks: list[Token], k: int, size: int, floor: int = 0) -> tuple[int, int] | None:
    """Return the source of the cue at k: its subject, or X in 'according to X' / 'by X'."""
    cue = " ".join(t.text for t in toks[k:k + size]).lower()
    if cue in ("according to", "as per") or toks[k].text[:1].isupper():
        return _described(toks, np_after(toks, k + size))
    if k + size < len(toks) and toks[k + size].text == "by":
        return _described(toks, np_after(toks, k + size + 1))
    return subject_before(toks, k, floor)


def _described(toks: list[Token], np: tuple[int, int] | None) -> tuple[int, int] | None:
    """Prefer the name in 'the Russian ambassador to Pyongyang, Alexander Matsegora'."""
    if np is None or is_cap(toks[np[1]].text):
        return np
    k = np[1] + 1
    while k < len(toks) and k - np[1] < 6 and (toks[k].text in PHRASE_NAME_JOINS or is_cap(toks[k].text)
                                                 or toks[k].text in ("to", "in", "at")):
        k += 1
    if k < len(toks) and toks[k].text == ",":
        name = np_after(toks, k + 1)
        if name and name[1] > name[0] and all(is_cap(t.text) for t in toks[name[0]:name[1] + 1]):
            return name
    return np




def framing_cue(toks: list[Token], cues: list[int]) -> int | None:
    """Return the main clause's first verb of saying when later cues sit inside what it reports.

    PolNeAR-style attribution credits the outermost source: in 'Trump said that he believed
    X was "weak"' the quoted word is Trump's report, not the nested 'he believed'.
    """
    if len(cues) < 2:
        return None
    subordinate = False
    clause_start = True
    for k, tok in enumerate(toks):
        lower = tok.lower
        if (clause_start and lower in SUBORDINATORS) or lower in ("who", "which"):
            subordinate = True  # until the clause's closing comma
        elif tok.text == ",":
            subordinate = False
        clause_start = tok.text in (",", ";", ":")
        if k in cues and not subordinate:
            return k if lower in CLAIM_CUES and subject_before(toks, k, 0) else None
    return None


def medium_after(toks: list[Token], k: int) -> bool:
    """Return True when 'according to' names what carried the words ('a translation of his remarks'), no source."""
    for tok in toks[k:k + MEDIUM_REACH]:
        if tok.lower in MEDIUM_NOUNS:
            return True
        if tok.text == "," or tok.lower == "of":
            return False
    return False
