"""Searching the seeds: statements and articles, facets that count, snippets that are safe."""
from __future__ import annotations

from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher


def search(root, q="", **kwargs):
    return WhooshSearcher(root).search(SearchParams(q=q, **kwargs))


def facet(page, name):
    return {v.value: (v.count, v.selected) for f in page.facets if f.name == name for v in f.values}


def test_quotes_are_returned_as_statements_with_their_article(seeds_index):
    page = search(seeds_index, "brotherly", filters={"kind": ("quote",)})
    assert page.total >= 2
    assert {h["article_id"] for h in page.hits} >= {"000_1c0211945ba58556", "002_9edff2facc8fa178"}
    hit = page.hits[0]
    assert hit["kind"] == "quote" and hit["text"] and hit["start"] < hit["end"]
    assert '<mark class="hit' in hit["snippet"]


def test_facet_counts_reflect_other_facets_but_not_their_own(seeds_index):
    everything = search(seeds_index, "Matsegora")
    narrowed = search(seeds_index, "Matsegora", filters={"source": ("newser.com",)})
    kinds_all, kinds_narrow = facet(everything, "kind"), facet(narrowed, "kind")
    assert kinds_narrow["article"][0] == 1 < kinds_all["article"][0]
    # the source facet still offers the other outlets, with their counts, and marks the chosen one
    newser = facet(everything, "source")["newser.com"][0]
    assert facet(narrowed, "source") == {**facet(everything, "source"), "newser.com": (newser, True)}
    assert narrowed.total == sum(c for c, _ in kinds_narrow.values())


def test_several_values_of_one_facet_combine_with_or(seeds_index):
    one = search(seeds_index, filters={"source": ("newser.com",)}).total
    other = search(seeds_index, filters={"source": ("businessinsider.com",)}).total
    both = search(seeds_index, filters={"source": ("newser.com", "businessinsider.com")}).total
    assert both == one + other and one and other


def test_paging_splits_the_result_set(seeds_index):
    first = search(seeds_index, per_page=3)
    second = search(seeds_index, per_page=3, page=2)
    assert first.total == second.total > 6 and first.pages > 1
    assert not {h["id"] for h in first.hits} & {h["id"] for h in second.hits}
    assert search(seeds_index, per_page=3, page=999).hits == []


def test_misspelling_gets_a_suggestion(seeds_index):
    page = search(seeds_index, "matsegra")
    assert page.total == 0 and page.suggestion == "matsegora"


def test_article_lookup_returns_statements_in_reading_order(seeds_index):
    found = WhooshSearcher(seeds_index).article("002_9edff2facc8fa178")
    starts = [s["start"] for s in found["statements"]]
    assert found["article"]["source"] == "newser.com" and starts == sorted(starts) and starts


def test_queries_the_corrector_cannot_handle_get_no_suggestion(seeds_index):
    for q in ["[aardvark TO aardwolf]", "title:[zz TO zzz]", "zzqx~ [a TO b]", 'NOT AND "']:
        page = search(seeds_index, q)
        assert page.total == 0 and page.suggestion is None


def test_an_unclosed_phrase_finds_its_words_with_a_note(seeds_index):
    broken = search(seeds_index, '"NORTH KOREA')
    words = search(seeds_index, "north korea")
    assert broken.total == words.total > 0 and "NORTH KOREA" in broken.notes[0]


def test_wildcards_are_limited_and_say_so(seeds_index):
    page = search(seeds_index, " OR ".join(f"{c}*" for c in "abcdefghijklmnopqrstuvwxyz"))
    assert page.total > 0 and page.hits and any("at most" in note for note in page.notes)
