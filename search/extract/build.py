"""Turn found spans and attributions into the Quote, Claim and Figure records."""
from __future__ import annotations

import bisect

from ..models import Claim, Figure, Quote
from .attribution import attribute
from .context import Attribution, Context, found_by, paragraph_of
from .fallbacks import possessive_source, previous_subject, sentence_subject, transcript_speaker
from .claim_sources import described, is_named
from .claims import RawClaim
from .figures import find_figures, topic_key
from .quotes import Found
from .speakers import Resolver, strip_name

QUOTE_WORDS = 6  # a quoted span this long is speech, not a scare-quoted word or title
TRANSCRIPT_LINES = 2
TITLE_JOINS = frozenset("a an the of and for in on with to at".split())  # one 'NAME:' line is a heading; several make a transcript


def build_quotes(ctx: Context, found: list[Found], resolver: Resolver, ranker) -> list[Quote]:
    """Return Quote records for the found spans (speakers picked by ranker), plus transcript lines."""
    attributions = [attribute(ctx, quote) for quote in found]
    kinds = [_kind(ctx, quote, attr) for quote, attr in zip(found, attributions)]
    attributions = _inherit(ctx, found, attributions, kinds)
    cache: dict = {}
    # A fragment nobody is reported as saying (a scare-quoted word in the writer's own
    # sentence, a show's title) is left out: it is no one's words.
    quotes = [_quote(ctx, q.start, q.end, kind, ranker.choose(ctx, q, attr, cache), resolver)
              for q, attr, kind in zip(found, attributions, kinds)
              if kind == "quote" or (attr is not None and not _is_title(ctx.text[q.start:q.end]))]
    quotes += _transcript_quotes(ctx, found, resolver)
    return sorted(quotes, key=lambda q: q.start)


def _quote(ctx: Context, start, end, kind, attr: Attribution | None, resolver) -> Quote:
    if attr is None:
        return Quote(text=ctx.text[start:end], start=start, end=end, kind=kind)
    mention = ctx.text[attr.start:attr.end]
    return Quote(text=ctx.text[start:end], start=start, end=end, kind=kind,
                 speaker=resolver.canonical(mention, attr.start), speaker_mention=mention,
                 speaker_start=attr.start, speaker_end=attr.end, cue=attr.cue)


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


def _is_title(phrase: str) -> bool:
    """Return True for 'Good Morning America': a name or title, nobody's words."""
    words = [w for w in phrase.strip(" ,.!?").split() if w.lower() not in TITLE_JOINS]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w == "&" for w in words)


def _inherit(ctx, found, attributions, kinds):
    """Give an unattributed quote the speaker of its neighbour in the paragraph."""
    result = list(attributions)
    for i, quote in enumerate(found):
        if result[i] is not None:
            continue
        result[i] = (found_by(possessive_source(ctx, quote), "possessive")
                     or found_by(sentence_subject(ctx, quote), "subject"))
        if result[i] is not None or kinds[i] != "quote":
            continue
        # A quote that opened in an earlier paragraph and closes in this one shares its speaker.
        earlier = [j for j in range(i) if result[j]
                   and quote.para in (found[j].para, paragraph_of(ctx, found[j].outer_end - 1))]
        if earlier:
            result[i] = found_by(result[earlier[-1]], "continued")
            continue
        result[i] = found_by(previous_subject(ctx, quote), "previous")
        if result[i] is None and i > 0 and found[i - 1].para == quote.para - 1 and _opens(ctx, quote):
            result[i] = found_by(result[i - 1], "neighbour")
    return result


def _opens(ctx: Context, quote: Found) -> bool:
    """Return True when the quote starts its paragraph (a speaker's speech continuing)."""
    return not ctx.text[ctx.paragraphs[quote.para].start:quote.outer_start].strip()


def _transcript_quotes(ctx: Context, found: list[Found], resolver) -> list[Quote]:
    """Return 'WALLACE: ...' lines as quotes when the article reads as a transcript."""
    lines = [(span, transcript_speaker(ctx.text, span)) for span in ctx.paragraphs]
    lines = [(span, hit) for span, hit in lines if hit]
    if len(lines) < TRANSCRIPT_LINES:
        return []
    starts = [q.outer_start for q in found]
    quotes = []
    for span, (attr, begin) in lines:
        k = bisect.bisect_left(starts, span.start)
        if k < len(starts) and starts[k] < span.end:
            continue  # the line holds quote marks: those quotes carry the speech
        quotes.append(_quote(ctx, begin, span.end, "quote", attr, resolver))
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
            claimer_start=c.claimer_start, claimer_end=c.claimer_end, cue=c.cue, named=is_named(claimer)))
    return claims


def build_figures(ctx: Context, claims: list[Claim]) -> list[Figure]:
    """Return the figures of every kept sentence, with the claim that carries each."""
    figures = []
    for para, sentences in zip(ctx.paragraphs, ctx.sentences):
        for lo, hi in sentences:
            for raw in find_figures(ctx.text, lo, hi):
                claim = _claim_over(claims, lo, hi, raw.start)
                skip = (claim.claimer_start, claim.claimer_end) if claim else None
                figures.append(Figure(
                    value=raw.value, unit=raw.unit, text=ctx.text[raw.start:raw.end],
                    start=raw.start, end=raw.end, qualifier=raw.qualifier,
                    claimed_by=_claimer_name(claim), topic=topic_key(raw.lemma, ctx.text, lo, hi, skip)))
    return figures


def _claim_over(claims: list[Claim], lo: int, hi: int, pos: int) -> Claim | None:
    """Return the claim of the sentence [lo, hi) whose content holds pos."""
    inside = [c for c in claims if lo <= c.start < hi and c.start <= pos < c.end]
    return inside[0] if inside else None


def _claimer_name(claim: Claim | None) -> str | None:
    if claim is None or not claim.claimer_mention:
        return None
    mention = strip_name(claim.claimer_mention)
    # Named sources read better resolved; descriptions ("Western intelligence reports") as written.
    return claim.claimer if claim.claimer and " and " not in mention else mention
