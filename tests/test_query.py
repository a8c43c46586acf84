"""Query building is pure: parsed text, facet filters, fallbacks for broken syntax."""
from __future__ import annotations

import datetime as dt

import pytest
from whoosh import query as wq

from search.query.parse import SearchParams, build_query, parse_text, restrict_prefixes, syntax_problem
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
    assert restrict_prefixes("doc_id:abc speaker:x") == "doc_id abc speaker:x"
    fields = {f for f, _ in terms(parse_text("detail:secret", SCHEMA)[0])}
    assert "detail" not in fields and "title" in fields


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
    assert terms(plan.filters["speaker"]) == [("speaker_facet", "X Y")]


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
