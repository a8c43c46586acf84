"""Tags in a quote's own sentence ('..., he said', 'X said: "..."'): the finders of the first rules."""
from __future__ import annotations

import re

from ..lexicon.grammar import PASSIVE_BE
from ..lexicon.verbs import PAST_VERBS
from ..lexicon.words import PARTICIPLE_CUES, STOP_WORDS, TITLES
from .context import NOBODY, Attribution, Context, cue_text, make_attribution, paragraph_of
from .cues import cue_at, cue_source, framing_cue, medium_after
from .fallbacks import DASHES
from ..speakers.names import is_descriptor
from ..text.phrases import (QUOTE_MARKS, SENTENCE_STOPS, abbrev_dot, first_subject, is_cap,
                            np_after, np_back, subject_before)
from ..quotes.spans import Found
from ..text.sentences import Token, sentence_at, tokens
from ..lexicon.verbs import OPENING_CUES

AFTER_WINDOW = 200  # characters after a quote searched for '..., he said'
AFTER_TOKENS = 25
TAG_WORDS = 8  # '"...," Trump said in a statement on Monday.' is still only a tag
PERIOD_TAG_WORDS = 2  # '"...done." Trump said.' at most: a period has closed the sentence
JOB_REACH = 4  # lower-case words between a body's name and a person's: 'games systems director'


def gap_tag(ctx: Context, quote: Found) -> Attribution | None:
    """Find the tag inside a quote's gap: '"We won," he said, "and deserved it."'."""
    for gap in quote.gaps:
        found = _after(ctx, gap[0], gap[1])
        if found and found[0]:
            return found[0]
    return None


def tight_after(ctx: Context, quote: Found) -> Attribution | None:
    """Find a tag right after the quote that is not a new sentence: '"...," the senator said'."""
    para = ctx.paragraphs[paragraph_of(ctx, quote.outer_end - 1)]
    after = _after_quote(ctx, quote)
    if after and after[1] and not _new_sentence(ctx, quote, after[0], para.end):
        return after[0] or NOBODY  # '"...," said in a statement': a tag, but it names nobody
    return None


def loose_after(ctx: Context, quote: Found) -> Attribution | None:
    """Find any mention with a cue after the quote, however loosely it fits."""
    after = _after_quote(ctx, quote)
    return after[0] if after else None


def before_tag(ctx: Context, quote: Found) -> Attribution | None:
    """Find 'Trump said, "..."' or a cue earlier in the quote's sentence."""
    sentence = sentence_at(ctx.sentences[quote.para], quote.outer_start)
    return _cue_before(ctx, sentence[0], quote.outer_start)


def cue_adjoins(ctx: Context, quote: Found, attr: Attribution) -> bool:
    """Return True for 'X, who said: "...': the cue is all that stands between mention and quote."""
    between = ctx.masked[attr.end:quote.outer_start]
    return attr.cue is not None and " ".join(between.strip(" ,:").split()) == attr.cue


def _after_quote(ctx: Context, quote: Found) -> tuple[Attribution | None, bool] | None:
    """Return the tag after the quote within its paragraph, and whether it fits tightly (read once: the tight rule
    and the loose one both ask)."""
    if quote.outer_end not in ctx.after_quotes:
        para = ctx.paragraphs[paragraph_of(ctx, quote.outer_end - 1)]
        ctx.after_quotes[quote.outer_end] = _after(ctx, quote.outer_end, min(para.end, quote.outer_end + AFTER_WINDOW))
    return ctx.after_quotes[quote.outer_end]


def _new_sentence(ctx: Context, quote: Found, attr: Attribution | None, limit: int) -> bool:
    """Return True for '"...done." He added, "..."': a new sentence, not a tag on the quote."""
    if attr is None or ctx.text[quote.end - 1:quote.end] not in (".", "!", "?"):
        return False
    if not ctx.text[quote.outer_end:limit].lstrip()[:1].isupper():
        return False
    rest = ctx.masked[attr.end:limit]
    stop = re.search(r"[.!?](?:\s|$)", rest)
    rest = rest[:stop.start() if stop else len(rest)]
    # A tag may follow '?' or '!' at length, but a period has already closed the sentence.
    limit_words = TAG_WORDS if ctx.text[quote.end - 1] in "!?" else PERIOD_TAG_WORDS
    return bool(re.search(r'["“„«]|\bthat\b', rest)) or len(rest.split()) > limit_words


def _after(ctx: Context, lo: int, hi: int) -> tuple[Attribution | None, bool] | None:
    """Find '..." he said' / '..." said Trump' / '..." – Name'; flag a tight fit."""
    toks = tokens(ctx.masked, lo, hi)
    first = 0
    while first < len(toks) and (toks[first].text in ",)" or toks[first].text in DASHES):
        first += 1
    dash = any(t.text in DASHES for t in toks[:first])
    for k in _clause(toks, first):
        size = cue_at(toks, k)
        if not size or toks[k].lower in PARTICIPLE_CUES:
            continue
        cue = cue_text(toks, k, size)
        outer = k if cue.lower() in ("according to", "as per") else _according_after(toks, k + size)
        if k == first or outer is not None:
            k, size = (k, size) if outer is None else (outer, 2)
            return make_attribution(toks, _titled(toks, np_after(toks, k + size)), cue_text(toks, k, size)), True
        inverted = toks[k - 1].text == "," and toks[k].lower in OPENING_CUES
        # '"...", which had "...", said the committee': a clause holding a quote is no aside.
        np = None if inverted and _holds_quote(toks, first, k) else subject_before(toks, k, first)
        if np is None and inverted:
            np = _titled(toks, np_after(toks, k + size))  # '" was to be a "tale," said Susan Crawford'
            return (make_attribution(toks, np, cue), True) if np else None
        # Tight only when the subject opens the clause: '", the senator said', not
        # '" every time he thinks'
        opens = np is not None and (np[0] == first or (np[0] == first + 1 and toks[first].text in ("the", "a", "an")))
        tight = opens or (np is not None and toks[k - 1].text == ",")
        return (make_attribution(toks, np, cue), tight) if np else None
    if dash and first < len(toks) and "\n" not in ctx.text[lo:toks[first].start]:
        np = np_after(toks, first)
        # '"..." – Ambassador Alexander Matsegora': a name that ends the clause; a lower-case
        # phrase after a dash ('– setting expectations ...') goes on with the sentence.
        if np and is_cap(toks[np[1]].text) and (np[1] + 1 == len(toks) or toks[np[1] + 1].text in ",.;("):
            return make_attribution(toks, np, None), True
    return _tag(ctx, toks, first, lo)


def _titled(toks: list[Token], np: tuple[int, int] | None) -> tuple[int, int] | None:
    """Extend 'Yukos' to 'Yukos chief executive Steven Theede': a job, then the person's name; or take the name
    a job sets off with a comma: 'Ajax's director of football, Marc Overmars', 'the club's chairman, John Smith'."""
    if np is None:
        return None
    j = np[1] + 1
    while j < len(toks) and toks[j].text.islower() and is_descriptor(toks[j].text):
        j += 1
    job = _job_words(toks, np[1] + 1)  # 'England sevens coach Mike Friday', 'BIFA founder and director Elliot Grove'
    if job > j and job < len(toks) and (is_cap(toks[job].text) or toks[job].text == ","):
        j = job  # or set off: "Western Grid's operations director, Kate Bryant'
    name = np_after(toks, j) if j > np[1] + 1 and j < len(toks) and is_cap(toks[j].text) else None
    if name:
        return (np[0], name[1])
    j += 2 * (j + 1 < len(toks) and toks[j].text == "of" and toks[j + 1].text.islower())  # 'director of football'
    role = toks[j - 1].text.islower() and is_descriptor(toks[j - 1].text) or (
        j >= 2 and toks[j - 2].text == "of" and is_descriptor(toks[j - 3].text))
    return (_appositive(toks, j + 1) if role and j < len(toks) and toks[j].text == "," else None) or np


def _job_words(toks: list[Token], i: int) -> int:
    """Return where lower-case words from i end when the last is a job ('sevens coach', 'founder and director'), else i."""
    end = i
    for j in range(i, min(len(toks), i + JOB_REACH)):
        word = toks[j].text
        if not (word.islower() and word.replace("-", "").isalpha()) or cue_at(toks, j) or (
                word in STOP_WORDS and word != "and") or word in PAST_VERBS or word.endswith("ed"):
            break  # 'Wood slated comedian Sacha Baron Cohen': a verb, then its object
        if is_descriptor(word):
            end = j + 1
    return end


def _appositive(toks: list[Token], i: int) -> tuple[int, int] | None:
    """Return the name set off after a job at i when it ends the clause: ', Marc Overmars.' (not ', adding')."""
    name = np_after(toks, i)
    if not name or not all(is_cap(t.text) for t in toks[name[0]:name[1] + 1]) or name[1] == name[0]:
        return None
    return name if name[1] + 1 == len(toks) or toks[name[1] + 1].text in ",.;(" else None


def _holds_quote(toks: list[Token], lo: int, hi: int) -> bool:
    return any(t.text in QUOTE_MARKS for t in toks[lo:hi])


def _according_after(toks: list[Token], k: int) -> int | None:
    """Return where 'according to' starts in '..." Sanders said, according to CNN': the outer source."""
    for j in _clause(toks, k):
        if cue_text(toks, j, 2).lower() in ("according to", "as per"):
            return None if medium_after(toks, j + 2) else j
    return None

    return False


def _clause(toks: list[Token], first: int):
    """Yield token indexes up to the end of the clause (brackets may hold 'D-Ore.')."""
    depth = 0
    for k in range(first, min(len(toks), first + AFTER_TOKENS)):
        word = toks[k].text
        depth += (word == "(") - (word == ")")
        if word in QUOTE_MARKS:
            continue  # another quote in the same sentence: its tag may be this one's too
        if depth <= 0 and word in SENTENCE_STOPS and not abbrev_dot(toks, k) and not _inside_word(toks, k):
            return
        yield k


def _inside_word(toks: list[Token], k: int) -> bool:
    """Return True for the dot of 'fivethirtyeight.com' or '2.5': no space after it."""
    return k + 1 < len(toks) and toks[k + 1].start == toks[k].end and toks[k + 1].text[:1].isalnum()


def _tag(ctx: Context, toks: list[Token], first: int, lo: int) -> tuple[Attribution, bool] | None:
    """Find '...," Oliver barked.': a name and one verb closing the sentence after a quote."""
    if ctx.text[lo - 2:lo - 1] not in (",", "?", "!"):
        return None
    if first + 1 < len(toks) and toks[first].text.islower() and toks[first].text.endswith("ed"):
        np = np_after(toks, first + 1)  # '"This is fantastic!" beamed Donald Hartley'
        if np and is_cap(toks[np[0]].text):
            return make_attribution(toks, np, toks[first].text), True
    np = np_after(toks, first)
    if np is None or np[1] + 2 >= len(toks) + 1:
        return None
    verb = np[1] + 1
    if verb >= len(toks) or not toks[verb].text.islower() or not toks[verb].text.endswith(("ed", "s")):
        return None
    if verb + 1 < len(toks) and toks[verb + 1].text not in (".", ","):
        return None
    return make_attribution(toks, np, toks[verb].text), True


def _cue_before(ctx: Context, lo: int, hi: int) -> Attribution | None:
    toks = tokens(ctx.masked, lo, hi)
    cues = [k for k in range(len(toks)) if cue_at(toks, k)]
    # 'According to X, Y said "..."': X frames the whole sentence and is its source.
    opening = [k for k in cues[:1] if k <= 1 and cue_text(toks, k, 2).lower() in ("according to", "as per")]
    frame = framing_cue(toks, cues)
    for k in opening + ([frame] if frame is not None else []) + list(reversed(cues)):
        size = cue_at(toks, k)
        if toks[k].lower not in PARTICIPLE_CUES:
            found = cue_source(toks, k, size)
            if found:
                return make_attribution(toks, found, cue_text(toks, k, size))
    if cues and toks[cues[-1]].lower in PARTICIPLE_CUES:
        found = subject_before(toks, cues[-1], 0)
        if found and found[0] and toks[found[0] - 1].lower == "with":
            return make_attribution(toks, found, cue_text(toks, cues[-1], 1))  # 'with one ad asking, "..."'
    # 'has been accused of', 'was told': the subject of a passive cue is who is spoken of or to, not the speaker
    cues = [k for k in cues if not (k and toks[k - 1].lower in PASSIVE_BE)]
    if cues:  # 'adding, "..."': the speaker is the subject of the sentence
        for k in (k for k in cues if toks[k].lower not in PARTICIPLE_CUES):
            found = subject_before(toks, k, 0)
            if found:
                return make_attribution(toks, _titled(toks, found), cue_text(toks, k, cue_at(toks, k)))
        subject = _titled(toks, first_subject(toks, 0, len(toks), ctx.common))  # 'Tory co-chairman Liam Fox'
        return make_attribution(toks, subject, cue_text(toks, cues[-1], 1))
    if toks and toks[-1].text == ":":
        return make_attribution(toks, _colon_speaker(toks, ctx.common), None)
    return None


def _colon_speaker(toks: list[Token], common) -> tuple[int, int] | None:
    """Return the speaker of 'Name: "..."' or '... - Philip Bump: "..."', else the subject."""
    np = np_back(toks, len(toks) - 2, 0)
    if np and is_cap(toks[np[1]].text) and (np[0] == 0 or toks[np[0] - 1].text in DASHES):
        return np
    return first_subject(toks, 0, len(toks) - 1, common)


def colon_intro(ctx: Context, quote: Found) -> Attribution | None:
    """Attribute a quote that opens a paragraph after a line ending 'He said:'."""
    para = ctx.paragraphs[quote.para]
    if quote.para == 0 or ctx.text[para.start:quote.outer_start].strip():
        return None
    prev = ctx.paragraphs[quote.para - 1]
    if not ctx.text[prev.start:prev.end].rstrip().endswith(":"):
        return None
    sentence = ctx.sentences[quote.para - 1][-1]
    return _cue_before(ctx, sentence[0], sentence[1])

