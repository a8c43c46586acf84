"""Speakers found outside a quote's own sentence: the sentence before, dash lines, transcripts."""
from __future__ import annotations

import bisect
import math
import re

from ...models import Span
from .context import UNNAMED, Attribution, Context, make_attribution, paragraph_of
from .cues import cue_at, cue_source
from ..lexicon.words import CUE_WORDS, SPEECH_NOUNS
from ..text.phrases import QUOTE_MARKS, first_subject, np_after, np_back
from ..quotes.spans import Found
from ..text.sentences import sentence_at, tokens
from ..lexicon.grammar import PASSIVE_BE
from ..lexicon.people import NOT_SPEAKERS
from ..speakers.identities import person_shaped

DASH_LINE = re.compile(r"\s*\n\s*[-–—]+\s*([^\n]{2,150})")
TRANSCRIPT = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")
DASHES = frozenset("-–—")
QA_LINE = re.compile(r"(?:\*\*)?([QA])[:.](?:\*\*)?\s+(?:\*\*\s*)?")  # 'Q: ...', '**A:** ...'
PERSON_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){1,2}\b")
RAISED = frozenset("to as saying".split())  # 'is alleged to have said', 'was quoted as saying': the subject speaks
CONTINUED_PARAGRAPHS = 3  # unlabelled paragraphs a transcript turn may run on before the next label
QUOTE_MARK = re.compile("[" + "".join(sorted(QUOTE_MARKS)) + "]")
PASSIVE_REACH = 4  # tokens before a quote read for 'was accused of', 'were urged to'


def previous_subject(ctx: Context, quote: Found) -> Attribution | None:
    """Return the speaker set up by the sentence before a quote ('Clinton touted ... "We ..."')."""
    sentences = ctx.sentences[quote.para]
    here = max(0, bisect.bisect_right(sentences, (quote.outer_start, math.inf)) - 1)
    if here == 0:
        if quote.para == 0 or ctx.text[ctx.paragraphs[quote.para].start:quote.outer_start].strip():
            return None
        lo, hi = ctx.sentences[quote.para - 1][-1]
    else:
        lo, hi = sentences[here - 1]
    toks = tokens(ctx.masked, lo, hi)
    if any(t.text in QUOTE_MARKS for t in toks):
        return None  # a sentence with its own quote already has its own speaker
    cues = [k for k in range(len(toks)) if cue_at(toks, k)]
    for k in cues:
        np = cue_source(toks, k, cue_at(toks, k))
        if np:
            return make_attribution(toks, np, None)
    return make_attribution(toks, first_subject(toks, 0, len(toks), ctx.common), None)


def possessive_source(ctx: Context, quote: Found) -> Attribution | None:
    """Return 'his' of 'his call for "..."' or 'Trump's' of 'Trump's claim that "..."'."""
    lo, _ = sentence_at(ctx.sentences[quote.para], quote.outer_start)
    toks = tokens(ctx.masked, lo, quote.outer_start)
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].text in QUOTE_MARKS:
            return None  # an earlier quote sits between: that one owns the noun
        if toks[k].lower not in SPEECH_NOUNS:
            continue
        owner = toks[k - 1].text
        if owner.lower() in ("his", "her", "their"):
            return make_attribution(toks, (k - 1, k - 1), None)
        if owner.endswith(("'s", "’s")) and owner[:1].isupper():
            return make_attribution(toks, np_back(toks, k - 1, 0), None)
    return None


def passive_agent(ctx: Context, quote: Found) -> Attribution | None:
    """Return 'MPs' of 'the scheme was branded a "waste" by MPs': the speaker, not the subject."""
    lo, hi = sentence_at(ctx.sentences[quote.para], quote.outer_start)
    before = tokens(ctx.masked, lo, quote.outer_start)
    if not any(t.lower in PASSIVE_BE for t in before):
        return None
    after = tokens(ctx.masked, quote.outer_end, hi)
    k = 1 if after[:1] and after[0].text == "," else 0
    if len(after) > k + 1 and after[k].text == "by":
        return make_attribution(after, np_after(after, k + 1), None)
    # 'Ministers have been accused of "sleepwalking"', 'The government has been accused of underfunding research,
    # leading to a "brain-drain"': said by someone unnamed, never by the subject
    passive = _passive_cue(before) or (_passive_subject(before, ctx.common) and not any(t.text == "by" for t in before))
    return UNNAMED if passive and not any(t.text == "by" for t in after) else None


def _passive_subject(before, common) -> bool:
    """Return True when the sentence's subject is followed by a passive verb of saying ('has been accused of') and
    no other cue speaks later: 'is alleged to have told', 'was quoted saying', 'was asked ... he replied' are his."""
    subject = first_subject(before, 0, len(before), common)
    if subject is None:
        return False
    for m in range(subject[1] + 1, min(subject[1] + 1 + PASSIVE_REACH, len(before) - 2)):
        if before[m].lower in PASSIVE_BE and before[m + 1].lower in CUE_WORDS:
            return before[m + 2].lower not in RAISED and not any(
                cue_at(before, k) for k in range(m + 2, len(before)))
    return False


def _passive_cue(before) -> bool:
    """Return True when the words before a quote end in a passive verb of saying: 'was accused of', 'were told'."""
    for k in range(len(before) - 1, max(0, len(before) - PASSIVE_REACH), -1):
        if before[k].lower in CUE_WORDS and before[k - 1].lower in PASSIVE_BE:
            return True
    return False


def sentence_subject(ctx: Context, quote: Found) -> Attribution | None:
    """Return the subject of the quote's sentence when it has words besides the quote."""
    lo, hi = sentence_at(ctx.sentences[quote.para], quote.outer_start)
    toks = tokens(ctx.masked, lo, hi)
    if sum(t.text[:1].isalnum() for t in toks) < 3:
        return None
    return make_attribution(toks, first_subject(toks, 0, len(toks), ctx.common), None)


def dash_line(ctx: Context, quote: Found) -> Attribution | None:
    """Attribute a quote whose paragraph is followed by a line '– Name, tweeting'."""
    para = ctx.paragraphs[paragraph_of(ctx, quote.outer_end - 1)]
    if ctx.text[quote.outer_end:para.end].strip(" .,"):
        return None
    # Read the raw text: a repeated '- Sanders.' line is dropped from the kept paragraphs.
    line = DASH_LINE.match(ctx.text, para.end)
    if not line:
        return None
    toks = tokens(ctx.text, line.start(1), line.end(1))
    return make_attribution(toks, np_after(toks, 0), None)


def unquoted_transcript(text: str, paragraphs: list[Span], least: int) -> str:
    """Return text with the open mark before each transcript label blanked ('"WALLACE: ...' -> ' WALLACE: ...'),
    when at least ``least`` paragraphs open so: a quoted transcript's turns are its speakers' lines (same offsets)."""
    marked = [span.start for span in paragraphs
              if text[span.start:span.start + 1] in ('"', "“") and TRANSCRIPT.match(text, span.start + 1, span.end)]
    if len(marked) < least:
        return text
    chars = list(text)
    for at in marked:
        chars[at] = " "
    return "".join(chars)


def transcript_lines(text: str, paragraphs: list[Span], least: int) -> list[tuple[Span, Attribution, int, bool]]:
    """Return a transcript's lines (at least ``least`` labelled ones): (paragraph, speaker, where the speech starts,
    whether it continues the turn before). A turn's unlabelled paragraphs before the next label are its speech."""
    hits = [transcript_speaker(text, span) for span in paragraphs]
    if sum(1 for hit in hits if hit) < least:
        return []
    lines, speaker = [], None
    for i, (span, hit) in enumerate(zip(paragraphs, hits)):
        if hit:
            speaker = hit[0]
            lines.append((span, speaker, hit[1], False))
        elif speaker is not None and _continued_turn(text, paragraphs, hits, i):
            lines.append((span, speaker, span.start, True))
        else:
            speaker = None  # the writer's own paragraph ends the turn
    return lines


def _continued_turn(text: str, paragraphs: list[Span], hits: list, i: int) -> bool:
    """Return True when paragraphs[i] and the few unlabelled ones after it lead to the next label, unquoted."""
    for j in range(i, min(i + CONTINUED_PARAGRAPHS, len(paragraphs))):
        if hits[j]:
            return True
        if QUOTE_MARK.search(text, paragraphs[j].start, paragraphs[j].end) or text[paragraphs[j].start] in "([":
            return False  # the writer quoting someone, or '(LAUGHTER)': no transcript speech
    return False


def transcript_speaker(text: str, span: Span) -> tuple[Attribution, int] | None:
    """Return the speaker of a transcript line 'WALLACE: ...' and where the speech starts."""
    match = TRANSCRIPT.match(text, span.start + (text[span.start:span.start + 1] == " "), span.end)
    if not match or match.end() >= span.end:
        return None
    if match.group(1).split()[-1] in NOT_SPEAKERS:
        return None
    return Attribution(match.start(1), match.end(1), None), match.end()


def interview_answers(ctx: Context, least: int) -> list[tuple[Span, int, Attribution]]:
    """Return a Q&A interview's answer lines ('A: ...'), where each answer starts, and who answers."""
    # the interviewee: the first person named before the first question ('The health secretary, Jane Cooper, spoke')
    marks = [(span, QA_LINE.match(ctx.text, span.start, span.end)) for span in ctx.paragraphs]
    questions = [span for span, mark in marks if mark and mark.group(1) == "Q"]
    answers = [(span, mark.end()) for span, mark in marks if mark and mark.group(1) == "A" and mark.end() < span.end]
    if len(answers) < least or not questions:
        return []
    who = next((m for m in PERSON_NAME.finditer(ctx.text, 0, questions[0].start) if person_shaped(m.group())), None)
    if who is None:
        return []
    return [(span, begin, Attribution(who.start(), who.end(), None)) for span, begin in answers]


def continued(ctx: Context, found: list[Found], picks: list, i: int) -> Attribution | None:
    """Return the speaker of a quote that opened in an earlier paragraph and closes in this one."""
    para = found[i].para
    earlier = [j for j in range(i) if picks[j] and para in (found[j].para, paragraph_of(ctx, found[j].outer_end - 1))]
    return picks[earlier[-1]] if earlier else None


def neighbour(ctx: Context, found: list[Found], picks: list, i: int) -> Attribution | None:
    """Return the speaker of the quote before, when this one opens the next paragraph (speech going on)."""
    quote = found[i]
    if i > 0 and found[i - 1].para == quote.para - 1 and _opens(ctx, quote):
        return picks[i - 1]
    return None


def _opens(ctx: Context, quote: Found) -> bool:
    """Return True when the quote starts its paragraph (a speaker's speech continuing)."""
    return not ctx.text[ctx.paragraphs[quote.para].start:quote.outer_start].strip()
