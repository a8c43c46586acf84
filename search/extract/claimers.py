"""Who claims a figure: the quote it sits in, the claim that carries it, or a cue in its sentence."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..models import Claim, Quote
from .context import Context
from .cues import cue_at, cue_source
from .lexicon import CLAIM_CUES, DETERMINERS, PRONOUNS
from .sentences import Token, tokens
from .speakers import Resolver, strip_name

# Verbs that put a figure forward as someone's estimate, beyond the verbs of saying.
ESTIMATE_CUES = frozenset("""
estimate estimates estimated forecast forecasts forecasted predict predicts predicted project projects
projected expect expects expected calculate calculates calculated reckon reckons reckoned show shows
showed found find finds put puts believe believes believed claim claims claimed suggest suggests
suggested reveal reveals revealed report reports reported
""".split())
PASSIVE = frozenset("is are was were be been being".split())
TAIL = 6  # tokens: a cue this near the sentence end is a trailing tag (', the company said.')
REACH = 3000  # characters searched back for the naming mention of a pronoun's referent
TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor)\.?"


class Source(NamedTuple):
    """Who claims a figure: as written at the naming mention, and the canonical name."""

    written: str
    canonical: str | None


def figure_source(ctx: Context, pos: int, sentence: tuple[int, int], quotes: list[Quote],
                  claims: list[Claim], resolver: Resolver) -> Source | None:
    """Return who claims the number at pos: the speaker of its quote, its claimer, or its sentence's source."""
    for quote in quotes:
        if quote.kind == "quote" and quote.start <= pos < quote.end and quote.speaker_mention:
            return _source(ctx, quote.speaker_mention, quote.speaker_start, quote.speaker, resolver)
    for claim in claims:
        if sentence[0] <= claim.start < sentence[1] and claim.start <= pos < claim.end and claim.claimer_mention:
            return _source(ctx, claim.claimer_mention, claim.claimer_start, claim.claimer, resolver)
    found = sentence_source(ctx, pos, sentence)
    if found is None:
        return None
    start, end = found
    return _source(ctx, ctx.text[start:end], start, None, resolver)


def sentence_source(ctx: Context, pos: int, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """Return the offsets of the source whose cue covers pos: 'according to X', 'X estimates', ', X said.'."""
    toks = tokens(ctx.masked, *sentence)
    found = None
    for k, tok in enumerate(toks):
        size = cue_at(toks, k) or (1 if tok.text in ESTIMATE_CUES and not _noun_use(toks, k) else 0)
        if not size:
            continue
        cue = " ".join(t.text for t in toks[k:k + size]).lower()
        if cue not in CLAIM_CUES and cue not in ESTIMATE_CUES and cue not in ("according to", "as per"):
            continue
        np = cue_source(toks, k, size)
        if np is None or not _covers(toks, k, size, np, pos, cue):
            continue
        found = toks[np[0]].start, toks[np[1]].end
        if toks[k].start > pos:
            break  # a later cue does not report what came before it
    return found  # the innermost: 'X told the court that Yukos had claimed it sent $27m' -> Yukos


def _noun_use(toks: list[Token], k: int) -> bool:
    """Return True for 'the reports', 'his estimates' and passives ('is estimated'): no one is claiming."""
    prev = toks[k - 1].text.lower() if k else ""
    return prev in DETERMINERS or prev in PASSIVE or prev.endswith(("'s", "’s"))


def _covers(toks: list[Token], k: int, size: int, np: tuple[int, int], pos: int, cue: str) -> bool:
    """Return True when the figure at pos lies in what the cue reports."""
    if cue in ("according to", "as per"):
        return True  # 'according to X' covers its whole sentence
    if np[0] > k:  # 'said Mr Smith': a tag after the reported words
        return pos < toks[k].start
    if len(toks) - (k + size) <= TAIL and np[0] > 0 and toks[np[0] - 1].text == ",":
        return pos < toks[np[0]].start  # ', the company said.'
    return pos >= toks[k + size - 1].end


def _source(ctx: Context, mention: str, start: int | None, canonical: str | None, resolver: Resolver) -> Source | None:
    """Return the source as the article names it, resolving 'he' to the nearest naming mention."""
    words = mention.strip(" ,.:;\"“”").split()
    if not words:
        return None
    canonical = canonical or resolver.canonical(mention, start or 0)
    if len(words) == 1 and words[0].lower() in PRONOUNS | {"who", "which", "that"}:
        if not canonical:
            return None
        return Source(_naming_mention(ctx.text, canonical, start or 0) or canonical, canonical)
    if words[0].lower() in ("the", "a", "an") and len(words) > 1 and words[1][:1].islower():
        return Source(" ".join(["the"] + words[1:]), canonical)  # a description keeps 'the': 'the spokesman'
    return Source(strip_name(mention), canonical)


def _naming_mention(text: str, canonical: str, pos: int) -> str | None:
    """Return the nearest earlier mention of a name as written: 'Mr Leigh' for 'Edward Leigh'."""
    surname = canonical.split()[-1]
    pattern = re.compile(rf"(?:\b{TITLE}\s+|\b[A-Z][\w'’-]+\s+)?\b{re.escape(surname)}\b")
    found = None
    for found in pattern.finditer(text, max(0, pos - REACH), pos):
        pass
    if found is None:
        return None
    written = found.group().split()
    if len(written) > 1 and written[0] not in canonical.split() and not re.fullmatch(TITLE, written[0]):
        written = written[1:]  # 'Tory Edward Leigh' -> 'Edward Leigh'... or the surname alone
    return " ".join(written)
