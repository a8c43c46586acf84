"""Resolve a speaker mention ('he', 'Mr Blair', 'the prime minister', 'ISW') to a canonical name in the article."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache, partial

from ..lexicon.words import CENTRAL_BANK, CLIPPED_NAMES, CUE_WORDS, DETERMINERS, ORG_WORDS, PLACES, PRONOUNS, STOP_WORDS, TITLES
from ..lexicon.units import MEASURE_OPENERS, NOT_COUNTS, NOT_NOUNS
from ..lexicon.grammar import INDEFINITE, POSSESSIVE, NAME_JOINS, NAME_LEADING, NAME_PARTICLES, NOT_DESCRIPTION
from ..lexicon.people import (BODY_NOUNS, DEMONYMS, DESCRIPTORS, HONORIFICS, KEEP_TITLES, NOT_HOLDING, OFFICES,
                             PARTIES, PUBLIC_BODIES, SPEAKER_NOUNS)
from ..lexicon.sources import EVIDENCE_NOUNS
from ..text.accents import CAPITAL, WORD_CHARS
from ..text.work import step
from .antecedents import Antecedents
from .names import (clean_name, descriptor_of, family_first, is_descriptor, is_general_firm, is_junk, is_named, is_person,
                    titled_end)

# Each pattern below starts with the letter its match starts with, and asks what comes before it only after that
# letter (a lookbehind one character wider): re then skips to the next such letter in C instead of trying every
# position (the matches are the same, the backtracking order too).
# a name word after its capital ('Lee', the 'J.' of 'J. Smith')
NAME_TAIL = rf"(?:[{WORD_CHARS}’'.-]*[{WORD_CHARS}]|(?<=[A-Z])\.)"
NAME_WORD = rf"(?:{CAPITAL}{NAME_TAIL})"
NOT_INSIDE = r"(?<![\w’'].)"  # after a capital: it opens a word ('Phone' inside 'iPhone', 'Bay' in 'eBay' no names)
JOIN = "|".join(sorted(NAME_JOINS - {"and"}))
MORE_NAME = r"(?:\s+(?:(?:" + JOIN + r")\s+){0,2}" + NAME_WORD + ")"
NAME = re.compile(CAPITAL + NOT_INSIDE + NAME_TAIL + MORE_NAME + "+")
NAME_OR_WORD = re.compile(CAPITAL + NOT_INSIDE + NAME_TAIL + MORE_NAME + "*")
OPENS_SENTENCE = r"(?:(?<=^.)|(?<=[.!?]\s.))"  # after a sentence's first letter
STOP_SPACE = re.compile(r"[.!?]\s")  # what comes before a sentence's first letter (but at the start)
# 'his father, Al Hendrix', "Jimi's brother Leon Hendrix": a relative named beside the person a story is about
KINSHIP_BEFORE = re.compile(r"\b(?:father|mother|son|daughter|wife|husband|brother|sister|widow|widower|grandson|"
                            r"granddaughter|grandfather|grandmother|cousin|uncle|aunt|nephew|niece|stepfather|"
                            r"stepmother|stepson|stepdaughter)\s*,?\s+$")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
HONORIFIC = re.compile(rf"(M(?<!\w.)(?:r|rs|s|iss))\.?\s+((?:{CAPITAL}[\w’'-]*\.?\s+){{0,2}}{CAPITAL}[\w’'-]+)")
# A peer's or knight's title says who 'he' or 'she' may be too: 'Lord Falconer ... he added'.
PEERAGE = re.compile(rf"(L(?<!\w.)(?:ord|ady)|B(?<!\w.)(?:aroness|aron)|E(?<!\w.)arl|S(?<!\w.)ir|D(?<!\w.)ame)\s+"
                     rf"((?:{CAPITAL}[\w’'-]*\.?\s+){{0,2}}{CAPITAL}[\w’'-]+)")  # each title's first letter first, as above
# The up to three words, each before one space, that end the 40 characters before a name ('England coach '),
# matched in those characters reversed: one match from their end ('$' also before a final line break), not a search
# trying each of the 40 starts. Each word is read whole, so none starts inside a word, as r"(?<![\w-])" asked.
DESCRIPTION_BEFORE_REVERSED = re.compile(r"(?: [\w-]+){1,3}")
APPOSITIVE_AFTER = re.compile(r",\s+(?:the\s+)?((?:[\w-]+ ){0,4}[\w-]+),")
# A capitalised phrase opening a sentence (or a quotation).
# 'Danish wind turbine maker Nordwind posted', 'Rival carmaker Ford said': a firm's trade, then its name, opening
# a sentence ('the company' later); the trade's head is read against FIRM_HEADS.
DESCRIBED_FIRM = re.compile(r"[A-Z]" + OPENS_SENTENCE + r"[\w-]*((?: [a-z-]+){1,3}) "
                            r"([A-Z][\w&’'-]+(?: [A-Z][\w&’'-]+){0,2})")
BODY_REACH = 600  # characters after naming Bank of America that a 'the bank' with no other firm about is it
FIRM_HEADS = tuple(BODY_NOUNS)  # 'carmaker' and 'drugmaker' end with 'maker'
SET_OFF_NAME = re.compile(r", (" + NAME.pattern + r"),")  # "'s lawyer, Gregory Ioannidis,"
# "Tony Blair's (official) spokesman": the job a possessive opening a sentence names, before its verb
POSSESSED_WORDS = re.compile(r"(?: [a-z-]+){1,3}")
# 'The company employs ...': a described firm opening a sentence, for a later 'it'
BODY_SUBJECT = re.compile(r"The (?:(?<=^The )|(?<=[.!?]\sThe ))([a-z-]+)(?: ([a-z-]+))?(?: ([a-z-]+))?\b")
SUBJECT = re.compile(CAPITAL + r"(?:(?<=^.)|(?<=[.!?]\s.)|(?<=[.!?][\"”’)]\s.)|(?<=[\"“].)|(?<=[\"“]\s.))"
                     + NOT_INSIDE + NAME_TAIL + MORE_NAME + "*")
# A description opening a sentence, then the person's name between commas.
# The lookahead only asks for the ', Name' a match needs before the next stop or comma: a sentence without one
# fails at once, not after trying each of the 80 places its name might start.
APPOSITIVE_SUBJECT = re.compile(r"(?=(?:The|A|An) [^.,\n]*, [A-Z])(?:^|(?<=[.!?]\s))(?:The|A|An) [^.,\n]{0,80}?([\w-]+), (" + NAME.pattern + "),")
# 'Researchers at the University of Oxford followed ...': a group opening a sentence, for a later 'they'
GROUP_SUBJECT = re.compile(r"([A-Z]" + OPENS_SENTENCE + r"[a-z]+s)((?: (?:at|from|for|with) (?:the )?"
                           + NAME.pattern + ")?)(?= [a-z])")
LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
LOWER_WORD = re.compile(r"[a-z](?<!\w.)[a-z]*\b")  # \b[a-z]+\b from its first letter, as above
NOT_FIRST_WORDS = frozenset(w.lower() for w in NAME_LEADING) | PRONOUNS | STOP_WORDS | DETERMINERS | NOT_COUNTS | NOT_NOUNS \
    | MEASURE_OPENERS
NOT_NAME_ENDINGS = ("ing", "ed", "ly", "all", "-based", "wise")  # a participle or adverb opening a sentence
AGED = re.compile(r"\d+-year-old")
GENDER = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she", "Lord": "he", "Lady": "she", "Baroness": "she",
          "Baron": "he", "Earl": "he", "Sir": "he", "Dame": "she"}
ROLE_REACH = 8  # people described that way looked at on each side of a description
DESCRIBED_REACH = 3000  # characters before a description searched for its fuller form
# Nouns news copy uses to refer back to the person it has named ('Patricia Hewitt said ... The minister told'),
# unlike 'a spokesman' or 'the analyst', who are someone new.
BACK_REFERENCES = frozenset("""
minister secretary chancellor president premier leader chairman chairwoman boss coach manager striker midfielder
defender goalkeeper keeper captain winger player star singer actor actress champion veteran
""".split())
AGENT_SUFFIXES = ("er", "or", "ist", "ant")  # 'challenger', 'campaigner', 'attendant'
DOCUMENT_NOUNS = frozenset("paper letter newsletter poster flyer leaflet newspaper order number".split())
QUOTE_OPENERS = ('"', "“")
OPENING_REACH = 80  # characters of job words a paragraph may open with before its name
NAMED_TITLES = HONORIFICS | KEEP_TITLES  # a first word that is no first name: 'Mr', 'Lord'
TITLE_HEADS = TITLES | {"member"}  # what a lower-case qualifier comes before: 'Press secretary', 'Council member'
SURNAME_TYPO = 5  # a surname this long may be misspelt by one letter ('Abbot' for 'Abbott')
LOWER_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,")


def common_word(lower: frozenset[str], full: dict, name: str) -> bool:
    """Return True for 'Critics', 'Plans', 'Press' opening a sentence: a word the article writes in lower case
    too, not a surname it gives in full, a party ('Labour' beside 'the labour market') or an acronym."""
    lowered = name.lower()
    return (" " not in name and lowered in lower and name not in full and lowered not in PARTIES
            and not name.isupper())


def lower_words(text: str) -> frozenset[str]:
    """Return the words the text writes in lower case."""
    return frozenset(LOWER_WORD.findall(text))


def sentence_opens(chunk: str) -> list[int]:
    """Return where sentences open in chunk: its start, and after a stop and a space (OPENS_SENTENCE's places)."""
    return [0, *(match.end() for match in STOP_SPACE.finditer(chunk))]


def opening(pattern: re.Pattern, chunk: str, opens: list[int]):
    """Yield pattern.finditer(chunk) for a pattern whose matches start only where a sentence opens, trying only
    there: a few places a paragraph, not each of its capitals (each such pattern read the whole text)."""
    end = 0
    for at in opens:
        if at >= end and (match := pattern.match(chunk, at)):
            yield match
            end = match.end()


def _known_as(name: str) -> str | None:
    """Return the word before a particle that a name of three or more words goes by ('Lula' da Silva)."""
    words = name.split()
    if len(words) < 3:
        return None  # most names: no word before a particle to go by
    first = next((k for k, w in enumerate(words) if w in NAME_PARTICLES), None)
    return words[first - 1] if first is not None and first >= 2 else None


def _described_after(chunk: str, end: int) -> bool:
    """Return True for 'Marina Silva, the environment minister,' or 'Ann Lee, 45,': a person's job or age."""
    match = APPOSITIVE_AFTER.match(chunk, end)
    return match is not None and (match.group(1).isdigit() or any(map(is_descriptor, match.group(1).split())))


@lru_cache(maxsize=8192)  # each name added asks it, and names recur across articles
def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _possessed_job_end(chunk: str, end: int) -> int | None:
    """Return where the job after a possessive at end ends ("'s official spokesman"), None when no job follows."""
    words = POSSESSED_WORDS.match(chunk, end)
    if words is None or chunk[words.end():words.end() + 2].strip()[:1].isupper():
        return None  # "Labour's campaign chief Alan Milburn": a name follows, the subject is his
    found = None
    for word in re.finditer(r"[a-z-]+", words.group()):
        if is_descriptor(word.group()):
            found = end + word.end()
    return found


def _defined(before: str, acronym: str) -> str | None:
    """Return the words just before '(ISW)' whose initials spell the acronym."""
    words = before.split()
    for size in range(len(acronym), min(len(words), 3 * len(acronym)) + 1):
        candidate = " ".join(words[-size:])
        if candidate[:1].isupper() and _initials(candidate) == acronym.upper():
            return strip_name(candidate)
    return None


class Resolver:
    """Canonical names for one article: full names, roles, acronyms and who spoke last."""

    def __init__(self, text: str, paragraph_texts, lower: frozenset[str] | None = None, titled: bool = True):
        self.text = text
        self.full: dict[str, Counter] = {}  # last word -> Counter of full names
        self.named_at: dict[str, list[tuple[int, str]]] = {}  # last word -> (position, full name), in text order
        self._first_people: list[tuple[int, str]] | None = None  # where the first two people are first named
        self._full_names: dict[str, bool] = {}  # _full_name's answers: the article's names are asked again and again
        self.acronyms: dict[str, str] = {}
        self.roles: dict[str, list[tuple[int, str, frozenset[str]]]] = {}  # word -> (position, person, words)
        self.by_first: dict[str, set[str]] = {}  # first word -> people
        self.by_head: dict[str, set[str]] = {}  # last word, lower-cased -> names ('committee')
        self.by_initials: dict[str, str] = {}
        self.long_surnames: dict[int, list[str]] = {}  # length -> surnames a misspelt one may drop a letter of
        self.gender: dict[str, str] = {}  # surname -> the pronoun its honorific implies
        self.lower = lower_words(text) if lower is None else lower  # the article's lower-case words
        # a function of the tables, not the bound method: a Resolver referring to itself would live on as cyclic
        # garbage until a collection (every article's tables, most of what a worker's collector walked)
        self.seen = Antecedents(text, self.gender, partial(common_word, self.lower, self.full))
        chunks = list(paragraph_texts)
        # The lead and the paragraph after it: 'A senior Tory MP has criticised ...' is named there.
        self.lead = [span for span, _ in (chunks[1:3] if titled else chunks[:2])]
        # a headline's first word names a firm only if the story names it again
        self.title_end = chunks[0][0].end if chunks and titled else 0
        for span, chunk in chunks:
            self._scan(span.start, chunk)
        for span, chunk in chunks:
            self._subjects(span.start, chunk)

    def _scan(self, offset: int, chunk: str) -> None:
        for match in ACRONYM.finditer(chunk):
            full = _defined(chunk[max(0, match.start() - 150):match.start()], match.group(1))
            if full:
                self.acronyms[match.group(1)] = full
        for pattern in (HONORIFIC, PEERAGE):
            for match in pattern.finditer(chunk):
                self.gender[match.group(2).split()[-1]] = GENDER[match.group(1)]
        for match in NAME.finditer(chunk):
            name = strip_name(match.group())
            if len(name.split()) < 2 or not is_named(name):
                continue
            self._add_name(name, offset + match.start())
            if is_person(name):
                words = frozenset(descriptor_of(match.group(), name) + _described_around(chunk, match))
                for word in words:
                    self.roles.setdefault(word, []).append((offset + match.start(), name, words))

    def _add_name(self, name: str, pos: int) -> None:
        last = name.split()[-1]
        if last not in self.full and len(last) > SURNAME_TYPO:  # a shorter one drops to a word _surname never asks
            self.long_surnames.setdefault(len(last), []).append(last)
        # 'Lula' for 'Luiz Inacio Lula da Silva'; 'Li' for 'Li Qiang' (the family name first)
        family = family_first(name)
        for key in {last, _known_as(name), family if family and is_person(name) else None} - {None}:
            known = self.full.get(key)
            if known is None:  # a Counter made only when the key is new (setdefault's default is made each call)
                known = self.full[key] = Counter()
            known[name] += 1
            self.named_at.setdefault(key, []).append((pos, name))
        self.by_head.setdefault(last.lower(), set()).add(name)
        self.by_initials.setdefault(_initials(name), name)
        if is_person(name):
            self.by_first.setdefault(name.split()[0], set()).add(name)

    def _subjects(self, offset: int, chunk: str) -> None:
        """Note people who open a sentence: the likeliest antecedents of a later 'he'."""
        opens = sentence_opens(chunk)
        for match in opening(APPOSITIVE_SUBJECT, chunk, opens):  # "The party's leader, Ann Lee, said"
            name = self.canonical(match.group(2), offset + match.start(2))
            if name and is_descriptor(match.group(1)) and is_person(name) and " " in name:
                self.note(offset + match.start(2), name, subject=True)
        for match in SUBJECT.finditer(chunk):
            # 'United boss Steve Grant was ...': a job in lower case between the capitals and the name
            end = titled_end(chunk, match.end())
            mention = chunk[match.start():end]
            words = mention.split()
            first = words[0].lower()
            possessive = POSSESSIVE.search(mention) is not None  # asked twice below: searched once
            if possessive and (job_end := _possessed_job_end(chunk, end)):
                # "Tony Blair's official spokesman declined ... He said": the one described is who 'he' is, or the
                # name set off after the job ("Kenteris's lawyer, Gregory Ioannidis, reacted")
                named = SET_OFF_NAME.match(chunk, job_end)
                self.note(offset + match.start(), self.canonical(named.group(1), offset + named.start(1)) if named
                          else strip_name(chunk[match.start():job_end]), subject=True)
                continue
            if possessive or first in PRONOUNS or (len(words) < 2 and first in NAME_LEADING):
                continue
            name = self.canonical(mention, offset + match.start())
            if not name or not is_named(name):
                continue
            # Only people the article calls Mr, Ms or Dr, gives a job before the name, or names in
            # full elsewhere ('Roddick' for 'Andy Roddick'): a capitalised subject may be a firm.
            job_first = is_descriptor(first) and first not in ("former", "ex") and " " in mention  # 'Reader Anna Berg'
            titled = first.rstrip(".") in HONORIFICS or end > match.end() or job_first
            alone = strip_name(mention)
            by_surname = (" " not in alone and " " in name and not alone.isupper()
                          and not {alone.lower(), name.split()[0].lower()} & self.lower)
            if is_person(name) and (name.split()[-1] in self.gender or titled or by_surname
                                    or _described_after(chunk, end)):
                self.note(offset + match.start(), name, subject=True)
            elif name.lower() not in PLACES and name.split()[-1] not in self.gender and self._firm_like(name) \
                    and (offset >= self.title_end or self.text.count(name) > 1) \
                    and chunk[max(0, match.start() - 2):match.start()].strip()[-1:] not in QUOTE_OPENERS:
                self.seen.add_body(offset + match.start(), name)  # not a word opening someone's quoted words

        for match in opening(GROUP_SUBJECT, chunk, opens):  # 'Researchers at the University of Oxford followed'
            head = match.group(1).lower()[:-1]
            if head in SPEAKER_NOUNS or head in DESCRIPTORS or head in BODY_NOUNS:  # a group, not 'Tremors'
                self.note(offset + match.start(), match.group().strip(), subject=True)
        for match in opening(DESCRIBED_FIRM, chunk, opens):  # 'Danish wind turbine maker Nordwind posted ...'
            if match.group(1).split()[-1].endswith(FIRM_HEADS) and self._firm_like(match.group(2)):
                self.seen.add_body(offset + match.start(2), match.group(2))
        for match in opening(BODY_SUBJECT, chunk, opens):
            if not BODY_NOUNS.intersection(match.groups()):
                continue  # 'The (ferry) operator', not 'The report'; the head within three words, as written
            body = self.seen.body_before(offset + match.start())
            if body:
                self.note(offset + match.start(), body, subject=True)

    def note(self, pos: int, name: str | None, subject: bool = False) -> None:
        """Record that ``name`` spoke (or, ``subject``, opened a sentence) at ``pos``, for later pronouns."""
        if name and name.lower() not in PRONOUNS:
            self.seen.note(pos, name, subject)

    def speaker(self, mention: str, pos: int) -> tuple[str | None, bool | None]:
        """Return the canonical speaker of a mention and whether it is named."""
        name = self.canonical(mention, pos)
        if name is None:
            return None, None
        return name, is_named(name) and not self.common_word(name)

    def common_word(self, name: str) -> bool:
        """Return True for 'Critics', 'Plans', 'Press' opening a sentence (common_word over this article)."""
        return common_word(self.lower, self.full, name)

    def _firm_like(self, name: str) -> bool:
        """Return True for a name 'the firm' may stand for: its first word no common word ('Another',
        'Sales of Mercedes', 'Hackers' open sentences too)."""
        first = name.split()[0].lower()
        parts = first.split("-")
        words = [w for w in parts if len(w) > 1]
        if first in self.lower or first in NOT_FIRST_WORDS or first.endswith(NOT_NAME_ENDINGS) or (
                len(words) > 1 and all(w in self.lower for w in words)):
            return False  # 'Monitoring', 'Increased', 'Paris-based', 'Overall', 'Like-for-like' (not 'T-Mobile')
        if (DEMONYMS.intersection(parts) and " " not in name) or name.lower() in PARTIES:
            return False  # 'Swedish', 'Anglo-Dutch', 'Labour'
        if is_person(name) and " " in name and not ORG_WORDS & set(name.lower().split()):
            return False  # 'Tony Blair' opening a sentence is a person whatever 'the group' says
        # A plural opening a sentence ('Hackers', 'Reports') is a firm's name only when written so inside one too
        return not first.endswith("s") or _written_inside(self.text, name.split()[0])

    def canonical(self, mention: str | None, pos: int) -> str | None:
        """Return the canonical name for a mention found at pos."""
        if not mention:
            return None
        step("mentions")
        name = strip_name(mention)
        lower = name.lower()
        if lower in ("who", "which", "that"):
            return self._antecedent(pos)
        if is_junk(name):
            return None
        if lower in PRONOUNS:
            return self.seen.pronoun(lower, pos)
        if name in self.acronyms:
            return self.acronyms[name]
        if name in CLIPPED_NAMES:
            return self._unclipped(name)
        if name.isupper() and len(name) > 1:
            return self._upper(name)
        surname = self._surname(name, mention, pos) if " " not in name else None
        if surname:  # before descriptions: 'King' may be Mervyn King's surname, not a title
            return surname
        if not is_named(name):
            return self._role(mention, name, pos) or name or None
        return self._fullest(name) if " " in name else name

    def _unclipped(self, name: str) -> str:
        """Return 'Federal Reserve' for 'Fed': the one body the article names with the clipped word, else the usual."""
        word, usual = CLIPPED_NAMES[name]
        named = {n for names in self.full.values() for n in names if word in n.split()}
        return named.pop() if len(named) == 1 else usual if usual and (not named or usual in named) else name

    def _central_bank(self, pos: int) -> str | None:
        """Return the central bank the story named last before 'the central bank' at pos."""
        found = list(CENTRAL_BANK.finditer(self.text, max(0, pos - DESCRIBED_REACH), pos))
        return self.canonical(found[-1].group(), found[-1].start()) if found else None

    def _fullest(self, name: str) -> str:
        """Return the longest full name the article gives that ends with this one."""
        known = self.full.get(name.split()[-1], {})
        longer = [n for n in known if n.endswith(" " + name) and is_person(n)]
        return max(longer, key=lambda n: (known[n], len(n))) if longer else name

    def _named(self, key: str, pos: int) -> str:
        """Return the full name a surname stands for at pos: of two people sharing it, the one named last before."""
        known = self.full[key]
        people = [n for n in known if self._full_name(n)]
        if len(people) > 1:
            # 'Writer Tony Cowell is ... "...," said Cowell' is Tony though the lead named his brother Simon first;
            # a relative brought in as one ('his father, Al Hendrix') is not who the bare surname goes on to mean
            relatives = self._relatives(key, people)
            people = [n for n in people if n not in relatives] or people
            named = [(at, n) for at, n in self.named_at[key] if n in people]
            k = bisect.bisect_right(named, (pos, "\uffff"))
            if k:
                return named[k - 1][1]
        return people[0] if len(people) == 1 else known.most_common(1)[0][0]

    def _relatives(self, key: str, people: list[str]) -> set[str]:
        """Return the people sharing a surname whom the text first names as someone's relative ('his father Al')."""
        first: dict[str, int] = {}
        for at, name in self.named_at[key]:
            first.setdefault(name, at)
        return {n for n in people if n in first and KINSHIP_BEFORE.search(self.text, max(0, first[n] - 30), first[n])}

    def _full_name(self, name: str) -> bool:
        """Return True for a person's full name, not 'Dogged Federer', 'My Forsyth' or 'K. Wimpey' (a sentence's
        first word or an initial before a surname)."""
        found = self._full_names.get(name)
        if found is None:
            found = self._full_names[name] = self._reads_as_full_name(name)
        return found

    def _reads_as_full_name(self, name: str) -> bool:
        """Return _full_name's answer, worked out."""
        first = name.split()[0]
        lower = first.lower()
        return (" " in name and is_person(name) and not first.endswith(".") and lower not in self.lower
                and lower not in NOT_FIRST_WORDS and lower not in CUE_WORDS and lower not in NAMED_TITLES
                and not is_descriptor(first) and lower not in DEMONYMS and all(w[:1].isupper() for w in first.split("-")))

    def _surname(self, name: str, mention: str, pos: int) -> str | None:
        """Return 'Tony Blair' for 'Blair', 'John Bourn' for 'Sir John', 'Diane Abbot' for 'Abbott'."""
        if name in self.full:
            return self._named(name, pos)
        if mention.split()[0] in ("Sir", "Dame"):
            firsts = self.by_first.get(name, set())
            return next(iter(firsts)) if len(firsts) == 1 else None
        if len(name) >= SURNAME_TYPO:
            # a surname one letter longer that drops to it, or a name it drops to: only surnames of the length
            # looked at (a table of every surname's drops cost more to fill than the few lookups it served)
            close = {last for last in self.long_surnames.get(len(name) + 1, ()) if name in _dropped(last)} | {
                k for k in _dropped(name) if k in self.full}
            if len(close) == 1:
                return self._named(close.pop(), pos)
        return None

    def _role(self, mention: str, name: str, pos: int) -> str | None:
        """Return the person a definite description names: 'the England coach' -> 'Sven Smith'."""
        words = mention.lower().split()
        # a claim's source span leaves its article out: 'The company said'
        definite = words[:1] == ["the"] or self.text[max(0, pos - 4):pos].lower() == "the "
        head = name.lower().split()[-1] if name else ""
        bank = self._central_bank(pos) if definite and name.lower().endswith("central bank") else None
        if bank:  # the Fed, not the World Bank named before it
            return bank
        if head in ORG_WORDS:  # 'an all-party committee' -> the one Committee the article names
            named = self.by_head.get(head, set())
            found = next(iter(named)) if len(named) == 1 else self._described_earlier(name, pos)
            if found or head not in BODY_NOUNS or not definite or " " in name:
                return found  # else 'the company': the last firm opening a sentence, as for 'the firm'
        if name and not head.endswith("s") and (words[:1] in (["a"], ["an"]) or self._indefinite_before(pos)):
            named = self._named_after_lead(pos, head)
            if named:
                return named
        if not words or words[0] in INDEFINITE or not name or name.lower().endswith("s") and " " not in name:
            return None
        if (head in DEMONYMS or AGED.fullmatch(head)) and definite:  # 'the 22-year-old'
            return self.seen.pronoun("he", pos)
        if (head in BODY_NOUNS or head.endswith(FIRM_HEADS)) and definite and (words[0] == "the" or name.islower()):
            # 'the firm', 'the carmaker': the last firm opening a sentence; a claim's 'New York team' (its article
            # left out) names which: no guess
            body = self._body_for(head, pos)
            if body:
                return body
        asked = {w.strip(",.") for w in words} - NOT_DESCRIPTION
        # an office is named whole, never by one of its words: 'the prime minister' is not 'Aid minister Hilary Benn'
        office = set(name.lower().split()) if " ".join(name.lower().split()) in OFFICES else set()
        best, best_key, vetoed = None, None, False
        roles = self.roles.get(head, [])
        k = bisect.bisect_left(roles, (pos, ""))
        for at, person, described in roles[max(0, k - ROLE_REACH):k + ROLE_REACH]:  # the nearest only
            step("roles")
            if (described - asked) & NOT_HOLDING or (office and not office <= described):
                vetoed = vetoed or at < pos
                continue  # 'the prime minister' is not the deputy prime minister
            key = (len(asked & described), at <= pos, -abs(pos - at))
            if best_key is None or key > best_key:
                best, best_key = person, key
        if best:
            return self._fullest(best)
        # 'The minister told delegates' after one person is named; not when someone is described with the word
        # otherwise ('Deputy Prime Minister John Prescott' is not 'the prime minister')
        if definite and head in BACK_REFERENCES and len(asked) <= 2 and not vetoed:
            return self._only_person_before(pos)
        return None

    def _body_for(self, head: str, pos: int) -> str | None:
        """Return the body 'the bank' or 'the firm' at pos stands for: the last one opening a sentence, unless the
        one body named with that word (Bank of America) was named since, or that one is a public body (the
        Senate is no bank)."""
        named, last = self._body_named_with(head, pos), self.seen.last_body(pos)
        if named and (named[0] > last[0] or PUBLIC_BODIES.intersection(last[1].lower().split()) if last
                      else pos - named[0] <= BODY_REACH):
            return named[1]
        return last[1] if last else None

    def _body_named_with(self, head: str, pos: int) -> tuple[int, str] | None:
        """Return (where it was last named, name) for the one body named before pos with the head in its name:
        'the bank' may be Bank of America."""
        word = head.capitalize()
        found = {}
        for named in self.named_at.values():
            for at, name in named:
                if at < pos and word in name.split() and not is_person(name):
                    found[name] = max(at, found.get(name, at))
        return next((at, name) for name, at in found.items()) if len(found) == 1 else None

    def _only_person_before(self, pos: int) -> str | None:
        """Return the one person the text names before pos, or None when it names none or several."""
        # With two people named, 'the chancellor' may be either: only a story about one person is sure.
        if self._first_people is None:
            first: dict[str, int] = {}
            for named in self.named_at.values():
                for at, name in named:
                    if at < first.get(name, at + 1) and self._full_name(name):
                        first[name] = at
            self._first_people = sorted((at, name) for name, at in first.items())[:2]
        people = [name for at, name in self._first_people if at < pos]
        return people[0] if len(people) == 1 else None

    def _named_after_lead(self, pos: int, head: str) -> str | None:
        """Return who the paragraph after the lead opens with, for the lead's 'a senior MP' (news style)."""
        if len(self.lead) < 2 or not self.lead[0].start <= pos < self.lead[0].end or not _agent_noun(head):
            return None
        name = self._opening_name(self.lead[1].start)
        if not name:
            return None
        wanted_person = head in DESCRIPTORS or head not in BODY_NOUNS
        return self._fullest(name) if is_person(name) == wanted_person else None

    def _indefinite_before(self, pos: int) -> bool:
        """Return True when 'a' or 'an' and at most two lower-case words come just before pos: 'A senior |Tory MP'."""
        words = self.text[max(0, pos - 30):pos].split()[-3:]
        for k, word in enumerate(words):
            if word.lower() in ("a", "an") and all(w.isalpha() and w.islower() for w in words[k + 1:]):
                return True
        return False

    def _opening_name(self, start: int) -> str | None:
        """Return the name a paragraph opens with, after any job words: 'Committee chairman Edward Leigh said'."""
        match = NAME.search(self.text, start, start + OPENING_REACH)
        if not match or self.text[match.end():match.end() + 2] in ("'s", "’s"):
            return None  # "Sony's chief" opens with a possessor, not the person described
        before = self.text[start:match.start()].split()
        if before and not any(w.lower() in DESCRIPTORS for w in before) or not all(w.isalpha() for w in before):
            return None
        name = strip_name(self.text[start:match.end()])
        return name if is_named(name) and name == strip_name(match.group()) else None

    def _described_earlier(self, name: str, pos: int) -> str | None:
        """Return 'Commons education select committee' for a later 'the select committee'."""
        if " " not in name:
            return None  # 'the committee' alone is too vague to tie to one described earlier
        lo = max(0, pos - DESCRIBED_REACH)
        if self.text.find(name, lo, pos) < 0:
            return None  # not written before: no pattern compiled for the name (most are not)
        found = [m.group(1) for m in _described_as(name).finditer(self.text, lo, pos)]
        fuller = [strip_name(f + name) for f in found if f.split()[0].lower() not in NOT_DESCRIPTION]
        return max(fuller, key=len) if fuller else None

    def _upper(self, name: str) -> str:
        """Resolve 'ISW' to a name with those initials, 'WALLACE' to 'Chris Wallace'."""
        if name in self.by_initials and " " not in name:
            return self.by_initials[name]
        titled = name.title()
        if titled.split()[-1] in self.full:
            return self.full[titled.split()[-1]].most_common(1)[0][0]
        return name if len(name) <= 5 else titled

    def _antecedent(self, pos: int) -> str | None:
        """Return who 'who' is: the name just before it ('Alexander Matsegora, who')."""
        names = list(NAME_OR_WORD.finditer(self.text, max(0, pos - 120), pos))
        return self.canonical(names[-1].group(), names[-1].start()) if names else None


@lru_cache(maxsize=8192)  # surnames and capitalised words recur across articles
def _dropped(word: str) -> frozenset[str]:
    """Return the words made by dropping one letter of word ('Abbot' of 'Abbott')."""
    return frozenset(word[:k] + word[k + 1:] for k in range(len(word)))


@lru_cache(maxsize=1024)  # compiled once per name
def _described_as(name: str) -> re.Pattern:
    """Return a pattern for a name after a capitalised description of up to four words ('Commons ... committee')."""
    return re.compile(r"\b(?:[Tt]he |[Aa]n? )?((?:[A-Z][\w’'-]* )(?:[\w’'-]+ ){0,3})" + re.escape(name) + r"\b")


def _written_inside(text: str, word: str) -> bool:
    """Return True when text writes word inside a sentence, whole and after a lower-case word or a comma: what
    re.search(r"(?<=[a-z,] )WORD\\b") finds, without compiling a pattern per word (hundreds per corpus)."""
    spaced = " " + word
    at = text.find(spaced, 1)  # the space's offset: the character before it is read
    while at >= 0:
        end = at + len(spaced)
        if text[at - 1] in LOWER_OR_COMMA and _is_word(text[end - 1]) != (end < len(text) and _is_word(text[end])):
            return True
        at = text.find(spaced, at + 1)
    return False


def _is_word(char: str) -> bool:
    """Return True for a character re's \\w matches in a str pattern."""
    return char.isalnum() or char == "_"


def _agent_noun(head: str) -> bool:
    """Return True for a noun naming who acts or speaks ('backbencher', 'expert', 'firm'), not a document."""
    if head in EVIDENCE_NOUNS or head in DOCUMENT_NOUNS:
        return False
    return head in DESCRIPTORS or head in SPEAKER_NOUNS or head in BODY_NOUNS or head.endswith(AGENT_SUFFIXES)


def _described_around(chunk: str, match: re.Match) -> list[str]:
    """Return the words describing a name beside it: 'England coach X', 'X, the shadow secretary,'."""
    words = []
    for word in _words_before(chunk, match.start()):
        if word.lower() in NOT_DESCRIPTION or not word[:1].isalpha():
            break
        words.append(word.lower())
    after = APPOSITIVE_AFTER.match(chunk, match.end())
    if after and after.group(1).split()[-1].lower() in DESCRIPTORS:
        words += [w.lower() for w in after.group(1).split()]
    return words


def _words_before(chunk: str, start: int) -> list[str]:
    """Return the one to three words (each followed by a space) that end the 40 characters before start, nearest
    first: what `(?<![\\w-])((?:[\\w-]+ ){1,3})$` would find there."""
    back = chunk[max(0, start - 40):start][::-1]
    found = DESCRIPTION_BEFORE_REVERSED.match(back, 1 if back[:1] == "\n" else 0)
    return found.group()[::-1].split()[::-1] if found else []


@lru_cache(maxsize=8192)
def strip_name(mention: str) -> str:
    """Return a mention without titles, determiners, possessives, leading junk and stray punctuation."""
    words = LEADING_THE.sub("", " ".join(mention.split())).strip(" ,.:;-–—()").split()
    words = [w for w in words if w]
    if words:
        words[-1] = POSSESSIVE.sub("", words[-1])
    # Titles and job descriptions go when a capitalised name follows ("Ambassador Alexander
    # Matsegora", "campaign spokesman Brian Fallon"); alone they stay ("the spokesman").
    previous = None
    while len(words) > 1 and _has_name(words[1:]) and (_is_title_word(words) or previous in ("of", "for")) \
            and not is_general_firm(words):
        previous, words = words[0].lower(), words[1:]  # "Secretary of State John Kerry" loses "State" too
    return clean_name(" ".join(words))


def _is_title_word(words: list[str]) -> bool:
    """Return True when words[0] is a title, or qualifies one ("Council member", "Press secretary")."""
    first = words[0].lower()
    return first in TITLES or words[0].islower() or (words[1].islower() and words[1] in TITLE_HEADS)


def _has_name(words: list[str]) -> bool:
    return any(w[:1].isupper() and w.lower().rstrip(".") not in TITLES for w in words)
