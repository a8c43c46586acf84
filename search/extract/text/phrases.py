"""Noun phrases around cue verbs: find cues and the subject or object they point at."""
from __future__ import annotations

import re

from ..lexicon.words import ABBREVIATIONS, ADVERBS, DETERMINERS, LY_NOUNS, NOUN_CUES, ORG_WORDS, PLACES, PRONOUNS, STOP_WORDS
from ..lexicon.grammar import CAP_STOP, CONNECTIVES, PHRASE_NAME_JOINS, POSSESSIVE
from ..lexicon.people import DESCRIPTORS, JOB_WORDS
from ..lexicon.sources import SOURCE_ADJECTIVES, TIME_WORDS, WEEKDAYS
from ..lexicon.verbs import AUXILIARIES, PAST_VERBS
from .sentences import Token

FLOATING = frozenset("both all each".split())  # quantifiers that may follow their subject: "they both said"
# Where a named person works or comes from: 'David Noone from Intervoice', 'Will Davies, senior fellow at the IPPR'.
AFFILIATIONS = frozenset("from at of with in for to".split())
PLACE_LINKS = frozenset("at on in from".split())  # 'at Postbridge on Dartmoor in the West Country'
PLACES_IN_A_ROW = 3
JOB_REACH = 4  # 'senior research fellow at': a job set off after a name, before where it is held
RELATIVE_REACH = 30  # tokens back from a subject's closing comma to the ', who' or ', whose' that opened it
HEAD_WORDS = 3  # lower-case words after a name that may end in who is meant: 'the European cross-country champion'

PARTY_STATE = re.compile(r"^[RDI]-[A-Z]")  # 'Sen. Ted Cruz (R-Tex.)', 'Thompson, R-Pa.,'
QUOTE_MARKS = frozenset('"“”„«»')
SENTENCE_STOPS = frozenset(".!?;")


def is_cap(word: str) -> bool:
    """Return True for a capitalised word that may be part of a name."""
    return word[:1].isupper() and word not in CAP_STOP


def abbrev_dot(toks: list[Token], k: int) -> bool:
    """Return True when toks[k] is the period of 'Sen.' or an initial 'M.'."""
    if toks[k].text != "." or k == 0:
        return False
    word = toks[k - 1].text
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()) or PARTY_STATE.match(word) is not None


def digit_mark(toks: list[Token], k: int) -> bool:
    """Return True when toks[k] is the ',' or '.' inside a number ('1,200', '4.5'), not a clause's punctuation."""
    return (0 < k < len(toks) - 1 and toks[k].text in ",." and toks[k - 1].end == toks[k].start == toks[k + 1].start - 1
            and toks[k - 1].text.isdigit() and toks[k + 1].text[:1].isdigit())


def np_back(toks: list[Token], j: int, floor: int) -> tuple[int, int] | None:
    """Return token indexes (first, last) of the noun phrase ending at j ('A and B' too)."""
    found = _np_back(toks, j, floor)
    if found and found[0] - 2 >= floor and toks[found[0] - 1].text == "and":
        other = _np_back(toks, found[0] - 2, floor)
        if other and toks[other[0]].lower not in PRONOUNS:
            return other[0], found[1]
    return found


def _np_back(toks: list[Token], j: int, floor: int) -> tuple[int, int] | None:
    if j < floor:
        return None
    word = toks[j].text
    if toks[j].lower in PRONOUNS:
        return j, j
    if is_cap(word) or word in ("Mr", "Mrs", "Ms"):
        return _name_back(toks, j, floor), j
    if not word[:1].isalpha() or toks[j].lower in STOP_WORDS:
        return None
    k = j
    while k - 1 >= floor and j - k < 6:
        prev = toks[k - 1].text
        if prev.lower() in DETERMINERS:
            return k - 1, j
        if digit_mark(toks, k - 1):
            k -= 2  # '200,000 shoppers' is one phrase, not '000 shoppers'
            continue
        if prev.lower() in STOP_WORDS or not prev[:1].isalnum():
            break
        k -= 1
    return k, j


def _name_back(toks: list[Token], j: int, floor: int) -> int:
    """Return where the capitalised name ending at j starts ('Institute for the Study of War')."""
    k = j
    while k - 1 >= floor:
        prev = toks[k - 1].text
        if is_cap(prev) or prev in ("Mr", "Mrs", "Ms", "Dr") or abbrev_dot(toks, k - 1) or (
                prev == "&" and k - 2 >= floor and is_cap(toks[k - 2].text)):  # 'Ernst & Young', 'AT&T'
            k -= 1
            continue
        joins = 0
        while k - 1 - joins >= floor and toks[k - 1 - joins].text in PHRASE_NAME_JOINS and joins < 2:
            joins += 1
        if joins and k - 1 - joins >= floor and is_cap(toks[k - 1 - joins].text):
            k -= joins
            continue
        break
    return k


# (id of a token list, cue, floor) -> (that list, its subject): the claim rules, the tagger's gates and the quote
# tags ask the same cue of the same (read-only) list again, 2 times in 3 over BBC. Holding the list keeps its id
# from being reused while the answer is kept.
_SUBJECTS: dict = {}
SUBJECTS_KEPT = 1024


def subject_before(toks: list[Token], i: int, floor: int) -> tuple[int, int] | None:
    """Return the subject of the cue at i: 'Trump (, the nominee,) (also) said'."""
    key = (id(toks), i, floor)
    hit = _SUBJECTS.get(key)
    if hit is not None and hit[0] is toks:
        return hit[1]
    if len(_SUBJECTS) >= SUBJECTS_KEPT:
        _SUBJECTS.clear()
    found = _SUBJECTS[key] = (toks, _subject_of_cue(toks, i, floor))
    return found[1]


def _subject_of_cue(toks: list[Token], i: int, floor: int) -> tuple[int, int] | None:
    found = _sourced_back(toks, _subject_before(toks, i, floor), floor)
    found = _affiliated_person(toks, found, floor) or found
    if found and toks[i].lower in NOUN_CUES and toks[found[0]].lower not in PRONOUNS:
        # 'Moscow's official claims', 'received offers': nouns, unless a name or 'the ad' precedes
        if not is_cap(toks[found[1]].text) and toks[found[0]].lower not in DETERMINERS:
            return None
    return found


def _sourced_back(toks: list[Token], found: tuple[int, int] | None, floor: int) -> tuple[int, int] | None:
    """Return 'a person familiar with the plans' for 'the plans': who an unnamed source is close to is no subject."""
    if found is None or found[0] - 3 < floor or _source_adjective(toks, found[0] - 2) is False:
        return found
    head = np_back(toks, found[0] - 3, floor)
    return (head[0], found[1]) if head and toks[head[0]].lower not in PRONOUNS else found


def _affiliated_person(toks: list[Token], found: tuple[int, int] | None, floor: int) -> tuple[int, int] | None:
    """Return the named person for 'Intervoice' in 'David Noone from Intervoice said' (the whole phrase, as the
    subject) or 'Paul Goosens, head of Preventon, said' (the name): where a named person works is no subject."""
    k = _affiliation_at(toks, found, floor)
    if k is None:
        return None
    k -= 1
    if k >= floor and toks[k].text.islower():  # ', senior research fellow at', ', head of'
        job = k
        while job >= floor and k - job < JOB_REACH and toks[job].text.isalpha() and toks[job].text.islower() \
                and toks[job].text not in STOP_WORDS:
            job -= 1
        if job < floor or toks[job].text != ",":
            return None
        k = job
    set_off = k >= floor and toks[k].text == ","
    name = _np_back(toks, k - set_off, floor)
    if not name or not _full_name(toks, name):
        return None
    # 'Dan McLaughlin at the National Review agreed': the whole phrase is who speaks (its name is the canonical)
    return name if set_off else (name[0], found[1])


def _affiliation_at(toks: list[Token], found: tuple[int, int] | None, floor: int) -> int | None:
    """Return where 'from', 'at' or 'in' stands before the name found ('at the IPPR'), else None."""
    if found is None or not is_cap(toks[found[1]].text):
        return None
    k = found[0] - 1
    if k >= floor and toks[k].lower == "the":
        k -= 1
    word = toks[k].lower if k > floor else ""
    if word == "in":  # 'the organiser in Uganda, Sarah Mukasa,'; 'in Newark, New Jersey,' names a place twice
        known = " ".join(t.text for t in toks[found[0]:found[1] + 1]).lower().removeprefix("the ") in PLACES
        return k if known else _placed(toks, k, floor)
    if word == "on" and not any(t.text in TIME_WORDS for t in toks[found[0]:found[1] + 1]):  # not 'on Monday'
        return _placed(toks, k, floor)
    return k if word in AFFILIATIONS else None


def _placed(toks: list[Token], k: int, floor: int) -> int | None:
    """Return where the places before 'in the West Country' at k start when a full name comes right before them
    ('Simon Hall at Postbridge on Dartmoor in the West Country said'), else None: they say where that person is."""
    for _ in range(PLACES_IN_A_ROW):
        before = _np_back(toks, k - 1, floor)
        if before is None or not is_cap(toks[before[1]].text):
            return None
        if _full_name(toks, before):
            return k
        k = before[0] - 1
        if k >= floor and toks[k].lower == "the":
            k -= 1
        if k < floor or toks[k].lower not in PLACE_LINKS:
            return None
    return None


def _full_name(toks: list[Token], name: tuple[int, int]) -> bool:
    """Return True for a person's name of two or more capitalised words ('Emmanuel Ferry'), not a body's."""
    words = [t.text for t in toks[name[0]:name[1] + 1]]
    return len(words) >= 2 and all(is_cap(w) and w.isalpha() for w in words) and words[-1].lower() not in ORG_WORDS \
        and " ".join(words).lower() not in PLACES


def _source_adjective(toks: list[Token], k: int) -> bool:
    """Return True when toks[k] and toks[k + 1] are 'familiar with', 'close to' and the like."""
    return 0 <= k < len(toks) - 1 and f"{toks[k].text} {toks[k + 1].text}".lower() in SOURCE_ADJECTIVES


def _time_phrase_start(toks: list[Token], j: int, floor: int) -> int | None:
    """Return where a time phrase ending at j starts ('on Thursday evening', 'last month'), None if none does."""
    k = j
    while k >= floor and toks[k].text in TIME_WORDS:
        k -= 1
    if k == j or k < floor or toks[k].text not in ("on", "last", "this", "late", "early", "next"):
        return None
    return k


def _subject_before(toks: list[Token], i: int, floor: int) -> tuple[int, int] | None:
    j = i - 1
    while j >= floor:
        if toks[j].text in ADVERBS or (toks[j].text.endswith("ly") and toks[j].text.islower()
                                       and toks[j].text not in LY_NOUNS):
            j -= 1
        elif j - 1 >= floor and toks[j].text == "longer" and toks[j - 1].text == "no":
            j -= 2  # 'GM no longer wants'
        elif j - 1 >= floor and toks[j].text in WEEKDAYS and toks[j - 1].text in ("on", "last", "this", "late", "early"):
            j -= 2  # 'Sanders on Saturday criticized'
        elif (time := _time_phrase_start(toks, j, floor)) is not None:
            j = time - 1  # 'The mayor on Thursday evening said', 'Sherman last month joked'
        elif toks[j].text in FLOATING and j - 1 >= floor and toks[j - 1].text[:1].isalnum():
            j -= 1  # 'Republican figures both suggested': the quantifier floats after its subject
        else:
            break
    if j < floor:
        return None
    if toks[j].text == ")":
        while j >= floor and toks[j].text != "(":
            j -= 1
        j -= 1
    elif toks[j].lower in ("who", "which") or (toks[j].text == "that" and j > floor and toks[j - 1].text[:1].isalpha()):
        return j, j  # the relative pronoun is the nearest mention; speakers.py resolves it
    elif toks[j].text == ",":
        relative = _relative_start(toks, j, floor)
        if relative is not None:  # 'The actor, whose films include Schindler's List, Michael Collins, said'
            return np_back(toks, relative - 1, floor)
        k = j - 1
        while k >= floor and toks[k].text != "," and j - k < 30:
            k -= 1
        if k < floor or toks[k].text != ",":
            return None
        outer = np_back(toks, k - 1, floor)
        inner = np_after(toks, k + 1, j)
        # 'The ambassador, Ivan Petrov, said': the name says more than the description; so it does
        # after where the described person works: 'the organiser in Uganda, Sarah Mukasa, told'
        if outer and inner and inner[1] == j - 1 and is_cap(toks[inner[1]].text) and (
                not is_cap(toks[outer[1]].text) or toks[outer[1]].lower in DESCRIPTORS
                or _affiliation_at(toks, outer, floor) is not None) and (
                not is_cap(toks[outer[1]].text) or _full_name(toks, inner)):  # "Argentina's President, Nestor Kirchner,"
            return inner
        return outer
    return np_back(toks, j, floor)


def relative_head(toks: list[Token], j: int, floor: int) -> tuple[int, int] | None:
    """Return the noun phrase a relative clause ending at the comma j describes ('The panel' of 'The panel, which
    included Ann Lee and Tom Hart,'), None when no such clause ends there."""
    relative = _relative_start(toks, j, floor) if 0 <= j < len(toks) and toks[j].text == "," else None
    return np_back(toks, relative - 1, floor) if relative is not None else None


def _relative_start(toks: list[Token], j: int, floor: int) -> int | None:
    """Return the comma opening a relative clause that ends at the comma j (', whose films include A, B and C,')."""
    for k in range(j - 2, max(floor, j - RELATIVE_REACH) - 1, -1):
        if toks[k].text in ";.!?" or toks[k].text in QUOTE_MARKS:
            return None
        if toks[k].text == "," and toks[k + 1].lower in ("who", "whose", "which"):
            return k if k > floor else None
    return None


def np_after(toks: list[Token], i: int, limit: int | None = None) -> tuple[int, int] | None:
    """Return token indexes (first, last) of the noun phrase starting at i."""
    limit = len(toks) if limit is None else limit
    if i >= limit or not toks[i].text[:1].isalnum():
        return None
    if toks[i].lower in PRONOUNS:
        return i, i
    k, seen_cap = i, False
    while k < limit and k - i < 12:
        word = toks[k].text
        if abbrev_dot(toks, k) and k > i or word == "&" and seen_cap and k + 1 < limit and is_cap(toks[k + 1].text):
            k += 1  # 'Sen.', 'Ernst & Young', 'M&S'
            continue
        if not word[:1].isalnum():
            break
        lower = toks[k].lower
        if lower in STOP_WORDS and not (k > i and lower in DETERMINERS):
            if not (seen_cap and lower in PHRASE_NAME_JOINS and _cap_soon(toks, k, limit)):
                break
        elif seen_cap and not is_cap(word) and lower not in PHRASE_NAME_JOINS:
            k = _described_head(toks, i, k, limit)  # 'the Sale player', 'the European cross-country champion'
            break
        seen_cap = seen_cap or is_cap(word)
        k += 1
    if k > i + 1 and _source_adjective(toks, k - 1):  # 'said people familiar with the talks'
        more = np_after(toks, k + 1, limit)
        return (i, more[1]) if more else (i, k - 1)
    return (i, k - 1) if k > i else None


def _described_head(toks: list[Token], i: int, k: int, limit: int) -> int:
    """Return the end of 'the Sale player' when lower-case words from k end in a person's noun, else k."""
    if toks[i].lower not in ("the", "a", "an"):
        return k
    for m in range(k, min(limit, k + HEAD_WORDS)):
        word = toks[m].text
        if not (word.islower() and word.replace("-", "").isalpha()):
            return k
        if word in DESCRIPTORS and (m + 1 >= limit or not toks[m + 1].text[:1].isalpha()):
            return m + 1  # the phrase ends at the person's noun: no clause of its own follows
    return k


def _cap_soon(toks: list[Token], k: int, limit: int) -> bool:
    """Return True when a capitalised word follows within two joining words."""
    for m in range(k + 1, min(k + 3, limit)):
        if is_cap(toks[m].text):
            return True
        if toks[m].lower not in PHRASE_NAME_JOINS:
            return False
    return False


def dateline_end(toks: list[Token], lo: int, hi: int) -> int:
    """Return where a dateline ('MANCHESTER, N.H. -', 'LONDON (Reuters) -') ends, or lo when none opens the text."""
    opener = toks[lo].text if lo < hi else ""
    dash = next((k for k in range(lo, min(hi, lo + 12)) if toks[k].text in ("-", "–", "—")), None)
    return dash + 1 if len(opener) > 2 and opener.isupper() and dash is not None else lo


def first_subject(toks: list[Token], lo: int, hi: int, common=frozenset()) -> tuple[int, int] | None:
    """Return the main clause's first name or pronoun, the sentence's likely subject."""
    opener = toks[lo].text if lo < hi else ""
    if (after := dateline_end(toks, lo, hi)) > lo:
        return first_subject(toks, after, hi, common)
    if opener.lower() in ("the", "a", "an"):
        return _described_subject(toks, lo, hi)
    common_word = opener.lower() in common and opener.lower() not in PRONOUNS
    if opener in CONNECTIVES and lo + 1 < hi and (toks[lo + 1].lower in PRONOUNS or is_cap(toks[lo + 1].text)):
        lo += 1  # 'Then he cut into Bush, calling ...': only the connective goes
    elif opener in CAP_STOP or opener.endswith(("ing", "ly")) or common_word:
        # 'Speaking to reporters on Monday, Trump said': skip the opening phrase
        comma = next((k for k in range(lo, min(hi, lo + 15)) if toks[k].text == ","), None)
        lo = comma + 1 if comma is not None else lo
    for k in range(lo, hi):
        word = toks[k].text
        if toks[k].lower in PRONOUNS and toks[k].lower not in ("it", "its", "his", "her", "their"):
            return k, k
        if is_cap(word):
            return _possessed(toks, np_after(toks, k, hi), hi)
        if word in QUOTE_MARKS:
            return None
    return None


def _possessed(toks: list[Token], found: tuple[int, int] | None, hi: int) -> tuple[int, int] | None:
    """Return 'Jaynes' lawyer David Oblon' for 'Jaynes'': whose job a possessive names is the subject, not its owner."""
    if found is None or not POSSESSIVE.search(toks[found[1]].text):
        return found
    end = None
    for m in range(found[1] + 1, min(hi, found[1] + 1 + JOB_REACH)):
        word = toks[m].text
        if not (word.islower() and word.replace("-", "").isalpha()) or word in STOP_WORDS or word in PAST_VERBS:
            break  # 'Smith's lawyer called': the job ends before its verb
        if word in JOB_WORDS:
            end = m
    if end is None:
        return found
    name = np_after(toks, end + 1, hi) if end + 1 < hi and is_cap(toks[end + 1].text) else None
    return found[0], name[1] if name else end


def _described_subject(toks: list[Token], lo: int, hi: int) -> tuple[int, int]:
    """Return 'The Republican candidate' of 'The Republican candidate appeared to ...'."""
    k, limit = lo + 1, min(hi, lo + 4)
    # Without tags, a verb shows itself by its ending or as a function word; stop there.
    while k < limit and toks[k].text[:1].isalnum() and toks[k].lower not in STOP_WORDS \
            and not (toks[k].text.islower() and (toks[k].text.endswith(("ed", "ly")) or toks[k].text in PAST_VERBS
                                                 or toks[k].text in AUXILIARIES)) \
            and toks[k].lower not in ADVERBS:  # 'The Federal Reserve kept', 'The bank has'
        k += 1
        if k + 1 < hi and toks[k].text in PHRASE_NAME_JOINS and is_cap(toks[k - 1].text) and is_cap(toks[k + 1].text):
            k, limit = k + 2, min(hi, limit + 2)  # 'The Rural Society of Argentina'
    return lo, max(lo, k - 1)
