"""Cross-outlet comparison: quote clusters, figure topics, word differences, and the seeds gold."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from search import compare
from search.compare.diff import word_diff
from search.compare.quotes import candidate_pairs, cluster_quotes
from search.compare.text import compatible_speakers, content_stems
from search.compare.views import figure_topic, quote_versions
from search.errors import NotFound
from search.index import incremental, indexer
from tests.helpers import write

GOLD = json.loads((Path(__file__).parent / "data" / "gold_seeds.json").read_text(encoding="utf-8"))
M = "Alexander Matsegora"
ISW = "Institute for the Study of War"
QUOTES = {  # as the seed articles render them
    "000#q1": ("A clear example of such a brotherly attitude (between Russian and North Korea) is the "
               "rehabilitation of hundreds of wounded soldiers … in Korean sanatoriums and hospitals.", M),
    "002#q1": ("One of the clear examples of our brotherly ties is the rehabilitation of hundreds of soldiers "
               "wounded in the special military operation at Korean sanitariums and clinics.", M),
    "004#q1": ("A clear example of this fraternal attitude between Russia and North Korea is the rehabilitation "
               "of hundreds of injured soldiers ... in Korean sanatoriums and hospitals,", "Matsegora"),
    "002#q2": ("When we offered our friends to cover at least some of those expenses, they were genuinely "
               "offended and asked us not to do this ever again.", M),
    "004#q2": ("When we offered our North Korean friends to cover at least part of their costs, they were "
               "sincerely offended and asked us to never do this again,", M),
    "000#q2": ("has reportedly been sending wounded personnel back into assault groups without treatment, "
               "demonstrating a general disregard for soldiers’ health.", ISW),
    "000#q3": ("has been sending wounded personnel back into assault groups without treatment, calling into "
               "question official Russian claims to be sending Russian soldiers abroad for treatment, "
               "particularly to North Korea.", ISW),
    "001#q1": ("The arrival of combat experienced Russian soldiers, particularly if they include officers or "
               "non-commissioned officers, to North Korea may allow the Russian military to work with North "
               "Korean forces and disseminate lessons from the war in Ukraine while ostensibly recuperating,", ISW),
}


def quotes(speakers=True):
    return [{"id": k, "text": t, "speaker": s if speakers else None} for k, (t, s) in QUOTES.items()]


def test_translations_and_truncations_of_one_utterance_cluster():
    assert sorted(cluster_quotes(quotes())) == [
        ["000#q1", "002#q1", "004#q1"], ["000#q2", "000#q3"], ["002#q2", "004#q2"]]


def test_a_different_speaker_keeps_quotes_apart():
    items = quotes()
    items[1]["speaker"] = "Kim Jong Un"
    assert ["000#q1", "002#q1", "004#q1"] not in cluster_quotes(items)


def test_same_speaker_alone_does_not_merge_different_utterances():
    clusters = cluster_quotes(quotes())
    assert not any("001#q1" in c for c in clusters)  # ISW, but another sentence


def test_speaker_compatibility():
    assert compatible_speakers("Matsegora", "Alexander Matsegora") is True
    assert compatible_speakers("Alexander Matsegora", "Kim Jong Un") is False
    assert compatible_speakers(None, "Kim Jong Un") is None


def test_content_stems_ignore_boilerplate_words():
    assert content_stems("He said that they would never do this again") == ("again",)


def test_blocking_proposes_few_pairs_on_a_large_corpus():
    # 2,000 distinct quotes that share common words but no rare ones: no pair is worth comparing
    items = [f"the government minister spoke about policy number{n} and topic{n} and issue{n} item{n}"
             for n in range(2000)]
    pairs = candidate_pairs([content_stems(t) for t in items])
    assert len(pairs) < 2000  # all-pairs would be ~2 million


def test_word_diff_marks_what_no_other_version_has():
    a, b, c = word_diff([QUOTES["000#q1"][0], QUOTES["002#q1"][0], QUOTES["004#q1"][0]])
    differs = lambda words: {w["word"] for w in words if w["differs"]}  # noqa: E731
    assert "fraternal" in differs(c) and "brotherly" not in differs(a) | differs(b)
    assert "examples" not in differs(b)  # the same word in another number is not a difference


def test_figures_on_one_topic_with_different_values_are_a_disagreement():
    comps = compare.Comparisons()
    comps.add([], [
        {"id": "a#f1", "article_id": "a", "value": 12000, "unit": "soldiers", "topic": "troop:nk"},
        {"id": "b#f1", "article_id": "b", "value": 11000, "unit": "troops", "topic": "troop:nk"},
        {"id": "c#f1", "article_id": "c", "value": 200, "unit": "pieces", "topic": "artillery"},
        {"id": "c#f2", "article_id": "c", "value": 300, "unit": "pieces", "topic": "artillery"},
    ])
    comps.compute()
    assert comps.disagreements() == ["troop:nk"]  # one article alone is no dispute
    view = figure_topic(comps, "troop:nk")
    assert view["disagreement"] and [v["value"] for v in view["values"]] == [11000, 12000]
    with pytest.raises(NotFound):
        figure_topic(comps, "nothing")


def test_comparisons_survive_a_json_round_trip():
    comps = compare.Comparisons()
    comps.add([dict(q, article_id=q["id"].split("#")[0]) for q in quotes()], [])
    again = compare.Comparisons.from_json(json.loads(json.dumps(comps.compute().to_json())))
    assert again.clusters == comps.clusters and again.cluster_of == comps.cluster_of


def test_comparisons_saved_beside_a_build_load_back(tmp_path):
    comps = compare.Comparisons()
    comps.add([dict(q, article_id=q["id"].split("#")[0]) for q in quotes()], [])
    compare.save(comps.compute(), tmp_path)
    again = compare.load(tmp_path)
    assert again.clusters == comps.clusters and again.quotes == comps.quotes
    first = next(iter(again.quotes.values()))
    assert dict(first) == dict(comps.quotes[first["id"]]) and first["text"]


@pytest.mark.parametrize("content", [b"", b"not a pickle", b'{"quotes": {}}', pickle.dumps([1, 2]),
                                     pickle.dumps({"quotes": [1]}), b"\x80\x09garbage"])
def test_unreadable_comparisons_load_as_none(tmp_path, content):
    (tmp_path / compare.FILENAME).write_bytes(content)
    assert compare.load(tmp_path).quotes == {}


def files_of(comps, ids, table):
    return sorted({getattr(comps, table)[i]["article_id"] + ".txt" for i in ids})


def test_seed_gold_comparisons(seeds_index):
    """Every entry of the gold `comparisons` is reproduced on the indexed seeds."""
    from search.query.searcher import WhooshSearcher

    comps = WhooshSearcher(seeds_index).comparisons()
    for entry in GOLD["comparisons"]:
        if "quote_cluster" in entry:
            wanted = sorted(entry["files"])
            matching = [ids for ids in comps.clusters.values()
                        if files_of(comps, ids, "quotes") == wanted]
            assert matching, entry
            members = matching[0]
            assert len(members) == len(wanted)  # no quote from another utterance pulled in
        else:
            by_value = {str(int(v)): sorted(f) for v, f in entry["values"].items()}
            found = [t for t in comps.topics.values()
                     if {str(int(comps.figures[i]["value"])): None for i in t}.keys() == by_value.keys()]
            assert any({v: files_of(comps, [i for i in t if str(int(comps.figures[i]["value"])) == v], "figures")
                        for v in by_value} == by_value for t in found), entry


def test_update_keeps_clusters_in_step(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    from search.query.searcher import WhooshSearcher

    before = WhooshSearcher(root).comparisons()
    brotherly = next(ids for ids in before.clusters.values() if len(ids) == 3)
    (corpus / "004_4c11fdb1b319dc2b.txt").unlink()
    write(corpus / "005_new.txt", "Envoy repeats claim\n\nAmbassador Alexander Matsegora said: \"A clear example "
          "of this brotherly attitude is the rehabilitation of hundreds of injured soldiers in Korean "
          "sanatoriums and hospitals.\"\n")
    incremental.update(root)
    after = WhooshSearcher(root).comparisons()
    cluster = next(ids for ids in after.clusters.values() if any(i.startswith("005_new#") for i in ids))
    assert sorted(i.split("#")[0] for i in cluster) == sorted(
        [i.split("#")[0] for i in brotherly if not i.startswith("004")] + ["005_new"])
    assert not any(i.startswith("004_") for ids in after.clusters.values() for i in ids)


def test_quote_view_lists_versions_with_diffs(seeds_index):
    from search.query.searcher import WhooshSearcher

    comps = WhooshSearcher(seeds_index).comparisons()
    member = next(ids for ids in comps.clusters.values() if len(ids) == 3)[0]
    view = quote_versions(comps, member)
    assert len(view["versions"]) == 3 and sum(v["this"] for v in view["versions"]) == 1
    assert all("words" in v for v in view["versions"])
    with pytest.raises(NotFound):
        quote_versions(comps, "nope#q1")


def test_each_quote_gets_a_bounded_number_of_candidates():
    # 600 quotes all sharing the same three uncommon words: a posting storm, still linear
    items = [content_stems(f"zebra quagga okapi grazing number{n} plain{n} herd{n}") for n in range(600)]
    assert len(candidate_pairs(items)) <= 600 * 24  # all pairs would be 179,700


def test_exact_copies_cluster_even_when_common():
    text = "We will defend every inch of our territory against any aggression whatsoever"
    items = [{"id": f"wire{n}#q1", "text": text, "speaker": "Defence Minister"} for n in range(300)]
    assert cluster_quotes(items) == [sorted(i["id"] for i in items)]


def test_short_quotes_cluster_only_when_nearly_identical():
    items = [
        {"id": "gazette#q1", "text": "This budget invests in our neighborhoods,", "speaker": "Jane Roe"},
        {"id": "wire#q1", "text": "This budget invests in our neighbourhoods,", "speaker": "Mayor Jane Roe"},
        {"id": "gazette#q2", "text": "This budget hurts our neighborhoods badly.", "speaker": "Tom Lee"},
        {"id": "radio#q1", "text": "This budget invests in our schools,", "speaker": "Jane Roe"},
    ]
    assert cluster_quotes(items) == [["gazette#q1", "wire#q1"]]
