"""The learned claim scorer: learned cues, loose readings it keeps or drops, shipped weights and their provenance."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from search.extract import extract
from search.extract.claims.finder import SENTENCE_WORDS
from search.extract.claims.scorer import WEIGHTS_FILE, ClaimScorer, default_scorer
from search.extract.claims.sources import can_assert
from search.extract.text.sentences import tokens
from search.ingest.documents import load_plain
from tools.logistic import Example, cross_validate, train
from tools.train_claim_scorer import PROBE, Recorder, learn_cues, probe_hash
from tools.train_claim_tagger import Recorder as TaggerRecorder


def claims_of(body: str, judge=None):
    # a test that passes a judge looks at the rules and loose readings alone: no tagger adds claims
    return extract(load_plain(f"Headline\n\n{body}", "t.txt"), judge=judge,
                   tagger=TaggerRecorder() if judge else None).claims


def _shipped() -> dict:
    return json.loads(resources.files("search.extract.claims").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8"))


@pytest.mark.parametrize("body, content, claimer, cue", [
    # an adjective of stance after 'be' (a learned cue with its preposition)
    ("Residents were critical of the new parking rules in the old town.",
     "the new parking rules in the old town", "Residents", "critical of"),
    # an action cue ('attacked X for Y')
    ("Critics attacked the council for ignoring the report on flooding.",
     "the council for ignoring the report on flooding", "Critics", "attacked"),
    # a vote as a stance
    ("The senator voted for the bill that cut taxes for families.",
     "the bill that cut taxes for families", "senator", "voted for"),
    # an adverb before the cue: read at the verb
    ("The union publicly thanked the mayor for her support during the long strike.",
     "the mayor for her support during the long strike", "union", "thanked"),
])
def test_learned_cues_give_claims(body, content, claimer, cue):
    [claim] = claims_of(body)
    assert (claim.text, claim.claimer, claim.cue) == (content, claimer, cue)


def test_an_adverb_and_its_verb_give_one_claim():
    claims = claims_of("The governor repeatedly criticized the budget plan as wasteful and unfair.")
    assert len(claims) == 1 and claims[0].cue == "criticized"


@pytest.mark.parametrize("body", [
    "Like-for-like sales showed a growth rate of 0.1%.",  # a measure shows, nobody claims
    "The minister also said at the meeting on Friday in the capital.",  # adjuncts, no content
    "The harbour plan splits the Portwick council in two.",  # a noun form without 'to' or 'that'
])
def test_loose_readings_without_a_source_or_content_are_dropped(body):
    assert claims_of(body) == []


def test_a_passive_reading_names_no_source():
    assert [c.claimer for c in claims_of("The tunnel is expected to open next year.")] == [None]


def test_a_judge_that_keeps_nothing_leaves_the_rules_claims():
    body = "Critics attacked the council for ignoring the report. Maria Lopez said the bridge will reopen in June."
    recorder = Recorder(default_scorer())
    claims = claims_of(body, recorder)
    assert [c.cue for c in claims] == ["said"]
    assert [claim.cue for _, claim in recorder.seen] == ["attacked"]
    assert any(f.startswith("cue=attacked") for f in recorder.seen[0][0])


def test_the_threshold_decides():
    body = "Critics attacked the council for ignoring the report on flooding."
    scorer = default_scorer()
    assert claims_of(body, ClaimScorer(scorer.weights, 1.0, scorer.cues)) == []
    assert len(claims_of(body, ClaimScorer(scorer.weights, 0.0, scorer.cues))) == 1


def test_shipped_model_records_its_provenance():
    data = _shipped()
    prov = data["provenance"]
    assert data["command"] == "make models" and data["trained_on"] == "PolNeAR train"
    assert len(prov["code_commit"]) == 40 and len(prov["data_sha256"]) == 64
    assert {"f1", "precision", "recall", "indirect_recall"} <= set(prov["scores"]["full_fit"])
    assert data["options"]["min_seen"] >= 1 and 0 < data["threshold"] < 1
    for form, counts in data["cues"].items():  # every learned cue meets the options it was learned with
        assert counts["seen"] >= data["options"]["min_seen"]
        assert counts["cue"] >= data["options"]["min_share"] * counts["seen"]
        assert form.split()[0] not in SENTENCE_WORDS


def test_features_match_the_shipped_model():
    """Fails when the code's features drift from those the shipped weights were trained on: run `make models`."""
    assert Recorder(default_scorer()).cues  # the probe reads learned cues
    assert probe_hash(default_scorer()) == _shipped()["provenance"]["probe_sha256"]


def test_probe_text_has_readings():
    recorder = Recorder(default_scorer())
    extract(load_plain(PROBE, "probe.txt"), judge=recorder)
    assert len(recorder.seen) >= 3


def test_cue_learning_counts_annotated_cues():
    text = "Ann backed the plan. Bob backed the plan. The backed car left. Cy was wary of the plan."
    cue = [(text.index("backed"), text.index("backed") + 6), (text.index("backed", 10), text.index("backed", 10) + 6)]
    gold = [{"cue": [span], "start": span[1] + 1, "end": span[1] + 9} for span in cue]
    docs = {"d": {"text": text, "gold": gold}}
    learned = learn_cues(docs, 2, 0.5)
    assert learned == {"backed": {"seen": 3, "cue": 2}}
    assert learn_cues(docs, 2, 0.7) == {}


def test_logistic_training_separates_and_cross_validates():
    examples = [Example(f"d{i % 6}", ["bias", "good" if i % 2 else "bad"], bool(i % 2)) for i in range(60)]
    weights = train(examples, epochs=5)
    assert weights["good"] > 0 > weights["bad"]
    assert train(examples, epochs=5) == weights  # deterministic
    held = cross_validate(examples, 3, (0.5,), epochs=5)["0.5"]
    assert held["precision"] == 1.0 and held["share_of_right"] == 1.0


@pytest.mark.parametrize("sentence, source, expected", [
    ("Critics attacked the plan.", "Critics", True),  # a capitalised name or noun opening a sentence
    ("The campaign attacked the plan.", "campaign", True),  # a learned or listed source noun
    ("Long waiting lists for new homes appeared.", "Long waiting lists", False),  # not someone who asserts
    ("Starting strongly, the side won.", "Starting", False),  # a participle opening the sentence
])
def test_who_can_assert(sentence, source, expected):
    toks = tokens(sentence, 0, len(sentence))
    start = sentence.index(source)
    assert can_assert(toks, (start, start + len(source)), frozenset({"long", "waiting", "new"}),
                      default_scorer().heads) is expected


def test_a_passive_agent_is_not_content():
    assert claims_of("Solutions suggested by the engineers include cheaper trains and wider roads.") == []


def _keep_all() -> ClaimScorer:
    """A judge that keeps every loose reading, so a test sees what the finder's guards let through."""
    shipped = default_scorer()
    return ClaimScorer({}, 0.0, shipped.cues, shipped.heads)


@pytest.mark.parametrize("body", [
    # a cue word read as a noun or adjective after a name, an article or a possessive
    "Portwick defender Sam Ode escaped with a booking after the late tackle on the winger.",
    "But the veteran defender escaped with a booking as other players stood nearby.",
    "The pundit made some enemies with his outspoken views about the new stadium.",
    # a relative or expletive subject names nobody
    "He has a knee injury which ruled him out of the cup final at Hollin Park.",
    "It seems the festival organisers are determined to end the show early this year.",
    # a 'subject' that is a clause, not a noun phrase
    "This prompted press speculation that the quiz show would move to a new channel.",
    # whom something is said to, not what
    "The box office will write to customers who bought tickets for the cancelled show.",
])
def test_loose_readings_of_nouns_non_agents_and_addressees_are_dropped(body):
    assert claims_of(body, _keep_all()) == []


@pytest.mark.parametrize("body, cue", [
    ("The club owners defended the plan to rebuild the stadium before the next season.", "defended"),
    ("Council leaders will promote the scheme as a way to cut traffic downtown.", "promote"),
])
def test_verb_readings_pass_the_guards(body, cue):
    assert [c.cue for c in claims_of(body, _keep_all())] == [cue]
