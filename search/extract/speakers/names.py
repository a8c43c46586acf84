"""Canonical names: a mention without leading junk, job titles, party labels or possessives."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.words import CUE_WORDS, NUMBER_WORDS, ORG_WORDS, PLACES, TITLES
from ..lexicon.grammar import POSSESSIVE, NAME_JOINS, NAME_LEADING, NAME_PRONOUNS, NAME_TRAILING
from ..lexicon.people import (DEMONYMS, DESCRIPTORS, FAMILY_FIRST, HONORIFICS, JOB_WORDS, KEEP_TITLES, PARTIES,
                              POSTNOMINALS, SURNAME_TITLES)
from ..lexicon.sources import CALENDAR_WORDS, MONTHS, WEEKDAYS as DAY_NAMES
from ..lexicon.verbs import EVIDENCE_VERBS

DESCRIPTIONS = DESCRIPTORS - HONORIFICS  # before a title-like surname: 'minister King' (not 'Mr King')
ORG_NAMES = ORG_WORDS - {"fox"}  # 'Fox News' is a network, 'Liam Fox' a person
TITLED_NAME = re.compile(r"((?: [a-z-]+){1,3}) [A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}")
WORDS = re.compile(r"\S+")
CONTRACTION = re.compile(r"(?:i|we|you|they)'(?:m|ve|d|ll|re)")
# Trades that open a firm's name in news copy ('Retailer Next said'); not 'group' or 'network' (Network Rail).
TRADES = frozenset("""
retailer airline carrier insurer lender broadcaster bookmaker operator publisher developer supermarket brewer
manufacturer supplier producer distributor miner
""".split())
# What follows 'General' in a firm's name: there it is no general's rank.
GENERAL_FIRMS = frozenset("motors electric mills dynamics accident foods atomics".split())
WEEKDAYS = frozenset(day.lower() for day in DAY_NAMES)
CALENDAR_NAMES = WEEKDAYS | frozenset(month.lower() for month in MONTHS)  # 'May' too: 'Tories in May'
# A syllable of romanised Chinese or Korean ('qiang', 'jin', 'yeol'): a given name made of one or two of them
# (or two hyphenated parts, 'Ki-moon') after a family name that comes first.
SYLLABLE = r"(?:zh|ch|sh|ts|[bpmfdtnlgkhjqxrzcsywg])?[wy]?[aeiou]{1,3}(?:ng|n|m|ck|k|l|p)?"  # 'myung', 'gyu', 'back'
ROMANISED_GIVEN = re.compile(r"(?:{0}){{1,2}}(?:-(?:{0}){{1,2}})?".format(SYLLABLE))
# An address that speaks for who works there: 'Downing Street said'.
ADDRESS_NOUNS = frozenset("street square road avenue lane palace".split())
JOB_PREFIXES = frozenset("co vice deputy acting joint ex".split())  # 'Co-Chairman', 'Vice-President'
AFFILIATED = ("of", "at", "from", "in", "on")  # 'Doug Williams of BT', 'Dan Lee at the Review', 'Ann Lee in Cardiff'


def clean_name(mention: str) -> str:
    """Return the name in a mention: 'On Wednesday Tony Blair' -> 'Tony Blair'."""
    words = [w for w in (w.strip(",:;()\"“”–—") for w in WORDS.findall(mention)) if w.strip(".-")]
    if words and len(words[-1]) > 2:
        words[-1] = POSSESSIVE.sub("", words[-1].rstrip("."))
    # 'Fuming Robinson', 'Speaking Smith': a participle opening the sentence, not a first name.
    while len(words) > 1 and (words[0].lower() in NAME_LEADING or words[0].lower() in ("the", "a", "an")
                              or (len(words[0]) > 5 and words[0].endswith("ing") and not _placed_name(words))
                              or _hyphenated_description(words)):
        if _titled_paper(words) or (len(words) == 2 and words[1].lower() in ADDRESS_NOUNS):
            break  # 'Sunday Times', 'Downing Street': a paper's or an address's own name
        words = words[1:]
    # '16 December and an IAAF spokesman': a time coordinated before the speaker.
    for k in range(len(words) - 2, 0, -1):
        if words[k] == "and" and words[k + 1].lower() in ("a", "an", "the"):
            return clean_name(" ".join(words[k + 1:]))
    # 'Tony Blair himself', 'the select committee found': what follows the name is no part of it.
    while len(words) > 1 and (words[-1].lower() in NAME_TRAILING or words[-1] in EVIDENCE_VERBS
                              or (words[-1] in CUE_WORDS and words[-1].endswith("ed"))  # 'report' may be a noun
                              or _participle_after_noun(words)):
        words = words[:-1]
    words = _before_time(_after_possessive(_before_affiliation(words)))  # 'David Graham from the FDA's Office ...'
    while len(words) > 2 and words[-1].lower() in POSTNOMINALS:
        words = words[:-1]
    return " ".join(_after_descriptor(words))


def _participle_after_noun(words: list[str]) -> bool:
    """Return True for 'a large study published (in The Lancet)': a participle after a described source."""
    last, before = words[-1], words[-2]
    return last.islower() and before.islower() and len(last) > 4 and last.endswith("ed") and not last.endswith("eed")


@lru_cache(maxsize=8192)  # asked of the same names again and again in an article
def is_named(name: str) -> bool:
    """Return True for a name ('Tony Blair', 'Reuters'), False for a description ('Tory MP')."""
    last = name.split()[-1] if name.split() else ""
    word = last.lower().rstrip(".")
    described = word in DESCRIPTORS or (word.endswith("s") and word[:-1] in DESCRIPTORS)  # 'MPs'
    head, _, job = word.partition("-")
    described = described or (head in JOB_PREFIXES and job in DESCRIPTORS)  # 'Party Co-Chairman', not 'Betts-Green'
    if word in PARTIES:
        described = False  # 'Labour said', 'the Lib Dems', 'Damian Green'
    elif word in SURNAME_TITLES and len(name.split()) > 1:
        before = name.split()[-2]  # 'Paul King', 'Mr King': a surname; 'the King' stays a title
        described = not before[:1].isupper() or (before.lower().rstrip(".") in DESCRIPTIONS)
    return last[:1].isupper() and not described and not is_junk(name) and word not in DEMONYMS


@lru_cache(maxsize=8192)  # asked of the same names again and again in an article
def is_junk(name: str) -> bool:
    """Return True for what is left of a mention that holds no name ('The', 'But', "I'm playing")."""
    first = name.lower().replace("’", "'").split()[0] if name.split() else ""
    # "I'm", "We've", "You'd": a pronoun's contraction is a scrap of speech.
    scrap = (first in NAME_PRONOUNS and " " in name) or bool(CONTRACTION.fullmatch(first))
    lone_number = " " not in name and first in NUMBER_WORDS  # 'One of his songs'
    participle = " " not in name and name.islower() and name.endswith("ing")  # ', having complained it was'
    return name.lower() in NAME_LEADING or name.lower() in ("the", "a", "an") or scrap or lone_number or participle


def _after_possessive(words: list[str]) -> list[str]:
    """Return 'Paul Flynn' of "Labour's Paul Flynn"; "Blair's spokesman" stays a description."""
    for k in range(len(words) - 2, -1, -1):
        if POSSESSIVE.search(words[k]) and words[k][:1].isupper() and _capitalised(words[k + 1:]):
            rest = words[k + 1:]
            # "Musicians' Union", "the Managers' Forum": a body's own name, not a body's member.
            return words if len(rest) == 1 and rest[0].lower() in ORG_NAMES else rest
    return words


def _before_time(words: list[str]) -> list[str]:
    """Return 'Tories' of 'Tories on Monday': a time after a name is no part of it."""
    if len(words) > 2 and words[-2].lower() in ("on", "in", "at", "last") and words[-1].lower() in CALENDAR_NAMES:
        return words[:-2]
    return words


def _titled_paper(words: list[str]) -> bool:
    """Return True for a weekday before one organisation word: 'Sunday Times', 'Sunday Post'."""
    return len(words) == 2 and words[0].lower() in WEEKDAYS and words[1][:1].isupper() and words[1].lower() in ORG_NAMES


def _before_affiliation(words: list[str]) -> list[str]:
    """Return 'Hannah Ward' of 'Hannah Ward of the Refugee Council' or 'Dan Lee at the National Review' (not
    'British Chambers' of 'British Chambers of Commerce': no given name is a people's)."""
    k = next((i for i, w in enumerate(words) if w in AFFILIATED
              and not (i + 1 < len(words) and words[i + 1].lower() in CALENDAR_WORDS)), None)  # not 'on Monday'
    if k is None:
        return words
    head, tail = words[:k], words[k + 1:]
    # 'Doug Williams of BT', 'Hannah Ward of the Refugee Council': a person and where they work.
    if (len(head) >= 2 and _capitalised(head) and not _has_org(head) and tail and head[0].lower() not in DEMONYMS
            and not any(w.lower().rstrip(".") in DESCRIPTORS or w.lower() in NAME_JOINS for w in head[-2:])
            and (words[k] != "of" or not any(w.lower().rstrip(".") in DESCRIPTORS for w in head))):
        return head  # 'Correspondent Ann Lee at Exeter' too: a job before the name goes later
    return words


def _after_descriptor(words: list[str]) -> list[str]:
    """Return the person's name after a job or party ('Lifelong Learning Minister Jim Wallace')."""
    if all(w.lower() in PARTIES for w in words):
        return words  # 'Lib Dems' is the party's name
    cut = None
    for k in range(len(words) - 1):
        lower = words[k].lower().rstrip(".")
        # 'campaign spokesman Brian Fallon': a lower-case word also ends a description.
        if lower in DESCRIPTORS or lower in HONORIFICS or (words[k].islower() and lower not in NAME_JOINS
                                                            and len(words) - k > 2) or (k == 0 and _trade(lower)):
            cut = k
    if cut is None:
        return words
    name = words[cut + 1:]
    if is_general_firm(words):
        return words
    if words[cut].lower().rstrip(".") in HONORIFICS and _capitalised(name) and len(name) == 1:
        return name  # 'Mr King': the surname, even one that is also a title
    if not _capitalised(name) or _has_org(name) or name[0].lower() in NAME_JOINS or not is_named(" ".join(name)):
        return words
    if words[cut].lower() in KEEP_TITLES and len(name) == 1:
        return words[cut:]
    return name


def is_general_firm(words: list[str]) -> bool:
    """Return True for 'General Motors', 'General Electric': a firm's whole name, not General Musharraf."""
    return len(words) == 2 and words[0] == "General" and words[1].lower() in GENERAL_FIRMS


def _hyphenated_description(words: list[str]) -> bool:
    """Return True for 'Paris-based Euronext', 'Fly-half Charlie Hodgson', 'Oscar-winner Andrea Arnold': a
    hyphenated word ending in lower case describes the capitalised name after it."""
    parts = words[0].split("-")
    return len(parts) > 1 and parts[-1].isalpha() and parts[-1].islower() and _capitalised(words[1:])


def _placed_name(words: list[str]) -> bool:
    """Return True for 'Beijing News', 'Reading Council': a place opening a body's name, not a participle."""
    return words[0].lower() in PLACES or words[-1].lower() in ORG_WORDS


def _trade(word: str) -> bool:
    """Return True for what a firm does, opening its name: 'Chipmaker Nortek', 'Retailer Next'."""
    return word.endswith("maker") or word in TRADES


def _capitalised(words: list[str]) -> bool:
    return bool(words) and all(w[:1].isupper() or w.lower() in NAME_JOINS for w in words)


def _has_org(words: list[str]) -> bool:
    return any(w.lower().strip(".,") in ORG_NAMES for w in words)


def descriptor_of(mention: str, name: str) -> list[str]:
    """Return the lower-cased words a mention puts before a name ('labour', 'mp')."""
    words = WORDS.findall(mention)
    size = len(name.split())
    return [w.lower().strip(",.") for w in words[:len(words) - size] if w.lower() not in NAME_LEADING]


@lru_cache(maxsize=8192)  # asked of the same names again and again in an article
def is_person(name: str) -> bool:
    """Return True when a canonical name looks like a person, not an organisation or place."""
    words = name.split()
    return (bool(words) and not name.isupper() and name.lower() not in PLACES
            and all(w[:1].isupper() or (w in NAME_JOINS and w != "and") for w in words)
            and not any(w.lower() in ORG_NAMES or w.lower() in CALENDAR_WORDS for w in words) and is_named(name))


def family_first(name: str) -> str | None:
    """Return the family name of a name written family name first ('Li' of 'Li Qiang', 'Ban' of 'Ban Ki-moon')."""
    words = name.split()
    if 2 <= len(words) <= 3 and words[0].lower() in FAMILY_FIRST \
            and all(ROMANISED_GIVEN.fullmatch(w.lower()) for w in words[1:]):
        return words[0]
    return None


def titled_end(text: str, end: int) -> int:
    """Return where 'Conservative' + ' co-chairman Liam Fox' ends: a job after a name-like word, then a name."""
    match = TITLED_NAME.match(text, end)
    if match and all(is_descriptor(w) for w in match.group(1).split()):
        return match.end()
    return end


def is_descriptor(word: str) -> bool:
    """Return True for a lower-case job or role word ('chairman', 'co-chairman', 'vice-president')."""
    lower = word.lower()
    return lower in JOB_WORDS or lower.split("-")[-1] in JOB_WORDS
