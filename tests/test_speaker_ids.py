"""One id per person across the corpus at index time: facets, filters, speaker pages and updates agree."""
from __future__ import annotations

from pathlib import Path

import pytest

from search.extract.speakers.identities import Registry, Speaker, assign_ids, evidence, person_shaped, speakers_of
from search.index import incremental, indexer
from search.index.store import IndexStore
from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher
from tests.helpers import write

SAID = {
    "full": 'Ferry plans\n\nTony Blair said "We will keep the night ferry running all winter" on Monday.\n',
    "surname": 'Ferry costs\n\nMr Blair said "The new pier will be paid for by the harbour board" later.\n',
    "other": 'Pier vote\n\nCherie Blair said "The pier needs a ramp for wheelchairs" on Friday.\n',
    "john": 'Quay\n\nJohn Smith said "The quay wall is older than the town hall" yesterday.\n',
    "jane": 'Crane\n\nJane Smith said "The old crane should become a museum" yesterday.\n',
    "smith": 'Berth\n\nSmith said "The berth was dredged far too late this spring" on Sunday. '
             'A spokesman said "We do not comment on tide tables" later.\n',
}


def corpus_of(root: Path, *names: str) -> Path:
    """Write the named articles into a fresh corpus folder."""
    for name in names:
        write(root / f"{name}.txt", SAID[name])
    return root


def quotes(root: Path, **filters) -> list[dict]:
    """Return the quote hits of the live index with these filters (a tuple of values each)."""
    page = WhooshSearcher(root).search(SearchParams(filters={"kind": ("quote",), **filters}, per_page=50))
    return page.hits


def speaker_facet(root: Path, q: str = "") -> dict[str, int]:
    """Return the speaker facet's values and counts over the quotes."""
    page = WhooshSearcher(root).search(SearchParams(q=q, filters={"kind": ("quote",)}))
    return {v.value: v.count for f in page.facets if f.name == "speaker" for v in f.values}


@pytest.fixture
def index_root(tmp_path) -> Path:
    return tmp_path / "index"


def test_mr_blair_joins_the_one_tony_blair_of_the_corpus(tmp_path, index_root):
    indexer.build(corpus_of(tmp_path / "corpus", "full", "surname"), index_root)
    assert speaker_facet(index_root) == {"Tony Blair": 2}
    hits = quotes(index_root)
    assert {h["speaker_id"] for h in hits} == {"tony-blair"} and {h["speaker"] for h in hits} == {"Tony Blair"}
    assert {h["mention"] for h in hits} == {"Tony Blair", "Mr Blair"}  # as written stays on each statement
    for value in ("blair", "BLAIR", "tony blair", "tony-blair"):
        assert len(quotes(index_root, speaker=(value,))) == 2, value
    assert [h["mention"] for h in quotes(index_root, speaker=("mr blair",))] == ["Mr Blair"]  # an alias as written
    assert len(WhooshSearcher(index_root).search(SearchParams(q="speaker:BLAIR", per_page=50)).hits) == 2
    assert len(WhooshSearcher(index_root).documents("speaker_id", "tony-blair")) == 2


def test_different_smiths_and_an_ambiguous_surname_stay_apart(tmp_path, index_root):
    indexer.build(corpus_of(tmp_path / "corpus", "john", "jane", "smith"), index_root)
    assert speaker_facet(index_root) == {"John Smith": 1, "Jane Smith": 1, "Smith": 1}
    assert {h["speaker_id"] for h in quotes(index_root)} >= {"john-smith", "jane-smith", "smith"}
    assert [h["speaker"] for h in quotes(index_root, speaker=("john smith",))] == ["John Smith"]


def test_unnamed_sources_are_no_person_in_the_facet(tmp_path, index_root):
    indexer.build(corpus_of(tmp_path / "corpus", "smith"), index_root)
    spokesman = [h for h in quotes(index_root) if h["speaker"] and "spokesman" in h["speaker"]]
    assert spokesman and all(h["speaker_id"] is None for h in spokesman)
    assert not any("spokesman" in name for name in speaker_facet(index_root))


def test_an_update_joins_splits_and_forgets_names(tmp_path, index_root):
    corpus = corpus_of(tmp_path / "corpus", "surname", "john")
    indexer.build(corpus, index_root)
    assert speaker_facet(index_root) == {"Blair": 1, "John Smith": 1}
    write(corpus / "full.txt", SAID["full"])  # the corpus's one Tony Blair arrives: Mr Blair joins him
    incremental.update(index_root)
    assert speaker_facet(index_root) == {"Tony Blair": 2, "John Smith": 1}
    write(corpus / "other.txt", SAID["other"])  # a second compatible full name: 'Blair' is ambiguous again
    incremental.update(index_root)
    assert speaker_facet(index_root) == {"Tony Blair": 1, "Cherie Blair": 1, "Blair": 1, "John Smith": 1}
    assert [h["speaker_id"] for h in quotes(index_root, speaker=("tony blair",))] == ["tony-blair"]
    (corpus / "other.txt").unlink()
    incremental.update(index_root)
    assert speaker_facet(index_root) == {"Tony Blair": 2, "John Smith": 1}
    (corpus / "full.txt").unlink()
    incremental.update(index_root)
    assert speaker_facet(index_root) == {"Blair": 1, "John Smith": 1}


def test_an_added_surname_joins_the_person_already_indexed(tmp_path, index_root):
    corpus = corpus_of(tmp_path / "corpus", "full", "john")
    indexer.build(corpus, index_root)
    write(corpus / "surname.txt", SAID["surname"])
    summary = incremental.update(index_root)
    assert summary.added == 1 and summary.articles == 1  # nothing else needed indexing again
    assert speaker_facet(index_root) == {"Tony Blair": 2, "John Smith": 1}


def test_the_registry_forgets_a_dropped_article_and_keeps_the_first_spelling():
    registry = Registry()
    registry.add("a", [Speaker("Tony Blair", "a"), Speaker("Blair", "a", evidence="mr")])
    registry.add("b", [Speaker("TONY BLAIR", "b"), Speaker("Blair", "b", evidence="mr")])
    assert registry.identity(Speaker("Blair", "b", evidence="mr")) == ("tony-blair", "Tony Blair", ())
    registry.drop("a")
    registry.drop("b")
    assert registry.identity(Speaker("Blair", "c")).id == "blair"
    assert not registry.pools and not registry.first and not +registry.uses and not +registry.persons


def lone_id(full: Speaker, *lone: Speaker) -> str:
    """Return the id the last lone speaker gets in a corpus of these speakers."""
    ids = assign_ids([full, *lone])
    return ids[(lone[-1].article, lone[-1].name)].id


def test_a_firms_one_word_joins_no_persons_full_name():
    person = Speaker("Bill Quayle", "a1", evidence="person")
    assert lone_id(person, Speaker("Quayle", "a2")) == "bill-quayle"  # a lone name, no sign against it
    assert lone_id(person, Speaker("Quayle", "a2", evidence="thing")) == "quayle"  # 'it said'
    # used bare in more articles than the full name: a firm's name, not the chairman's
    assert lone_id(person, Speaker("Quayle", "a2"), Speaker("Quayle", "a3")) == "quayle"
    assert lone_id(Speaker("Bill Quayle", "a1"), Speaker("Quayle", "a2")) == "quayle"  # no sign of a person
    assert lone_id(Speaker("Bill Quayle", "a1"), Speaker("Quayle", "a2", evidence="mr")) == "bill-quayle"


def test_an_office_before_the_full_name_shows_a_person():
    # 'President Joe Carter' in one article, 'Carter, speaking in Ohio, said' in another
    assert lone_id(Speaker("Joe Carter", "a1", offices=("president",)), Speaker("Carter", "a2")) == "joe-carter"
    registry = Registry()
    registry.add("a1", [Speaker("Joe Carter", "a1", offices=("president",))])
    registry.drop("a1")
    assert not +registry.persons


def test_a_peer_joins_only_the_full_name_with_the_same_title():
    assert lone_id(Speaker("Des Brack", "a1", evidence="person"), Speaker("Brack", "a2", evidence="lord")) == "brack"
    assert lone_id(Speaker("Lord Brack", "a1"), Speaker("Brack", "a2", evidence="lord")) == "lord-brack"


def test_the_articles_own_words_decide_which_full_name_a_surname_is():
    text = "The band sampled flautist James Newton's Choir. Mr Newton said he was not asked."
    newton, = speakers_of("a2", None, [("Newton", "Mr Newton"), ("Newton", "he")], text)
    assert newton == Speaker("Newton", "a2", None, None, "mr", ("james",), False)
    assert lone_id(Speaker("Mike Newton", "a1"), newton) == "newton"
    assert lone_id(Speaker("James Newton", "a1"), newton) == "james-newton"
    sharon, = speakers_of("a2", None, [("Sharon", "Sharon")], "Sharon Osbourne said the rings were taken.")
    assert sharon.forename and not sharon.given  # a given name, not a surname
    assert lone_id(Speaker("Ariel Sharon", "a1", evidence="person"), sharon) == "sharon"


def test_only_names_shaped_like_a_persons_take_in_lone_surnames():
    assert person_shaped("Kelly Sotherton") and person_shaped("George W. Bush") and person_shaped("Lord Falconer")
    for name in ("S. Yukos", "Duke of Edinburgh", "Liberal Democrats", "Car-maker Honda", "Its BDO",
                 "National Association of Boat Builders"):
        assert not person_shaped(name), name


def test_mentions_tell_a_title_a_person_and_a_thing_apart():
    assert evidence(["Blair", "Mr Blair"]) == "mr" and evidence(["Lord Chancellor Lord Falconer"]) == "lord"
    assert evidence(["Harbour Minister Peter Wimsey"]) == evidence(["he"]) == "person"
    assert evidence(["Quayle", "it"]) == "thing" and evidence(["General Motors"]) is None


def test_spellings_of_one_name_get_one_id_and_one_shown_name():
    ids = assign_ids([Speaker("George W. Bush", "a1"), Speaker("George W Bush", "a2"),
                      Speaker("Nielsen//NetRatings", "a3"), Speaker("Nielsen/NetRatings", "a4")])
    assert {(i.id, i.name) for i in ids.values()} == {("george-w-bush", "George W. Bush"),
                                                     ("nielsennetratings", "Nielsen//NetRatings")}


def test_an_update_of_a_build_without_a_speaker_table_still_indexes_and_says_why_names_may_not_join(
        tmp_path, index_root, caplog):
    corpus = corpus_of(tmp_path / "corpus", "full")
    indexer.build(corpus, index_root)
    (IndexStore(index_root).current_dir() / "speakers.pickle").unlink()  # as an older version built it
    write(corpus / "john.txt", SAID["john"])
    assert incremental.update(index_root).added == 1
    assert "rebuild the index" in caplog.text
    assert speaker_facet(index_root) == {"Tony Blair": 1, "John Smith": 1}
    assert (IndexStore(index_root).current_dir() / "speakers.pickle").exists()  # the next update has one


def test_a_firm_written_with_a_possessive_joins_no_person():
    text = "Profits at drugmaker Dr Quorrel's fell. Dr Quorrel's said sales slid, and Dr Quorrel's shares fell."
    firm, = speakers_of("a2", None, [("Quorrel", "Quorrel")], text)
    assert firm.evidence == "thing"
    assert lone_id(Speaker("Ravi Quorrel", "a1", evidence="person"), firm) == "quorrel"
    # a person's name written once with 's among bare uses is still the person
    text = "Prof Quorrel says he grew up there. Prof Quorrel's students agree, Prof Quorrel adds."
    person, = speakers_of("a3", None, [("Quorrel", "Prof Quorrel")], text)
    assert person.evidence == "prof"
    assert lone_id(Speaker("Ravi Quorrel", "a1", evidence="person"), person) == "ravi-quorrel"


@pytest.mark.parametrize("name", ["Us Weekly", "Daily Lantern", "Harbour Gazette", "Dr Quorrel's", "In Touch",
                                  "Sainsbee's Bank"])
def test_publications_and_possessive_firms_are_not_person_shaped(name):
    assert not person_shaped(name)


def test_a_lone_word_never_joins_a_publication_as_if_a_surname():
    assert lone_id(Speaker("Harbour Gazette", "a1", evidence="person"), Speaker("Gazette", "a2", evidence="mr")) \
        == "gazette"
    assert lone_id(Speaker("Us Weekly", "a1", evidence="person"), Speaker("Weekly", "a2", evidence="mr")) == "weekly"


@pytest.mark.parametrize("name", ["Us", "We", "It"])
def test_a_capitalised_common_word_gets_no_speaker_id(name):
    assert assign_ids([Speaker(name, "a1", evidence="person")]) == {}


def test_an_acronym_spelled_like_a_common_word_keeps_its_id():
    assert assign_ids([Speaker("US", "a1")])[("a1", "US")].id == "us"


def test_persons_stay_person_shaped():
    assert all(person_shaped(n) for n in ("Tony Blair", "Ravi Quorrel", "Marie Ledger", "Jane Smith"))


OFFICE = {
    "titled": "Schools plan\n\nPrime Minister Tony Blair said on Monday that the school plan would go ahead.\n",
    "titled2": "Hospitals\n\nPrime Minister Tony Blair said the hospital plan was on track.\n",
    "untitled": "Schools row\n\nMr Blair was criticised by teachers. The prime minister said the plan would "
                "\"lift standards in every school\".\n",
    "deputy": "Housing\n\nDeputy Prime Minister John Prescott said the housing plan was sound.\n",
    "other": "Tokyo talks\n\nMr Koizumi met the emperor. The prime minister said the talks had gone well.\n",
    "koizumi": "Koizumi vows reform\n\nPrime Minister Junichiro Koizumi said reform would go on.\n",
    "koizumi2": "Koizumi in Seoul\n\nPrime Minister Junichiro Koizumi said the visit was a success.\n",
}


def test_the_prime_minister_is_the_one_holder_the_article_names(tmp_path, index_root):
    """'the prime minister' joins Tony Blair where Blair is named, Koizumi where he is, nobody where neither is."""
    for name, text in OFFICE.items():
        write(tmp_path / "corpus" / f"{name}.txt", text)
    write(tmp_path / "corpus" / "nobody.txt", "Budget\n\nThe prime minister said the budget was fair.\n")
    indexer.build(tmp_path / "corpus", index_root)
    page = WhooshSearcher(index_root).search(SearchParams(filters={"kind": ("claim", "quote")}, per_page=50))
    by_article = {}
    for hit in page.hits:
        by_article.setdefault(hit["article_id"], set()).add((hit["speaker"], hit["speaker_id"]))
    assert ("Tony Blair", "tony-blair") in by_article["untitled"]
    assert ("Junichiro Koizumi", "junichiro-koizumi") in by_article["other"]
    assert by_article["nobody"] == {("prime minister", None)}
    assert ("John Prescott", "john-prescott") in by_article["deputy"]  # a deputy holds no office of 'prime minister'


def test_an_office_binds_only_a_person_the_corpus_gives_it_twice():
    registry = Registry()
    registry.add("a", [Speaker("Tony Blair", "a", offices=("prime minister",))])
    registry.describe("b", None, ["prime minister"], {"Blair", "Mr"})
    assert registry.holder("b", "prime minister") is None
    registry.add("c", [Speaker("Tony Blair", "c", offices=("prime minister",))])
    assert registry.holder("b", "prime minister").id == "tony-blair"
    registry.drop("c")
    assert registry.holder("b", "prime minister") is None


def test_an_update_binds_an_office_once_the_corpus_names_its_holder(tmp_path, index_root):
    def untitled_speakers():
        page = WhooshSearcher(index_root).search(SearchParams(filters={"kind": ("claim",)}, per_page=50))
        return {(h["speaker"], h["speaker_id"]) for h in page.hits if h["article_id"] == "untitled"}

    corpus = tmp_path / "corpus"
    write(corpus / "untitled.txt", OFFICE["untitled"])
    indexer.build(corpus, index_root)
    assert untitled_speakers() == {("prime minister", None)}  # nobody holds the office yet
    write(corpus / "titled.txt", OFFICE["titled"])
    write(corpus / "titled2.txt", OFFICE["titled2"])
    assert incremental.update(index_root).articles == 3  # the untitled article is indexed again
    assert untitled_speakers() == {("Tony Blair", "tony-blair")}
    (corpus / "titled2.txt").unlink()
    incremental.update(index_root)
    assert untitled_speakers() == {("prime minister", None)}


@pytest.mark.parametrize("held", [0, 2, 10])
def test_articles_waiting_for_the_corpus_come_back_in_order_whether_held_or_spilled(monkeypatch, held):
    from search.index import speakers
    monkeypatch.setattr(speakers, "HELD_WAITING", held)
    waiting = speakers.Waiting()
    items = [(f"article {k}", {"quotes": [k, "x" * k]}) for k in range(5)]
    for article, extraction in items:
        waiting.append(article, extraction)
    assert len(waiting) == 5
    assert list(waiting.drain()) == items
    assert len(waiting) == 0 and list(waiting.drain()) == []
