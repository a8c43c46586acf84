"""Statements are found through their article's title and lead; speaker filters match any name, any case."""
from __future__ import annotations

import pytest

from search.index import indexer
from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher
from tests.helpers import write

# Our own texts: the story is in the title and lead; the quote itself never names it.
STORIES = {
    "volcano.txt": ("Volcano ash grounds flights over Nordland\n\n"
                    "Airports across Nordland closed after the eruption.\n\n"
                    "Premier Ada Quill said \"we will reopen the airports as soon as the air is safe\" "
                    "on Monday.\n"),
    "harbour.txt": ("Harbour plan splits Portwick council\n\n"
                    "The council met on Monday.\n\n"
                    "Premier Ada Quill said \"we will build the new quay before the winter storms\" "
                    "on Tuesday.\n"),
    "eruption.txt": ("Scientists watch the volcano\n\n"
                     "Ada Quill was not there. The volcano erupted again on Monday, and the ash cloud spread "
                     "across Nordland for days.\n"),
}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("stories")
    for name, text in STORIES.items():
        write(corpus / name, text)
    root = tmp_path_factory.mktemp("stories-index")
    indexer.build(corpus, root)
    return WhooshSearcher(root)


def ids(page) -> list[str]:
    return [hit["id"] for hit in page.hits]


def test_a_word_of_the_title_finds_the_speakers_statement_in_that_story(searcher):
    page = searcher.search(SearchParams(q="volcano", filters={"speaker": ("Ada Quill",)}))
    assert [h["article_id"] for h in page.hits] == ["volcano"] and page.hits[0]["kind"] == "quote"
    assert "volcano" not in page.hits[0]["text"].lower()  # found through the title, not its words


def test_title_prefix_reaches_statements_too(searcher):
    page = searcher.search(SearchParams(q="title:volcano", filters={"kind": ("quote",)}))
    assert [h["article_id"] for h in page.hits] == ["volcano"]


def test_own_words_rank_above_the_articles_title(searcher):
    page = searcher.search(SearchParams(q="airports", filters={"kind": ("quote",)}))
    assert ids(page)[0] == "volcano#q1"
    page = searcher.search(SearchParams(q="quay OR volcano", filters={"kind": ("quote",)}))
    assert ids(page)[0] == "harbour#q1"  # its own word beats another quote's title


@pytest.mark.parametrize("name", ["ada quill", "ADA  QUILL", "Ada Quill"])
def test_speaker_filter_ignores_case_and_spacing(searcher, name):
    page = searcher.search(SearchParams(filters={"speaker": (name,)}))
    assert page.total == 2 and {h["speaker"] for h in page.hits} == {"Ada Quill"}
    speaker = next(f for f in page.facets if f.name == "speaker")
    assert [(v.value, v.selected) for v in speaker.values] == [("Ada Quill", True)]
