"""The learned claim tagger: claims the rules miss, sentences it leaves alone, the shipped model and its drift probe."""
from __future__ import annotations

import base64
import json
from importlib import resources

import pytest

from search.extract import extract
from search.extract.claims.tagger import TAGGER_FILE, ClaimTagger, default_tagger, sentence_features
from search.extract.text.sentences import tokens
from search.ingest.documents import load_plain
from tools.train_claim_tagger import PROBE, Recorder, char_labels, probe_hash, window_labels


def claims_of(body: str, tagger=None):
    return extract(load_plain(f"Headline\n\n{body}", "t.txt"), tagger=tagger).claims


def _shipped() -> dict:
    return json.loads(resources.files("search.extract.claims").joinpath(TAGGER_FILE).read_text(encoding="utf-8"))


@pytest.mark.parametrize("body, content, claimer", [
    # nominal cues: 'voiced support for X', 'voiced opposition to X'
    ("The Portwick mayor voiced support for the plan to rebuild the old library.",
     "the plan to rebuild the old library", "mayor"),
    ("Two local farmers voiced opposition to the new wind farm on the ridge.",
     "the new wind farm on the ridge", "farmers"),
    # a participle as an adjective of stance after 'remain'
    ("Residents of Eastmoor remain strongly opposed to the new incinerator beside the school.",
     "to the new incinerator beside the school", "Residents"),
])
def test_the_tagger_adds_a_claim_the_rules_miss(body, content, claimer):
    assert claims_of(body, Recorder()) == []
    [claim] = claims_of(body)
    assert claim.text == content and claimer in claim.claimer


@pytest.mark.parametrize("body", [
    "The bridge over the river was built in 1890 and painted green in the spring.",
    "Heavy rain fell across the valley overnight, and the roads were closed until noon.",
])
def test_a_plain_narrative_sentence_is_left_alone(body):
    assert claims_of(body) == []


def test_the_rules_claim_is_kept_and_nothing_is_added_over_it():
    body = "Maria Lopez said the bridge will reopen in June after the repairs."
    assert [(c.text, c.cue) for c in claims_of(body)] == [(c.text, c.cue) for c in claims_of(body, Recorder())]


def test_the_threshold_decides():
    body = "The Portwick mayor voiced support for the plan to rebuild the old library."
    shipped = default_tagger()
    # past every threshold: no run is content, no weak run and no guessed source or cue is kept
    assert claims_of(body, ClaimTagger(shipped.model, shipped.cues, 1.01, guess=1.01, weak=1.01)) == []
    assert len(claims_of(body, ClaimTagger(shipped.model, shipped.cues, 0.5, 2, 0.0))) == 1


def test_labels_mark_content_source_and_cue_with_bio():
    text = "Ann Lee said the dam will fail soon."
    doc = {"text": text, "gold": [{"content": [(13, 35)], "source": [(0, 7)], "cue": [(8, 12)],
                                   "start": 13, "end": 35}]}
    labels = window_labels(tokens(text, 0, len(text)), char_labels(doc))
    assert labels == ["B-S", "I-S", "B-Q", "B-C", "I-C", "I-C", "I-C", "I-C", "O"]


def test_features_are_one_list_per_token():
    text = "She hopes voters trust her."
    toks = tokens(text, 0, len(text))
    feats = sentence_features(toks)
    assert len(feats) == len(toks) and "w=hopes" in feats[1] and "w-1=she" in feats[1]


def test_shipped_model_loads_from_the_package_with_its_provenance():
    data = _shipped()
    prov = data["provenance"]
    assert data["command"] == "make models" and data["trained_on"] == "PolNeAR train"
    assert len(prov["data_sha256"]) == 64 and prov["code_commit"]
    assert len(base64.b64decode(data["model"])) == prov["model_bytes"] < 5_000_000
    assert 0.0 < default_tagger().threshold < 1.0 and default_tagger().cues == frozenset(data["cues"])


def test_probe_features_match_the_shipped_model():
    # Features that drift from the ones the model was trained on silently change its claims: retrain.
    assert probe_hash(default_tagger().cues) == _shipped()["provenance"]["probe_sha256"]
    assert PROBE.startswith("Probe Headline")


def test_windows_overlapping_a_rules_claim_are_found_by_bisection():
    from search.extract.claims.finder import RawClaim
    from search.extract.claims.tagger import _Taken
    taken = _Taken([RawClaim(50, 60, 0, 1, "said"), RawClaim(0, 200, 0, 1, "said"), RawClaim(300, 310, 0, 1, "said")])
    assert taken.overlaps(250, 260) is False and taken.overlaps(150, 160) and taken.overlaps(305, 400)
    assert _Taken([]).overlaps(0, 10) is False
