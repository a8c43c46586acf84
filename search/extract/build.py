"""Turn found spans and attributions into the Quote, Claim and Figure records."""
from __future__ import annotations

import bisect
from dataclasses import replace

from ..models import Claim, Figure, Quote
from .attribution.context import UNNAMED, Attribution, Context
from .attribution.rules import attribute, inherit
from .attribution.fallbacks import interview_answers
from .claims.sources import described, is_named
from .claims.finder import RawClaim
from .figures.claimers import FigureSources
from .figures.finder import find_figures, harmed_measure, places_in, topic_key
from .quotes.mixed import is_title
from .lexicon.units import CROWD_NOUNS, ELIDED_HEADS, HARMS
from .lexicon.words import NAMING_CUES
from .quotes.spans import Found
from .speakers.names import is_person, titled_end
from .speakers.resolver import Resolver, strip_name

QUOTE_WORDS = 6  # a quoted span this long is speech, not a scare-quoted word or title
HARM_LEMMAS = frozenset(HARMS.values())  # what a count of harmed people counts: its lemma
TRANSCRIPT_LINES = 2


def build_quotes(ctx: Context, found: list[Found], resolver: Resolver, ranker, lines: list) -> list[Quote]:
    """Return Quote records for the found spans (speakers picked by ranker), plus the transcript's ``lines``
    (fallbacks.transcript_lines)."""
    attributions = [attribute(ctx, quote) for quote in found]
    kinds = [_kind(ctx, quote, attr) for quote, attr in zip(found, attributions)]
    attributions = inherit(ctx, found, attributions, kinds)
    cache: dict = {}
    # A fragment nobody is reported as saying (a scare-quoted word in the writer's own
    # sentence, a show's title) is left out: it is no one's words. One said by someone
    # unnamed ('was accused of "sleepwalking"') stays, credited to nobody.
    kept = [(q, attr, kind) for q, attr, kind in zip(found, attributions, kinds)
            if kind == "quote" or attr is UNNAMED or _reported_fragment(ctx, q, attr)]
    quotes = [piece for number, (q, attr, kind) in enumerate(kept, 1)
              for piece in _pieces(ctx, q, kind, None if attr is UNNAMED else ranker.choose(ctx, q, attr, cache),
                                   resolver, number)]
    number = len(kept)
    for quote, continued in _transcript_quotes(ctx, found, resolver, lines):
        number += not continued  # a turn's unlabelled paragraphs are pieces of its one utterance
        quotes.append(replace(quote, utterance=number))
    return sorted(quotes, key=lambda q: q.start)


def _reported_fragment(ctx: Context, found: Found, attr: Attribution | None) -> bool:
    """Return True for a fragment someone is reported as saying: not a title, unless the cue names something so."""
    if attr is None:
        return False
    return not is_title(ctx.text[found.start:found.end]) or (attr.cue or "").lower() in NAMING_CUES


def _pieces(ctx: Context, found: Found, kind, attr: Attribution | None, resolver, utterance: int) -> list[Quote]:
    """Return one Quote per piece of an utterance (numbered utterance), all with its speaker."""
    pieces = [_quote(ctx, start, end, kind, attr, resolver, utterance) for start, end in found.parts()]
    if attr is not None and pieces[0].speaker:
        resolver.note(attr.start, pieces[0].speaker)  # a later 'he said' may mean this speaker
    return pieces


def _quote(ctx: Context, start, end, kind, attr: Attribution | None, resolver, utterance: int | None = None) -> Quote:
    # the utterance's number given, not set after by dataclasses.replace: a copy of a frozen record costs twice its
    # making (9,000 quotes over BBC)
    if attr is None:
        return Quote(text=ctx.text[start:end], start=start, end=end, kind=kind, utterance=utterance)
    attr = replace(attr, end=titled_end(ctx.text, attr.end)) if ctx.text[attr.start:attr.start + 1].isupper() else attr
    mention = ctx.text[attr.start:attr.end]
    speaker, named = resolver.speaker(mention, attr.start)
    return Quote(text=ctx.text[start:end], start=start, end=end, kind=kind,
                 speaker=speaker, speaker_mention=mention, named=named,
                 speaker_start=attr.start, speaker_end=attr.end, cue=attr.cue, utterance=utterance)


def _kind(ctx: Context, quote: Found, attr: Attribution | None) -> str:
    """Return 'quote' for speech, 'fragment' for a short phrase quoted inside a sentence."""
    if quote.gaps or len(ctx.text[quote.start:quote.end].split()) >= QUOTE_WORDS:
        return "quote"
    para = ctx.paragraphs[quote.para]
    before = ctx.masked[para.start:quote.outer_start].rstrip()
    if not before or (attr is not None and before.endswith((",", ":"))):
        return "quote"
    if _whole_sentence(ctx.text[quote.start:quote.end], before):
        return "quote"
    ends_clause = ctx.text[quote.start:quote.end].rstrip()[-1:] in ",.!?"
    if attr is not None and ends_clause and quote.outer_end <= attr.start <= quote.outer_end + 40:
        return "quote"
    return "fragment"


def _whole_sentence(quoted: str, before: str) -> bool:
    """Return True for a quoted sentence standing alone ('… he said. "Taxpayers will pay."')."""
    quoted = quoted.strip()
    return before.endswith((".", "!", "?")) and quoted[:1].isupper() and quoted[-1:] in ".!?"


def _transcript_quotes(ctx: Context, found: list[Found], resolver, lines: list) -> list[tuple[Quote, bool]]:
    """Return a transcript's 'WALLACE: ...' lines as quotes, each flagged when it continues the turn before (an
    unlabelled paragraph of it)."""
    if not lines:  # else a Q&A interview's answers: 'A: ...' by the person it names first
        lines = [(span, attr, begin, False) for span, begin, attr in interview_answers(ctx, TRANSCRIPT_LINES)]
    if not lines:
        return []
    starts = [q.outer_start for q in found]
    quotes = []
    for span, attr, begin, continued in lines:
        k = bisect.bisect_left(starts, span.start)
        if k < len(starts) and starts[k] <= begin:
            continue  # the line's speech is in quote marks: that quote carries it (a title quoted inside does not)
        quotes.append((_quote(ctx, begin, span.end, "quote", attr, resolver), continued))
    return quotes


def build_claims(ctx: Context, raw: list[RawClaim], resolver: Resolver) -> list[Claim]:
    """Return Claim records with canonical claimers."""
    claims = []
    for c in raw:
        mention = ctx.text[c.claimer_start:c.claimer_end]
        # 'an analyst at a bank in Jakarta' is that analyst, not the name inside the description
        claimer = mention if described(mention) else resolver.canonical(mention, c.claimer_start)
        claims.append(Claim(
            text=ctx.text[c.start:c.end], start=c.start, end=c.end,
            claimer=claimer, claimer_mention=mention,
            claimer_start=c.claimer_start, claimer_end=c.claimer_end, cue=c.cue, named=is_named(claimer) and not resolver.common_word(claimer),
            form=c.form))
    return claims


# Who speaks, counted: 'two people with knowledge of the matter said' (a poll's '1,000 people' are more than a few).
SOURCE_COUNTS = frozenset("""
sources people persons officials diplomats analysts economists executives insiders aides lawyers advisers
""".split())
FEW_SOURCES = 10


def build_figures(ctx: Context, claims: list[Claim], quotes: list[Quote], resolver: Resolver) -> list[Figure]:
    """Return the figures of every kept sentence, with who claims each and what it measures."""
    sources = FigureSources(ctx, quotes, claims, resolver)
    # 'two people with knowledge of the matter', 'three officials': how many sources speak is no reported figure
    said_by = sorted([(c.claimer_start, c.claimer_end) for c in claims if c.claimer_start is not None]
                     + [(q.speaker_start, q.speaker_end) for q in quotes if q.speaker_start is not None])
    figures, crowd = [], None
    for n, (lo, hi) in enumerate(span for sentences in ctx.sentences for span in sentences):
        found = find_figures(ctx.text, lo, hi)
        if not found:
            continue  # most sentences hold none: nothing to filter, no crowd noun to note
        raws, crowd = _crowd_nouns([r for r in found if not _counts_sources(r, said_by)], crowd, n)
        if raws:
            places = places_in(ctx.text, lo, hi)
            figures += [_figure(ctx, raw, sources, places, (lo, hi)) for raw in raws]
    return figures


def _crowd_nouns(raws: list, crowd: tuple | None, n: int) -> tuple[list, tuple | None]:
    """Give a count whose noun is left out the people counted in its sentence or the one before (sentence n):
    'About 150,000 protesters marched. Organisers said 500,000 took part.'; return the last such count too."""
    out = []
    for raw in raws:
        if raw.elided and crowd and crowd[0] >= n - 1 and raw.lemma in HARM_LEMMAS:
            # 'killing 120 people and injuring more than 1,000': people, injured
            raw = replace(raw, unit=crowd[1], measure=harmed_measure(crowd[1], raw.lemma), elided=False)
        elif raw.elided and crowd and crowd[0] >= n - 1:
            raw = replace(raw, unit=crowd[1], lemma=crowd[2], measure=crowd[3], elided=False)
        elif raw.elided and raw.unit in ELIDED_HEADS:
            continue  # 'put the figure at 5,000' with no crowd before it counts nothing known
        elif raw.counted and not raw.elided and raw.unit.split()[-1].lower() in CROWD_NOUNS:
            crowd = (n, raw.unit, raw.lemma, raw.measure)
        out.append(raw)
    return out, crowd


def _counts_sources(raw, said_by: list[tuple[int, int]]) -> bool:
    """Return True for 'two sources', 'three officials' naming who speaks: a few people, inside a source's span."""
    return raw.unit in SOURCE_COUNTS and raw.value < FEW_SOURCES and _inside(said_by, raw.start, raw.end)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Return True when start..end lies inside one of the sorted spans."""
    k = bisect.bisect_right(spans, (start, float("inf")))
    return any(lo <= start and end <= hi for lo, hi in spans[max(0, k - 3):k])


def _person(name: str | None) -> bool:
    """Return True for a person's name, not a body's with a place in it ('Greenpeace Brazil')."""
    return bool(name) and is_person(name) and not places_in(name, 0, len(name)).keys


def _figure(ctx: Context, raw, sources: FigureSources, places, sentence: tuple[int, int]) -> Figure:
    source = sources.source(raw.start, sentence)
    claim = sources.claim_over(raw.start, sentence)
    skip = (claim.claimer_start, claim.claimer_end) if claim else None
    if claim and claim.end <= claim.claimer_start:
        skip = (claim.end, claim.claimer_end)  # a trailing tag's places are its source's: ', the EU's office X said'
    topic = topic_key(raw, places, skip)
    if skip and topic and ":" not in topic and _person(claim.claimer):
        topic = topic_key(raw, places, None)  # 'Brazilian President Lula pledged 3,000 troops': no other place, his
    return Figure(value=raw.value, unit=raw.unit, text=ctx.text[raw.start:raw.end], start=raw.start, end=raw.end,
                  qualifier=raw.qualifier, claimed_by=source.written if source else None,
                  topic=topic, measure=raw.measure,
                  claimer=source.canonical if source else None)
