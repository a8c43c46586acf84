"""Wildcards and ranges are bounded by the work they do: words expanded and vocabulary entries read."""
from __future__ import annotations

import string

import pytest
from whoosh import query as wq

from search.index import indexer
from search.index.indexer import open_index
from search.index.schema import make_schema
from search.index.store import IndexStore
from search.query import expansion
from search.query.expansion import expand
from search.query.parse import SearchParams, parse_text
from search.query.searcher import WhooshSearcher
from tests.helpers import write

SCHEMA = make_schema()
# 26 letters x 120 made-up words: more words per letter than one pattern may stand for.
WORDS = [f"{first}{second}{third}{fourth}ex" for first in string.ascii_lowercase
         for second in "bcdfghjklm" for third in "aeiouy" for fourth in "rs"]


@pytest.fixture(scope="module")
def wordy_index(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("wordy")
    for n in range(0, len(WORDS), 260):
        body = " ".join(WORDS[n:n + 260])
        write(corpus / f"{n:04d}.txt", f"Made-up words number {n}\n\nTroops and {body}.\n")
    root = tmp_path_factory.mktemp("wordy-index")
    indexer.build(corpus, root)
    return root


@pytest.fixture
def reader(wordy_index):
    with open_index(IndexStore(wordy_index).current_dir()).searcher() as whoosh:
        yield whoosh.reader()


def patterns_of(query) -> list:
    return [leaf for leaf in query.leaves() if isinstance(leaf, wq.MultiTerm)]


def test_one_pattern_stands_for_at_most_its_share_of_words(reader):
    found = expand(parse_text("b*", SCHEMA)[0], reader)
    assert not patterns_of(found.query)
    body = [t for f, t in found.query.iter_all_terms() if f == "body"]
    assert 0 < len(body) <= expansion.TERMS_PER_PATTERN < 120 and all(t.startswith("b") for t in body)
    assert found.terms <= expansion.TERMS_PER_QUERY and "at most" in found.notes[0]


def test_every_letter_at_once_stays_within_the_query_budget(reader, monkeypatch):
    monkeypatch.setattr(expansion, "SCAN_PER_QUERY", 600)
    q = " OR ".join(f"{c}*" for c in string.ascii_lowercase)
    found = expand(parse_text(q, SCHEMA)[0], reader)
    assert found.terms <= expansion.TERMS_PER_QUERY
    assert len(list(found.query.leaves())) <= expansion.TERMS_PER_QUERY
    assert found.scanned <= 600
    assert found.notes


def test_more_patterns_than_the_budget_are_cut_with_a_note(reader, monkeypatch):
    monkeypatch.setattr(expansion, "TERMS_PER_QUERY", 9)  # 3 words x 3 fields > 9 patterns' share
    found = expand(parse_text("a* OR b* OR c* OR d*", SCHEMA)[0], reader)
    assert found.terms <= 9 and any("only the first 9" in note for note in found.notes)


def test_a_pattern_that_matches_little_is_searched_whole_without_a_note(reader):
    found = expand(parse_text("zbar*", SCHEMA)[0], reader)
    assert {t for f, t in found.query.iter_all_terms() if f == "body"} == {"zbarex"} and not found.notes


def test_ranges_are_bounded_like_wildcards(reader):
    found = expand(parse_text("[a TO z]", SCHEMA)[0], reader)
    assert not patterns_of(found.query) and found.terms <= expansion.TERMS_PER_QUERY and found.notes


def test_a_query_without_patterns_is_untouched(reader):
    query = parse_text('troops "made up"', SCHEMA)[0]
    found = expand(query, reader)
    assert found.query == query and found.scoring is None and found.terms == found.scanned == 0


def test_the_ranking_query_leaves_patterns_out(reader):
    assert isinstance(expand(parse_text("b* c*", SCHEMA)[0], reader).scoring, wq.Every)
    scoring = expand(parse_text("troops b*", SCHEMA)[0], reader).scoring
    assert {t for _, t in scoring.iter_all_terms()} == {"troop", "troops"}


def test_a_pattern_matching_nothing_still_narrows_an_and(wordy_index):
    searcher = WhooshSearcher(wordy_index)
    assert searcher.search(SearchParams(q="troops")).total > 0
    assert searcher.search(SearchParams(q="troops qqq*")).total == 0


def test_pages_note_the_limit_and_mark_the_expanded_words(wordy_index):
    page = WhooshSearcher(wordy_index).search(SearchParams(q="b*", filters={"kind": ("article",)}))
    assert page.total and any("at most" in note for note in page.notes)
    assert all('<mark class="hit' in hit["snippet"] for hit in page.hits)


def test_leading_wildcards_do_no_work(wordy_index):
    page = WhooshSearcher(wordy_index).search(SearchParams(q="*a* *e* *i* *o*"))
    assert page.total == 0 and "wildcard" in page.notes[0]
