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
from search.compare.views import disagreements, figure_topic, quote_versions
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


def quotes():
    return [{"id": k, "article_id": k.split("#")[0], "text": t, "speaker": s} for k, (t, s) in QUOTES.items()]


def test_translations_and_truncations_of_one_utterance_cluster():
    # 000#q2 and 000#q3 are alike but from one article: two things said, not two versions
    assert sorted(cluster_quotes(quotes())) == [["000#q1", "002#q1", "004#q1"], ["002#q2", "004#q2"]]


def test_a_cluster_never_holds_two_quotes_of_one_article():
    text = "We will never accept the closure of the hospital in our town, whatever the ministry decides."
    items = [{"id": i, "article_id": i.split("#")[0], "text": text, "speaker": "Ann Bell"}
             for i in ("a#q1", "a#q2", "b#q1")]
    assert cluster_quotes(items) == [["a#q1", "b#q1"]]


def test_quotes_nobody_said_never_join():
    text = "a landmark ruling for thousands of tenants facing eviction across the northern region"
    items = [{"id": f"{a}#q1", "article_id": a, "text": text, "speaker": None} for a in "ab"]
    assert cluster_quotes(items) == []


def test_canonical_speaker_ids_decide_over_names():
    text = "The harbour expansion will bring two thousand jobs to the coast within five years."
    items = [{"id": "a#q1", "article_id": "a", "text": text, "speaker": "John Smith", "speaker_id": "p1"},
             {"id": "b#q1", "article_id": "b", "text": text + " ", "speaker": "Smith", "speaker_id": "p2"},
             {"id": "c#q1", "article_id": "c", "text": text.replace("two", "2"), "speaker": "Smith",
              "speaker_id": "p1"}]
    assert cluster_quotes(items) == [["a#q1", "c#q1"]]


def test_one_persons_short_line_in_three_translations_clusters_and_others_do_not():
    lines = {"a#q1": "The forest is not for sale and it will not burn on my watch,",
             "b#q1": "The forest is not for sale and it will not burn while I am president,",
             "c#q1": "The forest is not for sale, and it will not burn under my government,",
             "d#q1": "The forest will burn unless the rich countries pay for it,"}  # another thing he said
    items = [{"id": k, "article_id": k[0], "text": t, "speaker": "Rui Costa", "speaker_id": "rui-costa",
              "source": f"Outlet {k[0]}"} for k, t in lines.items()]
    assert cluster_quotes(items) == [["a#q1", "b#q1", "c#q1"]]
    other = [dict(item, speaker="Ana Lima", speaker_id="ana-lima") if item["id"] == "c#q1" else item for item in items]
    assert cluster_quotes(other) == [["a#q1", "b#q1"]]  # the same words by someone else are not his


def test_pieces_of_one_utterance_cluster_as_one_quote():
    items = [{"id": "a#q1", "article_id": "a", "utterance": "u1", "speaker": "Ann Bell",
              "text": "The river defences failed at three points overnight."},
             {"id": "a#q2", "article_id": "a", "utterance": "u1", "speaker": "Ann Bell",
              "text": "Engineers are now rebuilding the embankment near the old mill."},
             {"id": "b#q1", "article_id": "b", "speaker": "Ann Bell",
              "text": "The river defences failed at three points overnight. Engineers are rebuilding the "
                      "embankment near the old mill."}]
    assert cluster_quotes(items) == [["a#q1", "a#q2", "b#q1"]]


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


def test_blocking_never_pairs_two_different_speakers():
    items = [content_stems("the referendum on sovereignty cannot wait until autumn")] * 4
    assert candidate_pairs(items) == {(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)}
    # 0 and 1 are two people; 2 is the first of them; 3 is nobody known, who may be either
    assert candidate_pairs(items, ["p0", "p1", "p0", None]) == {(0, 2), (0, 3), (1, 3), (2, 3)}


def test_word_diff_marks_what_no_other_version_has():
    a, b, c = word_diff([QUOTES["000#q1"][0], QUOTES["002#q1"][0], QUOTES["004#q1"][0]])
    differs = lambda words: {w["word"] for w in words if w["differs"]}  # noqa: E731
    assert "fraternal" in differs(c) and "brotherly" not in differs(a) | differs(b)
    assert "examples" not in differs(b)  # the same word in another number is not a difference


def figure(fid, value, sentence, topic="troop:north-korea+russia", **extra):
    return dict({"id": fid, "article_id": fid.split("#")[0], "value": value, "unit": "troops", "topic": topic,
                 "sentence": sentence, "text": f"{value} troops"}, **extra)


TROOPS_A = "North Korea has sent about 12,000 troops to Russia, Ukrainian officials said."
TROOPS_B = "Ukrainian officials said North Korea had sent 11,000 troops to Russia this winter."


def test_figures_of_one_quantity_with_different_values_are_a_disagreement():
    comps = compare.Comparisons()
    comps.add([], [figure("a#f1", 12000, TROOPS_A, qualifier="about"), figure("b#f1", 11000, TROOPS_B),
                   figure("c#f1", 200, "The army lost 200 tanks and 300 guns in Kursk.", topic="tank"),
                   figure("c#f2", 300, "The army lost 200 tanks and 300 guns in Kursk.", topic="tank")])
    comps.compute()
    found = disagreements(comps)
    assert found["total"] == 1  # one article alone is no dispute
    assert sorted(v["value"] for v in found["disagreements"][0]["values"]) == [11000, 12000]
    with pytest.raises(NotFound):
        figure_topic(comps, "nothing")


def test_values_within_their_qualifiers_are_close_not_a_conflict():
    comps = compare.Comparisons()
    comps.add([], [figure("a#f1", 12000, TROOPS_A, qualifier="about"), figure("b#f1", 11800, TROOPS_B)])
    comps.compute()
    assert disagreements(comps)["total"] == 0
    close_ones = disagreements(comps, close_only=True)["disagreements"]
    assert len(close_ones) == 1 and len(close_ones[0]["positions"]) == 1


@pytest.mark.parametrize("unit", ["pound", "dollar", "percent", "euro"])
def test_a_bare_unit_is_no_quantity(unit):
    comps = compare.Comparisons()
    comps.add([], [figure("a#f1", 5, "The firm paid a dividend of 5 a share to its investors.", topic=unit),
                   figure("b#f1", 7, "The firm paid a dividend of 7 a share to its investors.", topic=unit)])
    assert comps.compute().quantities == {}


def test_an_extracted_measure_groups_figures_whatever_their_unit_word():
    comps = compare.Comparisons()
    comps.add([], [figure("a#f1", 50, "Oil rose to $50 a barrel on Monday, traders at Brent said.", topic="dollar",
                          measure="oil price", date="2025-01-06"),
                   figure("b#f1", 48, "Traders said Brent crude stood at $48 a barrel.", topic="dollar",
                          measure="Oil price", date="2025-01-06"),
                   figure("c#f1", 30, "Traders said Brent crude stood at $30 a barrel.", topic="dollar",
                          measure="oil price", date="2025-06-30"),
                   figure("d#f1", 9, "Profits at Brent rose by $9 a barrel, traders said.", topic="dollar",
                          measure="profit", date="2025-01-06")])
    comps.compute()
    assert list(comps.quantities.values()) == [["a#f1", "b#f1"]]  # half a year later: another time
    assert comps.quantity_of["a#f1"] == comps.quantity_of["b#f1"] and "d#f1" not in comps.quantity_of


def test_one_measure_of_two_subjects_is_two_quantities():
    comps = compare.Comparisons()
    comps.add([], [figure("a#f1", 2, "Profits at Avelin Foods rose to £2m, the firm said.", topic="pound",
                          measure="profits"),
                   figure("b#f1", 5, "Profits at Kessford Mills rose to £5m, the firm said.", topic="pound",
                          measure="profits")])
    assert comps.compute().quantities == {}


def test_a_yearly_and_a_monthly_rate_are_different_quantities():
    comps = compare.Comparisons()
    comps.add([], [figure("a#f1", 3000, "The border force stopped 3,000 migrants a month in Kent last year.",
                          topic="migrant"),
                   figure("b#f1", 36000, "The border force stopped 36,000 migrants a year in Kent last year.",
                          topic="migrant")])
    assert comps.compute().quantities == {}


def test_copies_of_one_story_are_no_disagreement():
    body = " ".join(f"Paragraph {n} of the wire story about the harbour strike and the union talks." for n in range(12))
    comps = compare.Comparisons()
    for aid, value in (("wire1", 400), ("wire2", 450)):
        comps.add([], [figure(f"{aid}#f1", value, f"The union said {value} dockers walked out at the harbour.",
                              topic="docker")], {"id": aid, "title": "Strike", "text": body})
    comps.compute()
    assert comps.stories and comps.quantities == {}


def test_comparisons_survive_a_json_round_trip():
    comps = compare.Comparisons()
    comps.add(quotes(), [])
    again = compare.Comparisons.from_json(json.loads(json.dumps(comps.compute().to_json())))
    assert again.clusters == comps.clusters and again.cluster_of == comps.cluster_of


def test_comparisons_saved_beside_a_build_load_back(tmp_path):
    comps = compare.Comparisons()
    comps.add(quotes(), [])
    compare.save(comps.compute(), tmp_path)
    again = compare.load(tmp_path)
    assert again.clusters == comps.clusters and again.quotes == comps.quotes
    first = next(iter(again.quotes.values()))
    assert dict(first) == dict(comps.quotes[first["id"]]) and first["text"]


@pytest.mark.parametrize("content", [b"", b"not a database", b'{"quotes": {}}', pickle.dumps([1, 2]),
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
    items = [{"id": f"wire{n}#q1", "article_id": f"wire{n}", "text": text, "speaker": "Defence Minister"}
             for n in range(300)]
    assert cluster_quotes(items) == [sorted(i["id"] for i in items)]


def test_short_quotes_cluster_only_when_nearly_identical():
    items = [dict(q, article_id=q["id"].split("#")[0]) for q in (
        {"id": "gazette#q1", "text": "This budget invests in our neighborhoods,", "speaker": "Jane Roe"},
        {"id": "wire#q1", "text": "This budget invests in our neighbourhoods,", "speaker": "Mayor Jane Roe"},
        {"id": "gazette#q2", "text": "This budget hurts our neighborhoods badly.", "speaker": "Tom Lee"},
        {"id": "radio#q1", "text": "This budget invests in our schools,", "speaker": "Jane Roe"},
    )]
    assert cluster_quotes(items) == [["gazette#q1", "wire#q1"]]


def test_narration_in_a_quote_never_joins():
    told = "Mr Dunmore said voters faced a clear choice between higher rents and the new housing plan."
    items = [{"id": "a#q1", "article_id": "a", "speaker": "Tom Dunmore", "text": told},
             {"id": "b#q1", "article_id": "b", "speaker": "Tom Dunmore", "text": told.replace("Mr Dunmore said ", "")}]
    assert cluster_quotes(items) == []


def test_one_outlet_rewording_a_remark_is_another_occasion():
    a = ("Our schools have waited far too long for the repairs the county promised them, and the "
         "children deserve classrooms that are warm and dry this winter.")
    b = ("The county promised repairs long ago and our schools are still waiting; children deserve "
         "warm, dry classrooms before the winter comes.")
    items = [{"id": "a#q1", "article_id": "a", "speaker": "Ann Bell", "text": a, "source": "Kessford Post"},
             {"id": "b#q1", "article_id": "b", "speaker": "Ann Bell", "text": b, "source": "Kessford Post"}]
    assert cluster_quotes(items) == []
    items[1]["source"] = "Avelin Radio"  # two outlets transcribe or translate one remark their own way
    assert cluster_quotes(items) == [["a#q1", "b#q1"]]


def test_appearances_run_by_date_undated_last_and_name_the_first():
    from search.compare.views import appearances

    records = [{"id": "c#q1", "article_id": "c", "source": "Radio North", "date": None},
               {"id": "b#q1", "article_id": "b", "source": "Coast Gazette", "date": "2025-02-03"},
               {"id": "a#q1", "article_id": "a", "source": "Wire Agency", "date": "2025-02-01"}]
    listed, first = appearances(records)
    assert [a["article_id"] for a in listed] == ["a", "b", "c"] and [a["first"] for a in listed] == [True, False, False]
    assert first["label"] == "first reported by Wire Agency on 2025-02-01"


def test_disagreements_rank_more_outlets_first_then_wider_spread():
    def fig(fid, value, source, sentence):
        return figure(fid, value, sentence, topic="ferry:norway", source=source)

    ferries = "The Fjord Line ferry operator said {} ferries crossed to Norway in the storm season."
    buses = "Nordbus said {} ferry crossings to Norway were cancelled by the Nordbus strike."
    comps = compare.Comparisons()
    comps.add([], [fig("a#f1", 40, "Wire", ferries.format(40)), fig("b#f1", 60, "Post", ferries.format(60)),
                   fig("c#f1", 90, "Radio", ferries.format(90)),
                   fig("d#f1", 10, "Wire", buses.format(10)), fig("e#f1", 80, "Post", buses.format(80))])
    comps.compute()
    ranked = disagreements(comps)["disagreements"]
    assert [d["outlets"] for d in ranked] == [3, 2] and ranked[1]["spread"] == 8


def test_values_written_as_decimal_strings_compare_as_numbers():
    comps = compare.Comparisons()
    comps.add([], [figure("a#f1", "12000", TROOPS_A, qualifier="about"), figure("b#f1", "9500.5", TROOPS_B)])
    comps.compute()
    found = disagreements(comps)["disagreements"]
    assert len(found) == 1 and found[0]["positions"] == [["b#f1"], ["a#f1"]]


def _quantities(*figs):
    comps = compare.Comparisons()
    comps.add([], list(figs))
    return comps.compute().quantities


def test_a_running_total_names_no_quantity():
    from search.compare.quantities import measure_key
    assert measure_key(figure("a#f1", 110, "The film's takings to date took its total to $110m in Canada.",
                              topic="dollar/total:canada", measure="total", text="$110m")) is None


def test_a_measure_naming_only_a_unit_or_a_part_is_no_quantity():
    assert _quantities(figure("a#f1", 5, "Rovers are fifth in the league, five points off the top.", topic="point",
                              measure="points"),
                       figure("b#f1", 9, "Rovers lead the league by nine points, the manager said.", topic="point",
                              measure="points")) == {}


def test_two_values_of_one_sentence_mean_the_measure_names_two_subjects():
    line = "Moonfall took $800m worldwide, compared with $500m for Harbour Lights."
    assert _quantities(figure("a#f1", 800, line, topic="dollar", measure="takings"),
                       figure("a#f2", 500, line, topic="dollar", measure="takings"),
                       figure("b#f1", 300, "Moonfall and Harbour Lights took $300m worldwide in total.",
                              topic="dollar", measure="takings")) == {}


def test_sentences_naming_different_subjects_are_two_quantities():
    assert _quantities(figure("a#f1", 7, "The drama Quiet Fields got seven nominations at the Ostrava Film Awards.",
                              topic="nomination"),
                       figure("b#f1", 3, "The drama Quiet Fields got three nominations at the Lumen Awards.",
                              topic="nomination")) == {}


def test_a_quarter_and_a_whole_year_are_two_periods():
    quarter = figure("a#f1", 0.2, "Germany's economy shrank 0.2% in the last three months of 2004, analysts said.",
                     topic="percent:germany", measure="Germany's economy", text="0.2%")
    year = figure("b#f1", 1.7, "Germany's economy grew 1.7% in 2004, though analysts said the last three "
                  "months were weak.", topic="percent:germany", measure="Germany's economy", text="1.7%")
    revised = figure("c#f1", 1.6, "Germany's economy grew 1.6% last year after shrinking in 2003, analysts said.",
                     topic="percent:germany", measure="Germany's economy", text="1.6%")
    assert list(_quantities(quarter, year, revised).values()) == [["b#f1", "c#f1"]]  # a revision, not the quarter


def test_a_total_of_several_and_one_subjects_value_are_two_quantities():
    assert _quantities(figure("a#f1", 3, "Coach Tamsin Hale kept faith in Jo Marr despite three missed penalties.",
                              topic="penalty"),
                       figure("b#f1", 6, "Jo Marr and Ali Brenn missed six penalties between them.",
                              topic="penalty")) == {}


def test_a_short_quote_joins_as_a_cut_not_as_a_bag_of_shared_words():
    items = [dict(q, article_id=q["id"].split("#")[0]) for q in (
        {"id": "a#q1", "text": "The public interest can only be served now by the fullest disclosure of the advice.",
         "speaker": "Dana Kell"},
        {"id": "b#q1", "text": "Only the fullest disclosure will now do.", "speaker": "Dana Kell"},
        {"id": "c#q1", "text": "It is a special day. But we are a very happy camp now, after the win.",
         "speaker": "Rhys Bowen"},
        {"id": "d#q1", "text": "we are a very happy camp now", "speaker": "Rhys Bowen"},
    )]
    assert cluster_quotes(items) == [["c#q1", "d#q1"]]


def test_a_forecast_and_an_outcome_are_two_quantities():
    assert _quantities(figure("a#f1", 422, "Both candidates pledged to curb Freedonia's $422bn budget deficit.",
                              topic="dollar/deficit", measure="budget deficit", text="$422bn"),
                       figure("b#f1", 368, "Freedonia's budget deficit is forecast to reach $368bn, officials said.",
                              topic="dollar/deficit-budget", measure="budget deficit", text="$368bn")) == {}


def test_undated_quotes_of_a_market_price_are_two_moments():
    assert _quantities(figure("a#f1", 49.74, "In Oslo, North Sea crude fell 32 cents to $49.74 a barrel.",
                              topic="dollar", measure="North Sea crude", text="$49.74"),
                       figure("b#f1", 40.15, "North Sea crude closed at $40.15 a barrel in Oslo on Thursday.",
                              topic="dollar", measure="North Sea crude", text="$40.15")) == {}


def test_an_adjective_before_a_measure_does_not_split_it():
    found = _quantities(
        figure("a#f1", 3.9, "The Freedonian economy grew at an annual rate of 3.9% in the three months to September.",
               topic="percent/annual-rate", measure="annual rate", text="3.9%"),
        figure("b#f1", 3.7, "The Freedonian economy grew at a respectable annual rate of 3.7% in the three months "
               "between July and September.", topic="percent/annual-rate-respectable",
               measure="respectable annual rate", text="3.7%"))
    assert list(found.values()) == [["a#f1", "b#f1"]]


def test_words_that_start_like_months_name_no_period():
    from search.compare.periods import periods
    assert periods("The market may decline in the separate sector")["months"] == frozenset()
    assert periods("in the three months to September")["quarters"] == {"third"}


def test_one_in_six_and_a_share_of_gdp_are_no_growth_figures():
    from search.compare.quantities import measure_key
    assert measure_key(figure("a#f1", 6, "One in six cars sold was a Mini.", topic="car", text="six")) is None
    deficit = figure("a#f1", 3, "The deficit stayed below 3% of GDP in Poland.", topic="percent/gdp:poland",
                     measure="GDP", text="3%")
    assert measure_key(deficit)[0] != measure_key(dict(deficit, sentence="Polish GDP rose 3%."))[0]


def test_an_earlier_value_down_from_takes_the_measure_and_its_own_period():
    line = "Consumer spending in Canada grew 4.2% in the final quarter, down from the third quarter's 5.1%."
    newer = figure("a#f1", 4.2, line, topic="percent/consumer-spending:canada", measure="Consumer spending", text="4.2%")
    older = figure("a#f2", 5.1, line, topic="percent", measure=None, text="5.1%")
    first = figure("b#f1", 4.6, "Consumer spending in Canada grew 4.6% in the third quarter, officials said.",
                   topic="percent/consumer-spending:canada", measure="consumer spending", text="4.6%")
    assert list(_quantities(newer, older, first).values()) == [["a#f2", "b#f1"]]  # a revision of the third quarter


def test_an_earlier_value_with_no_period_of_its_own_is_left_out():
    from search.compare.quantities import measure_key
    line = "Consumer spending in Canada grew 4.6% in the third quarter, up from just 1.6% in the second."
    assert measure_key(figure("a#f2", 1.6, line, topic="percent/consumer-spending:canada",
                              measure="consumer spending", text="1.6%")) is None


def test_a_fall_and_a_rise_of_one_size_are_not_close():
    from search.compare.quantities import close
    fell = figure("a#f1", 0.5, "Canadian house prices fell 0.5% in January.", text="0.5%")
    rose = figure("b#f1", 0.5, "Canadian house prices rose 0.5% in January.", text="0.5%")
    assert not close(fell, rose) and close(fell, dict(fell, id="c#f1"))


def test_a_rate_with_no_period_is_not_compared_with_a_yearly_one():
    year = figure("a#f1", 12.3, "For all of 2024, Canadian exports rose 12.3% to a record.",
                  topic="percent/export:canada", measure="exports", text="12.3%", unit="percent")
    month = figure("b#f1", 0.6, "Canadian imports rose by 3.4%, while exports increased by only 0.6%.",
                   topic="percent/export:canada", measure="exports", text="0.6%", unit="percent")
    assert _quantities(year, month) == {}


def test_a_months_change_and_the_years_so_far_are_two_quantities():
    said = ", the Nationwide building society said."
    month = figure("a#f1", -0.4, "UK house prices fell 0.4% in October" + said,
                   topic="percent/house-price:uk", measure="UK house prices", text="0.4%", unit="percent")
    year = figure("b#f1", 0.9, "UK house prices have risen 0.9% this year" + said,
                  topic="percent/house-price:uk", measure="UK house prices", text="0.9%", unit="percent")
    assert _quantities(month, year) == {}


def test_last_year_in_two_undated_stories_is_one_period_and_this_year_another():
    from search.compare.periods import compatible_time, shared_period
    last = figure("a#f1", 1.6, "Canada's economy grew 1.6% last year.", text="1.6%", unit="percent")
    again = figure("b#f1", 1.7, "Gross domestic product rose by 1.7% last year, the office said.", text="1.7%",
                   unit="percent")
    this = figure("c#f1", 1.2, "Canada's economy will grow 1.2% this year.", text="1.2%", unit="percent")
    assert shared_period(last, again) and not compatible_time(last, dict(this, sentence=this["sentence"].replace(
        "will grow", "grew")))
    assert not shared_period(dict(last, date="2024-03-01"), dict(again, date="2025-03-01"))


def test_one_named_bodys_statistic_in_other_words_is_one_quantity_and_a_persons_is_not():
    first = figure("a#f1", 91000, "According to Statistics Office figures, 91,000 new homes were built last month.",
                   topic="home", claimer="Statistics Office", text="91,000")
    revised = figure("b#f2", 84000, "The Statistics Office also said it had revised down the homes built in May "
                     "2024, from 91,000 to 84,000.", topic="home", claimer="Statistics Office", text="84,000")
    assert list(_quantities(first, revised).values()) == [["a#f1", "b#f2"]]
    speech = [dict(f, claimer="Ravi Quorrel") for f in (first, revised)]
    assert _quantities(*speech) == {}  # a person gives many figures: sharing a speaker says little
    many = [figure(f"x{n}#f1", 10 + n, f"Builders in town {n} finished {10 + n} homes in spring.", topic="home")
            for n in range(30)]  # a block too big to compare every pair still pairs one body's figures
    assert list(_quantities(first, revised, *many).values()) == [["a#f1", "b#f2"]]


def test_measure_keys_read_jobless_as_unemployment_and_price_of_x_as_x_price():
    from search.compare.quantities import measure_key
    rate = figure("a#f1", 5.2, "The jobless rate in Canada fell to 5.2%.", topic="percent/jobless-rate:canada",
                  measure="jobless rate", text="5.2%")
    level = dict(rate, measure="unemployment levels")
    assert measure_key(rate) == measure_key(level) == measure_key(dict(rate, measure="Unemployment"))
    oil = figure("a#f1", 50, "The price of oil rose to $50 in Canada.", topic="dollar/oil-price:canada",
                 measure="price of oil", text="$50")
    assert measure_key(oil) == measure_key(dict(oil, measure="oil prices"))


def test_a_level_that_holds_now_in_two_undated_stories_is_two_moments():
    from search.compare.periods import compatible_time
    a = figure("a#f1", 163748, "The average price of a home in Canada now stands at £163,748.", text="£163,748")
    b = figure("b#f1", 162086, "The average price of a home in Canada now stands at £162,086, the bank said.",
               text="£162,086")
    assert not compatible_time(a, b)
    assert compatible_time(dict(a, date="2025-01-06"), dict(b, date="2025-01-06"))
    assert compatible_time(*(dict(f, sentence=f["sentence"].replace("now stands", "stood") + " in May")
                             for f in (a, b)))


def test_the_highest_of_many_and_the_whole_are_two_quantities():
    whole = figure("a#f1", 180126, "The average Canadian house price fell to £180,126 in May.",
                   topic="pound/average-house-price:canada", measure="average Canadian house price", text="£180,126")
    top = figure("b#f1", 262825, "In May the area with the highest average house price in Canada was at £262,825.",
                 topic="pound/average-house-price:canada", measure="highest average house price", text="£262,825")
    assert _quantities(whole, top) == {}


def test_a_quantitys_label_is_its_commonest_then_most_telling_measure_whatever_the_order():
    from search.compare.views import _measure_label
    figs = [{"measure": m} for m in ("growth", "Japan's economy", "Growth")]
    assert {_measure_label(order) for order in (figs, figs[::-1], figs[1:] + figs[:1])} == {"Japan's economy"}
    assert _measure_label(figs + [{"measure": "growth"}]) == "growth"


def test_unknown_speakers_sharing_a_party_line_in_another_order_are_two_quotes():
    from search.compare.quotes import same_utterance
    from search.compare.text import content_stems
    a = {"text": "Lower taxes and controlled immigration are the issues that matter to people in this country.",
         "speaker": "party statement", "named": False, "source": "A"}
    b = {"text": "The party is concentrating on the issues that matter to people in this country, such as lower "
                 "taxes and controlled immigration.", "speaker": "a spokesman", "named": False, "source": "B"}
    assert not same_utterance(a, b, tuple(content_stems(a["text"])), tuple(content_stems(b["text"])))
    c = dict(b, text="Lower taxes and controlled immigration are the issues that matter to people in the country now.")
    assert same_utterance(a, c, tuple(content_stems(a["text"])), tuple(content_stems(c["text"])))


def test_a_figures_period_and_forecast_follow_its_sentence_and_number_only():
    # both are remembered by (sentence, number): another figure of that sentence and number answers alike,
    # a figure of another number in the sentence does not
    from search.compare.periods import forecast, period_words
    sentence = "Sales rose 5% last year and are expected to grow by 4% in 2005, the firm said."
    first = {"id": "f1", "sentence": sentence, "text": "5%", "unit": "percent"}
    second = {"id": "f2", "sentence": sentence, "text": "4%", "unit": "percent", "date": "2005-01-01"}
    assert (period_words(first), forecast(first)) == (" last year and are expected to grow by 4% in 2005", False)
    assert (period_words(second), forecast(second)) == (" in 2005", True)
    assert period_words(dict(first, id="f3", date="2004-02-02")) == period_words(first)


def test_pattern_answers_are_remembered_per_pattern_and_text():
    from search.compare.periods import MOMENT, QUARTERLY, names
    text = "Shares closed at 250p on Friday after a quarterly loss."
    assert [names(p, t) for p in (MOMENT, QUARTERLY) for t in (text, "")] == [
        bool(p.search(t)) for p in (MOMENT, QUARTERLY) for t in (text, "")]


def test_number_first_letter_guard_keeps_what_the_pattern_finds():
    import re

    from search.compare.text import NUMBER, numbers
    guard = "(?=[\\dtfsenhmbdjao])"
    assert NUMBER.pattern.startswith(guard)
    unguarded = re.compile(NUMBER.pattern[len(guard):], re.IGNORECASE)
    words = re.search(r"\\b\(\?:(.*)\)\\b", NUMBER.pattern).group(1).split("|")
    assert len(words) == 35 and all(numbers(f"About {w.title()} homes; {w.upper()}.") == {w} for w in words)
    text = "Twenty-two MPs, 3.5% and 1,200 in March; often tenfold, the thirtieth, milliseconds. ſix K9"
    assert NUMBER.findall(text) == unguarded.findall(text) and len(NUMBER.findall(text)) == 7
