"""Tokens and sentence boundaries over text whose quotations are masked out."""
from __future__ import annotations

import bisect
import math
import re
from itertools import accumulate, repeat
from typing import NamedTuple

from .accents import WORD_CHARS
from .work import step
from ..lexicon.words import ABBREVIATIONS

TOKEN = re.compile(r"[^\W_][\w’'\-]*|[^\w\s]")
# split() keeps the words it splits on. Its one first character class (what either branch opens with; what TOKEN
# skips is only spaces and '_') lets re skip gaps in C; a lookbehind then asks which branch it took (same matches)
TOKEN_SPLIT = re.compile(rf"([^\s_](?:(?<=[^\W_])[{WORD_CHARS}’'\-]*|(?<=[^\w\s])))")
# A stop then space before a capital, or a line break. It starts with one character class (what may open it) and
# asks which branch it is in by a lookbehind at the character taken: re then skips to the next stop or line break
# in C instead of starting a match at every position (3x faster; the matches of 'stop...|line break', in order).
LINE_BREAK = re.compile("\n")
END = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"”’)\]]*\s+(?=[\"“„«‘(\[A-Z0-9])|(?<=\n))")


class Token(NamedTuple):
    """A word or punctuation mark with its offsets into the article text."""

    text: str
    start: int
    end: int
    # text.lower(), made once with the token: the rules ask it of the same tokens millions of times over BBC
    lower: str


_new = tuple.__new__  # Token(...) without its generated __new__'s extra call: a million tokens over BBC
# One text's tokens by span (quote and claim finders ask again), its lines' tokens with their starts, and where
# its line breaks are (found once: a text of one long line would be searched back and forth for each span)
_MEMO: tuple[str | None, dict, dict, list] = (None, {}, {}, [])
MEMO_SPANS = 4096


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Return the tokens of text[start:end] with absolute offsets (a list shared by callers: read only)."""
    global _MEMO
    memo = _MEMO
    if memo[0] is not text:  # identity, not equality: one article's text is one object
        memo = _MEMO = (text, {}, {}, [])
    found = memo[1].get((start, end))
    if found is None:
        if not memo[3]:  # one slice assignment: two threads reading one text write the same list, never a mix
            memo[3][:] = [*(m.start() for m in LINE_BREAK.finditer(text)), len(text)]
        found = _in_line(text, start, end, memo[2], memo[3])
        step("tokens", len(found))
        if len(memo[1]) < MEMO_SPANS:
            memo[1][(start, end)] = found
    return found


def _in_line(text: str, start: int, end: int, lines: dict, breaks: list[int]) -> list[Token]:
    """Return the tokens of text[start:end] cut from its line's (no token holds a line break), so a line read for
    one span is not read again for another: a sentence, the tag after a quote and a clause of it are in one line.

    A scan from start meets the line's tokens from the first one starting at or after start, as nothing but spaces
    and '_' lies between tokens; a word cut by start or end is scanned as a scan of the span alone reads it."""
    k = bisect.bisect_left(breaks, start)  # the line's end: the first break at or after start (or the text's end)
    first, last = breaks[k - 1] + 1 if k else 0, breaks[k]
    if end > last:
        return _scan(text, start, end)  # a span over a line break: read alone
    line = lines.get(first)
    if line is None:
        toks = _scan(text, first, last)
        line = lines[first] = ([t.start for t in toks], toks)
    starts, toks = line
    i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    head = _scan(text, start, min(toks[i - 1].end, end)) if i and toks[i - 1].end > start else []
    if j > i and toks[j - 1].end > end:
        return head + toks[i:j - 1] + _scan(text, toks[j - 1].start, end)
    return head + toks[i:j]


def _scan(text: str, start: int, end: int) -> list[Token]:
    """Return the tokens of text[start:end], placed by the lengths of what split() puts between them.

    All in C: a split on the token pattern alternates gaps and words (findall's words, TOKEN matching no empty
    text and looking at no neighbour), their lengths summed give each word's offsets, and a map builds the tuples."""
    parts = TOKEN_SPLIT.split(text[start:end])
    offsets = list(accumulate(map(len, parts), initial=start))
    words = parts[1::2]
    return list(map(_new, repeat(Token), zip(words, offsets[1::2], offsets[2::2], map(str.lower, words))))


def only_paragraphs(text: str, paragraphs) -> str:
    """Return text with everything outside the paragraphs blanked (same offsets): front matter, dropped notes."""
    # A Markdown file's front matter ('source: Wire Service') is no sentence of the article: read back from a
    # figure, its outlet became who claimed it.
    parts, pos = [], 0
    for span in paragraphs:
        parts.append(_blank(text[pos:span.start]))
        parts.append(text[span.start:span.end])
        pos = span.end
    parts.append(_blank(text[pos:]))
    return "".join(parts)


def mask_quotes(text: str, spans) -> str:
    """Return text with each quotation's inside blanked, so its words and stops vanish."""
    parts, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        inner = text[start:end]
        # Keep the final stop: '"We won." Then...' still ends a sentence at the mark.
        tail = inner[-1] if inner and inner[-1] in ".!?" else ""
        parts.append(text[pos:start])
        parts.append(_blank(inner[:len(inner) - len(tail)]) + tail)
        pos = end
    parts.append(text[pos:])
    # Two apostrophes are a double quote mark (NYT style): tokens then see one mark each.
    return "".join(parts).replace("''", '""')


def _blank(text: str) -> str:
    """Return text with every character but a line break made a space (cheaper than a regex substitution)."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


def is_abbreviation(text: str, stop: int) -> bool:
    """Return True when the period at ``stop`` closes an abbreviation like 'Sen.'."""
    begin = stop
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] in ".-"):
        begin -= 1
    word = text[begin:stop].lower()
    party_state = len(word) > 2 and word[0] in "rdi" and word[1] == "-"
    return word in ABBREVIATIONS or (len(word) == 1 and text[begin].isupper()) or party_state


def sentence_spans(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split masked[start:end] into sentences, skipping abbreviation periods."""
    spans, begin = [], start
    for match in END.finditer(masked, start, end):
        if masked[match.start()] == "." and is_abbreviation(masked, match.start()):
            continue
        spans.append((begin, match.start() + 1))
        begin = match.end()
    if begin < end:
        spans.append((begin, end))
    return [(s, e) for s, e in spans if masked[s:e].strip()]


def sentence_at(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """Return the sentence span containing pos (or the nearest one before it)."""
    k = bisect.bisect_right(sentences, (pos, math.inf)) - 1
    return sentences[max(k, 0)]
