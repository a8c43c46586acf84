"""The learned speaker ranker: candidates, features, shipped weights, and learning on a fixture."""
from __future__ import annotations

import itertools
import json
import subprocess
import sys

from search.ingest.documents import load_plain
from search.extract import extract
from search.extract.attribution.ranker.candidates import candidates
from search.extract.attribution.context import Attribution
from search.extract.attribution.ranker.features import candidate_features, feature_space, quote_flags
from search.extract.attribution.ranker.model import WEIGHTS_FILE, Ranker, RulePick, default_ranker, load_ranker
from tools.ranker_model import Group, cross_validate
from tools.train_speaker_ranker import Recorder, space_hash

SPEECH = "We will keep working for the people of this city every day"


def _recorded(text: str):
    """Return the Recorder after extracting text with the rule picks kept."""
    recorder = Recorder()
    extract(load_plain(text, "t.txt"), recorder)
    return recorder


def test_candidates_cover_names_pronouns_and_described_sources():
    text = (f"Headline\n\nMaria Lopez met the city spokesman on Monday. "
            f'He listened. "{SPEECH}," she said.')
    [(quote, cands, _, _)] = _recorded(text).seen
    mentions = {text[c.start:c.end]: c for c in cands}
    assert {"Maria Lopez", "the city spokesman", "He", "she"} <= set(mentions)
    assert mentions["she"].is_rule and mentions["she"].region == "quote"
    assert mentions["He"].region == "prev"
    assert sum(c.is_rule for c in cands) == 1


def test_rule_pick_outside_the_window_is_still_a_candidate():
    text = f'Headline\n\nAnn Cole arrived.\n\nShe sat down. "{SPEECH}," she said.'
    recorder = _recorded(text)
    quote = recorder.seen[0][0]
    far = text.index("Ann Cole")
    cands = candidates(recorder.ctx, quote, Attribution(far, far + 8, None, "previous"))
    assert [c for c in cands if c.is_rule] == [cands[0]]
    assert cands[0].region == "outside" and text[cands[0].start:cands[0].end] == "Ann Cole"


def test_features_are_deterministic():
    text = (f"Headline\n\nThe ambassador, Ivan Petrov, spoke first. "
            f'Cheered by aides, Petrov promised to "{SPEECH}."')
    first, second = _recorded(text), _recorded(text)
    assert [f for _, _, f, _ in first.seen] == [f for _, _, f, _ in second.seen]
    quote, cands, feats, _ = first.seen[0]
    rule = next(Attribution(c.start, c.end, None, "subject") for c in cands if c.is_rule)
    again = candidate_features(first.ctx, quote, cands, quote_flags(first.ctx, quote, rule))
    assert again == candidate_features(first.ctx, quote, cands, quote_flags(first.ctx, quote, rule), {})
    assert all(f[0] == "bias" for f in feats)


def test_shipped_weights_load_and_are_used():
    ranker = default_ranker()
    assert len(ranker.weights) > 100 and isinstance(ranker.margin, float)
    assert ranker is default_ranker()  # read once per process
    assert load_ranker({"weights": {"rule": "1.5"}}).weights == {"rule": 1.5}
    text = f'Headline\n\nMaria Lopez met Ann Cole. "{SPEECH}," Cole said.'
    assert _mention(text, ranker) == _mention(text, None) == "Cole"


def test_runtime_imports_no_numeric_libraries():
    code = "import sys, search.extract as e; e.default_ranker(); print(sorted(m for m in ('numpy', 'sklearn') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_empty_model_keeps_every_rule_pick():
    text = f'Headline\n\nMaria Lopez met Ann Cole. "{SPEECH}," Lopez said. Cole left.'
    assert _mention(text, Ranker({})) == _mention(text, RulePick())


def test_model_beats_the_rule_pick_out_of_fold_on_a_fixture():
    groups = _fixture_groups()
    result = cross_validate(groups, k=3, margins=(0.0,), epochs=10)
    assert result["margin=0.0"] > result["rule"] + 0.2, result


def _mention(text: str, ranker) -> str | None:
    [quote] = extract(load_plain(text, "t.txt"), ranker).quotes
    return quote.speaker_mention


OPENERS = ["Preceded at the lectern by {o}", "Cheered by {o}", "Surrounded by {o}",
           "Joined on stage by {o}", "Flanked by {o}", "Introduced by {o}"]
NAMES = ["Maria Lopez", "Tom Reed", "Ann Cole", "Ivan Petrov", "Sara Diaz", "Paul Kent"]
VERBS = ["launched into a lament for the", "closed with a promise to", "offered a pledge to"]


def _fixture_groups() -> list[Group]:
    """Return labelled quotes whose speaker follows an opening phrase the rules mistake for it."""
    groups = []
    for n, (opener, (name, other), verb) in enumerate(
            itertools.product(OPENERS, itertools.permutations(NAMES[:4], 2), VERBS)):
        body = f'{opener.format(o=other)}, {name} {verb} "{SPEECH}."'
        if n % 3 == 0:
            body = f'"{SPEECH}," {name} said after meeting {other}.'  # the rules get these right
        text = f"Headline\n\n{body}"
        quote, cands, feats, trusted = _recorded(text).seen[0]
        where = text.index(name, text.index(SPEECH) if n % 3 == 0 else 0)
        labels = [c.start < where + len(name) and where < c.end for c in cands]
        rule = next((i for i, c in enumerate(cands) if c.is_rule), None)
        groups.append(Group(f"doc{n // 4}", feats, labels, rule, trusted))
    return groups


def _shipped() -> dict:
    from importlib import resources

    return json.loads(resources.files("search.extract.attribution.ranker").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8"))


def test_shipped_model_knows_exactly_the_codes_feature_names():
    # Fails when features are added, renamed or dropped without `make models`: the shipped
    # weights would silently ignore the new names and keep weights for names no longer made.
    shipped = _shipped()
    assert set(shipped["weights"]) <= feature_space()
    assert shipped["provenance"]["feature_space_sha256"] == space_hash()


def test_features_the_code_makes_are_in_the_feature_space():
    text = (f"Headline\n\nThe ambassador, Ivan Petrov, spoke first. He said: \"{SPEECH}.\"\n\n"
            f'"{SPEECH}," according to Ann Cole. Officials, said Tom Reed, called it "a plan". '
            f'"{SPEECH}," Cole said, "and more."')
    made = {f for _, _, feats, _ in _recorded(text).seen for names in feats for f in names}
    assert made and made <= feature_space()


def test_shipped_model_records_its_provenance():
    provenance = _shipped()["provenance"]
    assert len(provenance["code_commit"]) == 40 and provenance["code_dirty"] is False
    assert len(provenance["data_sha256"]) == 64
    assert provenance["scores"]["full_fit"]["speaker_accuracy"] > 0.9


def test_the_rules_table_says_which_picks_the_ranker_trusts():
    """A tag right after the quote, or 'X, who said:' before it, stands; a borrowed speaker does not."""
    cases = [(f'Headline\n\nMaria Lopez met Ann Cole. "{SPEECH}," Lopez said.', True),
             (f'Headline\n\nThe mayor, Maria Lopez, who said: "{SPEECH}."', True),
             (f'Headline\n\nMaria Lopez spoke to the crowd at the harbour on Monday.\n\n"{SPEECH}."', False)]
    for text, trusted in cases:
        [(quote, cands, feats, trusts)] = _recorded(text).seen
        assert trusts is trusted, text


def test_every_rule_in_the_table_is_a_ranker_feature():
    from search.extract.attribution.rules import RULE_NAMES
    from search.extract.attribution.ranker.features import FLAGS
    assert len(set(RULE_NAMES)) == len(RULE_NAMES)
    assert {f"q:by-{name}" for name in RULE_NAMES} <= set(FLAGS)
    assert {f"rule|q:by-{name}" for name in RULE_NAMES} <= feature_space()
