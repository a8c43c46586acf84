"""A search whose time budget is spent stops, says so, and is not cached as a whole answer."""
from __future__ import annotations

import pytest

from search.index.indexer import open_index
from search.index.store import IndexStore
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
