"""Extract quotes (with speakers), attributed claims and figures from an Article."""
from __future__ import annotations

from dataclasses import replace

from ..ingest.clean import is_editors_note
from ..models import STATEMENT, Article, Extraction
from .attribution.context import Context
from .attribution.fallbacks import transcript_lines, unquoted_transcript
from .build import TRANSCRIPT_LINES, build_claims, build_figures, build_quotes
from .claims.finder import cue_sentences, cue_subjects, find_claims
from .claims.tagger import default_tagger
from .quotes.mixed import one_attribution
from .quotes.single import as_double_quoted
from .quotes.spans import find_quotes
from .attribution.ranker.model import default_ranker
from .text.sentences import mask_quotes, only_paragraphs, sentence_spans
from .speakers.resolver import Resolver, lower_words


def extract(article: Article, ranker=None, judge=None, tagger=None) -> Extraction:
    """Return the quotes, claims and figures in the article's kept paragraphs."""
    # a correction speaks of the article's own text: what it says an earlier version said was never reported
    paragraphs = [p for p in article.paragraphs if not is_editors_note(article.text[p.start:p.end])]
    titled = _headline_first(article, paragraphs)
    text = as_double_quoted(only_paragraphs(article.text, paragraphs), paragraphs, titled)  # British 'quotes'
    text = unquoted_transcript(text, paragraphs, TRANSCRIPT_LINES)  # '"WALLACE: ...' turns are lines, not quotes
    found = find_quotes(text, paragraphs)
    # a transcript's turns are speech like quotations: what is said inside names no source of its own
    lines = transcript_lines(text, paragraphs, TRANSCRIPT_LINES)
    turns = [(begin, span.end) for span, _, begin, _ in lines]
    masked = mask_quotes(text, sorted([part for q in found for part in q.parts()] + turns))
    sentences = [sentence_spans(masked, p.start, p.end) for p in paragraphs]
    ctx = Context(text, masked, paragraphs, sentences, lower_words(text), titled)
    resolver = Resolver(text, ((span, text[span.start:span.end]) for span in paragraphs), ctx.common, titled)
    # Named speakers first, so "he" can resolve to whoever spoke last before it.
    cued = cue_sentences(ctx, judge)
    for start, end in cue_subjects(cued):
        resolver.note(start, resolver.canonical(text[start:end], start))
    raw = find_claims(ctx, cued, judge)
    tagged = (tagger or default_tagger()).propose(ctx, raw)  # what the rules missed
    # Quotes before claims: a claim's 'He added that ...' may mean who was quoted just before.
    quotes = build_quotes(ctx, found, resolver, ranker or default_ranker(), lines)
    claims = build_claims(ctx, raw, resolver)
    # a tagged claim whose source resolves to nobody ('I', 'they' unresolved) would be no one's on a speaker page
    claims = sorted(claims + [c for c in build_claims(ctx, tagged, resolver) if c.claimer], key=lambda c: c.start)
    quotes, claims = one_attribution(ctx, quotes, claims)
    # an act ('unveiled a product') asserts no figure inside it: only statements tell who claims one
    figures = build_figures(ctx, [c for c in claims if c.form == STATEMENT], quotes, resolver)
    if text != article.text:  # the records show the article's own marks
        quotes = [replace(q, text=article.text[q.start:q.end]) for q in quotes]
        claims = [replace(c, text=article.text[c.start:c.end]) for c in claims]
    return Extraction(quotes, claims, figures)


def _headline_first(article: Article, paragraphs: list) -> bool:
    """Return True when the first kept paragraph is the headline (a text file's first line), not the lead."""
    # Markdown front matter, JSON Lines and web pages give the title apart: their first paragraph is the story's.
    if not paragraphs or article.format == "txt" or not article.title:
        return True
    first = article.text[paragraphs[0].start:paragraphs[0].end]
    return " ".join(first.split()).lstrip("# ") == " ".join(article.title.split())
