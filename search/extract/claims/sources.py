"""Who a claim is by: the cue's subject, with its appositives, modifiers and poll shares."""
from __future__ import annotations

from ..lexicon.verbs import AUXILIARIES, BE_FORMS, PARTICIPLES_ONLY, classes_of
from ..lexicon.sources import (EVIDENCE_NOUNS, IMPERSONAL_VERBS, MONTHS, MORE_ADVERBS, NUMBER_PARTS, PP_HEADS,
                               RAISING_VERBS, SOURCE_ADJECTIVES, TIME_PREPOSITIONS, TIME_WORDS, UNNAMED_SOURCES)
from ..lexicon.words import NUMBER_WORDS, PRONOUNS, STOP_WORDS, TITLES
from ..lexicon.people import BODY_NOUNS, PARTIES, SPEAKER_NOUNS
from ..lexicon.grammar import CONNECTIVES, PHRASE_NAME_JOINS
from ..text.phrases import abbrev_dot, is_cap, np_back, subject_before
from ..text.sentences import Token
from ..speakers import identities

APPOSITIVE_REACH = 14  # tokens back from the cue over which 'X, 60, a doctor,' is searched
APPOSITIVES = 3
NUMBER_REACH = 6
PP_CHAIN = 3  # 'an analyst at a bank in Jakarta': prepositional phrases folded into the source
EVIDENCE_REACH = 6  # tokens before the subject where 'poll' in 'a poll from X released Monday found' may sit
# Nominal sources that carry what they reveal, and the prepositions that hang a topic or an interviewee
# on them: in 'A recent interview with X's envoy to Y reveals' the interview reveals, not Y.
CARRIER_NOUNS = EVIDENCE_NOUNS | frozenset("interview interviews letter letters statement article paper memo "
                                           "documentary book video footage transcript dossier".split())
TOPIC_PREPOSITIONS = frozenset("with to on about into over".split())
# What shows or finds besides the lexicon's evidence: 'new filings show', 'Photos showed', 'An email shows'.
EVIDENCE_SUBJECTS = EVIDENCE_NOUNS | frozenset("""filings paper papers email emails memo memos photo photos
picture pictures transcript transcripts tally""".split())
CARRIER_REACH = 10  # tokens from the subject back to the carrier noun


def described(mention: str) -> bool:
    """Return True for a source given as a description ('a spokesman for the company'), not a name."""
    words = mention.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    head = next((i for i, w in enumerate(words) if w.lower() in PP_HEADS), len(words))
    return bool(words) and head < len(words) and all(w.islower() for w in words[:head])


def is_named(canonical: str | None) -> bool:
    """Return True when a claimer is a named person or body ('Maria Lopez', 'ISW'), not 'officials' or 'Ministers'
    (a claimer named so gets a speaker id: identities decide what a name is)."""
    words = (canonical or "").split()
    if not words or not all(w[:1].isupper() or w in PHRASE_NAME_JOINS or w == "&" for w in words):
        return False
    # one word is a name only if it may carry a speaker id: 'Ministers', 'Prosecutors' and 'MPs' are groups
    return len(words) > 1 or (words[0].lower() not in UNNAMED_SOURCES and identities.is_named(canonical))


def owner_span(toks: list[Token], np: tuple[int, int]) -> tuple[int, int]:
    """Return the characters of an owner without its possessive ending ("Trump's" -> 'Trump')."""
    start, end = toks[np[0]].start, toks[np[1]].end
    last = toks[np[1]].text
    for ending in ("’s", "'s", "’", "'"):
        if last.endswith(ending) and len(last) > len(ending):
            return start, end - len(ending)
    return start, end


def evidence_subject(toks: list[Token], first: int, k: int) -> bool:
    """Return True when the subject names evidence: 'a poll (from X released Monday) found'."""
    return any(t.lower in EVIDENCE_SUBJECTS for t in toks[max(0, first - EVIDENCE_REACH):k])


def cue_subject(toks: list[Token], k: int) -> tuple[int, int] | None:
    """Return the cue's subject past auxiliaries ('I don't think'); None for a passive ('is expected')."""
    j = k
    if toks[k].lower in PARTICIPLES_ONLY and (k == 0 or toks[k - 1].lower not in ("has", "have", "had")):
        return None  # 'the option, seen by many as ...'
    while j > 0 and (toks[j - 1].lower in AUXILIARIES or toks[j - 1].lower in MORE_ADVERBS):
        if toks[j - 1].lower in BE_FORMS:
            return None  # 'was told', 'is expected to': the subject is not the source
        j -= 1
    if j > 1 and toks[j - 1].text == "to" and _raises(toks[j - 2].text):
        j -= 2  # 'he seems to feel', 'Trump went on to say'
        while j > 0 and toks[j - 1].lower in AUXILIARIES:
            j -= 1
    if j > 1 and abbrev_dot(toks, j - 1):
        j -= 1  # 'Joseph R. Biden Jr. warned'
    if j > 2 and toks[j - 1].text in TIME_WORDS and toks[j - 2].text.endswith("ed"):
        j -= 2  # 'a poll released Wednesday found'
    found = subject_before(toks, j, 0) or _number_subject(toks, j)
    if found is None and j > 1 and toks[j - 1].text == ",":
        found = _appositive_subject(toks, j - 1)
    found = _carrier(toks, found) or _with_modifiers(toks, found)
    if found and toks[found[1]].lower in QUANTIFIERS:
        return None  # 'had no plans to': a determiner before a noun, not a subject before its verb

    if found and found[0] == found[1] and found[0] > 0 and _time_word(toks[found[0]].text) \
            and toks[found[0] - 1].lower in TIME_PREPOSITIONS:
        return subject_before(toks, found[0] - 1, 0)  # 'A poll in June showed': the poll, not June
    return found


def _carrier(toks: list[Token], found: tuple[int, int] | None) -> tuple[int, int] | None:
    """Return 'A recent interview' when the subject found ends a topic phrase hanging on a carrier noun
    ('A recent interview with Russia's ambassador to North Korea reveals'); None otherwise."""
    if found is None:
        return None
    for m in range(found[0] - 1, max(-1, found[0] - 1 - CARRIER_REACH), -1):
        word = toks[m].lower
        possessive = word in ("'s", "’s", "'", "’")
        if not (word[:1].isalnum() or possessive) or toks[m].text in CONNECTIVES or word == "that":
            return None  # a comma, a quote mark or a clause in between: the name is the subject
        if word in CARRIER_NOUNS and m + 1 < found[0] and toks[m + 1].lower in TOPIC_PREPOSITIONS:
            head = np_back(toks, m, 0)
            # Only a carrier that is the clause's subject: not 'In an interview with X, he', 'sent a letter to X'.
            opens = head and (head[0] == 0 or toks[head[0] - 1].text in (",", ";", ":") or toks[head[0] - 1].text
                              in CONNECTIVES or toks[head[0] - 1].lower in ("and", "but"))
            return (head[0], m) if opens else None
    return None


def _number_subject(toks: list[Token], j: int) -> tuple[int, int] | None:
    """Return a poll's share as a subject: '64 percent say', 'Six in 10 say', 'Nearly 30% of voters said'."""
    k = j
    while k > 0 and j - k < NUMBER_REACH and (toks[k - 1].lower in NUMBER_PARTS
                                               or toks[k - 1].text[:1].isdigit()):
        k -= 1
    has_number = any(t.text[:1].isdigit() or t.lower in NUMBER_WORDS for t in toks[k:j])
    return (k, j - 1) if has_number and k < j and toks[j - 1].lower not in ("in", "of", "than") else None


def _with_modifiers(toks: list[Token], found: tuple[int, int] | None) -> tuple[int, int] | None:
    """Extend 'the company' to 'A spokesman for the company', 'Jakarta' to 'an economist in Jakarta'."""
    for _ in range(PP_CHAIN):
        if found is None or found[0] < 2:
            break
        # 'Sources close to the chancellor', 'people familiar with the talks': the adjective before the preposition
        near = found[0] > 2 and f"{toks[found[0] - 2].text} {toks[found[0] - 1].text}".lower() in SOURCE_ADJECTIVES
        if not near and toks[found[0] - 1].lower not in PP_HEADS:
            break
        head = np_back(toks, found[0] - 2 - near, 0)
        if head is None or toks[head[0]].lower in PRONOUNS or toks[head[1]].lower in STOP_WORDS:
            break
        first = toks[head[0]].text
        if not (first.lower() in ("the", "a", "an") or is_cap(first) or first.lower() in UNNAMED_SOURCES
                or first.lower() in TITLES):
            break  # 'support come from the business': no noun phrase heads the preposition
        found = head[0], found[1]
    return found


def _appositive_subject(toks: list[Token], comma: int) -> tuple[int, int] | None:
    """Return the name before a chain of appositives: 'Yin Myint May, 60, a doctor, said'."""
    commas = [m for m in range(comma - 1, max(-1, comma - APPOSITIVE_REACH), -1) if toks[m].text == ","]
    for m in commas[:APPOSITIVES]:
        if m > 0 and toks[m - 1].text[:1].isupper():
            return _name_span(toks, m - 1)
    return None


def _name_span(toks: list[Token], last: int) -> tuple[int, int]:
    """Return the capitalised run ending at last ('Yin Myint May')."""
    first = last
    while first > 0 and toks[first - 1].text[:1].isupper() and toks[first - 1].text not in CONNECTIVES:
        first -= 1
    return first, last


def _raises(word: str) -> bool:
    """Return True for the verb in 'seems to feel', 'went on to say': its subject says; not 'sustainable to'."""
    lower = word.lower()
    return lower in RAISING_VERBS or "intent" in classes_of(lower)


def _time_word(word: str) -> bool:
    return word in TIME_WORDS or word in MONTHS or word.isdigit()


def token_span(toks: list[Token], np: tuple[int, int] | None) -> tuple[int, int] | None:
    """Return the character span of token span np, leaving out a leading 'the'/'a'."""
    if np is None:
        return None
    first, last = np[0] + (np[1] > np[0] and toks[np[0]].lower in ("the", "a", "an")), np[1]
    if last - first >= 2 and toks[last].text in TIME_WORDS and toks[last - 1].lower in ("last", "this", "next"):
        last -= 2  # 'the EOC last year'
    return toks[first].start, toks[last].end


QUANTIFIERS = frozenset("no any every each either neither".split())


def impersonal(toks: list[Token], source: tuple[int, int], cue: str, common: frozenset[str]) -> bool:
    """Return True for 'It seems', 'credit controls seem to be taking effect': a raising verb's subject that names
    nobody who asserts (PolNeAR still marks the attribution: it keeps its content, with no claimer)."""
    if cue.split()[-1] not in IMPERSONAL_VERBS:
        return False
    words = [t.lower for t in toks if source[0] <= t.start and t.end <= source[1]]
    return words == ["it"] or not can_assert(toks, source, common, frozenset())


def can_assert(toks: list[Token], source: tuple[int, int], common: frozenset[str], heads: frozenset[str]) -> bool:
    """Return True when a source can assert: a pronoun, a name, a noun for people or evidence, or a learned head."""
    # 'long waiting lists', 'the tip of the iceberg' or a sentence's first word ('More seemed') cannot.
    words = [t for t in toks if source[0] <= t.start and t.end <= source[1]]
    if not words:
        return False
    head = words[-1].lower
    if head in QUANTIFIERS:
        return False  # 'the government had no plans to ...': 'no' is a determiner, nobody
    if head in PRONOUNS or head in ("who", "which") or head in SPEAKER_NOUNS or head in UNNAMED_SOURCES \
            or head in BODY_NOUNS or head in PARTIES or head in heads:
        return True
    # a capitalised word names someone unless it only opens the sentence ('Starting', 'Eventually')
    return any(is_cap(t.text) and not (t is toks[0] and (t.lower in common or t.text.endswith(("ing", "ly"))))
               for t in words)
