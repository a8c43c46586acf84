"""Attributed claims ('X said that ...', 'according to X, ...') and the speaker history."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Context
from .lexicon import CLAIM_CUES, CUE_FIRST_WORDS, PARTICIPLE_CUES, PRONOUNS, TITLES
from .cues import cue_at, cue_source
from .phrases import QUOTE_MARKS, np_after, subject_before
from .sentences import Token, tokens

SAY_CUES = frozenset("said says told tells say tell".split())
WORD = re.compile(r"[a-z]+")
THAT_REACH = 7  # 'announced on Monday that': 'that' may come a few words after the cue
CLAUSE_CUT = re.compile(r"\s+(?:on|in|last|this|earlier|since|at)\s+|\s*\(|\s+(?=[a-z]+ed\b)")
MIN_CONTENT = 3  # words; shorter "content" is an object ("said so"), not a claim


@dataclass(frozen=True)
class RawClaim:
    """A claim before its claimer is resolved: content and claimer offsets, and the cue."""

    start: int
    end: int
    claimer_start: int
    claimer_end: int
    cue: str


def cue_sentences(ctx: Context) -> list[tuple[list[Token], list[tuple[int, int]]]]:
    """Return (tokens, [(index, size) of cues]) for each kept sentence that holds a cue."""
    lowered = ctx.masked.lower()
    found = []
    for sentences in ctx.sentences:
        for lo, hi in sentences:
            if CUE_FIRST_WORDS.isdisjoint(WORD.findall(lowered, lo, hi)):
                continue  # most sentences hold no cue: skip tokenising them
            toks = tokens(ctx.masked, lo, hi)
            cues = [(k, size) for k in range(len(toks)) if (size := cue_at(toks, k))]
            if cues:
                found.append((toks, cues))
    return found


def cue_subjects(cued) -> list[tuple[int, int]]:
    """Return (start, end) of every named subject of a cue verb, in text order."""
    found = []
    for toks, cues in cued:
        for k, size in cues:
            if toks[k].text.lower() not in PARTICIPLE_CUES:
                np = cue_source(toks, k, size)
                if np and toks[np[0]].text.lower() not in PRONOUNS:
                    found.append((toks[np[0]].start, toks[np[1]].end))
    return found


def find_claims(ctx: Context, cued) -> list[RawClaim]:
    """Return the attributed claims in the sentences that hold a cue."""
    return [claim for claim in (_sentence_claim(ctx, *item) for item in cued) if claim]


def _sentence_claim(ctx: Context, toks: list[Token], cues) -> RawClaim | None:
    for k, size in cues:
        cue = " ".join(t.text for t in toks[k:k + size]).lower()
        if cue in ("according to", "as per"):
            claim = _according(ctx, toks, k, size, cue)
        elif cue in CLAIM_CUES:
            claim = _cue_claim(ctx, toks, k, size, cue)
        else:
            continue
        if claim:
            return claim
    return None


def _according(ctx, toks, k, size, cue) -> RawClaim | None:
    """'according to X, CONTENT' or 'CONTENT, according to X'."""
    who = _clause(ctx, toks, k + size)
    if who is None:
        return None
    if k == 0 or (k == 1 and toks[0].text[:1].isupper()):
        comma = next((i for i in range(k + size, len(toks)) if toks[i].text == ","), None)
        if comma is None:
            return None
        who, comma = _appositive_name(ctx, toks, who, comma)
        return _claim(ctx, toks, comma + 1, len(toks), who, cue)
    end = k - 1 if toks[k - 1].text == "," else k
    return _claim(ctx, toks, 0, end, who, cue)


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


def _clause(ctx, toks, i) -> tuple[int, int] | None:
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


def _cue_claim(ctx, toks, k, size, cue) -> RawClaim | None:
    """'X said (on Monday) that CONTENT', 'X said CONTENT' or 'CONTENT, X said.'."""
    subject = subject_before(toks, k, 0)
    if subject is None:
        return None
    who = (toks[subject[0]].start, toks[subject[1]].end)
    rest = k + size
    that = next((i for i in range(rest, min(rest + THAT_REACH, len(toks)))
                 if toks[i].text == "that"), None)
    if that is not None and not any(t.text in QUOTE_MARKS for t in toks[rest:that]):
        return _claim(ctx, toks, that + 1, len(toks), who, cue)
    if cue.lower() in SAY_CUES and rest < len(toks) and np_after(toks, rest):
        if cue.lower() not in ("told", "tells") and toks[rest].text not in QUOTE_MARKS:
            return _claim(ctx, toks, rest, len(toks), who, cue)
    if subject[0] > 1 and toks[subject[0] - 1].text == "," and rest >= len(toks) - 1:
        return _claim(ctx, toks, 0, subject[0] - 1, who, cue)
    return None


def _trim_end(toks, lo: int, hi: int) -> int:
    """End claim content before a direct quote it leads into (", stating, “…”") and its punctuation."""
    for m in range(lo + 1, hi):
        # a mark after a comma or colon opens a quotation; one mid-phrase is a scare quote
        if toks[m].text in QUOTE_MARKS and toks[m - 1].text in ",:":
            hi = m
            break
    while hi > lo:
        last = toks[hi - 1].text
        marks = sum(t.text in QUOTE_MARKS for t in toks[lo:hi])
        if last in ".,;:" or (last in QUOTE_MARKS and marks % 2):
            hi -= 1  # an unpaired mark at the end opens the quote that follows
        elif hi - lo > 2 and last.lower() in PARTICIPLE_CUES and toks[hi - 2].text == ",":
            hi -= 2
        elif hi - lo > 2 and last.lower() in ("and", "but", "or"):
            hi -= 1  # the sentence went on past the claim: "…from North Korea, and"
        else:
            return hi
    return hi


def _claim(ctx, toks, lo, hi, who, cue) -> RawClaim | None:
    """Build a claim over toks[lo:hi] unless it is too short or only a quotation."""
    hi = _trim_end(toks, lo, hi)
    words = [t for t in toks[lo:hi] if t.text[:1].isalnum()]
    if len(words) < MIN_CONTENT:
        return None
    start, end = toks[lo].start, toks[hi - 1].end
    if toks[lo].text in QUOTE_MARKS and ctx.text[start:end].count(toks[lo].text) <= 2:
        return None  # the content is a direct quote, already a Quote
    return RawClaim(start, end, who[0], who[1], cue)
