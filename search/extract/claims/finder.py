"""Attributed claims: one ordered table of rules (RULES) finds what a source asserts, and where it stops."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.sources import MONTHS, MORE_ADVERBS, POSSESSIVES, RAISING_VERBS, TIME_WORDS, UNNAMED_SOURCES
from ..lexicon.verbs import (ACT_INTENTS, ADJUNCT_HEADS, AUXILIARIES, BE_FORMS, FIRST_WORDS, NO_OBJECT_CUES, NOUN_FORMS,
                             PAST_VERBS, QUESTION_WORDS, THAT_NOUNS, classes_of, is_participle)
from ..lexicon.words import (ADVERBS, CUE_FIRST_WORDS, DETERMINERS, HEADLINE_EVENTS, HEADLINE_LABELS, NUMBER_HEDGES,
                             PARTICIPLE_CUES, PRONOUNS, ORG_WORDS, STOP_WORDS, TITLES)
from ..lexicon.people import BODY_NOUNS, DESCRIPTORS, SPEAKER_NOUNS
from ..lexicon.grammar import (CLAIM_OPENERS, CLAUSE_BOUNDARIES, CLAUSE_SUBJECTS, CONNECTIVES, CONTRASTS, FIGURE_PREPOSITIONS,
                               FIRST_PERSON, NEGATIONS, NOT_CLAIM_CONTENT, NOT_CLAIM_OPENING, NOT_DESCRIPTION,
                               PARTICIPLE_OPENERS, PHRASE_NAME_JOINS, PLACE_PREPOSITIONS)
from .scorer import default_scorer, learned_cue_at, reading_features
from .sources import can_assert, cue_subject, evidence_subject, impersonal, owner_span, token_span
from ...models import ACT, STATEMENT
from ..attribution.context import Context, cue_text
from ..attribution.cues import claim_cue_at, cue_at, cue_source, medium_after
from ..text.phrases import QUOTE_MARKS, abbrev_dot, dateline_end, digit_mark, first_subject, is_cap, np_after, np_back, subject_before
from ..text.sentences import Token, tokens

TRANSCRIPT_TURN = re.compile(r"\s*(?:Q|A|[A-Z]{2,}(?: [A-Z]{2,})?)\s*:")  # 'A: ', 'TAPPER: '
CONTRACTION = re.compile(r"['’](?:ll|d|s|re)$")
SENTENCE_WORDS = CUE_FIRST_WORDS | FIRST_WORDS
ADJUNCT_REACH = 16  # 'said Thursday during a taping of a town hall in Buffalo, New York, that ...'
WINDOW = 400  # tokens: no news sentence is longer; the rules scan a sentence once per cue
THAT_REACH = 8  # 'announced on Monday that': 'that' may come a few words after the cue
# What opens a described speaker after an inverted tag: ', said the mayor.', ', said several observers.'
SPEAKER_DETERMINERS = POSSESSIVES | frozenset("the a an one two three several many some other another".split())
DESCRIPTION_CAPS = 2  # capitalised words before a bare description: ', Algerian foreign ministry spokesman X said'
BARE_DESCRIPTION = 3  # lower-case words of a description without its article: ', rival airline Ryanair said'
TAG_TIME = 2  # tokens of a mid tag's time ('he said on Friday,'): more is no mid tag after an opener
TAG_TAIL = 10  # tokens after a trailing tag's verb that can still be its adjuncts ('in a statement on Friday')
# 'CONTENT in the latest CBS News poll': the poll says it; not 'took part in the survey'.
POLL_NOUNS = frozenset("poll polls survey surveys".split())
POLL_KINDS = frozenset("opinion latest new recent national exit online".split())
POLL_REACH = 8  # tokens from 'in' to the poll's noun
IN_FORMS = frozenset({"in", "In", "iN", "IN"})  # every text whose lower case is 'in': asked of each token, not lowered
TAKING_PART = frozenset("part participated questioned interviewed surveyed asked included involved respondents "
                        "people taking voted vote votes".split())
# Passive cues whose subject is what is expected, not who expects it: 'The sale is expected to close in May'.
UNSOURCED_CUES = frozenset("expected believed thought rumoured rumored reported projected predicted tipped".split())
# Words of a short adjunct between a cue and a clause without 'that': 'said (late on Friday) it would',
# 'said (in a statement) the plan'; what they hold must be a time or a medium of speech.
TIME_ADJUNCT_WORDS = frozenset("on in at last this earlier late early a an his her its their".split())
SPEECH_MEDIA = frozenset("statement interview speech letter email e-mail post tweet message briefing".split())
CLAUSE_CUT = re.compile(r"\s+(?:on|in|last|this|earlier|since|at)\s+|\s*\(|\s+(?=[a-z]+ed\b)")
MIN_CONTENT = 3  # words; shorter "content" is an object ("said so"), not a claim
# Verbs of a 'which' that takes up the whole report, not a noun in it: '..., which angered the council'.
REACTION_VERBS = frozenset("""angered angers prompted prompts sparked sparks triggered triggers drew draws caused causes
provoked provokes infuriated outraged upset surprised shocked alarmed delighted pleased irritated frustrated
led means meant""".split())
MODALS = frozenset("would will could can may might should must".split())  # ", which would carry 300": a prediction
RELATIVE_REACH = 6  # tokens from 'which' to the cue of a source it names: ', which the Foreign Office says'
CLAUSE_REACH = 15  # tokens after a cue searched for the reported clause's verb
OBJECT_WORDS = 4  # a complement this long after 'said' is content even when no verb shows in it
HEADLINE_NAME = 4  # words of a name before a headline's colon
HEADLINE_TOPIC = 4  # words of a topic between a headline's name and its colon: 'Obama on Climate Change:'
TOPIC_JOINS = frozenset(("on", "at"))
HEADLINE_EVIDENCE = frozenset("poll polls survey study report".split())  # labels that are sources: 'Poll: ...'
NO_AGENTS = frozenset(("which", "that", "what", "there"))  # a relative or expletive subject names nobody
NOUN_OPENERS = POSSESSIVES | {"the", "a", "an", "another"}  # 'the veteran defender', 'his outspoken views'
ARTICLES = DETERMINERS - {"this", "that"}  # before a participle adjective: 'a retired general'
GERUND_HEADS = frozenset("for after before since without despite".split())  # 'sent off for appearing to taunt'
PROPOSITION_OPENERS = QUESTION_WORDS - {"about"}  # what follows is a clause: 'asked whether', 'wondered why'
DEMONSTRATIVES = frozenset("that this these those".split())  # a clause ('that the plan was') or an object ('this point')
PERSONAL_SUBJECTS = CLAUSE_SUBJECTS - DEMONSTRATIVES  # 'he would', 'there is': a clause opens with one
AIMS = frozenset(("intent", "belief"))  # cue classes whose infinitive states an aim: 'vowed to', 'expects to'
CONTENT_DETERMINERS = frozenset("the a an".split())  # one opening the reported clause after a hearer
HEARER_REACH = 12  # tokens read after 'told' for where the reported clause starts
PREDETERMINERS = frozenset("such all both half".split())  # 'such a move would'
HEARER_STOPS = frozenset("that to which who whom whose".split())
HEARER_AIMS = AIMS | {"tell", "ask", "stance"}  # ... or a call on someone: 'urged Congress to act', 'told him to'

SUBORDINATORS = frozenset("that which who whom whose when where after before while because since until unless if as"
                          " and but or".split())  # a verb after one of these belongs to another clause
MODIFIERS = ARTICLES | POSSESSIVES | frozenset("more most less least very so too rather quite".split())  # + adjective
NOT_HEARERS = NOT_CLAIM_OPENING | {"a", "an"}  # 'endorsed a plan to', 'support for the plan to': an object
INFINITIVE_REACH = 4  # words: 'urged the Union to' — an infinitive after its hearer (not after 'a plan')
HEDGE_FIRST_WORDS = frozenset(hedge[0] for hedge in NUMBER_HEDGES)
DESCRIPTION_REACH = 8  # tokens of ', the European Union's statistics office' before a tag's name
# ', officials said, as rescuers ...', ', the lender said on Tuesday, after profit fell ...': no mid tag
TAG_ADJUNCTS = frozenset("as with amid after before following despite ahead".split())
NOT_DESCRIPTIONS = STOP_WORDS | AUXILIARIES | PAST_VERBS  # words that end a speaker's description ('said X, who')
FRAME_ADVERBS = MORE_ADVERBS | {"previously", "originally"}  # 'as (first) reported by'
LINKING = frozenset("remain remains remained stay stays stayed become becomes became".split())  # 'remain confident'


@dataclass(frozen=True)
class RawClaim:
    """A claim before its claimer is resolved: content and claimer offsets, and the cue."""

    start: int
    end: int
    claimer_start: int
    claimer_end: int
    cue: str
    form: str = STATEMENT  # or ACT: a stance or act on a plain object ('endorsed Clinton'), see claim_form


@dataclass(frozen=True)
class Match:
    """What a rule found: content tokens [lo, hi), the source's character span, the cue tokens."""

    lo: int
    hi: int
    source: tuple[int, int]
    k: int
    size: int


@dataclass
class Sentence:
    """One cued sentence as the rules see it."""

    toks: list[Token]
    cues: list[tuple[int, int]]
    cuts: frozenset[int]  # token indexes where a later, coordinated attribution starts
    source: tuple[int, int] | None = None  # the source of the sentence's last claim


def cue_sentences(ctx: Context, judge=None) -> list[tuple[list[Token], list[tuple[int, int]]]]:
    """Return (tokens, [(index, size) of cues]) for each kept sentence that holds a claim or quote cue."""
    learned = (judge or default_scorer()).cues
    words = _sentence_words(learned)
    found = []
    for p, sentences in enumerate(ctx.sentences):
        for lo, hi in sentences:
            if words.isdisjoint(ctx.sentence_words(lo, hi)):
                continue  # most sentences hold no cue: skip tokenising them
            for toks in windows(tokens(ctx.masked, lo, hi)):
                # a headline: the title, or a headline quoted in the text ('READ: Bush Says We Should ...')
                headline = (p == 0 and ctx.titled or len(sentences) == 1) and _title_case(toks)
                cues = [(k, size) for k, tok in enumerate(toks) if tok.lower in words
                        and (size := claim_cue_at(toks, k, headline) or cue_at(toks, k)
                             or learned_cue_at(toks, k, learned))]
                if cues or any(tok.lower in POLL_NOUNS for tok in toks):  # 'CONTENT in a poll'
                    found.append((toks, cues))
    return found


@lru_cache(maxsize=4)
def _sentence_words(learned: frozenset[str]) -> frozenset[str]:
    """Return the words whose presence makes a sentence worth tokenising: cue words and learned cues' first words."""
    return SENTENCE_WORDS | POLL_NOUNS | {form.split()[0] for form in learned}


def windows(toks: list[Token]) -> list[list[Token]]:
    """Cut a run-on 'sentence' (a page without stops) into bounded windows, so work stays linear."""
    if len(toks) <= WINDOW:
        return [toks]
    return [toks[i:i + WINDOW] for i in range(0, len(toks), WINDOW)]


def _title_case(toks: list[Token]) -> bool:
    """Return True for 'Trump Says Wall Will Rise': most longer words capitalised."""
    words = [t.text for t in toks if len(t.text) > 3 and t.text[:1].isalpha()]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def cue_subjects(cued) -> list[tuple[int, int]]:
    """Return (start, end) of every named subject of a quote cue verb, in text order."""
    found = []
    for toks, cues in cued:
        for k, _ in cues:
            size = cue_at(toks, k)
            if size and toks[k].lower not in PARTICIPLE_CUES:
                np = cue_source(toks, k, size)
                if np and toks[np[0]].lower not in PRONOUNS:
                    found.append((toks[np[0]].start, toks[np[1]].end))
    return found


def find_claims(ctx: Context, cued, judge=None) -> list[RawClaim]:
    """Return the attributed claims in the sentences that hold a cue, and a headline's 'Name: CONTENT'."""
    judge = judge or default_scorer()
    found = [claim for toks, cues in cued for claim in _sentence_claims(ctx, toks, cues, judge)]
    headline = _headline_colon(ctx)
    if headline and not any(c.start < headline.end and headline.start < c.end for c in found):
        found.insert(0, headline)
    return found


def _headline_colon(ctx: Context) -> RawClaim | None:
    """Return the claim of a headline 'Obama: Americans Will Say No' (a name, a colon, what they said)."""
    if not ctx.titled or not ctx.sentences or not ctx.sentences[0]:
        return None
    lo, hi = ctx.sentences[0][0]
    toks = tokens(ctx.masked, lo, hi)
    first = 2 if len(toks) > 2 and toks[0].text.isupper() and toks[1].text in "-–—" else 0  # 'EXCLUSIVE – '
    colon = next((m for m in range(first, min(len(toks), first + HEADLINE_NAME + HEADLINE_TOPIC + 1))
                  if toks[m].text == ":"), None)
    if colon is None:
        return None
    # 'Obama on Climate Change: ...', 'Former AG Mukasey at RNC: ...': the name before its topic says it
    topic = next((m for m in range(first + 1, colon) if toks[m].lower in TOPIC_JOINS), colon)
    name = toks[first:topic]
    if len(name) > HEADLINE_NAME or not all(is_cap(t.text) or t.text in PHRASE_NAME_JOINS for t in toks[first:colon]
                                            if t.lower not in TOPIC_JOINS):
        return None
    if not name or len(name) == 1 and (len(name[0].text) < 2 or name[0].lower in HEADLINE_LABELS
                                       and name[0].lower not in HEADLINE_EVIDENCE):
        return None  # 'Analysis: ...' labels the piece; 'Poll: ...' says what a poll found
    if name[0].lower in HEADLINE_EVENTS:
        return None  # 'Storm Ivo: 52,000 homes lose power' names the event the story is about
    words = [t for t in toks[colon + 1:] if t.text[:1].isalnum()]
    if len(words) < MIN_CONTENT:
        return None
    end = toks[-1].end if toks[-1].text not in ".!?" else toks[-2].end
    return RawClaim(toks[colon + 1].start, end, name[0].start, name[-1].end, ":")


def _verb_at(toks: list[Token], i: int) -> bool:
    """Return True when toks[i] reads as a finite verb: 'has', 'made', 'called', 'depends'."""
    word = toks[i].text if i < len(toks) else ""
    lower = CONTRACTION.sub("", word.lower())
    return lower in AUXILIARIES or lower in PAST_VERBS or word.islower() and lower.endswith(("ed", "s")) \
        or lower.endswith(("n't", "n’t"))


def _sentence_claims(ctx: Context, toks: list[Token], cues, judge) -> list[RawClaim]:
    """Try the rules in order on each cue; a cue inside an earlier claim reports nested speech: skipped."""
    # 'casts doubt on', 'expressed hope that': the noun inside a light verb's cue is no verb of its own
    inside = {j for k, size in cues for j in range(k + 1, k + size)}
    cues = [(k, size) for k, size in cues if k not in inside]
    learned = [(k, size) for k, size in cues if toks[k].lower not in SENTENCE_WORDS]
    cues = [(k, size) for k, size in cues if _claim_cue(toks, k, size)]
    sent = Sentence(toks, cues, _cuts(toks, cues))
    claims, taken = [], []

    def tried(k, size, rules, closing=False) -> None:
        cue = cue_text(toks, k, size).lower()
        for rule in rules:
            match = rule(ctx, sent, k, size, cue)
            claim = match and (not closing or match.hi <= k) and _claim(ctx, toks, match, cue)
            if claim:
                claims.append(claim)
                taken.append((min(match.lo, k), max(match.hi, k + size)))
                if match.source[0] < match.source[1]:  # an unsourced claim leaves the sentence's source unknown
                    sent.source = match.source
                return

    # A frame that closes the sentence ('CONTENT, X said.', 'CONTENT, according to X.') is the
    # outermost attribution: cues inside its content are nested in it, not claims of their own.
    for k, size in reversed(cues):
        if not any(a <= k < b for a, b in taken):
            tried(k, size, FRAMES, closing=True)
    for k, size in cues:  # "Trump's claim that ...": the claim's owner, whoever rejects or repeats it
        if not any(a <= k < b for a, b in taken):
            tried(k, size, (_speech_noun,))
    for k, size in cues:
        if not any(a <= k < b for a, b in taken):
            tried(k, size, RULES)
    claims += _loose_claims(ctx, sent, sorted(cues + learned), taken, judge)
    claims += _poll_frames(toks, taken, claims)
    return sorted(claims, key=lambda c: c.start)


def _poll_frames(toks: list[Token], taken: list, claims: list[RawClaim]) -> list[RawClaim]:
    """Find 'Clinton held a 24-point lead among black voters in a CNN national poll': the poll is the source."""
    found = []
    for i, tok in enumerate(toks):
        if tok.text not in IN_FORMS or not i or toks[i - 1].lower in TAKING_PART \
                or any(a <= i < b for a, b in taken) or any(c.start <= tok.start < c.end for c in claims):
            continue
        poll = next((j for j in range(i + 1, min(len(toks), i + POLL_REACH))
                     if toks[j].lower in POLL_NOUNS), None)
        if poll is None or not all(t.text[:1].isalnum() or t.text in ("'s", "’s", "-") for t in toks[i + 1:poll]):
            continue
        if toks[poll].lower == "poll" and not any(is_cap(t.text) or t.lower in POLL_KINDS
                                                         for t in toks[i + 1:poll]):
            continue  # 'significant players in the poll': in British copy a bare 'the poll' is the election
        lo = _clause_start(toks, i)
        words = sum(t.text[:1].isalnum() for t in toks[lo:i])
        if words >= MIN_CONTENT and any(_verb_at(toks, m) for m in range(lo + 1, i)):
            found.append(RawClaim(toks[lo].start, toks[i - 1].end, toks[i + 1].start, toks[poll].end, "in", STATEMENT))
            taken.append((lo, poll + 1))
    return found


def _loose_claims(ctx, sent: Sentence, cues, taken: list, judge) -> list[RawClaim]:
    """Read each cue the rules left loosely; keep the readings the judge (the learned scorer) trusts."""
    toks, found = sent.toks, []
    for k, size in cues:
        if any(a <= k < b for a, b in taken):
            continue
        past = _past_adverb(toks, k, size, judge.cues)
        if past is None:
            continue
        k, size, cue = past
        if any(a <= k < b for a, b in taken):
            continue  # the verb after the adverb has been read already
        match = _loose(ctx, sent, k, size, cue, judge.heads)
        claim = match and _claim(ctx, toks, match, cue)
        if claim and judge.keeps(_reading(toks, match, cue, claim), claim):
            found.append(claim)
            taken.append((k, match.hi))
    return found


def _claim_cue(toks, k, size) -> bool:
    """Return True for cues that can carry a claim (quote-only cues such as 'joked' cannot)."""
    cue = cue_text(toks, k, size).lower()
    return cue in ("according to", "as per") or cue in THAT_NOUNS or bool(classes_of(cue))


def _cuts(toks: list[Token], cues) -> frozenset[int]:
    """Return where coordinated attributions start: 'A said X, but B said Y' cuts before 'but'."""
    cuts = set()
    for k, size in cues:
        subject = subject_before(toks, k, 0) if not is_participle(cue_text(toks, k, size).lower()) else None
        first = subject[0] if subject else 0
        while first > 0 and toks[first - 1].lower in ("the", "a", "an"):
            first -= 1  # 'while the Liberal Democrats said'
        if first > 0 and toks[first - 1].lower in CLAUSE_BOUNDARIES:
            cuts.add(first - 1)
        elif subject is None and k > 0 and toks[k - 1].lower in ("and", "but"):
            cuts.add(k - 1)  # '... went down on one knee and added
    return frozenset(cuts)


# ---- the rules, in the order they are tried on each cue ----

def _according(ctx, sent, k, size, cue) -> Match | None:
    """'according to X, CONTENT', 'CONTENT, according to X' and 'CONTENT, according to X, MORE'."""
    toks = sent.toks
    by = _as_by(toks, k, size, cue)
    if cue not in ("according to", "as per") and by is None:
        return None
    k, size = (by, k + size + 1 - by) if by is not None else (k, size)  # the frame 'as (first) reported by'
    who = None if medium_after(toks, k + size) else _according_clause(ctx, toks, k + size)
    if who is None:
        return None
    comma = next((i for i in range(k + size, len(toks)) if toks[i].text == ","), None)
    # it opens the sentence or a clause: 'But according to X, ...', '... unnoticed: According to X, ...'
    if k == 0 or (k == 1 and toks[0].text[:1].isupper()) or _clause_start(toks, k + 1) == k:
        if comma is None:
            return None
        who, comma = _appositive_name(ctx, toks, who, comma)
        return Match(comma + 1, _clause_end(sent, comma + 1), who, k, size)
    end = k - 1 if toks[k - 1].text == "," else k
    lo = _clause_start(toks, end)
    mid = comma is not None and comma + 1 < len(toks) and toks[comma + 1].lower not in CLAUSE_BOUNDARIES
    if mid and toks[k - 1].text == ",":  # 'CONTENT, according to X, MORE': the content goes on after X
        return Match(lo, _clause_end(sent, comma + 1), who, k, size)
    return Match(lo, end, who, k, size)


def _as_by(toks: list[Token], k: int, size: int, cue: str) -> int | None:
    """Return where 'as' opens 'as (first) reported by X' (a frame like 'according to X'), None if it is not one."""
    if "say" not in classes_of(cue) or is_participle(cue) or k + size >= len(toks) or toks[k + size].text != "by":
        return None  # 'was quoted as saying by the agency': the agency carried the words
    j = k - (k > 0 and toks[k - 1].lower in FRAME_ADVERBS)  # 'as first reported'
    if j < 1 or toks[j - 1].lower != "as":
        return None
    # it frames the sentence from its start or after a comma, not 'described X as revealed by the report as ...'
    return j - 1 if j == 1 or toks[j - 2].text == "," else None


def _speech_noun(ctx, sent, k, size, cue) -> Match | None:
    """Find "Trump's claim that CONTENT" and 'his warning that CONTENT': the owner is the source."""
    toks = sent.toks
    if cue not in THAT_NOUNS or k + 1 >= len(toks) or toks[k + 1].text != "that":
        return None
    owner = toks[k - 1].text
    if owner.lower() in POSSESSIVES:
        source = (k - 1, k - 1)
    else:
        source = np_back(toks, k - 1, 0)
        if source is None or not (is_cap(toks[source[0]].text) or toks[source[0]].lower in ("the", "a", "an")):
            return None
        if toks[source[0]].lower in ("the", "a", "an") and source[1] > source[0]:
            source = source[0] + 1, source[1]
    lo = k + 2
    return Match(lo, _clause_end(sent, lo), owner_span(toks, source), k, size)


def _unsourced(ctx, sent, k, size, cue) -> Match | None:
    """'The sale is expected to close in May': an expectation nobody is named for; the content is the subject
    and what it is expected to do, the source an empty span at the cue."""
    toks = sent.toks
    if cue not in UNSOURCED_CUES or k < 2 or k + size >= len(toks) or toks[k + size].text != "to":
        return None
    be = k - 1 - (toks[k - 1].lower in ("widely", "also", "now", "still"))  # 'is widely expected to'
    saying = k + size + 1 < len(toks) and classes_of(toks[k + size + 1].lower)
    if toks[be].lower not in BE_FORMS or saying:
        return None  # 'He is expected to say that ...': his own words follow, with him as their source
    subject = subject_before(toks, be, 0)
    if subject is None or toks[subject[0]].lower in ("it", "which", "who", "that"):
        return None  # 'it is expected to': no subject to be expected of; a relative's antecedent lies outside
    hi = _clause_end(sent, k + size)
    for later, _ in sent.cues:  # '..., the rupee shed 0.1% Analysts said that ...': another's words end it
        found = cue_subject(toks, later) if k + size < later < hi else None
        if found:
            hi = found[0]
            break
    return Match(subject[0], hi, (toks[k].start, toks[k].start), k, size)


def _participle(ctx, sent, k, size, cue) -> Match | None:
    """'..., saying CONTENT' / '..., arguing that CONTENT': the main clause's subject is the source."""
    toks = sent.toks
    if not is_participle(cue) or k == 0 or toks[k - 1].lower not in PARTICIPLE_OPENERS:
        return None
    lo = _complement(toks, k + size, classes_of(cue), False)
    if lo is None:
        return None
    source = sent.source or token_span(toks, first_subject(toks, 0, k, ctx.common))
    if source is None:
        return None
    return Match(lo, _clause_end(sent, lo), source, k, size)


def _tag(ctx, sent, k, size, cue) -> Match | None:
    """'CONTENT, X said (on Friday).', 'CONTENT, said X.' and the mid tag 'CONTENT, X said, MORE.'."""
    toks = sent.toks
    if not classes_of(cue) & {"say", "tell", "belief", "evidence"} or is_participle(cue):
        return None
    inverted = _inverted_speaker(toks, k + size) if k > 0 and toks[k - 1].text == "," else None
    if inverted:
        subject, comma, after = inverted, k - 1, inverted[1] + 1  # 'CONTENT, said Maria Lopez.'
        while after < len(toks) and toks[after].text not in (".", "!", "?"):
            after += 1  # ', the city's director.': the appositive is the tag's
    elif (subject := cue_subject(toks, k)) is not None:
        comma, after = subject[0] - 1, k + size
        if comma > 0 and toks[comma].lower == "the" and toks[comma - 1].text == ",":
            comma -= 1  # 'CONTENT, the Treasury said.': the name's article sits outside its span
        elif comma > 0 and toks[comma].text != ",":
            comma = _description_before(toks, subject[0], comma)  # ', the EU's statistics office Eurostat said'
        if comma >= 0 and toks[comma].lower == "as":  # 'As Clyburn noted, CONTENT'
            tail = _tag_tail(toks, after, "tell" in classes_of(cue))
            if tail is not None and comma > 1 and toks[comma - 1].text == "," and (
                    tail >= len(toks) or toks[tail].text in ".!?"):  # 'CONTENT, as Dayen noted in The Intercept.'
                return Match(_clause_start(toks, comma - 1), comma - 1, token_span(toks, subject), k, size)
            if tail is None or tail >= len(toks) or toks[tail].text != ",":
                return None
            return Match(tail + 1, _clause_end(sent, tail + 1), token_span(toks, subject), k, size)
    else:
        return None
    if comma < 1 or toks[comma].text != "," or digit_mark(toks, comma):
        return None  # not the comma of '71,000 new jobs added in October were ...'
    if subject[1] + 1 < k and toks[subject[1] + 1].text == "," and not _finite(toks, _clause_start(toks, comma), comma):
        return None  # 'The minister, Alan Brooks, told ...': a name between commas names the words before it
    tail = _tag_tail(toks, after, "tell" in classes_of(cue))
    if tail is None:
        return None
    lo = _clause_start(toks, comma)
    opener = (toks[lo].lower in CLAIM_OPENERS or toks[lo].text.endswith("ing")) and not _hedged_number(toks, lo)
    hi = comma
    mid = _goes_on(toks, tail)
    if mid and toks[tail + 1].lower in TAG_ADJUNCTS and _finite(toks, lo, comma):
        mid = False  # '41 people have died, officials said, as rescuers searched ...': the writer's adjunct
    # 'Holding open a book, X said', 'At a rally, X said'; not 'At least 41 people have died, X said', nor
    # 'In the years since, he said, far too many lives have been lost' (the content goes on past the tag)
    # 'he said (on Friday), MORE' in words, not a quotation ('As a phone rang, the announcer said, “...”')
    past_tag = mid and subject[0] < k and tail - after <= TAG_TIME and toks[tail + 1].text[:1].isalnum()
    if opener and not past_tag and not any(toks[m].text == "," for m in range(lo, comma)):
        return None  # 'At a rally on Monday, X said ...': an opening adjunct, not content
    if mid and subject[0] < k:  # 'The plan, he said, will fail.'
        hi = _clause_end(sent, tail + 1)
        if sum(t.text[:1].isalnum() for t in toks[lo:comma]) < MIN_CONTENT and not _verb_at(toks, tail + 1):
            lo = tail + 1  # 'But, he said, the plan will fail': an opener; 'Trump, he said, has won': a subject
    return Match(lo, hi, token_span(toks, subject), k, size)


def _goes_on(toks: list[Token], tail: int) -> bool:
    """Return True when the content goes on after a mid tag ending at tail: 'The plan, he said, will fail', ', the
    Times said, including ...', ', the airline added, and had passed all checks'; not ', he said, wiping his face'
    nor ', he said, and added that ...' (the tag's own verb)."""
    if tail + 1 >= len(toks) or toks[tail].text != ",":
        return False
    after = toks[tail + 1].lower
    if after == "and":
        nxt = toks[tail + 2].text if tail + 2 < len(toks) else ""
        return nxt.islower() and _verb_at(toks, tail + 2) and not classes_of(nxt)
    return after not in CLAUSE_BOUNDARIES and (not after.endswith("ing") or after == "including")


def _description_before(toks: list[Token], name: int, default: int) -> int:
    """Return the comma before 'the statistics office' in ', the statistics office Eurostat said', else default."""
    for m in range(name - 1, max(0, name - DESCRIPTION_REACH) - 1, -1):
        word = toks[m].lower
        if word == "," and toks[m + 1].lower in ("the", "a", "an"):
            return m  # ', the statistics office Eurostat said'
        if word == "," and _bare_description(toks, m + 1, name) and not any(cue_at(toks, j) for j in range(m)):
            return m  # ', grid operator Vattenfall says'; not ', news agency AP reported' after 'Prosecutors said
        if not (word[:1].isalnum() or word in ("'s", "’s", "'", "’", "-")) or word in AUXILIARIES or word in PAST_VERBS:
            return default  # a verb or a mark: the name is no description's
    return default


def _bare_description(toks: list[Token], lo: int, name: int) -> bool:
    """Return True for 'grid operator' in ', grid operator Vattenfall says': a body's or job's noun, lower case."""
    start = lo
    while lo < name - 1 and lo < start + DESCRIPTION_CAPS and is_cap(toks[lo].text) and toks[lo].text.isalpha() \
            and toks[lo].lower not in STOP_WORDS:
        lo += 1  # a place or party before the job: ', Algerian foreign ministry spokesman Ben Ali said'
    words = [t.text for t in toks[lo:name]]
    head = words[-1] if words else ""
    named_by = head in BODY_NOUNS or head in ORG_WORDS or head in DESCRIPTORS or head in TITLES or head in SPEAKER_NOUNS
    return 0 < len(words) <= BARE_DESCRIPTION and named_by and all(
        w.isalpha() and w.islower() and w not in NOT_DESCRIPTION and w not in STOP_WORDS
        and not w.endswith(("ly", "ing", "ed")) for w in words)


def _inverted_speaker(toks: list[Token], i: int) -> tuple[int, int] | None:
    """Return the speaker (first, last) of an inverted tag at i that the sentence ends after: a name ('said Maria
    Lopez.', 'say the Lib Dems'), or a description ending in a name ('said local councillor Tom Reed,')."""
    np = np_after(toks, i)
    if np and (_named_after(toks, np[0]) and _tag_ends(toks, np[1] + 1) or _described_after(toks, np)):
        return np
    j = i
    while j < len(toks) and j - i < DESCRIPTION_REACH and toks[j].text[:1].isalnum() and \
            toks[j].lower not in NOT_DESCRIPTIONS:
        j += 1
    name = j
    while name > i and is_cap(toks[name - 1].text) and toks[name - 1].text not in TIME_WORDS:
        name -= 1
    described = any(t.text.islower() for t in toks[i:name])  # 'former mayor', 'Democratic strategist'
    return (i, j - 1) if described and name < j and _tag_ends(toks, j) else None


def _described_after(toks: list[Token], np: tuple[int, int]) -> bool:
    """Return True for a described speaker after an inverted tag: 'said the mayor', 'said several observers', "said
    the company's chief executive": a determiner, then words ending in a noun for people or a body."""
    head, end = toks[np[1]].text, np[1] + 1
    if end < len(toks) and toks[end].text in ("by", "from", "of", "for", "at", "with"):  # 'says a report by X'
        end = next((m for m in range(end, min(len(toks), end + DESCRIPTION_REACH)) if not toks[m].text[:1].isalnum()
                    or toks[m].text in AUXILIARIES), end)
    if toks[np[0]].lower not in SPEAKER_DETERMINERS or np[1] == np[0] or _finite(toks, np[0] + 1, end):
        return False  # 'The LSE, which saw its shares rise, said the bid undervalued the business': a clause
    # the sentence ends, or an aside follows ("said the company's chief executive, John Ferriola.", 'said the
    # report, the highest total to date.'), not the main clause's participle ('announced the news, adding that')
    ends = end >= len(toks) or toks[end].text in ".!?" or toks[end].text == "," and end + 1 < len(toks) and \
        not toks[end + 1].text.endswith("ing")
    return ends and (head in SPEAKER_NOUNS or head in DESCRIPTORS or head in BODY_NOUNS or head in TITLES
                     or head in UNNAMED_SOURCES)


def _named_after(toks: list[Token], i: int) -> bool:
    """Return True when a name starts at i, or 'the' and a name ('CONTENT, say the Lib Dems.')."""
    return toks[i].text[:1].isupper() or (toks[i].text == "the" and i + 1 < len(toks) and is_cap(toks[i + 1].text))


def _forward(ctx, sent, k, size, cue) -> Match | None:
    """'X said (on Monday) (that) CONTENT', 'X told Y CONTENT', 'X vowed to CONTENT', 'a poll found CONTENT'."""
    toks = sent.toks
    progressive = is_participle(cue) and k > 0 and toks[k - 1].lower in BE_FORMS
    if is_participle(cue) and not progressive:
        return None
    subject = subject_before(toks, k - 1, 0) if progressive else cue_subject(toks, k)  # 'He is suggesting that'
    if subject is None and k > 0 and toks[k - 1].lower in ("and", "but"):
        source = sent.source or token_span(toks, first_subject(toks, 0, k, ctx.common))  # '... and said that'
        lo = _complement(toks, k + size, classes_of(cue), False)
        return Match(lo, _clause_end(sent, lo), source, k, size) if source and lo is not None else None
    if subject is None:
        return None
    lo = _complement(toks, k + size, classes_of(cue), evidence_subject(toks, subject[0], k))
    if lo is None:
        return None
    hi = _clause_end(sent, lo)
    if toks[subject[0]].lower in ("who", "which"):  # 'The NRA, which endorsed Trump, used ...'
        hi = next((m for m in range(lo, hi) if toks[m].text == ","), hi)
    return Match(lo, hi, token_span(toks, subject), k, size)


def _past_adverb(toks: list[Token], k: int, size: int, learned: frozenset[str]) -> tuple[int, int, str] | None:
    """Return the cue (index, size, text) past an adverb ('publicly thanked'), None before a non-cue ('also flew')."""
    word = toks[k].lower
    if size == 1 and (word in ADVERBS or word.endswith("ly")):
        if k + 1 >= len(toks):
            return None
        size = claim_cue_at(toks, k + 1) or learned_cue_at(toks, k + 1, learned)
        if not size:
            return None
        k += 1
    return k, size, cue_text(toks, k, size).lower()


def _loose(ctx, sent, k, size, cue, heads: frozenset[str]) -> Match | None:
    """Any cue's forward reading: its subject (or the main clause's) asserts what follows it to the clause end."""
    toks = sent.toks
    if cue in NOUN_FORMS and (k + size >= len(toks) or toks[k + size].lower not in ("to", "that")):
        return None  # 'Harbour plan splits council': a noun unless 'to' or 'that' follows ('plans to', 'fears that')
    if not _verb_reading(toks, k, cue):
        return None
    source = _loose_source(ctx, sent, k, cue, heads)
    if source is None:
        return None
    if names_no_stance(ctx, toks, k, size, cue):
        return None  # 'users wanting help have turned to ...', 'sent off for appearing to taunt'
    lo = _skip_adjuncts(toks, k + size)
    if "tell" in classes_of(cue) and (end := _hearer_end(toks, lo)) \
            and not (end < len(toks) and toks[end].text in AUXILIARIES):
        lo = _skip_adjuncts(toks, end)  # 'told (reporters on Friday) that ...'; not 'warning the deal would'

    if lo < len(toks) and toks[lo].text == "that":
        lo += 1
    if lo >= len(toks) or toks[lo].text in QUOTE_MARKS or not toks[lo].text[:1].isalnum() or toks[lo].text == "by":
        return None  # nothing reported, a direct quote, or a passive's agent ('solutions suggested by experts')
    if toks[lo].lower == "to" and classes_of(cue) & {"say", "tell"} and not classes_of(cue) & {"intent"}:
        return None  # 'will write to customers': whom it is said to, not what
    if _adjunct_content(toks, lo, cue):
        return None  # 'said on a call with reporters', 'appearing on a new show': where or how, not what
    return Match(lo, _clause_end(sent, lo), source, k, size)


def _adjunct_content(toks: list[Token], lo: int, cue: str) -> bool:
    """Return True when a loose reading's content opens with an adjunct, not a proposition or an object."""
    first = toks[lo].lower
    if first in PLACE_PREPOSITIONS:
        return True
    # a verb of saying governs its preposition ('joked about', 'insisted on'); an act verb does not ('appearing on')
    return not classes_of(cue) and " " not in cue and first in ADJUNCT_HEADS and first not in ("to", "from")


def names_no_stance(ctx, toks: list[Token], k: int, size: int, cue: str) -> bool:
    """Return True for a cue read as no stance: a reduced relative ('users wanting help have turned to') or an event."""
    return _reduced_relative(toks, k, cue) or _event_reading(ctx, toks, k, size, cue)


def _event_reading(ctx, toks: list[Token], k: int, size: int, cue: str) -> bool:
    """Return True for a cue that names an event, not a stance: 'sent off for appearing to taunt', 'after
    deciding her schedule', and a headline's passive 'Star ruled out of final', 'Firm attacked over row'."""
    if classes_of(cue) & {"say", "tell"}:
        return False
    word, before = cue.split()[0], toks[k - 1].lower if k else ""
    if word.endswith("ing") and before in GERUND_HEADS:
        return True
    headline = ctx.titled and ctx.sentences and ctx.sentences[0] and toks[k].end <= ctx.sentences[0][-1][1]
    after = toks[k + size].lower if k + size < len(toks) else ""
    return bool(headline) and word.endswith("ed") and size == 1 and before not in AUXILIARIES \
        and (after in ADJUNCT_HEADS or after in NOT_CLAIM_OPENING or after in ("out", "off"))


def _reduced_relative(toks: list[Token], k: int, cue: str) -> bool:
    """Return True for 'users wanting help have turned to': an -ing cue modifying the noun before it, whose
    clause goes on to its own verb (no claim: the noun is the main clause's subject)."""
    if not cue.split()[0].endswith("ing") or k == 0 or not toks[k - 1].text[:1].isalnum() \
            or toks[k - 1].lower in AUXILIARIES or toks[k - 1].lower in CLAUSE_BOUNDARIES \
            or classes_of(cue) & {"say", "tell", "evidence"}:
        return False
    for m in range(k + 1, min(len(toks), k + CLAUSE_REACH)):
        if toks[m].text in ",;:" or toks[m].text in QUOTE_MARKS or toks[m].lower in CLAUSE_SUBJECTS \
                or toks[m].lower in QUESTION_WORDS or toks[m].lower in ("that", "which", "who"):
            return False  # the cue's own clause: 'calling it a disgrace', 'suggesting that ...'
        if toks[m].text in AUXILIARIES:
            return True
    return False


def _loose_source(ctx, sent, k, cue, heads: frozenset[str]) -> tuple[int, int] | None:
    """Return who asserts in a loose reading: the cue's subject, or the main clause's for 'and said', ', saying'."""
    toks = sent.toks
    subject = cue_subject(toks, k)
    word = cue.split()[0]
    if subject is None and k and toks[k - 1].lower in BE_FORMS \
            and (word.endswith("ing") or not classes_of(cue)) and not word.endswith("ed"):
        # 'critics were skeptical of': an adjective, not a passive; 'Blair is planning': a progressive's own subject
        subject = subject_before(toks, k - 1, 0)
    if subject is None and not (is_participle(cue) or k and toks[k - 1].lower in ("and", "but", ",")):
        return None  # a passive ('is expected to'): its subject is not the source, and no agent is named
    if classes_of(cue) == {"evidence"} and subject and not evidence_subject(toks, subject[0], k):
        return None  # 'sales showed a rise': a measure shows, nobody claims
    of = subject and next((i for i in range(subject[1], subject[0], -1) if toks[i].lower == "of"), None)
    if of and not can_assert(toks, token_span(toks, (of - 1, of - 1)), ctx.common, heads):
        return None  # 'the housing of Russian orphans underscores': the head before 'of' asserts, not 'orphans'
    if subject and not _agent_phrase(toks, subject, cue):
        return None
    source = token_span(toks, subject) if subject else (
        sent.source or token_span(toks, first_subject(toks, 0, k, ctx.common)))
    return source if source and can_assert(toks, source, ctx.common, heads) else None


def _finite(toks: list[Token], lo: int, hi: int) -> bool:
    """Return True when toks[lo:hi] holds a finite verb: an auxiliary or a past tense ('a retired' is an adjective)."""
    return any(t.text in AUXILIARIES or t.text in PAST_VERBS or (t.text.endswith("ed") and t.text.islower()
               and m and toks[m - 1].lower not in ARTICLES) for m, t in enumerate(toks[lo:hi], lo))


def _verb_reading(toks: list[Token], k: int, cue: str) -> bool:
    """Return True when the cue word can be a verb where it stands, not a noun or adjective ('Roma defender')."""
    before = toks[k - 1].lower if k else ""
    if before in NOUN_OPENERS:
        return False  # 'another replay', 'his outspoken views'
    word = cue.split()[0]
    if classes_of(cue) or before in AUXILIARIES or before in LINKING or before in RAISING_VERBS or before == "to" \
            or CONTRACTION.sub("", before) in PRONOUNS:
        return True  # 'will promote', "he'll promote", 'remain confident', 'seemed wary'

    return word.endswith(("ed", "s", "ing")) or word in PAST_VERBS


def _agent_phrase(toks: list[Token], subject: tuple[int, int], cue: str) -> bool:
    """Return True when a loose cue's subject is a noun phrase that names an agent."""
    words = [t.text for t in toks[subject[0]:subject[1] + 1]]
    last = words[-1].lower()
    if last in NO_AGENTS or last in NOUN_OPENERS or (last == "it" and cue.split()[0] in RAISING_VERBS):
        return False  # 'which ruled him out', 'it seems', 'some enemies with his': nobody asserts
    # a finite verb inside makes the 'subject' a clause: 'this prompted press speculation that'
    return not _finite(toks, subject[0] + 1, subject[1] + 1)


def _reading(toks: list[Token], match: Match, cue: str, claim: RawClaim) -> list[str]:
    """Return the scorer's features of a loose reading, over the content its claim kept."""
    hi = next((m for m in range(match.lo, len(toks)) if toks[m].start >= claim.end), len(toks))
    subject = cue_subject(toks, match.k) is not None  # else the source is borrowed from the main clause
    shape = ("that" if toks[match.lo - 1].text == "that" else "clause" if _clause_at(toks, match.lo)
             else "reported" if _reported(toks, match.lo) else "object")
    finite = _finite(toks, match.lo, hi)  # 'presented Holiff with an award' states no proposition
    return reading_features(toks, match.k, match.size, cue, match.lo, hi, match.source, subject) + [
        f"content={shape}", f"content_cue={shape}|{cue}", f"finite={finite}", f"finite_cue={finite}|{cue}"]


RULES = (_according, _speech_noun, _participle, _tag, _forward, _unsourced)
FRAMES = (_according, _tag)


# ---- pieces the rules share ----


def _hearer_end(toks: list[Token], i: int) -> int | None:
    """Return where the hearer of 'told' starting at i ends (exclusive), or None: before a time, a pronoun or a
    second determiner ('told reporters Friday he was', 'told the BBC the plan would')."""
    obj = np_after(toks, i)
    if not obj:
        return None
    end = next((m for m in range(obj[0] + 1, obj[1] + 1) if toks[m].text in TIME_WORDS
                or toks[m].lower in CLAUSE_SUBJECTS or toks[m].text in CONTENT_DETERMINERS), obj[1] + 1)
    later = _last_opening(toks, end)  # 'told members of the committee the budget was'
    return end if later is None else later


def _last_opening(toks: list[Token], i: int) -> int | None:
    """Return the last determiner or pronoun before the first auxiliary or past verb after i: where the clause
    that verb ends starts ('the BBC's Today programme [the] talks had stalled'); None at 'that' or a mark."""
    opening = pronoun = None
    for m in range(i, min(i + HEARER_REACH, len(toks))):
        word = toks[m].text
        lower = word.lower()
        if lower in AUXILIARIES or lower in PAST_VERBS or (word.islower() and lower.endswith("ed")):
            return opening
        if lower in HEARER_STOPS or not word[:1].isalnum():
            break  # 'told an audience at Reid Hall that ...', 'told him to leave': other rules'
        after_preposition = m > i and toks[m - 1].lower in FIGURE_PREPOSITIONS  # 'in the first quarter'
        if (word in CONTENT_DETERMINERS or lower in CLAUSE_SUBJECTS or word in POSSESSIVES) and not after_preposition:
            opening = m - 1 if m > i and toks[m - 1].lower in PREDETERMINERS else m
            pronoun = m if pronoun is None and lower in CLAUSE_SUBJECTS else pronoun
    return pronoun  # 'told the Guardian newspaper he wants ...': a pronoun opens the clause


def _complement(toks: list[Token], i: int, classes, evidence: bool) -> int | None:
    """Return where the cue's content starts after the cue ending at i, by its verb classes."""
    i = _skip_adjuncts(toks, i)
    if i >= len(toks) or toks[i].text in QUOTE_MARKS:
        return None  # nothing reported, or a direct quote (a Quote already)
    if toks[i].text == "that":
        return i + 1
    that = next((m for m in range(i, min(i + THAT_REACH, len(toks))) if toks[m].text == "that"), None)
    if "tell" in classes and that is not None and not any(t.text in QUOTE_MARKS or t.text == "," for t in toks[i:that]):
        return that + 1  # 'told delegates that ...', 'told the BBC's Today programme that ...'
    if "ask" in classes and (question := _question(toks, i)) is not None:
        return question  # 'asked the candidate whether ...'
    if "tell" in classes and (end := _hearer_end(toks, i)):
        j = _skip_adjuncts(toks, end)
        if _reported(toks, j):
            return j  # 'told reporters the plan ...'
    if classes & {"intent", "belief", "tell", "ask"} and toks[i].lower in ("to", "not"):
        return i
    if classes & {"intent", "belief", "tell", "ask", "stance"} and (obj := np_after(toks, i)) \
            and obj[1] + 1 < len(toks) and toks[obj[1] + 1].text == "to" and toks[i].lower not in STOP_WORDS:
        return i  # 'wants voters to know ...', 'urged Congress to act'

    if classes & {"say", "belief"} and _reported(toks, i):
        return i
    if "evidence" in classes and evidence and np_after(toks, i):
        return i
    if "stance" in classes and _object_at(toks, i):
        return i
    return None


def _object_at(toks: list[Token], i: int) -> bool:
    """Return True for an object noun phrase at i: 'his proposal', 'the deal'; not a bare 'him'."""
    if toks[i].lower in POSSESSIVES:
        return i + 1 < len(toks) and toks[i + 1].text[:1].isalnum()
    return np_after(toks, i) is not None and toks[i].lower not in PRONOUNS


def _question(toks: list[Token], i: int) -> int | None:
    """Return where the question starts in 'asked (the senator) whether ...', within a few words."""
    for m in range(i, min(i + THAT_REACH, len(toks))):
        word = toks[m].lower
        if word in QUESTION_WORDS and (m == i or word not in ("who", "which", "when", "where")):
            return m
        if not toks[m].text[:1].isalnum():
            return None
    return None


def _reported(toks: list[Token], i: int) -> bool:
    """Return True when what follows a cue of saying is reported content, not an adjunct or object."""
    if i >= len(toks):
        return False
    first = toks[i].lower
    if hedge := _hedged_number(toks, i):
        return _clause_at(toks, i + hedge)  # 'said about 1,500 homes were damaged': a hedge, not a topic
    if first not in CLAUSE_SUBJECTS and (first in ADJUNCT_HEADS or first in NOT_CLAIM_CONTENT or first in NOT_CLAIM_OPENING
                                          or toks[i].text in TIME_WORDS):
        return False  # 'said at a town hall on Monday', 'said when asked'
    if _clause_at(toks, i):
        return True
    if toks[i - 1].lower in NO_OBJECT_CUES:
        return False  # 'add the record', 'wrote a book': an object, not what was said
    words = 0
    for tok in toks[i:]:
        if tok.text in (",", ";", ".", ":"):
            break
        words += tok.text[:1].isalnum()
    return words >= OBJECT_WORDS and np_after(toks, i) is not None


def _clause_at(toks: list[Token], i: int) -> bool:
    """Return True when a clause starts at i: 'he would', 'the deal was', 'the economy grew', 'Clinton leads'."""
    if i >= len(toks) or not toks[i].text[:1].isalnum():
        return False
    first = toks[i].lower
    if first in CLAUSE_SUBJECTS or CONTRACTION.sub("", first) in CLAUSE_SUBJECTS:  # 'he', "she’ll"
        return True
    commas = 0
    for j in range(i + 1, min(len(toks), i + CLAUSE_REACH)):
        word = toks[j].text
        lower = word.lower()
        commas += word == "," and not digit_mark(toks, j)  # '1,200 homes had been damaged'
        if word in QUOTE_MARKS or word == "'":
            return not commas  # the clause goes on inside a quotation: 'said the senator “can't win”'
        if abbrev_dot(toks, j) or digit_mark(toks, j) or word in "$£€%'’-,":
            continue  # 'Mr.', 'U.S.', '$4.5 billion', 'Millennials, numbering 75 million, surpassed'
        if not word[:1].isalnum() or (commas and lower in SUBORDINATORS):
            return False  # 'added 1.7%, while Reliance Energy jumped': the verb is another clause's
        if lower in AUXILIARIES or lower in PAST_VERBS or (word.islower() and lower.endswith("ed")):
            return commas % 2 == 0  # past one comma only, the verb is another clause's: 'the book, said
        if word.islower() and lower.endswith("s") and not lower.endswith("ss") and toks[j - 1].text[:1].isupper():
            return True  # 'Clinton leads'
    return False


def _skip_adjuncts(toks: list[Token], i: int) -> int:
    """Skip 'on Monday', 'in a statement', 'also', ',' between a cue and its content, when 'that' follows."""
    j = i
    while j < len(toks) and toks[j].lower not in ADJUNCT_HEADS and (
            toks[j].text in ADVERBS or toks[j].text in TIME_WORDS or (toks[j].text.endswith("ly") and toks[j].text.islower())):
        j += 1  # ('wrote on Twitter that': 'on' heads an adjunct here, it is no adverb)
    if j < len(toks) and (toks[j].lower in ADJUNCT_HEADS or toks[j].lower in PLACE_PREPOSITIONS
                          or toks[j].text == ","):
        that = next((m for m in range(j, min(j + ADJUNCT_REACH, len(toks))) if toks[m].text == "that"), None)
        if that is not None and not any(t.text in QUOTE_MARKS for t in toks[j:that]):
            return that
        return _after_time_adjunct(toks, j)
    return j


def _after_time_adjunct(toks: list[Token], j: int) -> int:
    """Skip 'on Friday', 'last week', 'in a statement' before a clause: 'said on Friday it would ...'."""
    m = j
    while m < len(toks) and m - j < ADJUNCT_REACH and (
            toks[m].lower in TIME_ADJUNCT_WORDS or toks[m].text in TIME_WORDS or toks[m].text in MONTHS
            or toks[m].lower in SPEECH_MEDIA or toks[m].text.isdigit()):
        m += 1
    named = any(toks[n].text in TIME_WORDS or toks[n].text in MONTHS or toks[n].lower in SPEECH_MEDIA
                for n in range(j, m))
    clause = _clause_at(toks, m) and not _verb_at(toks, m)  # a subject opens it: not 'added in October were'
    return m if named and (clause or (m < len(toks) and toks[m].text == "to")) else j


def _tag_tail(toks: list[Token], i: int, tell: bool) -> int | None:
    """Return where a tag's adjuncts end ('said on Friday.', 'told reporters,'), None if a clause follows."""
    if tell and (obj := np_after(toks, i)):
        i = obj[1] + 1
        if is_cap(toks[obj[1]].text) and i < len(toks) and _noun_word(toks[i].text):
            i += 1  # 'told a Senate panel': the hearer's noun after its name
    j = i
    opens = j < len(toks) and (toks[j].text[:1].isalnum() or toks[j].text[:1] in "$£€")  # '£100m of investment'
    if opens and toks[j].lower not in ADJUNCT_HEADS \
            and toks[j].text not in TIME_WORDS and toks[j].text not in ADVERBS and not toks[j].text.endswith("ly"):
        return None  # 'said the plan fails': content follows, not adjuncts
    while j < len(toks) and j - i < TAG_TAIL and toks[j].text not in (",", ".", "!", "?", ";") \
            and toks[j].text != "that" and toks[j].text not in QUOTE_MARKS:
        j += 1
    if j < len(toks) and (toks[j].text == "that" or toks[j].text in QUOTE_MARKS or j - i >= TAG_TAIL):
        return None
    return j


def _noun_word(word: str) -> bool:
    """Return True for a lower-case word that can end a noun phrase ('panel'): no verb, adverb or function word."""
    return word.isalpha() and word.islower() and word not in NOT_DESCRIPTIONS and word not in ADVERBS and \
        not classes_of(word) and not word.endswith(("ly", "ed"))


def _tag_ends(toks: list[Token], i: int) -> bool:
    """Return True when the sentence ends at i or an appositive follows (', the mayor.')."""
    return i >= len(toks) or toks[i].text in (",", ".", "!", "?", "(")


def _clause_start(toks: list[Token], end: int) -> int:
    """Return where the content before a tag starts: after the last ';' or ':', past a connective."""
    lo = max((m + 1 for m in range(end) if toks[m].text in (";", ":")), default=0)
    lo = dateline_end(toks, lo, end) if lo == 0 else lo  # 'LONDON (Reuters) - CONTENT, X said.'
    while lo < end - 1 and (toks[lo].text in CONNECTIVES or lo and toks[lo].text == ","
                            and toks[lo - 1].text in CONNECTIVES):
        lo += 1  # 'However, CONTENT, X said': the connective and its comma are the writer's
    return lo


def _clause_end(sent: Sentence, lo: int) -> int:
    """Return where content from lo stops: a coordinated attribution, ', which X said', ', according to', ';'."""
    toks = sent.toks
    for j in range(lo, len(toks)):
        word = toks[j].text
        if j > lo and j in sent.cuts:
            return j
        if word == ";":
            return j
        if word == "," and j + 1 < len(toks):
            nxt = toks[j + 1].lower
            if nxt in ("according", "as") or (is_participle(nxt) and classes_of(nxt)):
                return j
            if nxt == "which" and not _relative_content(sent, j + 2):
                return j
            if nxt in CONTRASTS and not _reported_on(toks, j + 2):
                return j  # 'to call up a replacement, but it is unlikely ...': the writer's turn
    return len(toks)


def _relative_content(sent: Sentence, i: int) -> bool:
    """Return True when the relative clause from i is part of what is reported: inside the reported clause ('the
    farm, which employs 300 workers, provides meat') or a prediction of its own ('a new ferry, which would carry
    300'); not another source's words (', which the ministry says cost £2m'), a reaction (', which angered the
    council') or the writer's aside at the end (', which fell to number six')."""
    toks = sent.toks
    if i >= len(toks) or toks[i].lower in REACTION_VERBS or any(i < k <= i + RELATIVE_REACH
                                                                      for k, _ in sent.cues):
        return False
    if toks[i].lower in MODALS:
        return True
    for m in range(i, min(len(toks) - 1, i + CLAUSE_REACH)):
        if toks[m].text in ";:" or toks[m].text in QUOTE_MARKS:
            return False
        if toks[m].text == "," and not digit_mark(toks, m):  # the relative closes and the reported clause goes on
            nxt = toks[m + 1].text
            return nxt.islower() and (_verb_at(toks, m + 1) or nxt in ADJUNCT_HEADS or nxt == "by")
    return False


def _reported_on(toks: list[Token], i: int) -> bool:
    """Return True when the report goes on after 'but': 'but that ...', 'but hasn't decided' (the same subject)."""
    if i >= len(toks):
        return False
    word = toks[i].text
    return word == "that" or (word.islower() and _verb_at(toks, i))


def _according_clause(ctx, toks, i) -> tuple[int, int] | None:
    """Return the claimer clause after 'according to': up to a comma, date or bracket."""
    j = i
    while j < len(toks) and toks[j].text not in ",.;:!?" and toks[j].text not in QUOTE_MARKS:
        j += 1
    if j == i:
        return None
    start, end = toks[i].start, toks[j - 1].end
    cut = CLAUSE_CUT.search(ctx.text, start, end)
    end = cut.start() if cut and cut.start() > start else end
    if ctx.text[start:end].lower().startswith(("the ", "a ", "an ")):
        start = ctx.text.index(" ", start) + 1
    return start, end


def _appositive_name(ctx, toks, who, comma) -> tuple[tuple[int, int], int]:
    """Prefer the name in 'according to the finance director, Maria Gomez, CONTENT'."""
    role = ctx.text[who[0]:who[1]].split()
    if not role or role[-1].lower() not in TITLES:
        return who, comma
    end = next((i for i in range(comma + 1, min(comma + 6, len(toks))) if toks[i].text == ","), None)
    name = toks[comma + 1:end] if end else []
    if 2 <= len(name) <= 4 and all(t.text[:1].isupper() for t in name):
        return (name[0].start, name[-1].end), end
    return who, comma


def _trim_end(toks, lo: int, hi: int) -> int:
    """End claim content before a direct quote it leads into (", stating, “…”") and its punctuation."""
    for m in range(lo + 1, hi):
        # a mark after a comma or colon opens a quotation; one mid-phrase is a scare quote
        if toks[m].text in QUOTE_MARKS and toks[m - 1].text in ",:":
            hi = m
            break
    while hi > lo:
        last = toks[hi - 1].text
        if last in ".,;:-—" or (last in QUOTE_MARKS and sum(t.text in QUOTE_MARKS for t in toks[lo:hi]) % 2):
            hi -= 1  # an unpaired mark at the end opens the quote that follows
        elif hi - lo > 2 and last.lower() in PARTICIPLE_CUES and toks[hi - 2].text == ",":
            hi -= 2
        elif hi - lo > 2 and last.lower() in ("and", "but", "or", "while", "whereas"):
            hi -= 1  # the sentence went on past the claim: "…from North Korea, and"
        else:
            return hi
    return hi


def _claim(ctx, toks, match: Match, cue: str) -> RawClaim | None:
    """Build a claim over the match's content unless it is too short or only a quotation."""
    lo, hi = match.lo, _trim_end(toks, match.lo, match.hi)
    words = [t for t in toks[lo:hi] if t.text[:1].isalnum()]
    if len(words) < MIN_CONTENT or match.source is None:
        return None
    if _speaking_voice(ctx, match, cue):
        return None
    start, end = toks[lo].start, toks[hi - 1].end
    if toks[lo].text in QUOTE_MARKS and ctx.text[start:end].count(toks[lo].text) <= 2:
        return None  # the content is a direct quote, already a Quote
    source_end = match.source[1]
    if impersonal(toks, match.source, cue, ctx.common):  # no claimer; 'credit controls seem to be ...' stays whole
        source_end = match.source[0]
        start = min(start, match.source[0]) if ctx.text[match.source[0]:match.source[1]].lower() != "it" else start
    return RawClaim(start, end, match.source[0], source_end, _polar_cue(toks, match.k, cue),
                    claim_form(toks, lo, hi, match.k, cue))


def claim_form(toks: list[Token], lo: int, hi: int, k: int, cue: str) -> str:
    """Return STATEMENT when the content toks[lo:hi] of the cue at k holds a proposition, else ACT."""
    if lo < k or cue in ("according to", "as per") or toks[k].lower == "as":
        return STATEMENT  # a sentence: 'The plan will fail, she said', 'According to X, ...', 'As reported by X, ...'
    first, before = toks[lo].lower, toks[lo - 1].lower if lo else ""
    if before == "that" or before in PROPOSITION_OPENERS or first in PROPOSITION_OPENERS:
        return STATEMENT  # 'said that ...', 'asked whether ...'
    classes = classes_of(cue) or classes_of(cue.split()[-1])  # 'has accused', 'did not say'
    words = [t.lower for t in toks[lo:hi] if t.text[:1].isalnum()]
    return STATEMENT if _opens_clause(toks, lo, hi) or _infinitive(words, cue, classes) else ACT


def _opens_clause(toks: list[Token], lo: int, hi: int) -> bool:
    """Return True when the content starts with a subject and its verb: 'he would', 'the deal, signed in May, was',
    'Clinton leads'; not an object with a verb further on ('unveiled software that will', 'presented the prize,
    leading him to quip', 'seeking damages after he said', "backed that view", 'Matsegora's assertions')."""
    if toks[lo].lower in PERSONAL_SUBJECTS or CONTRACTION.sub("", toks[lo].lower) in PERSONAL_SUBJECTS:
        return True  # 'he would', "she'll"
    if hedge := _hedged_number(toks, lo):
        lo += hedge  # 'about 1,500 homes were damaged'
    elif toks[lo].lower in NOT_CLAIM_OPENING or toks[lo].lower in ("to", "off", "out"):
        return False  # 'with this and ...', 'for other artists was', 'off Labour suggestions': no subject first
    commas, named, end, j = 0, _name_word(toks[lo].text), min(hi, lo + CLAUSE_REACH), lo
    while (j := j + 1) < end:
        word, lower, before = toks[j].text, toks[j].lower, toks[j - 1].lower
        if word in QUOTE_MARKS or abbrev_dot(toks, j) or word in "$£€%'’" or digit_mark(toks, j):
            continue
        if word == ",":
            commas += 1
            continue
        if lower == "which" and before == "," and (close := _aside_end(toks, j, hi)):
            end, commas, j = min(hi, end + close - j), commas + 1, close  # 'Pal, which have 100 words, could be'
            continue
        if not word[:1].isalnum() or lower in SUBORDINATORS:
            return False  # 'software that will', 'expenses after he said': the verb is another clause's
        if lower in AUXILIARIES or lower in PAST_VERBS or (word.islower() and lower.endswith("ed")
                                                             and before not in MODIFIERS):
            return commas % 2 == 0  # past an odd comma the verb is an aside's: 'the prize, leading him to'
        if named and word.islower() and lower.endswith("s") and not lower.endswith("ss"):
            return commas % 2 == 0  # a name and its verb: 'Clinton leads'
        named = named and _name_word(word)
    return False


def _aside_end(toks: list[Token], i: int, hi: int) -> int | None:
    """Return the comma closing a relative aside opened at i ('which ... ,'), None if it runs to hi."""
    return next((m for m in range(i + 1, hi) if toks[m].text == "," and not digit_mark(toks, m)), None)


def _hedged_number(toks: list[Token], i: int) -> int:
    """Return the length of a hedge that opens a number ('about 1,500', 'at least 41', 'more than $2m'), else 0."""
    if i >= len(toks) or toks[i].lower not in HEDGE_FIRST_WORDS:
        return 0
    for hedge in NUMBER_HEDGES:
        n = len(hedge)
        if (i + n < len(toks) and (toks[i + n].text[:1].isdigit() or toks[i + n].text in "$£€")
                and tuple(t.lower for t in toks[i:i + n]) == hedge):
            return n
    return 0


def _name_word(word: str) -> bool:
    """Return True for a capitalised word that can end a subject name ('Clinton'; not "Okafor's")."""
    return word[:1].isupper() and not word.endswith(("'s", "’s"))


def _infinitive(words: list[str], cue: str, classes) -> bool:
    """Return True for 'vowed to repeal the law', 'urged Congress to act now': an aim or a call with more than its
    verb (not 'declined to comment', 'has written to homes', 'endorsed a plan to ...')."""
    to = next((m for m, w in enumerate(words[:INFINITIVE_REACH]) if w == "to"), None)
    if to is None or len(words) - to <= 2 or cue.split()[-1] in ACT_INTENTS:
        return False
    if to == 0:
        return bool(classes & AIMS)
    return words[0] not in NOT_HEARERS and bool(classes & HEARER_AIMS)


def _speaking_voice(ctx, match: Match, cue: str) -> bool:
    """Return True for 'I think', 'we want': a speaker's own words, not the writer reporting a belief."""
    # They sit inside a quotation whose marks were not paired (a quote running over paragraphs).
    who = ctx.text[match.source[0]:match.source[1]].lower()
    return who in FIRST_PERSON and bool(classes_of(cue) & {"belief", "intent"}) \
        and not _transcript_turn(ctx, match.source[0])


def _transcript_turn(ctx, at: int) -> bool:
    """Return True when offset at lies in a transcript's turn ('A: I think ...', 'TAPPER: ...'): there the first
    person is the speaker's own, not a quotation's whose marks were lost."""
    i = bisect_right(ctx.starts, at) - 1
    return i >= 0 and TRANSCRIPT_TURN.match(ctx.text, ctx.paragraphs[i].start) is not None


def _polar_cue(toks: list[Token], k: int, cue: str) -> str:
    """Return the cue with its negation ('did not say', "don't think"): the content is then denied, not claimed."""
    j = k
    while j > 0 and (toks[j - 1].lower in AUXILIARIES or toks[j - 1].lower in MORE_ADVERBS):
        j -= 1
    if any(t.lower in NEGATIONS or t.lower.endswith(("n't", "n’t")) for t in toks[j:k]):
        return " ".join(t.lower for t in toks[j:k]) + " " + cue
    return cue
