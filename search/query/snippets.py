"""Highlighted, HTML-safe snippets: escape the stored text first, then mark the query's words."""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape as html_escape
from itertools import compress

from markupsafe import escape

from ..whoosh_ext.analysis import WORDS, index_word

SNIPPET_CHARS = 240
SURROUND = 70  # characters of context kept either side of the matches
BETWEEN = " … "  # inserted raw between fragments, so it must stay plain text
MARK = '<mark class="hit term{}">{}</mark>'  # term0..term4 as Whoosh's HtmlFormatter named them
SPACE = re.compile(r"\s")
TO_LAST_SPACE = re.compile(r".*\s", re.S)


def query_terms(query, reader, field: str) -> frozenset[str]:
    """Return the query's terms in ``field`` that the index holds (any pattern expanded)."""
    found = query.existing_terms(reader, expand=True, fieldname=field)
    return frozenset(text.decode("utf-8") for _, text in found)


def excerpt(text: str | None, limit: int = SNIPPET_CHARS) -> str:
    """Return an escaped opening excerpt, for hits whose match is not in this text."""
    text = " ".join((text or "").split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return str(escape(text))


def matches(text: str, terms: frozenset[str]) -> list[tuple[int, int, str]]:
    """Return (start, end, term) of each word of ``text`` that the index stores as one of ``terms``."""
    parts = WORDS.split(text)  # capturing: [gap, word, gap, word, ...]
    words = parts[1::2]
    # split, map over the cached stemmer, compress: no Python bytecode runs per word, only per match.
    found, at, done = [], 0, 0
    for k in compress(range(len(words)), map(terms.__contains__, map(index_word, words))):
        at += sum(map(len, parts[done:2 * k + 1]))  # offsets from the lengths before the word
        done = 2 * k + 1
        found.append((at, at + len(words[k]), index_word(words[k])))
    return found


def runs(found: list[tuple], maxchars: int, surround: int) -> list[list[tuple]]:
    """Group matches close enough together (gap within ``surround``) to share one fragment."""
    groups, run = [], [found[0]]
    for match in found[1:]:
        if match[0] - run[-1][1] <= surround and match[1] - run[0][0] <= maxchars:
            run.append(match)
        else:
            groups.append(run)
            run = [match]
    groups.append(run)
    return groups


def window(text: str, run: list[tuple], floor: int, maxchars: int, surround: int) -> tuple[int, int]:
    """Return (start, end) of the fragment around ``run``: within ``maxchars``, cut at spaces."""
    first, last = run[0][0], run[-1][1]
    room = max(0, maxchars - (last - first))
    lo = max(floor, first - min(surround, room // 2))
    # Context unused before a match at the very start goes after it, as Whoosh's fragmenter does.
    hi = min(len(text), last + min(room - (first - lo), 2 * surround - (first - lo)))
    if lo > 0 and not text[lo - 1].isspace():  # never show half a word
        cut = SPACE.search(text, lo, first)
        lo = cut.end() if cut else first
    if hi < len(text) and not text[hi].isspace():
        cut = TO_LAST_SPACE.match(text, last, hi)
        hi = cut.end() if cut else last
    return lo, hi


@lru_cache(maxsize=64)  # one query's terms serve every hit on its page
def term_classes(terms: frozenset[str]) -> dict[str, int]:
    """Return each term's CSS class number, the same for every hit of one query."""
    return {term: i % 5 for i, term in enumerate(sorted(terms))}


def mark(text: str, lo: int, hi: int, inside: list[tuple], classes: dict[str, int]) -> str:
    """Return ``text[lo:hi]`` HTML-escaped, each match wrapped in its <mark>."""
    out, at = [], lo
    for start, end, term in inside:
        out.append(html_escape(text[at:start], quote=False))
        out.append(MARK.format(classes[term], html_escape(text[start:end], quote=False)))
        at = end
    out.append(html_escape(text[at:hi], quote=False))
    return "".join(out)


def snippet(text: str | None, terms: frozenset[str], maxchars: int = SNIPPET_CHARS,
            surround: int = SURROUND, top: int = 2) -> str:
    """Return up to ``top`` escaped fragments of ``text`` with ``terms`` marked, else an excerpt."""
    terms = frozenset(terms)
    found = matches(text, terms) if text and terms else []
    if not found:
        return excerpt(text)
    # Whoosh's fragment score: matches times distinct terms. The sort is stable: ties keep the earlier.
    by_score = sorted(runs(found, maxchars, surround), key=lambda run: -len(run) * len({m[2] for m in run}))
    classes, fragments, floor = term_classes(terms), [], 0
    for run in sorted(by_score[:top]):  # shown in text order
        lo, hi = window(text, run, floor, maxchars, surround)
        # The context may reach a match of a run not chosen: it is marked too.
        fragments.append(mark(text, lo, hi, [m for m in found if lo <= m[0] and m[1] <= hi], classes))
        floor = hi  # a fragment's context never repeats text its predecessor showed
    return " ".join(BETWEEN.join(fragments).split())
