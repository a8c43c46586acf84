"""Did-you-mean offers the nearest word in the index, not merely the most frequent one nearby."""
from __future__ import annotations

import pytest

from search.index import indexer
from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher
from tests.helpers import write

COMMON = "It was a good day, and into the night it was good again. " * 20


@pytest.fixture(scope="module")
def names_index(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("names")
    write(corpus / "a.txt", f"A good week for the minister\n\n{COMMON}\n")
    write(corpus / "b.txt", "Gordon Ramsey sells the Zune\n\nGordon Ramsey said the Zune and the iPod "
                            "will sell into the new year.\n")
    # Names the text never uses: an author and an outlet from the metadata, a speaker known by another name.
    write(corpus / "c.md", "---\ntitle: Harbour notes\nauthor: Liam Lykke\nsource: newser.example\n---\n\n"
                           "It looked like the harbour would never open again, the mayor said.\n")
    root = tmp_path_factory.mktemp("names-index")
    indexer.build(corpus, root)
    return root


@pytest.mark.parametrize("q, suggestion", [("Gordn Ramsey", "gordon Ramsey"), ("iPdo", "ipod"),
                                           ("Zuen", "zune"), ("goood", "good")])
def test_the_nearest_word_wins_over_a_more_frequent_one(names_index, q, suggestion):
    page = WhooshSearcher(names_index).search(SearchParams(q=q))
    assert page.total == 0 and page.suggestion == suggestion


@pytest.mark.parametrize("q", ["url:gordn", "start:x", "date:[a TO b]", 'topic:""~body:', "quotes:Gordn"])
def test_field_prefixes_never_break_the_suggestion(names_index, q):
    page = WhooshSearcher(names_index).search(SearchParams(q=q))
    assert page.suggestion is None or "gordon" in page.suggestion


def test_only_the_first_few_unknown_words_are_corrected(names_index):
    page = WhooshSearcher(names_index).search(SearchParams(q="Gordn goood Zuen iPdo Ramsy"))
    assert page.suggestion == "gordon good zune ipod Ramsy"  # the fifth typo stays


@pytest.mark.parametrize("q", ["Liam", "Lykke", "Liam Lykke", "newser", "Gordon"])
def test_a_word_of_a_name_in_the_index_is_never_replaced(names_index, q):
    page = WhooshSearcher(names_index).search(SearchParams(q=q + " goood"))
    assert page.suggestion == f"{q} good"  # "Liam" and "Lykke" are not "like", "newser" not "never"
