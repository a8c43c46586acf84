"""The fast stemming analyzer gives exactly the folding StemmingAnalyzer's tokens, in every mode it is called."""
from __future__ import annotations

import pickle

from hypothesis import given, settings, strategies as st

from search.extract.speakers.identities import name_key
from search.extract.text.accents import fold_accents
from search.index.schema import make_schema
from search.index.speakers import filter_key
from search.whoosh_ext.analysis import (FastStemmingAnalyzer, folding_name_analyzer, folding_stemming_analyzer,
                                       indexed_terms, name_terms, terms_function, token_function)
from search.whoosh_ext.adding import DocumentAdder
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


def positions(analyzer, text):
    return [(t.text, t.pos) for t in analyzer(text, positions=True, mode="index", boosts=True)]


def from_terms(terms_of, text):
    first, terms = terms_of(text)
    return list(zip(terms, range(first, first + len(terms))))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_writers_terms_are_the_analyzers(text):
    # adding.py indexes a value of these fields from terms_function's words instead of the analyzer's tokens
    assert from_terms(indexed_terms, text) == positions(STANDARD, text)
    assert from_terms(name_terms, text) == positions(folding_name_analyzer(), text)


def test_the_name_analyzer_keeps_what_stemming_would_drop():
    # folded after the stop list (Whoosh's StandardAnalyzer, then the fold); not stemmed
    assert from_terms(name_terms, "The Ibáñez of Running A.B") == [("ibanez", 1), ("running", 2), ("a.b", 3)]


def test_the_writer_knows_the_terms_of_the_schemas_analyzers_only():
    schema = make_schema()
    assert terms_function(schema["body"].analyzer) is indexed_terms
    assert terms_function(schema["speaker"].analyzer) is name_terms
    assert terms_function(pickle.loads(pickle.dumps(schema["speaker"].analyzer))) is name_terms
    assert terms_function(STANDARD) is None  # the same words, but not recognised: Whoosh's own path
    from whoosh.analysis import StandardAnalyzer
    assert terms_function(StandardAnalyzer()) is None and terms_function(schema["article_id"].analyzer) is None


KEYS = st.text(st.sampled_from(list("ab ,é\t-İ")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(KEYS)
def test_the_writers_ids_and_keywords_are_the_fields_own(text):
    # adding.py indexes the schema's ID and comma KEYWORD values from token_function's words
    from search.whoosh_ext.adding import _measured, _terms_of
    for name in ("source", "speaker_id", "speaker_keys"):
        field = make_schema()[name]
        adder = DocumentAdder.__new__(DocumentAdder)
        adder.terms_of = {}
        ours = adder._index(name, field, text)
        assert sorted(ours[0]) == sorted(_measured(name, field.index(text))[0]) and ours[1:] == _measured(
            name, field.index(text))[1:]
        assert _terms_of(field) is not None


def test_the_writer_leaves_other_analyzers_and_numbers_to_whoosh():
    from whoosh.analysis import IDTokenizer, KeywordAnalyzer, LowercaseFilter, RegexTokenizer
    from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC
    from search.whoosh_ext.adding import _terms_of
    assert token_function(RegexTokenizer(r"[^,]+", gaps=True) | KeywordAnalyzer(commas=True).items[1]) is None
    lower_id = ID(analyzer=IDTokenizer() | LowercaseFilter())
    for field in (KEYWORD(), KEYWORD(commas=True, lowercase=True), lower_id, NUMERIC(), DATETIME()):
        assert _terms_of(field) is None, field
