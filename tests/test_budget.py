"""A search whose time budget is spent stops, says so, and is not cached as a whole answer."""
from __future__ import annotations

import pytest

from search.index.indexer import open_index
from search.index.store import IndexStore
from search.query import budget
from search.query.budget import Deadline
from search.query.parse import SearchParams, parse_text
from search.query.searcher import WhooshSearcher
from search.whoosh_ext.postings import matching_docs
from search.whoosh_ext import ranking


class Counting:
    """An expiry check that says True from its n-th question on, and counts the questions."""

    def __init__(self, after: int):
        self.after, self.asked = after, 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked > self.after


def test_a_spent_budget_stops_the_search_with_a_note_and_no_cache(seeds_index):
    searcher = WhooshSearcher(seeds_index, time_budget=0)
    stopped = searcher.search(SearchParams(q="brotherly"))
    assert stopped.total == 0 and "stopped" in stopped.notes[-1] and stopped.suggestion is None
    searcher.time_budget = 60
    whole = searcher.search(SearchParams(q="brotherly"))
    assert whole.total > 0 and whole.hits and not any("stopped" in n for n in whole.notes)


@pytest.mark.parametrize("skip_to_max", [0, 2000])  # Whoosh's block-skipping collector, and ours
def test_matching_and_ranking_stop_at_the_first_question_after_expiry(seeds_index, monkeypatch, skip_to_max):
    monkeypatch.setattr(ranking, "SKIP_TO_MAX", skip_to_max)
    with open_index(IndexStore(seeds_index).current_dir()).searcher() as searcher:
        query = parse_text('"brotherly attitude" OR troops', searcher.schema)[0]
        everything = sorted(matching_docs(searcher, query))
        check = Counting(after=0)
        assert matching_docs(searcher, query, check) == set() and check.asked == 1
        check = Counting(after=2)
        results = ranking.ranked(searcher, query, everything, 10, expired=check)
        assert results.scored_length() == 2 < len(everything) and check.asked == 3


def test_a_deadline_remembers_it_was_hit():
    deadline = Deadline(0)
    assert deadline() and deadline.hit and "0 s" in deadline.note()
    assert not Deadline(60)()


class Flips:
    """A cancellation check that says True from its n-th question on, and counts the questions."""

    def __init__(self, after: int):
        self.after, self.asked = after, 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked > self.after


@pytest.fixture
def every_question(monkeypatch):
    monkeypatch.setattr(budget, "CANCEL_EVERY", 1)  # each of the deadline's questions asks the client


def test_a_cancelled_search_stops_at_the_first_question_after_cancelling(seeds_index, every_question):
    whole = WhooshSearcher(seeds_index, time_budget=60).search(SearchParams(q=""))
    searcher, gone = WhooshSearcher(seeds_index, time_budget=60), Flips(after=5)
    stopped = searcher.search(SearchParams(q=""), cancelled=gone)
    assert gone.asked == 6 and stopped.total <= 5 < whole.total
    assert "cancelled" in stopped.notes[-1] and stopped.suggestion is None
    assert searcher.search(SearchParams(q="")).total == whole.total  # the cut answer was not cached


def test_a_cancelled_export_stops_and_says_so(seeds_index, every_question):
    searcher = WhooshSearcher(seeds_index, time_budget=60)  # exports are not cached
    whole = searcher.export(SearchParams(q=""), 10_000)
    total = whole.total
    assert len(list(whole.records)) == total > 10 and whole.notes == []
    gone = Flips(after=total + 3)  # the matching passes; the ranking is cut
    cut = searcher.export(SearchParams(q=""), 10_000, cancelled=gone)
    assert cut.total == total and len(list(cut.records)) == cut.exported < total and "cancelled" in cut.notes[-1]
    assert gone.asked == total + 4


def test_an_export_says_what_limited_it(seeds_index):
    searcher = WhooshSearcher(seeds_index)
    found = searcher.export(SearchParams(q="*e*"), 10)
    assert found.total == 0 and list(found.records) == [] and any("wildcard" in n.lower() for n in found.notes)
    found = searcher.export(SearchParams(q=""), 3)
    assert len(list(found.records)) == 3 < found.total
    assert found.notes == [f"Only the first 3 of {found.total} results were exported."]


def test_a_cancellation_is_asked_once_per_stretch_of_questions(monkeypatch):
    monkeypatch.setattr(budget, "CANCEL_EVERY", 4)
    gone = Flips(after=1)
    deadline = Deadline(60, gone)
    answers = [deadline() for _ in range(6)]
    assert answers == [False] * 4 + [True] * 2 and gone.asked == 2 and deadline.cancelled
