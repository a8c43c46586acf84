"""Snippets mark exactly the words Whoosh would, escape the text first, and keep the best fragments."""
from __future__ import annotations

import random
import re

import pytest
from whoosh import highlight
from whoosh.analysis import RegexTokenizer, StemmingAnalyzer

from search.query.snippets import BETWEEN, SNIPPET_CHARS, excerpt, snippet
from search.whoosh_ext.analysis import WORDS

ANALYZER = StemmingAnalyzer()  # the body field's analyzer (search/index/schema.py)
MARKED = re.compile(r'<mark class="hit term\d">(.*?)</mark>')
TAGS = re.compile(r"<[^>]*>")


def terms(query: str) -> frozenset[str]:
    """The body terms a plain query parses to."""
    return frozenset(t.text for t in ANALYZER(query))


def marked(html: str) -> list[str]:
    return MARKED.findall(html)


def whoosh_marked(text: str, words: frozenset[str]) -> list[str]:
    """Every word Whoosh's own highlighter marks in the whole text, in order."""
    formatter = highlight.HtmlFormatter(tagname="mark", classname="hit", between=BETWEEN)
    whole = highlight.WholeFragmenter(charlimit=None)
    html = highlight.highlight(text, words, ANALYZER, whole, formatter, top=1)
    return marked(html)


def test_marks_stemmed_case_insensitive_matches_but_never_a_stopword():
    html = snippet("The Elections were held. Voters ELECTED the mayor and the council.", terms("elect the"))
    assert marked(html) == ["Elections", "ELECTED"]
    assert "The" not in marked(html) and "the" not in marked(html)
    text = "The mayor spoke to the council."
    assert snippet(text, frozenset({"the"})) == excerpt(text)  # even a stopword among the terms


def test_text_is_escaped_and_only_our_marks_are_markup():
    text = 'The <script>alert("x")</script> mayor & the council said <b>no</b> to the mayor\'s plan.'
    html = snippet(text, terms("mayor"))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and " &amp; " in html and "&lt;b&gt;no&lt;/b&gt;" in html
    assert set(TAGS.findall(html)) == {'<mark class="hit term0">', "</mark>"}
    # A match inside the markup is marked after escaping, never re-opening a tag.
    html = snippet(text, terms("mayor script"))
    assert marked(html) == ["script", "script", "mayor", "mayor"]
    assert html.startswith('The &lt;<mark class="hit term1">script</mark>&gt;alert')
    assert set(TAGS.findall(html)) == {'<mark class="hit term0">', '<mark class="hit term1">', "</mark>"}


def test_fragments_with_most_matches_win_at_most_two_in_text_order():
    filler = " ".join(["lorem ipsum dolor sit amet"] * 12)  # longer than surround: separate fragments
    text = (f"Budget talk alone. {filler} The budget tax vote, budget again, tax. {filler} "
            f"A last budget mention. {filler} Tax budget tax budget tax finally. {filler} budget end.")
    html = snippet(text, terms("budget tax"))
    fragments = html.split(BETWEEN)
    assert len(fragments) == 2
    assert "The <mark" in fragments[0] and "finally" in fragments[1]  # the two richest, in text order
    assert html.count("<mark") == 4 + 5
    assert all(len(TAGS.sub("", f)) <= SNIPPET_CHARS for f in fragments)
    # Distinct terms count more than repeats (Whoosh's score): 2 matches x 2 terms beat 3 x 1.
    varied = snippet(f"budget, budget, budget. {filler} budget and tax.", terms("budget tax"), top=1)
    assert "tax" in varied and varied.count("<mark") == 2
    # Ties go to the earlier fragment.
    tied = snippet(f"first budget. {filler} second budget. {filler} third budget.", terms("budget"))
    assert "first" in tied and "second" in tied and "third" not in tied


def test_long_runs_of_matches_stay_within_the_length_bound_and_never_repeat_text():
    text = " ".join(f"budget n{i:03d} and a few more words" for i in range(40))
    fragments = snippet(text, terms("budget")).split(BETWEEN)
    assert len(fragments) == 2 and all(len(TAGS.sub("", f)) <= SNIPPET_CHARS for f in fragments)
    shown = re.findall(r"n\d{3}", " ".join(fragments))
    assert len(shown) == len(set(shown)) > 4
    # Matches 100 chars apart: separate fragments whose 70-char contexts would overlap.
    text = " ".join(f"n{i:03d}" if i % 20 else "budget" for i in range(1, 80))
    html = snippet(text, terms("budget"))
    shown = re.findall(r"n\d{3}", html)
    assert len(shown) == len(set(shown)) > 20  # the shared context is shown once
    assert TAGS.sub("", html).count("budget") == len(marked(html))  # a match in context is marked too


def test_no_match_falls_back_to_the_opening_excerpt():
    text = "A  long\n\narticle <with> markup. " * 30
    assert snippet(text, terms("zebra")) == excerpt(text)
    assert snippet(text, frozenset()) == excerpt(text)
    assert snippet(None, terms("zebra")) == ""


PARAGRAPHS = [
    "Russia's ambassador to North Korea, Alexander Matsegora, said the countries' ties were "
    "\"brotherly\". Pyongyang has sent troops; Moscow sends oil, food and 3.5 million tonnes of grain.",
    "The U.S. elections in 2024 drew record turnout: voters elected governors in 11 states, and "
    "electing judges was on the ballot too. Government officials governed by e-mail.",
    "Analysts say it's an is-it-or-isn't-it question; the minister's re-election, if any, "
    "would be a first since 1991 — \"we will see\", she told reporters at the U.N. on Friday.",
]


@pytest.mark.parametrize("query", ["russia brotherly ambassador", "elections govern states",
                                   "election minister first", "the troops oil", "u.s ballot 2024"])
def test_marks_the_same_words_as_whoosh(query, seeds_dir):
    texts = PARAGRAPHS + [p.read_text() for p in sorted(seeds_dir.glob("*.txt"))]
    words = terms(query)
    for text in texts:
        whole = snippet(text, words, maxchars=len(text), surround=len(text), top=1)
        assert marked(whole) == whoosh_marked(text, words), text[:60]


def test_wildcard_expansions_mark_like_whoosh():
    text = PARAGRAPHS[1]
    words = frozenset(t.text for t in ANALYZER(text) if t.text.startswith("gov"))  # what gov* expands to
    whole = snippet(text, words, maxchars=len(text), surround=len(text), top=1)
    assert marked(whole) == whoosh_marked(text, words) == ["governors", "Government", "governed"]


def test_tokens_are_whooshs_tokens():
    rng = random.Random(7)
    alphabet = "ab*._-' \nÉß1\u2019"  # word chars, the tokenizer's dot and star, punctuation, non-ASCII
    tokenizer = RegexTokenizer()  # StemmingAnalyzer's tokenizer, default expression
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert WORDS.split(text)[1::2] == [t.text for t in tokenizer(text)], repr(text)
