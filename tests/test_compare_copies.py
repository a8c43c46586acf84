"""Copies of one story: found at index time, folded in search and facets, kept in step by update."""
from __future__ import annotations

from whoosh.query import Term

from search.compare.copies import signature, story_groups
from search.index import incremental, indexer
from search.query.searcher import WhooshSearcher, _docs_by_statement, first_copy
from tests.helpers import write
from web import create_app

STORY = """Harbour strike closes the port

Dock workers at Port Avelin walked out on Tuesday after talks over night shifts collapsed, leaving
forty container ships waiting offshore and hauliers queuing along the coast road.

The union's regional secretary, Mara Tellen, said: "Our members have been patient for two years and
the company has offered nothing but longer hours for the same pay."

The port authority said it regretted the action and hoped both sides would return to talks within
the week, adding that perishable cargo would be moved to the northern terminal where possible.

Local traders warned that a long stoppage would hurt the fishing fleet and the town's markets.
"""
OTHER = """Library reopens after flood repairs

The central library in Kessford reopened its doors on Saturday after eight months of repairs to the
basement archive, which was flooded when the river burst its banks last spring.

Head librarian Owen Prask said: "The children's section is bigger than before and the local history
room finally has the dry shelves it always needed."

Volunteers spent the winter drying and scanning damaged parish records, and most are now online.
"""


def corpus(root):
    write(root / "wire" / "strike.txt", "Source: Wire Agency\n\n" + STORY)
    write(root / "gazette" / "strike.txt", "Source: Coast Gazette\n\n" + STORY.replace("Tuesday", "Tuesday morning")
          + "\nThe gazette's lighthouse correspondent added that ferries were unaffected.\n")
    write(root / "gazette" / "library.txt", "Source: Coast Gazette\n\n" + OTHER)
    return root


def test_near_copies_group_and_other_stories_do_not():
    sigs = {"a": signature(STORY), "b": signature(STORY.replace("forty", "forty-one")), "c": signature(OTHER)}
    assert story_groups(sigs) == [["a", "b"]]
    assert signature("too short to compare") is None


def test_search_folds_copies_into_one_result(tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus(tmp_path / "corpus"), root)
    client = create_app({"TESTING": True, "INDEX": str(root)}).test_client()
    one = client.get("/api/search?q=harbour&kind=article").get_json()
    assert one["total"] == 1
    hit = one["hits"][0]
    assert hit["story"].startswith("st-") and len(hit["copies"]) == 1
    every = client.get("/api/search?q=harbour&kind=article&copies=all").get_json()
    assert every["total"] == 2
    kinds = lambda page: {v["value"]: v["count"] for f in page["facets"] if f["name"] == "kind" for v in f["values"]}  # noqa: E731
    assert kinds(one)["article"] == 1 and kinds(every)["article"] == 2
    html = client.get("/?q=harbour&kind=article").get_data(as_text=True)
    assert "+1 copy" in html and "<details" in html
    assert client.get("/api/search?q=harbour&copies=some").get_json()["error"]["status"] == 400
    only_copy = client.get("/api/search?q=lighthouse&kind=article").get_json()  # words only a copy has
    assert only_copy["total"] == 1 and only_copy["hits"][0]["article_id"].startswith("gazette")


def test_a_short_wire_copy_with_other_front_matter_is_a_copy(tmp_path):
    body = "\n\n".join(STORY.split("\n\n")[1:3])  # about 60 words: a wire brief
    for outlet, tags in (("Wire Agency", "ports, unions"), ("Daily Herald Online", "business, shipping, strikes, coast")):
        slug = outlet.split()[0].lower()
        write(tmp_path / "corpus" / f"{slug}.md",
              f"---\ntitle: Port strike leaves ships waiting as {outlet} reports\noutlet: {outlet}\n"
              f"author: Staff Reporter for {outlet}\nurl: https://example.com/{slug}/2025/10/03/port-strike-talks\n"
              f"description: The latest from {outlet} on the harbour dispute and its effect on trade\n"
              f"tags: [{tags}]\ndate: 2025-10-03\n---\n\n{body}\n")
    root = tmp_path / "ix"
    indexer.build(tmp_path / "corpus", root)
    client = create_app({"TESTING": True, "INDEX": str(root)}).test_client()
    assert client.get("/api/search?q=dock&kind=article").get_json()["total"] == 1


def test_copies_are_not_independent_versions(tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus(tmp_path / "corpus"), root)
    client = create_app({"TESTING": True, "INDEX": str(root)}).test_client()
    hit = client.get("/api/search?q=patient&kind=quote&copies=all").get_json()["hits"][0]
    assert hit["versions"] == 0  # the same quote in a copy confirms nothing
    data = client.get("/api/quotes/" + hit["id"].replace("#", "/")).get_json()
    assert len(data["versions"]) == 1 and len(data["copies"]) == 1 and data["other_articles"] == 0
    assert data["first_appearance"]["article_id"] and len(data["appearances"]) == 2


def test_update_keeps_story_groups_in_step(tmp_path):
    source, root = corpus(tmp_path / "corpus"), tmp_path / "ix"
    indexer.build(source, root)
    (source / "gazette" / "strike.txt").unlink()
    incremental.update(root)
    client = create_app({"TESTING": True, "INDEX": str(root)}).test_client()
    assert client.get("/api/search?q=harbour&kind=article").get_json()["hits"][0]["copies"] == []
    write(source / "radio" / "strike.txt", "Source: Radio North\n\n" + STORY)
    incremental.update(root)
    client = create_app({"TESTING": True, "INDEX": str(root)}).test_client()
    assert len(client.get("/api/search?q=harbour&kind=article").get_json()["hits"][0]["copies"]) == 1


def test_copy_twins_read_from_doc_ids_equal_those_read_from_stored_fields(tmp_path):
    source, root = corpus(tmp_path / "corpus"), tmp_path / "ix"
    indexer.build(source, root)
    # An update deletes the changed copy's old docs and adds a segment: docnums move, some are deleted.
    write(source / "gazette" / "strike.txt", (source / "gazette" / "strike.txt").read_text() + "\nFerries ran late.\n")
    write(source / "radio" / "strike.txt", "Source: Radio North\n\n" + STORY)
    (source / "gazette" / "library.txt").unlink()
    incremental.update(root)
    backend = WhooshSearcher(root)
    name, ix = backend._live()
    with ix.searcher() as searcher:
        assert len(searcher.leaf_searchers()) > 1 and searcher.reader().has_deletions()
        named = ("wire/strike", "gazette/strike", "radio/strike", "gazette/library")  # the last one gone
        assert _docs_by_statement(searcher, set(named)) == {aid: _stored_docs_by_statement(searcher, aid) for aid in named}
        comps = backend.comparisons()
        expected = {}
        for ids in comps.stories.values():
            first, *later = first_copy(comps, ids)
            shown = _stored_docs_by_statement(searcher, first)
            for article_id in later:
                expected.update((doc, shown[n]) for n, doc in _stored_docs_by_statement(searcher, article_id).items()
                                if n in shown)
        twins = backend._find_twins(searcher)
        found = {doc: twins.get(doc) for doc in range(searcher.doc_count_all()) if twins.get(doc) is not None}
    assert len(expected) > 3 and found == expected


def _stored_docs_by_statement(searcher, article_id):
    """The slow reference: an article's docs found by its id, numbered from their stored doc_id."""
    docs = searcher.docs_for_query(Term("article_id", article_id))
    return {searcher.stored_fields(doc)["doc_id"].partition("#")[2]: doc for doc in docs}


def test_sketches_read_back_keep_the_estimates_of_fresh_ones():
    # story_groups reads signatures back with the template's permutations instead of drawing new ones
    from datasketch import MinHash

    from search.compare.copies import NUM_PERM, SEED, _sketch
    texts = [STORY, STORY.replace("Tuesday", "Tuesday morning"), OTHER]
    fresh = []
    for text in texts:
        sketch = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=__import__("zlib").crc32)
        sketch.update_batch(list({w.encode() for w in text.split()}))
        fresh.append(sketch)
    read = [_sketch(s.hashvalues.tobytes()) for s in fresh]
    assert [[a.jaccard(b) for b in read] for a in read] == [[a.jaccard(b) for b in fresh] for a in fresh]
    assert all((r.permutations[0] == f.permutations[0]).all() for r, f in zip(read, fresh))


def test_signatures_keep_their_values():
    # an update compares its new articles' signatures with those a build saved: they must never change
    import hashlib
    values = signature(STORY) + signature(OTHER) + signature(STORY * 3)
    assert hashlib.sha1(values).hexdigest() == "768550ac3cf245ec08a7ca6b855fc47b89d12048"


def test_signatures_are_the_values_of_datasketchs_minhash():
    # signature does MinHash.update_batch's arithmetic itself; story_groups reads the values back as MinHashes
    import zlib

    from datasketch import MinHash

    from search.compare.copies import NUM_PERM, SEED, SHINGLE, WORD
    # non-ASCII separators ('£', curly quotes) and words ('Café', 'naïve'): words found in bytes, then in text
    priced = STORY.replace(" the ", " the £5 ‘ ").replace(" a ", " a “ ")
    accented = STORY.replace(" the ", " the café naïve ")
    assert priced != STORY != accented
    for text in (STORY, OTHER, STORY * 3, priced, accented):
        words = WORD.findall(text.lower())
        sketch = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32)
        sketch.update_batch([" ".join(words[k:k + SHINGLE]).encode() for k in range(len(words) - SHINGLE + 1)])
        assert signature(text) == sketch.hashvalues.tobytes()


def test_lsh_params_are_datasketchs_own_choice():
    from datasketch.lsh import _optimal_param

    from search.compare.copies import LSH_PARAMS, NUM_PERM, THRESHOLD
    assert _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5) == LSH_PARAMS


def test_sketching_and_grouping_import_neither_scipy_integrate_nor_other_sketches():
    # two thirds of datasketch's import time, paid by every build for a parameter search it never needs
    import subprocess
    import sys
    from pathlib import Path
    script = (
        "import sys\n"
        "from search.compare.copies import signature, story_groups\n"
        "from tests.test_compare_copies import STORY, OTHER\n"
        "sigs = {'a': signature(STORY), 'b': signature(STORY.replace('forty', 'forty-one')), 'c': signature(OTHER)}\n"
        "assert story_groups(sigs) == [['a', 'b']], story_groups(sigs)\n"
        "assert 'scipy.integrate' not in sys.modules\n"
        "assert 'datasketch.aio' not in sys.modules  # nor datasketch's other sketches\n"
        "import scipy.integrate, datasketch.lsh\n"
        "assert scipy.integrate.quad(lambda x: x, 0, 1)[0] == 0.5 == datasketch.lsh.integrate(lambda x: x, 0, 1)[0]\n"
        "from datasketch import MinHash, MinHashLSHForest  # the whole package, once asked for\n"
        "assert MinHash is datasketch.minhash.MinHash and 'datasketch.aio' in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).resolve().parent.parent,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
