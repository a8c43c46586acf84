"""The fast stemming analyzer gives exactly the folding StemmingAnalyzer's tokens, in every mode it is called."""
from __future__ import annotations

import pickle

from hypothesis import given, settings, strategies as st

from search.extract.speakers.identities import name_key
from search.extract.text.accents import fold_accents
from search.index.schema import make_schema
from search.index.speakers import filter_key
from search.whoosh_ext.analysis import FastStemmingAnalyzer, folding_stemming_analyzer
from tests.helpers import SEEDS

STANDARD, FAST = folding_stemming_analyzer(), FastStemmingAnalyzer()
CALLS = [{"positions": True, "mode": "index", "boosts": True}, {"positions": True, "mode": "index"},
         {"mode": "query"}, {},
         {"chars": True, "positions": True}, {"removestops": False}, {"keeporiginal": True},
         {"positions": True, "start_pos": 5}, {"tokenize": False}]
TEXTS = st.text(st.sampled_from(list("aAbé ßİñÑøÉ.*,'-_0123  \n\tThe of U.S. running")), max_size=80)


def tokens(analyzer, text, **kwargs):
    return [(t.text, getattr(t, "pos", None), getattr(t, "startchar", None), getattr(t, "endchar", None),
             t.boost, t.stopped, getattr(t, "original", None)) for t in analyzer(text, **kwargs)]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_same_tokens_as_stemming_analyzer(text):
    for kwargs in CALLS:
        assert tokens(FAST, text, **kwargs) == tokens(STANDARD, text, **kwargs), kwargs


def test_same_tokens_on_the_seed_articles():
    for path in sorted(SEEDS.glob("*")):
        text = path.read_text(encoding="utf-8")
        for kwargs in CALLS[:3]:
            assert tokens(FAST, text, **kwargs) == tokens(STANDARD, text, **kwargs)


def test_accents_fold_so_either_spelling_finds_a_name():
    assert [t.text for t in FAST("Ibáñez in São Paulo")] == [t.text for t in FAST("Ibanez in Sao Paulo")] == [
        "ibanez", "sao", "paulo"]


def test_stop_words_renumber_like_the_stop_filter():
    assert [(t.text, t.pos) for t in FAST("The minister of the budget", positions=True)] == [
        ("minist", 1), ("budget", 2)]


def test_the_writer_takes_the_fast_path(monkeypatch):
    field = make_schema()["body"]
    monkeypatch.setattr(field.analyzer, "standard", None)  # the fallback would fail: indexing must not use it
    assert [term for term, *_ in field.index("The minister said")] == [b"minist", b"said"]


def test_survives_pickling_with_the_schema():
    copy = pickle.loads(pickle.dumps(FAST))
    assert tokens(copy, "Running runners", positions=True) == tokens(STANDARD, "Running runners", positions=True)
    assert isinstance(copy, FastStemmingAnalyzer)


def test_one_fold_for_search_terms_and_speaker_keys():
    assert fold_accents("Søren Łódź Straße Ibáñez") == "Soren Lodz Strasse Ibanez"
    assert [t.text for t in FAST("Søren Łódź")] == [t.text for t in FAST("Soren Lodz")]
    assert name_key("Søren Larsen") == name_key("Soren Larsen") and filter_key("Søren") == filter_key("soren")
