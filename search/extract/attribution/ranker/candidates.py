"""Candidate speaker mentions around one quote: names, pronouns and described sources."""
from __future__ import annotations

import bisect
import math
from typing import NamedTuple

from ..context import Attribution, Context, paragraph_of
from ..cues import CUE_STARTS, cue_at
from ...lexicon.words import ADVERBS, CUE_WORDS, DETERMINERS, STOP_WORDS
from ...text.phrases import is_cap, np_after
from ...quotes.spans import Found
from ...text.sentences import Token, tokens
from ...lexicon.grammar import SUBJECT_PRONOUNS
from ...lexicon.people import SPEAKER_NOUNS

NP_WORDS = 5  # a described source rarely runs longer: 'the billionaire real estate mogul'


class Candidate(NamedTuple):
    """A possible speaker mention: character span, kind, and where it sits."""

    start: int
    end: int
    kind: str        # pronoun-person, pronoun-group, pronoun-i, pronoun-it, name, described, rule
    region: str      # quote, prev, prev2, prevpara, next, first, outside
    sentence: tuple[int, int]
    first: int       # token indexes of the mention inside its sentence's tokens
    last: int
    is_rule: bool = False


def window(ctx: Context, quote: Found) -> list[tuple[str, tuple[int, int]]]:
    """Return (region, sentence span) pairs around a quote, nearest regions first."""
    para = ctx.sentences[quote.para]
    end_para = paragraph_of(ctx, quote.outer_end - 1)
    first = _first_ending_after(para, quote.outer_start)
    last = bisect.bisect_left(para, (quote.outer_end,))
    inside = para[first:last]
    if end_para != quote.para:
        ending = ctx.sentences[end_para]
        inside += ending[:bisect.bisect_left(ending, (quote.outer_end,))]
    if not inside:
        first = max(0, bisect.bisect_right(para, (quote.outer_start, math.inf)) - 1)
        inside = [para[first]]
    regions = [("quote", s) for s in inside]
    cut = _first_ending_after(para, inside[0][0])
    before = para[max(0, cut - 2):cut]
    regions += [(name, s) for name, s in zip(("prev", "prev2"), reversed(before))]
    ending = ctx.sentences[end_para]
    nxt = bisect.bisect_left(ending, (inside[-1][1],))
    if nxt < len(ending):
        regions.append(("next", ending[nxt]))
    # The paragraph before introduces the speaker of a quote that opens its own paragraph.
    if quote.para > 0 and not before and not ctx.masked[ctx.paragraphs[quote.para].start:quote.outer_start].strip():
        regions.append(("prevpara", ctx.sentences[quote.para - 1][-1]))
    return regions


def _first_ending_after(sentences: list[tuple[int, int]], pos: int) -> int:
    """Return the index of the first sentence that ends after pos (sentences are sorted, disjoint)."""
    k = max(0, bisect.bisect_right(sentences, (pos, math.inf)) - 1)
    return k + 1 if k < len(sentences) and sentences[k][1] <= pos else k


def candidates(ctx: Context, quote: Found, rule: Attribution | None,
               cache: dict | None = None) -> list[Candidate]:
    """Return the candidate mentions in the quote's window, the rule pick always among them."""
    found, seen, ruled = [], set(), rule is None
    for region, span in window(ctx, quote):
        if span in seen:
            continue
        seen.add(span)
        toks, found_here, _ = sentence_facts(ctx, span, cache)
        for first, last, kind in found_here:
            start, end = toks[first].start, toks[last].end
            is_rule = rule is not None and start < rule.end and rule.start < end
            if is_rule:
                if ruled:
                    continue
                # The rule's bounds are the careful ones; the mention keeps its context.
                start, end, ruled = rule.start, rule.end, True
            found.append(Candidate(start, end, kind, region, span, first, last, is_rule))
    if not ruled:
        found.insert(0, Candidate(rule.start, rule.end, "outside", "outside", (rule.start, rule.end), 0, 0, True))
    return found


class Facts(NamedTuple):
    """A sentence's masked tokens, its mentions and its cues ({token index: cue length})."""

    toks: list[Token]
    mentions: list[tuple[int, int, str]]
    cues: dict[int, int]


def sentence_facts(ctx: Context, span: tuple[int, int], cache: dict | None) -> Facts:
    """Return a sentence's facts, computed once per article (quotes share sentences)."""
    if cache is not None and span in cache:
        return cache[span]
    toks = tokens(ctx.masked, *span)
    # cue_at is 0 for a word opening no cue: most tokens are not asked (no call each)
    cues = {k: size for k, tok in enumerate(toks) if tok.lower in CUE_STARTS and (size := cue_at(toks, k))}
    facts = Facts(toks, mentions(toks), cues)
    if cache is not None:
        cache[span] = facts
    return facts


def mentions(toks: list[Token]) -> list[tuple[int, int, str]]:
    """Return (first, last, kind) of each name, subject pronoun and described source."""
    found, k = [], 0
    while k < len(toks):
        word, lower = toks[k].text, toks[k].lower
        span = None
        if lower in SUBJECT_PRONOUNS and word[:1].isalpha():
            span = (k, k, _pronoun_kind(lower))
        elif lower == "who" or (lower in ("that", "which") and _cue_next(toks, k)):
            span = (k, k, "relative")  # speakers.py resolves it to the name before it
        elif lower in DETERMINERS and lower not in ("that", "one", "another", "its"):
            last = _described_end(toks, k)
            if last > k:
                span = _appositive(toks, k, last)
        elif is_cap(word) and word[:1].isalpha():
            np = np_after(toks, k)
            if np:
                span = (np[0], np[1], "name")
        elif lower in SPEAKER_NOUNS and word.islower():
            span = (k, _described_end(toks, k), "described")
        if span:
            found.append(span)
            k = span[1]
        k += 1
    return found


def _cue_next(toks: list[Token], k: int) -> bool:
    """Return True for 'a banner that read': a relative pronoun right before a cue."""
    return k + 1 < len(toks) and cue_at(toks, k + 1) > 0


def _appositive(toks: list[Token], first: int, last: int) -> tuple[int, int, str]:
    """Return the name of 'the ambassador, Ivan Petrov, said': it says more than the description."""
    if last + 2 < len(toks) and toks[last + 1].text == "," and is_cap(toks[last + 2].text):
        name = np_after(toks, last + 2)
        if name and (name[1] + 1 == len(toks) or toks[name[1] + 1].text in ",.;"):
            return name[0], name[1], "name"
    return first, last, "described"


def _pronoun_kind(lower: str) -> str:
    if lower in ("he", "she"):
        return "pronoun-person"
    if lower in ("they", "we"):
        return "pronoun-group"
    return "pronoun-i" if lower == "i" else "pronoun-it"


def _described_end(toks: list[Token], k: int) -> int:
    """Return the last token of 'the former campaign spokesman' starting at k."""
    last = k
    for j in range(k + 1, min(len(toks), k + 1 + NP_WORDS)):
        word, lower = toks[j].text, toks[j].lower
        if not word[:1].isalnum() or lower in STOP_WORDS or lower in CUE_WORDS or lower in ADVERBS:
            break
        last = j
    return last
