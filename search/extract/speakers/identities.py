"""One canonical id per speaker across articles: a lone surname joins a full name only when one fits."""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from typing import Iterable, NamedTuple

from . import names
from ..lexicon.grammar import NAME_LEADING, POSSESSIVE
from ..lexicon.people import HONORIFICS, KEEP_TITLES, NOT_HOLDING, OFFICES, PARTIES
from ..lexicon.words import PRONOUNS, STOP_WORDS, TITLES
from ..text.accents import fold_accents

SLUG = re.compile(r"[^\w]+")
GIVEN = re.compile(r"[A-Z][\w-]*")  # a capitalised word, no possessive ('Arsenal's Parry' names no given name)
FORENAME_NEXT = re.compile(r" [A-Z][a-z]")  # 'Sharon Osbourne': a capitalised word right after the name
MARKS = re.compile(r"[^\w'-]+")  # what a name key drops inside words: dots, slashes, ampersands
PERSONAL = frozenset("he she him her his".split())  # a mention that makes a name a person's
THINGS = frozenset("it its which that they them their".split())  # ... an organisation's or a place's
# 'Duke of Edinburgh', 'Its BDO': no given name and surname
NOT_IN_NAMES = frozenset("of for the and a an its his her their our my your".split())
ROLES = TITLES - {"general"}  # a role before a name makes it a person's ('General Motors' does not)
NOT_GIVEN = HONORIFICS | KEEP_TITLES | TITLES | NAME_LEADING | NOT_IN_NAMES  # 'Mr Newton', 'But Newton'
# Words that end a publication's name ('Us Weekly', 'Daily Post', 'Arab News'): a title, never a surname here.
PUBLICATION_WORDS = frozenset("""
weekly monthly daily times news post magazine journal gazette herald telegraph tribune chronicle mirror
express bulletin digest quarterly review
""".split())
# Function words and pronouns a title or a sentence opening capitalises ('Us', 'In Touch'): no person's name.
COMMON_WORDS = STOP_WORDS | PRONOUNS | NAME_LEADING | frozenset("us we you me our your my".split())
# The office right before a name, unless someone else holds it ('former chancellor Ken Clarke', 'Shadow Home Secretary')
OFFICE_BEFORE = re.compile(r"(?<![\w-])" + "".join(f"(?<!{w} )(?<!{w}-)" for w in sorted(NOT_HOLDING))
                           + r"(" + "|".join(sorted(OFFICES, key=len, reverse=True)) + r")\s+$", re.IGNORECASE)
OFFICE_REACH = 60  # characters before a name read for its office
MIN_HOLDER_USES = 2  # an office binds only a person the corpus gives it more than once: one misread is no holder
CAPITALISED = re.compile(r"\b[A-Z][\w-]+(?:['’][A-Z][\w-]+)?")  # 'Blair' of "Blair's", 'O'Neill' whole


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked once per statement: a build asks each name once
def is_named(name: str) -> bool:
    """Return True for a name a speaker id may carry: not a description, not a capitalised common word ('Us')."""
    word = name.strip()
    common = " " not in word and word.lower() in COMMON_WORDS and not word.isupper()  # 'US' is a country
    return names.is_named(name) and not common


is_person = functools.lru_cache(maxsize=1 << 16)(names.is_person)


class Speaker(NamedTuple):
    """A speaker as one article names it (its canonical name within that article)."""

    name: str
    article: str
    outlet: str | None = None
    story: str | None = None  # articles about the same story (a cluster id), when known
    evidence: str | None = None  # what the article's mentions make it: see evidence()
    given: tuple[str, ...] = ()  # a lone name's given names in the article's text ('james' of 'James Newton')
    forename: bool = False  # the text puts a capitalised word after the lone name: 'Sharon' of 'Sharon Osbourne'
    offices: tuple[str, ...] = ()  # offices the article gives the person ('prime minister' of 'Prime Minister Tony Blair')


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
        self.persons: Counter = Counter()  # key -> speakers with it that a mention shows to be a person
        # (scope, surname) -> full keys with that surname and how many speakers use each there
        self.pools: dict[tuple, Counter] = defaultdict(Counter)
        self.holders: dict[tuple, Counter] = defaultdict(Counter)  # (outlet, office) -> full keys given it
        self.described: dict[str, tuple] = {}  # article -> (outlet, offices its unnamed speakers hold, its capitals)

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
            self.persons[key] += _shown_person(s)
            for scope in _scopes(s, key):
                self.pools[scope][key] += 1
            for office in s.offices if " " in key else ():
                self.holders[(s.outlet, office)][key] += 1

    def describe(self, article: str, outlet: str | None, offices: Iterable[str], capitals: Iterable[str]) -> None:
        """Record the offices an article's unnamed speakers hold ('the prime minister said') and its capitalised
        words, which tell which holder of the office it names."""
        offices = tuple(sorted(set(offices)))
        if offices:
            self.described[article] = (outlet, offices, frozenset(capitals))

    def holder(self, article: str, office: str) -> Identity | None:
        """Return who holds an office in an article: the one person the corpus gives that office (in the article's
        outlet) whose surname the article writes; None when none or several do."""
        outlet, _, capitals = self.described.get(article, (None, (), frozenset()))
        named = [k for k, uses in self.holders.get((outlet, office), {}).items()
                 if uses >= MIN_HOLDER_USES and person_shaped(self.first[k]) and _surname(self.first[k]) in capitals]
        return Identity(slug(named[0]), self.first[named[0]], ()) if len(named) == 1 else None

    def drop(self, article: str) -> None:
        """Forget an article's speakers (removed, or about to be added again)."""
        for s in self.by_article.pop(article, ()):
            key = name_key(s.name)
            self.uses[key] -= 1
            self.persons[key] -= _shown_person(s)
            if not self.uses[key]:
                del self.uses[key], self.first[key], self.persons[key]
            for scope in _scopes(s, key):
                _forget(self.pools, scope, key)
            for office in s.offices if " " in key else ():
                _forget(self.holders, (s.outlet, office), key)
        self.described.pop(article, None)

    def key_of(self, speaker: Speaker) -> str:
        """Return the key of the identity a speaker belongs to: a lone surname's one compatible full name."""
        key = name_key(speaker.name)
        if " " in key:
            return key
        # The story decides first, then the outlet; two compatible full names stay apart.
        for scope in (("story", speaker.story, key), ("outlet", speaker.outlet, key)):
            pool = self.pools.get(scope)  # no story pool when the story is not known
            if pool:
                return next(iter(pool)) if len(pool) == 1 and self._joins(speaker, key, next(iter(pool))) else key
        return key

    def _joins(self, speaker: Speaker, key: str, full: str) -> bool:
        """Return True when a lone name's one compatible full name is the same person, on the corpus's evidence."""
        # Companies and places go by one word too ('Ford', 'Marsh', 'China'): a lone name joins only a
        # full name shaped like a person's, and without a title of its own only one a mention shows to
        # be a person and used in at least as many articles (a firm's one word outnumbers 'Bill Ford').
        if speaker.evidence in KEEP_TITLES:  # 'Lord Browne' is not 'Des Browne'
            return full.split()[0] == speaker.evidence
        if (not person_shaped(self.first[full]) or speaker.evidence == "thing" or speaker.forename
                or self._given_name(speaker, key)):
            return False
        if speaker.given:  # the text names them in full: 'James Newton' is not 'Mike Newton'
            return full.split()[0] in speaker.given
        return speaker.evidence in HONORIFICS or (self.persons[full] > 0 and self.uses[key] <= self.uses[full])

    def _given_name(self, speaker: Speaker, key: str) -> bool:
        """Return True when the article names someone in full with this word first ('Sharon Osbourne')."""
        return any(name_key(s.name).startswith(key + " ") for s in self.by_article.get(speaker.article, ()))

    def identity(self, speaker: Speaker) -> Identity:
        """Return a registered speaker's identity (aliases left empty: see assign_ids)."""
        key = self.key_of(speaker)
        return Identity(slug(key), self.first.get(key, speaker.name), ())

    def lone(self, article: str) -> list[Speaker]:
        """Return an article's speakers named by one word only: the ones the rest of the corpus can move."""
        return [s for s in self.by_article.get(article, ()) if " " not in name_key(s.name)]

    def undecided(self, article: str) -> bool:
        """Return True when a full name the corpus may still add could change one of an article's lone names."""
        # Ones a mention calls 'it' or the text uses as a given name never join; two compatible full
        # names already make one ambiguous, and a build only adds names (an update re-checks: moved).
        return article in self.described or any(
            s.evidence != "thing" and not s.forename
            and len(self.pools.get(("outlet", s.outlet, name_key(s.name)), ())) < 2 for s in self.lone(article))


def _shown_person(speaker: Speaker) -> bool:
    """Return True when an article shows a speaker is a person: a title or role in a mention, or an office before
    the full name ('President Joe Carter')."""
    return speaker.evidence not in (None, "thing") or bool(speaker.offices)


def _forget(pools: dict[tuple, Counter], scope: tuple, key: str) -> None:
    """Count one use of key fewer in a pool, dropping what reaches nothing."""
    pool = pools[scope]
    pool[key] -= 1
    if not pool[key]:
        del pool[key]
    if not pool:
        del pools[scope]


def _surname(name: str) -> str:
    """Return the word a person goes by alone: 'Blair' of 'Tony Blair', 'Li' of 'Li Qiang'."""
    return names.family_first(name) or name.split()[-1]


def _scopes(speaker: Speaker, key: str) -> list[tuple]:
    """Return the pools a full name joins: its story's and its outlet's, under its surname."""
    if " " not in key:
        return []
    surname = key.split()[-1]
    scopes = [("outlet", speaker.outlet, surname)]
    if speaker.story is not None:
        scopes.append(("story", speaker.story, surname))
    return scopes


def speakers_of(article: str, outlet: str | None, said: Iterable[tuple[str, str | None]],
                text: str = "") -> list[Speaker]:
    """Return one Speaker per name an article gives (from its (name, mention) pairs), with what its text shows."""
    mentions: dict[str, list] = defaultdict(list)
    for name, mention in said:
        mentions[name].append(mention)
    out = []
    for name, found in mentions.items():
        given, forename, firm = around(text, name) if " " not in name_key(name) else ((), False, False)
        # A name the text writes with 's more often than without is a firm's ('Dr Reddy's fell 9%').
        out.append(Speaker(name, article, outlet, None, "thing" if firm else evidence([name, *found]), given, forename,
                           offices_of(text, name) if " " in name_key(name) else ()))
    return out


def offices_of(text: str, name: str) -> tuple[str, ...]:
    """Return the offices a text writes before a full name: 'Prime Minister Tony Blair' -> ('prime minister',)."""
    found, at = set(), text.find(name)
    while at >= 0:
        office = OFFICE_BEFORE.search(text, max(0, at - OFFICE_REACH), at)
        if office:
            found.add(office.group(1).lower())
        at = text.find(name, at + len(name))
    return tuple(sorted(found))


def office(name: str | None) -> str | None:
    """Return the office an unnamed speaker holds ('prime minister' of 'the Prime Minister'), or None."""
    lowered = " ".join((name or "").lower().split())
    return lowered if lowered in OFFICES else None


def capitals(text: str) -> frozenset[str]:
    """Return the capitalised words of a text: the surnames it may write."""
    return frozenset(CAPITALISED.findall(text))


def around(text: str, name: str) -> tuple[tuple[str, ...], bool, bool]:
    """Return the given names a text writes before a lone name, whether it writes one after it, and whether
    it mostly writes the name with a possessive 's."""
    # 'James Newton's Choir': given name 'james'; 'Sharon Osbourne': 'Sharon' is itself a given name.
    word = name.split()[-1].replace("’", "'").removesuffix("'s") if name.split() else ""
    given, forename, at = set(), False, text.find(word) if word else -1
    possessive = bare = 0
    while at >= 0:
        end = at + len(word)
        if not (text[end:end + 1].isalnum() or text[at - 1:at].isalnum()):  # a whole word
            before = text[max(0, at - 40):at]
            if before.endswith(" ") and (left := before.split()[-1:]) and GIVEN.fullmatch(left[0]):
                given.add(left[0].casefold())
            forename = forename or bool(FORENAME_NEXT.match(text, end))
            owned = text[end:end + 2] in ("'s", "’s")
            possessive, bare = possessive + owned, bare + (not owned)
        at = text.find(word, end)
    return tuple(sorted(given - NOT_GIVEN)), forename, possessive > bare


def evidence(mentions: Iterable[str | None]) -> str | None:
    """Return what an article's mentions of one speaker make it: its title ('mr', 'lord'), 'person', 'thing' or None."""
    mentions = [m.replace("’", "'").casefold().split() for m in mentions if m and m.strip()]
    for words in mentions:
        titles = [w for w in words[:-1] if w in HONORIFICS or w in KEEP_TITLES]
        if titles:
            return titles[-1]
    if any(w in ROLES for words in mentions for w in words[:-1]) or any(
            len(m) == 1 and m[0] in PERSONAL for m in mentions):
        return "person"
    return "thing" if any(len(m) == 1 and m[0] in THINGS for m in mentions) else None


def person_shaped(name: str) -> bool:
    """Return True for a name shaped like a given name and surname ('Kelly Sotherton', not 'S. Yukos')."""
    words = name.split()
    return (2 <= len(words) <= 3 and is_person(name) and not organisation_shaped(words)
            and not NOT_IN_NAMES.intersection(w.lower() for w in words)
            and words[-1].lower() not in PARTIES
            and all(part[:1].isupper() for w in words for part in w.split("-"))
            and len(words[0].rstrip(".")) > 1 and len(words[-1].rstrip(".")) > 1)


def organisation_shaped(words: list[str]) -> bool:
    """Return True for a name a firm or a publication goes by: 'Us Weekly', 'Daily Post', "Dr Reddy's"."""
    return (words[-1].lower() in PUBLICATION_WORDS or words[0].lower() in PUBLICATION_WORDS
            or words[0].lower() in COMMON_WORDS or any(POSSESSIVE.search(w) for w in words))


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


@functools.lru_cache(maxsize=1 << 16)  # a build asks for the same few thousand names again and again
def name_key(name: str) -> str:
    """Return the comparison form of a name: case-folded, honorifics, possessive and stray marks dropped."""
    words = fold_accents(name).replace("’", "'").casefold().split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    # 'George W. Bush' is 'George W Bush', 'Nielsen//NetRatings' 'Nielsen/NetRatings': one id, one name.
    return " ".join(filter(None, (MARKS.sub("", w) for w in words))).removesuffix("'s")


def slug(key: str) -> str:
    """Return the id of a name key ('tony blair' -> 'tony-blair')."""
    return SLUG.sub("-", key).strip("-")


def fill_speaker_ids(records: list[dict]) -> None:
    """Set quotes' speaker_id and claims' claimer_id in `extract --json` records, over all the records given."""
    kinds = (("quotes", "speaker", "speaker_id", "speaker_mention"), ("claims", "claimer", "claimer_id",
                                                                       "claimer_mention"))
    said = [(record, item, name, field) for record in records for kind, name, field, _ in kinds
            for item in record[kind]]
    ids = assign_ids(s for record in records for s in speakers_of(
        record["id"], record.get("source"), [(item[name], item.get(mention)) for kind, name, _, mention in kinds
                                             for item in record[kind] if item.get(name) and item.get("named")],
        record.get("text") or ""))
    for record, item, name, field in said:
        found = ids.get((record["id"], item.get(name)))
        item[field] = found.id if found and item.get("named") else None
