"""Who claims a figure: the quote it sits in, the claim that carries it, or a cue in its sentence."""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ...models import Claim, Quote
from ..attribution.context import Context
from ..lexicon.people import DEMONYMS
from ..lexicon.verbs import classes_of
from ..attribution.cues import cue_at, cue_source
from ..lexicon.sources import ESTIMATE_CUES, EVIDENCE_CUES, FIGURE_EVIDENCE_NOUNS, MONTHS, ORG_ANAPHORS, WEEKDAYS
from ..lexicon.words import (ADVERBS, CLAIM_CUES, CUE_FIRST_WORDS, DETERMINERS, NUMBER_WORDS, ORG_WORDS, PLACES,
                             PRONOUNS, TITLES)
from ..text.phrases import is_cap, np_after
from ..text.sentences import Token, tokens
from ..speakers.resolver import NAME_OR_WORD, Resolver, strip_name
from .finder import ESTIMATES_CROWD
from ..lexicon.grammar import FIGURE_PREPOSITIONS, PASSIVE_BE

CUE_OPENERS = CUE_FIRST_WORDS | ESTIMATE_CUES  # a sentence with none of these words holds no cue
MODEL_NAME = re.compile(r"[A-Z]{1,2}\d{2,}")  # 'A19', 'S25' ('O2' and '3M' are firms)
# 'Shares in ...', 'News of ...' open with any noun; 'Apple on Tuesday unveiled' opens with its subject
PREPOSITION_AFTER = re.compile(r"\s+(?:of|in|at|for|on|from)\b(?!\s+(?:"
                               + "|".join(sorted(WEEKDAYS | MONTHS)) + r")\b)")
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
WISHES = frozenset({"intent", "belief"})  # cue classes that put forward an aim or a feeling, not a figure
TAIL = 6  # tokens: a cue this near the sentence end is a trailing tag (', the company said.')
RELATIVE = 12  # characters from a figure to the 'which' of the clause that says who predicted it
REACH = 3000
ASIDE = 300  # characters searched back for the ', who' that opens an aside
CUE_REACH = 6  # cues read each way from a figure
LOOK_BACK = 3  # records checked before pos: quotes and claims rarely nest deeper  # characters searched back for the naming mention of a pronoun's referent
CROWD_WORDS = 9  # tokens of 'put the official number of protesters at'
REFERRING = PRONOUNS | {"who", "which", "that"}  # a mention that names nobody itself
TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor)\.?"
TITLE_WORD = re.compile(TITLE)


class Source(NamedTuple):
    """Who claims a figure: as written at the naming mention, and the canonical name."""

    written: str
    canonical: str | None


class FigureSources:
    """Who claims each figure of one article: quotes and claims found by offset, cues read once per sentence."""

    def __init__(self, ctx: Context, quotes: list[Quote], claims: list[Claim], resolver: Resolver):
        self.ctx, self.resolver = ctx, resolver
        self.quotes = sorted((q for q in quotes if q.kind == "quote" and q.speaker_mention), key=lambda q: q.start)
        self.claims = sorted((c for c in claims if c.claimer_mention), key=lambda c: c.start)
        self.quote_starts, self.claim_starts = [q.start for q in self.quotes], [c.start for c in self.claims]
        self._sentence: tuple[int, int] | None = None
        self._cues: tuple[list[Token], list, list[int]] = ([], [], [])

    def claim_over(self, pos: int, sentence: tuple[int, int]) -> Claim | None:
        """Return the claim that starts in the sentence and whose content holds pos."""
        claim = _holding(self.claims, self.claim_starts, pos)
        if claim and claim.claimer_start == claim.claimer_end:
            return None  # 'X is expected to ...' names nobody: the sentence may still say who claims the figure
        return claim if claim and sentence[0] <= claim.start < sentence[1] else None

    def source(self, pos: int, sentence: tuple[int, int]) -> Source | None:
        """Return who claims the number at pos: the speaker of its quote, its claimer, or its sentence's source."""
        quote = _holding(self.quotes, self.quote_starts, pos)
        if quote:
            return _source(self.ctx, quote.speaker_mention, quote.speaker_start, quote.speaker, self.resolver)
        if _in_aside(self.ctx.masked, max(sentence[0], pos - ASIDE), pos):
            return None  # the writer's own 'who ...' clause: 'Mr Smith, who has two children, said'
        found = sentence_source(*self._sentence_cues(sentence), pos)
        claim = self.claim_over(pos, sentence)
        if claim and _wishes(claim.cue):
            claim = None  # 'the firm hopes to reach 1,000 towns' is an aim, nobody's figure
        if claim and not (found and claim.start <= found[2] < pos):  # a cue inside the claim is nested
            # An unnamed claimer ('the company', 'the chancellor') is resolved here as a cue's would be.
            mention, start = _with_determiner(self.ctx.text, claim.claimer_mention, claim.claimer_start)
            return _source(self.ctx, mention, start, claim.claimer if claim.named else None, self.resolver)
        if found is None:
            return None
        return _source(self.ctx, self.ctx.text[found[0]:found[1]], found[0], None, self.resolver)

    def _sentence_cues(self, sentence: tuple[int, int]):
        if sentence != self._sentence:
            self._sentence = sentence
            words = self.ctx.slice_words(*sentence)  # read once: the claim rules asked it of every sentence
            toks = tokens(self.ctx.masked, *sentence) if not words.isdisjoint(CUE_OPENERS) else []
            cues = list(_cues(toks))
            self._cues = toks, cues, [toks[cue[0]].start for cue in cues]
        return self._cues


def _wishes(cue: str | None) -> bool:
    """Return True for a cue of hope or intention only ('hopes', 'plans'), not of estimate ('expects')."""
    verb = (cue or "").lower().split()[-1:] or [""]
    kinds = classes_of(verb[0])
    return bool(kinds) and kinds <= WISHES and verb[0] not in ESTIMATE_CUES


def _with_determiner(text: str, mention: str, start: int | None) -> tuple[str, int | None]:
    """Return the claim's mention with the determiner claims leave out ('the company'), as written."""
    if start is None:
        return mention, start
    before = text[max(0, start - 6):start]
    word = before.split()[-1] if before.strip() else ""
    if before.endswith(" ") and word.lower() in DETERMINERS and before.endswith(word + " "):
        return f"{word} {mention}", start - len(word) - 1
    return mention, start


def _holding(records, starts: list[int], pos: int):
    """Return the record (sorted by start) whose [start, end) holds pos, looking back a few records."""
    k = bisect.bisect_right(starts, pos)
    for record in reversed(records[max(0, k - LOOK_BACK):k]):
        if record.start <= pos < record.end:
            return record
    return None


def _in_aside(masked: str, lo: int, pos: int) -> bool:
    """Return True when pos lies in a relative clause opened by ', who' or ', which' and not yet closed."""
    opened = max(masked.rfind(", who ", lo, pos), masked.rfind(", which ", lo, pos), masked.rfind(", whose ", lo, pos))
    return opened >= 0 and "," not in masked[opened + 2:pos]


def _cues(toks: list[Token]):
    """Yield (k, size, cue, source span) for each cue in a sentence that names a source."""
    for k, tok in enumerate(toks):
        if tok.lower not in CUE_OPENERS:
            continue  # cheap test first: cue_at on every word would double extraction time
        size = cue_at(toks, k) or (1 if tok.text in ESTIMATE_CUES and not _noun_use(toks, k) else 0)
        if not size:
            continue
        cue = " ".join(t.text for t in toks[k:k + size]).lower()
        if cue not in CLAIM_CUES and cue not in ESTIMATE_CUES and cue not in ("according to", "as per"):
            continue
        np = cue_source(toks, k, size) or _inverted_source(toks, k, size)
        if np is not None and not _object_of_preposition(toks, np) and _speaks(toks, k, cue, np):
            yield k, size, cue, np


def _speaks(toks: list[Token], k: int, cue: str, np: tuple[int, int]) -> bool:
    """Return False for cues that here say a thing moved or was seen: 'revenues added 4%', 'sales showed growth'."""
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    if cue in ("add", "added", "adds") and (nxt[:1].isdigit() or nxt[:1] in "$£€¥"):
        return False
    if k and toks[k - 1].lower in PASSIVE_BE and np[1] < k:
        return False  # 'United were reported to have offered £50m': who is reported on, not who reports
    if cue in EVIDENCE_CUES:
        head = toks[np[1]].text
        return head.lower() in FIGURE_EVIDENCE_NOUNS or is_cap(head) or head.lower() in PRONOUNS
    return True


def _inverted_source(toks: list[Token], k: int, size: int) -> tuple[int, int] | None:
    """Return X in '..., said X.' (a tag after what it reports, subject after the verb)."""
    if k == 0 or toks[k - 1].text != "," or k + size >= len(toks):
        return None
    return np_after(toks, k + size)


def sentence_source(toks: list[Token], cues, starts: list[int], pos: int) -> tuple[int, int, int] | None:
    """Return (start, end) of the source whose cue covers pos and the cue's offset: 'according to X', ', X said.'.

    The nearest covering cue before pos wins (the innermost source: 'X told the court that Yukos had
    claimed it sent $27m' -> Yukos), else the first after it (', the company said.'); a few cues each
    way are read, so a sentence of many cues and many figures stays linear.
    """
    k = bisect.bisect_right(starts, pos)
    before, after = cues[max(0, k - CUE_REACH):k][::-1], cues[k:k + CUE_REACH]
    for k, size, cue, np in before + after:
        if _covers(toks, k, size, np, pos, cue):
            return toks[np[0]].start, toks[np[1]].end, toks[k].start
    return None


def _object_of_preposition(toks: list[Token], np: tuple[int, int]) -> bool:
    """Return True for 'in contracts announced last year': a participle after a preposition's object, no subject."""
    before = [t.lower for t in toks[max(0, np[0] - 2):np[0]]]
    return bool(before) and before[-1] in FIGURE_PREPOSITIONS and before[0] != "according"


def _noun_use(toks: list[Token], k: int) -> bool:
    """Return True for 'the reports', 'profit forecasts' and passives ('is estimated'): no one is claiming."""
    prev = toks[k - 1].text if k else ""
    lower = prev.lower()
    if lower in DETERMINERS or lower in PASSIVE_BE or lower.endswith(("'s", "’s")) or prev[:1].isdigit():
        return True
    if prev.isupper() and len(prev) <= 3:
        return True  # 'TV show', 'PC report': an acronym before it makes a compound
    if k + 1 < len(toks) and toks[k + 1].text == "of":
        return True  # 'a previous estimate of 0.1%'
    # a singular noun before it makes a compound ('profit forecasts'); a plural is a subject ('analysts expect'),
    # and so is any noun before an estimate of a crowd ('the delegation put the crowd at 120,000')
    return (prev.islower() and lower not in PRONOUNS and lower not in ADVERBS and not lower.endswith("s")
            and not ESTIMATES_CROWD.match(" ".join(t.text for t in toks[k:k + CROWD_WORDS])))


def _covers(toks: list[Token], k: int, size: int, np: tuple[int, int], pos: int, cue: str) -> bool:
    """Return True when the figure at pos lies in what the cue reports."""
    if cue in ("according to", "as per"):
        return True  # 'according to X' covers its whole sentence
    if np[0] > 0 and toks[np[0] - 1].lower in ("which", "that") and 0 <= toks[np[0] - 1].start - pos <= RELATIVE:
        return True  # 'the 2.5% which the government had predicted'
    if np[0] > k:  # 'said Mr Smith': a tag after the reported words
        return pos < toks[k].start
    first = np[0] - 1 if np[0] > 0 and toks[np[0] - 1].lower in DETERMINERS else np[0]
    if len(toks) - (k + size) <= TAIL and first > 0 and toks[first - 1].text == ",":
        return pos < toks[first].start  # ', the company said.'
    return pos >= toks[k + size - 1].end


def _source(ctx: Context, mention: str, start: int | None, canonical: str | None, resolver: Resolver) -> Source | None:
    """Return the source as the article names it, resolving 'he' to the nearest naming mention."""
    words = mention.strip(" ,.:;\"“”").split()
    if not words:
        return None
    given = canonical  # the claim's own claimer: its figures are claimed by whom the claim says
    canonical = canonical or resolver.canonical(mention, start or 0)
    if _stands_for_organisation(words):
        organisation = given or _organisation_before(ctx, resolver, start or 0)
        if organisation:
            return Source(organisation, organisation)
    if len(words) == 1 and words[0].lower() in REFERRING:
        if not canonical:
            return None
        return Source(_naming_mention(ctx.text, canonical, start or 0) or canonical, canonical)
    if words[0].lower() in ("the", "a", "an") and len(words) > 1 and words[1][:1].islower():
        named = _named_before(ctx.text, words[-1], start or 0) if words[0].lower() == "the" else None
        if named:  # 'the chancellor' after 'Chancellor Gordon Brown': the article named him
            return Source(_naming_mention(ctx.text, named, start or 0) or named, named)
        return Source(" ".join(["the"] + words[1:]), canonical)  # an unnamed source as written: 'the spokesman'
    return Source(_as_written(mention), canonical)


def _as_written(mention: str) -> str:
    """Return a named mention without job titles or possessives but with its honorific: 'Mr Jones'."""
    name = strip_name(mention)
    words = mention.replace("’s", "").replace("'s", "").split()
    honorific = words[-len(name.split()) - 1] if len(words) > len(name.split()) else ""
    return f"{honorific} {name}" if TITLE_WORD.fullmatch(honorific) else name


def _stands_for_organisation(words: list[str]) -> bool:
    """Return True for 'it', 'the company', 'the group': a mention that points back at an organisation."""
    lowered = [w.lower() for w in words]
    if lowered in (["it"], ["they"]):
        return True
    return len(lowered) == 2 and lowered[0] == "the" and lowered[1] in ORG_ANAPHORS


def _organisation_before(ctx: Context, resolver: Resolver, pos: int) -> str | None:
    """Return the organisation the article names most (nearest on ties) before pos."""
    counts: dict[str, tuple[int, int]] = {}
    for match in NAME_OR_WORD.finditer(ctx.text, max(0, pos - REACH), pos):
        name = strip_name(match.group())
        if _is_organisation(ctx, resolver, name) and not _opens_noun_phrase(ctx.text, match, pos):
            counts[name] = (counts.get(name, (0, 0))[0] + 1, match.start())
    return max(counts, key=counts.get) if counts else None


def _opens_noun_phrase(text: str, match: re.Match, pos: int) -> bool:
    """Return True for a lone capital that may be any noun: 'Shares in ...', 'News of ...', 'Sales fell 11%, it said'."""
    before = text[max(0, match.start() - 4):match.start()].rstrip(" \"“‘'")
    if (before and before[-1] not in ".!?:\n") or " " in match.group():
        return False
    if PREPOSITION_AFTER.match(text, match.end()):
        return True
    # Opening the clause a trailing ', the company said' reports, a word is what it reports on.
    return text[:pos].rstrip().endswith(",") and not SENTENCE_END.search(text, match.end(), pos)


def _is_organisation(ctx: Context, resolver: Resolver, name: str) -> bool:
    words = name.split()
    if not words or not is_cap(words[0]) or name.lower() in PLACES or name.lower() in ctx.common:
        return False
    if name.lower() in DEMONYMS or name.lower() in NUMBER_WORDS or words[0].lower() in TITLES:
        return False  # 'Welsh', 'Two weeks ago', 'Chief executive': where someone is from, how many, a job
    if MODEL_NAME.fullmatch(name):
        return False  # 'the A19 chip', 'the S25': a product's model, not who makes it
    if any(w.lower() in ORG_WORDS for w in words) or name.isupper():
        return True
    return len(words) == 1 and name not in resolver.full  # 'Reuters'; a lone surname is a person


def _named_before(text: str, role: str, pos: int) -> str | None:
    """Return the name an earlier 'Chancellor Gordon Brown' or 'spokesman Tom Hill' gives the role."""
    if role.lower() not in TITLES:
        return None
    pattern = re.compile(rf"\b(?i:{re.escape(role)})\s+((?:[A-Z][\w'’-]+ ?){{2,3}})")
    found = None
    for found in pattern.finditer(text, max(0, pos - REACH), pos):
        pass
    return strip_name(found.group(1)) if found else None


# What may come before a surname as written ('Mr ', 'Tory '): one pattern for every surname. A pattern per surname
# (this, then the surname) cost a compilation each: 0.8% of extraction over BBC, in each worker.
WRITTEN_BEFORE = re.compile(rf"\b{TITLE}\s+|\b[A-Z][\w'’-]+\s+")


def _word_before(text: str, lo: int, at: int) -> int:
    """Return where the run of non-spaces before the one holding text[at] starts (lo at most)."""
    for wanted in (False, True, False):  # back over at's run, the spaces before it, then the run before them
        while at > lo and text[at - 1].isspace() == wanted:
            at -= 1
    return at


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what a pattern's \w matches


def _bounded(text: str, at: int, end: int, pos: int) -> bool:
    """Return True when text[at:end] stands between word boundaries, as \b...\b reads it with the text cut at pos."""
    return ((at > 0 and _word_char(text[at - 1])) != _word_char(text[at])
            and (end < pos and _word_char(text[end])) != _word_char(text[end - 1]))


def _written_from(surname: str, text: str, start: int, pos: int) -> tuple[int, int] | None:
    """Return the span of the first writing of a surname at or after start (before pos), maybe after a title or a
    capitalised word ('Mr Leigh', 'Tory Leigh'): where re.search would find WRITTEN_BEFORE's pattern made optional,
    then the surname between word boundaries.

    A match starts at a writing of the surname or at the word before it, so the writings are looked at in turn, until
    the word before the next lies past the earliest start found."""
    best, at = None, text.find(surname, start, pos)
    while at >= 0 and (best is None or _word_before(text, start, at) <= best[0]):
        end = at + len(surname)
        if _bounded(text, at, end, pos):
            found = (_prefixed(text, start, at, pos), end)
            # the earliest start; from one start, the writing after a word before the bare one ('Leigh Leigh')
            best = found if best is None or (found[0], -found[1]) < (best[0], -best[1]) else best
        at = text.find(surname, at + 1, pos)
    return best


def _prefixed(text: str, start: int, at: int, pos: int) -> int:
    """Return the first place from start where a title or capitalised word, then spaces, end at at (else at)."""
    for begin in range(max(start, _word_before(text, start, at)), at):
        match = WRITTEN_BEFORE.match(text, begin, pos)
        if match and match.end() == at:
            return begin
    return at


def _last_written(surname: str, text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """Return the span of the last writing of a surname in text[lo:pos] (maybe after a title or a capitalised word),
    as a scan of the whole reach would end.

    Each writing found ends at the surname, so the next scan starts where it ends, not a letter at a time through
    the 3,000 characters of reach (the spans are the same)."""
    found, scan = None, lo
    while match := _written_from(surname, text, scan, pos):
        found, scan = match, match[1]
    return found


def _naming_mention(text: str, canonical: str, pos: int) -> str | None:
    """Return the nearest earlier mention of a name as written: 'Mr Leigh' for 'Edward Leigh'."""
    surname, lo = canonical.split()[-1], max(0, pos - REACH)
    if text.find(surname, lo, pos) < 0:
        return None  # no mention in reach: no pattern compiled for the name (most names, each compiled once)
    found = _last_written(surname, text, lo, pos)
    if found is None:
        return None
    written = text[found[0]:found[1]].split()
    if len(written) > 1 and written[0] not in canonical.split() and not TITLE_WORD.fullmatch(written[0]):
        written = written[1:]  # 'Tory Edward Leigh' -> 'Edward Leigh'... or the surname alone
    return " ".join(written)
