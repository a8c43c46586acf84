"""Query building is pure: parsed text, facet filters, fallbacks for broken syntax."""
from __future__ import annotations

import datetime as dt

import pytest
from whoosh import query as wq

from search.query.parse import SearchParams, build_query, parse_text, syntax_problem
from search.index.schema import make_schema

SCHEMA = make_schema()


def terms(q):
    return sorted({(f, t.decode() if isinstance(t, bytes) else t) for f, t in q.iter_all_terms()})


def test_empty_query_matches_everything():
    assert isinstance(build_query(SearchParams(), SCHEMA).text, wq.Every)


def test_field_prefixes_search_one_field():
    assert terms(parse_text("speaker:matsegora", SCHEMA)[0]) == [("speaker", "matsegora")]
    assert terms(parse_text("source:newser.com", SCHEMA)[0]) == [("source", "newser.com")]


def test_unknown_prefixes_become_plain_words():
    assert terms(parse_text("doc_id:abc speaker:matsegora", SCHEMA)[0]) == [
        ("body", "abc"), ("body", "doc_id"), ("context", "abc"), ("context", "doc_id"), ("speaker", "abc"),
        ("speaker", "doc_id"), ("speaker", "matsegora"), ("title", "abc"), ("title", "doc_id")]
    fields = {f for f, _ in terms(parse_text("detail:secret", SCHEMA)[0])}
    assert "detail" not in fields and "title" in fields


@pytest.mark.parametrize("q", ["url:x", "start:x", "end:x", "path:x", "paragraphs:x", "date:[a TO b]",
                               'topic:""~body:', "doc_id:zz", "value:[1 TO 5]"])
def test_only_user_fields_reach_the_query(q):
    parsed, _ = parse_text(q, SCHEMA)
    assert {f for f, _ in terms(parsed)} <= {"title", "body", "speaker", "topic", "context"}


def test_stopwords_do_not_empty_an_and_query():
    # "with" is a stop word in every default field, so it must not become a required term
    assert ("source", "with") not in terms(parse_text("phrase with words", SCHEMA)[0])


@pytest.mark.parametrize("q", ['"unclosed phrase', "(open group", "brotherly AND", "NOT", "a ) b"])
def test_broken_syntax_falls_back_to_words_with_a_note(q):
    assert syntax_problem(q)
    parsed, notes = parse_text(q, SCHEMA)
    assert notes and "syntax" in notes[0]


def test_fallback_keeps_the_words():
    parsed, _ = parse_text('"brotherly attitude', SCHEMA)
    assert ("body", "brotherli") in terms(parsed) and ("body", "attitud") in terms(parsed)


def test_facet_filters_or_within_and_across():
    plan = build_query(SearchParams(filters={"source": ("a.com", "b.com"), "speaker": ("X Y",)}), SCHEMA)
    assert terms(plan.filters["source"]) == [("source", "a.com"), ("source", "b.com")]
    assert terms(plan.filters["speaker"]) == [("speaker_keys", "x y")]  # any alias, any case


def test_date_range_joins_the_text_query():
    plan = build_query(SearchParams(q="troops", date_from=dt.date(2025, 1, 1)), SCHEMA)
    assert isinstance(plan.text, wq.And)
    assert any(isinstance(q, wq.DateRange) for q in plan.text.subqueries)


@pytest.mark.parametrize("q, field_terms, kind", [
    ("quotes:brotherly", [("body", "brotherli")], "quote"),
    ('claims:"sent troops"', [("body", "sent"), ("body", "troop")], "claim"),
    ("figures:(troops OR soldiers)", [("body", "soldier"), ("body", "troop")], "figure"),
])
def test_kind_prefixes_search_the_text_of_that_kind_only(q, field_terms, kind):
    parsed, notes = parse_text(q, SCHEMA)
    assert not notes and sorted(set(terms(parsed)) - {("kind", kind)}) == field_terms
    assert ("kind", kind) in terms(parsed)


def test_a_query_whoosh_cannot_parse_falls_back_with_a_note():
    parsed, notes = parse_text("* NOT AND *", SCHEMA)  # Whoosh's parser raises IndexError here
    assert notes and "syntax" in notes[0]


@pytest.mark.parametrize("q, words", [('"NORTH KOREA', ["north", "korea"]), ("(ANDERSON", ["anderson"]),
                                      ("ORDER AND (NOTE", ["order", "note"])])
def test_the_fallback_drops_operators_as_whole_words_only(q, words):
    parsed, notes = parse_text(q, SCHEMA)
    assert sorted({t for f, t in terms(parsed) if f == "speaker"}) == sorted(words)
    assert "searched for the words" in notes[0]


@pytest.mark.parametrize("q", ["*", "*:*", "troops OR *"])
def test_a_lone_star_is_the_match_all(q):
    assert parse_text(q, SCHEMA) == (wq.Every(), [])


def test_a_star_in_a_kind_field_is_every_statement_of_that_kind():
    assert parse_text("claims:*", SCHEMA) == (wq.Term("kind", "claim"), [])


def test_a_star_beside_words_does_not_widen_them():
    parsed, _ = parse_text("troops *", SCHEMA)
    assert {t for _, t in terms(parsed)} == {"troop", "troops"}


def test_leading_wildcards_are_left_out_with_a_note():
    parsed, notes = parse_text("*a* troops ?e", SCHEMA)
    assert {t for _, t in terms(parsed)} == {"troop", "troops"}
    assert notes == ["Words cannot start with a wildcard; left out: *a*, ?e"]
    scoped, notes = parse_text("quotes:?e troops", SCHEMA)
    assert {t for f, t in terms(scoped) if f != "kind"} == {"troop", "troops"} and "?e" in notes[0]
    only, notes = parse_text("*a* *e* *i* *o*", SCHEMA)
    assert only is wq.NullQuery and "wildcard" in notes[0]


def test_brackets_inside_a_phrase_are_not_broken_syntax():
    assert not syntax_problem('"troops (sent" home') and syntax_problem("(troops")
